/* buf.c: growing strings. */
#include "runtime/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/mem.h"

/* Room for k more bytes and the NUL. */
static void buf_reserve(Buf *b, size_t k) {
  if (b->n + k + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->n + k + 1) cap *= 2;
  b->s = mem_realloc(b->s, cap);
  b->cap = cap;
}

void buf_addn(Buf *b, const char *s, size_t n) {
  buf_reserve(b, n);
  if (n) memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

void buf_add(Buf *b, const char *s) {
  if (s) buf_addn(b, s, strlen(s));
}

/* Formatted once into the room the buffer has, and again only when it did not fit. */
void buf_vprintf(Buf *b, const char *fmt, va_list ap) {
  va_list again;
  va_copy(again, ap);
  buf_reserve(b, 0);
  size_t room = b->cap - b->n; /* with the NUL */
  int k = vsnprintf(b->s + b->n, room, fmt, ap);
  if (k > 0 && (size_t)k >= room) {
    buf_reserve(b, (size_t)k);
    vsnprintf(b->s + b->n, (size_t)k + 1, fmt, again);
  }
  if (k > 0) b->n += (size_t)k;
  b->s[b->n] = '\0';
  va_end(again);
}

void buf_printf(Buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(b, fmt, ap);
  va_end(ap);
}

const char *buf_str(const Buf *b) {
  return b->s ? b->s : "";
}

char *buf_take(Buf *b) {
  char *s = b->s ? b->s : mem_strdup("");
  *b = (Buf){0};
  return s;
}

void buf_clear(Buf *b) {
  b->n = 0;
  if (b->s) b->s[0] = '\0';
}

void buf_free(Buf *b) {
  mem_free(b->s);
  *b = (Buf){0};
}
