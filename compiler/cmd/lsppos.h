/* lsppos.h: where a place is, in plc's terms (1-based line, 1-based character column) and
   in the Language Server Protocol's (0-based line, UTF-16 code units); file paths and
   file: URIs. The only place the two kinds of column meet. */
#ifndef PLC_LSPPOS_H
#define PLC_LSPPOS_H

#include <stddef.h>

/* The UTF-16 offset (0-based) of the character at column col (1-based, one column per
   character and per invalid byte, as the scanner counts) of the line s[0..n); columns
   past the end of the line count one unit each. */
int lsppos_utf16(const char *s, size_t n, int col);

/* The column (1-based) of the character at UTF-16 offset u16 of the line s[0..n); an
   offset inside a surrogate pair is the pair's character; past the end counts on. */
int lsppos_column(const char *s, size_t n, int u16);

/* The path a file: URI names ("file:///a/b%20c.fp" → "/a/b c.fp"), or NULL when the URI
   is not a file: URI; the caller frees it (mem_free). */
char *lsppos_uri_path(const char *uri);

/* The file: URI of an absolute path, with the bytes a URI cannot hold %-escaped; the
   caller frees it. */
char *lsppos_path_uri(const char *path);

/* path with "." and "x/.." segments removed, made absolute against the working folder
   when relative: how the server compares the paths of files; the caller frees it. */
char *lsppos_normalize(const char *path);

#endif
