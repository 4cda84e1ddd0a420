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

typedef struct Source {
  char *path;       /* as given on the command line or in an import */
  char *text;       /* the bytes, NUL-terminated */
  size_t len;
  size_t *lines;    /* byte offset where each line starts; built on first use */
  int nlines;
} Source;

/* Read the file at path; NULL (errno set) when it cannot be read. */
Source *source_load(const char *path);

/* A source made from a copy of the n bytes at text, named path (for tests and stdin). */
Source *source_from_string(const char *path, const char *text, size_t n);

void source_free(Source *s);

/* The bytes of line (1-based) without its newline; *n gets the length. NULL past the end. */
const char *source_line(Source *s, int line, size_t *n);

#endif
