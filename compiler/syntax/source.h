/* source.h: a plan file's bytes in memory, with the offsets of its lines. */
#ifndef PLC_SOURCE_H
#define PLC_SOURCE_H

#include <stddef.h>

/* A span of source: 1-based line and character column of its first character, and the
   line and column just past its last. Bison's %locations fill it (api.location.type). */
typedef struct Loc {
  int first_line, first_column;
  int last_line, last_column;
} Loc;

/* The largest plan file plc reads (64 MiB, about 60 times the largest real plan); a larger
   file is refused with EFBIG before it is read. docs/limits.md lists every limit. */
#define SOURCE_MAX_BYTES ((size_t)64 << 20)

/* The encodings plc recognises in a file that is not UTF-8, to say how to convert it:
   X(enum, the name iconv knows it by). */
#define SOURCE_ENCODINGS(X) \
  X(SE_UTF8, "UTF-8")       \
  X(SE_UTF16LE, "UTF-16LE") \
  X(SE_UTF16BE, "UTF-16BE") \
  X(SE_GB18030, "GB18030")

typedef enum SourceEncoding {
#define SOURCE_ENCODING_ENUM(e, name) e,
  SOURCE_ENCODINGS(SOURCE_ENCODING_ENUM)
#undef SOURCE_ENCODING_ENUM
} SourceEncoding;

typedef struct Source {
  char *path;       /* as given on the command line or in an import */
  char *text;       /* the bytes, NUL-terminated */
  size_t len;
  size_t *lines;    /* byte offset where each line starts; built on first use */
  int nlines;
} Source;

/* Read the file at path; NULL (errno set) when it cannot be read, EFBIG when it holds more
   than SOURCE_MAX_BYTES. */
Source *source_load(const char *path);

/* Read the open file fd to its end (the same limit), named path; fd stays open. */
Source *source_load_fd(int fd, const char *path);

/* A source made from a copy of the n bytes at text, named path (for tests and stdin). Line
   ends are made \n: a \r\n or a lone \r (an old Mac file) is one \n, so that no \r reaches
   a token, a message or an output. */
Source *source_from_string(const char *path, const char *text, size_t n);

/* The encoding s is in: SE_UTF8 unless it is not UTF-8 and is, by its byte order mark or
   its pattern of NUL bytes, UTF-16, or decodes wholly as GB18030 (GBK, GB2312). */
SourceEncoding source_encoding(const Source *s);

/* The iconv name of an encoding: "GB18030". */
const char *source_encoding_name(SourceEncoding e);

void source_free(Source *s);

/* The bytes of line (1-based) without its newline; *n gets the length. NULL past the end. */
const char *source_line(Source *s, int line, size_t *n);

#endif
