/* mem.c: allocation with one out-of-memory path, shared with GMP. */
#include "runtime/mem.h"

#include <gmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

_Noreturn void mem_oom(size_t asked) {
  /* stderr may be fully buffered: what it holds goes first, then the message, written
     past stdio so that it needs no memory */
  static const char msg[] = "plc: out of memory\n";
  (void)asked;
  fflush(stderr);
  if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) { /* nothing more can be done */
  }
  exit(2);
}

void *mem_alloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) mem_oom(n);
  return p;
}

void *mem_calloc(size_t n) {
  void *p = calloc(1, n ? n : 1);
  if (!p) mem_oom(n);
  return p;
}

void *mem_realloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) mem_oom(n);
  return q;
}

char *mem_strndup(const char *s, size_t n) {
  char *p = mem_alloc(n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *mem_strdup(const char *s) {
  return mem_strndup(s, strlen(s));
}

char *mem_printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) mem_oom(0);
  char *s = mem_alloc((size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(s, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return s;
}

void mem_free(void *p) {
  free(p);
}

/* GMP's hooks: the same family; GMP passes the old size, which realloc does not need. */
static void *mem_gmp_realloc(void *p, size_t old, size_t n) {
  (void)old;
  return mem_realloc(p, n);
}

static void mem_gmp_free(void *p, size_t n) {
  (void)n;
  free(p);
}

void mem_init(void) {
  mp_set_memory_functions(mem_alloc, mem_gmp_realloc, mem_gmp_free);
}
