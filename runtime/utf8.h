/* utf8.h: decoding, column counting and East Asian display width of UTF-8 text. */
#ifndef PLC_UTF8_H
#define PLC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one character at s (n bytes left); store it in *cp and return its length,
   or return -1 (and consume one byte) when the bytes are not valid UTF-8. */
int utf8_decode(const char *s, size_t n, int32_t *cp);

/* Offset of the first invalid byte in s[0..n), or n when all of it is valid. */
size_t utf8_invalid_at(const char *s, size_t n);

/* Columns s[0..n) advances a cursor: one per character, one per invalid byte. */
int utf8_cols(const char *s, size_t n);

/* Byte offset of the character at column cols (0-based) of s[0..n), or n. */
size_t utf8_offset(const char *s, size_t n, int cols);

/* Terminal cells s[0..n) occupies: two for East Asian wide characters. */
int utf8_width(const char *s, size_t n);

#endif
