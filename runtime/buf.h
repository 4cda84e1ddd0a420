/* buf.h: a growing string, for text whose length is not known before it is written
   (messages, formulas, report lines): nothing is ever cut at a fixed size. */
#ifndef PLC_BUF_H
#define PLC_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Buf {
  char *s;      /* NUL-terminated once anything was added; NULL before */
  size_t n, cap;
} Buf;

/* Append the string s (nothing for NULL); the n bytes at s. */
void buf_add(Buf *b, const char *s);
void buf_addn(Buf *b, const char *s, size_t n);

/* Append formatted text. */
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* The text so far ("" when empty); it stays the buffer's. */
const char *buf_str(const Buf *b);

/* The text, handed to the caller (free it with mem_free); the buffer is empty again. */
char *buf_take(Buf *b);

/* Forget the text, keep the memory. */
void buf_clear(Buf *b);

void buf_free(Buf *b);

#endif
