/* utf8.h: decoding, column counting and East Asian display width of UTF-8 text. */
#ifndef PLC_UTF8_H
#define PLC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode one character at s (n bytes left); store it in *cp and return its length,
   or return -1 (and consume one byte) when the bytes are not valid UTF-8. */
int utf8_decode(const char *s, size_t n, int32_t *cp);

/* How many of the n bytes at s, from the start, are ASCII. */
size_t utf8_ascii_prefix(const char *s, size_t n);

/* Offset of the first invalid byte in s[0..n), or n when all of it is valid. */
size_t utf8_invalid_at(const char *s, size_t n);

/* Length of the longest prefix of s[0..n) that is valid UTF-8 holding no control character
   but tab and newline (no NUL, no DEL, no other C0 control). */
size_t utf8_clean_prefix(const char *s, size_t n);

/* Columns s[0..n) advances a cursor: one per character, one per invalid byte. */
int utf8_cols(const char *s, size_t n);

/* Byte offset of the character at column cols (0-based) of s[0..n), or n. */
size_t utf8_offset(const char *s, size_t n, int cols);

/* Terminal cells a character occupies: two for East Asian wide and fullwidth ones, and
   for the ambiguous ones (“ ” — … · ①) unless the narrow rule was chosen; zero for
   combining marks; one for the rest (controls included). */
int utf8_char_width(int32_t cp);

/* Terminal cells s[0..n) occupies: utf8_char_width of each character, one per invalid
   byte. */
int utf8_width(const char *s, size_t n);

/* Count ambiguous characters wide (1, the default: how Chinese fonts, terminals and
   editors draw them) or narrow (0, the rule of Western terminals). Process-wide. */
void utf8_set_ambiguous_wide(int wide);

#endif
