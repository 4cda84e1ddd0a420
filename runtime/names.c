/* names.c: interned names: a table from each name to its one copy in the arena. */
#include "runtime/names.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "runtime/table.h"
#include "runtime/utf8.h"

struct Names {
  Arena *arena;
  Table *table;
};

Names *names_new(Arena *a) {
  Names *t = arena_alloc(a, sizeof *t);
  t->arena = a;
  t->table = table_new(a);
  return t;
}

/* The one copy of the exact bytes. */
static const char *names_lookup(Names *t, const char *s, size_t n) {
  return table_intern_n(t->table, s, n);
}

const char *names_intern(Names *t, const char *s, size_t n) {
  if (utf8_ascii_prefix(s, n) == n) return names_lookup(t, s, n);
  /* a spelling met before maps to its normalised name: normalise each spelling once */
  const char *known = table_get_n(t->table, s, n);
  if (known) return known;
  utf8proc_uint8_t *norm = NULL;
  utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                      &norm, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                 UTF8PROC_COMPAT);
  if (len < 0) return names_lookup(t, s, n); /* invalid UTF-8 was reported by the lexer */
  const char *r = names_lookup(t, (const char *)norm, (size_t)len);
  free(norm);
  if ((size_t)len != n || memcmp(r, s, n) != 0) /* e.g. ＧＤＰ: remember it maps to GDP */
    table_put_n(t->table, arena_strndup(t->arena, s, n), n, (void *)r);
  return r;
}
