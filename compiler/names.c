/* names.c: an open-addressing hash table of names, in the arena. */
#include "names.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct Names {
  Arena *arena;
  const char **slots;
  size_t cap, n;
};

Names *names_new(Arena *a) {
  Names *t = arena_alloc(a, sizeof *t);
  t->arena = a;
  t->cap = 256;
  t->slots = arena_alloc(a, t->cap * sizeof *t->slots);
  return t;
}

/* FNV-1a over the bytes. */
static size_t names_hash(const char *s, size_t n) {
  size_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* Double the table. */
static void names_grow(Names *t) {
  size_t cap = t->cap * 2;
  const char **slots = arena_alloc(t->arena, cap * sizeof *slots);
  for (size_t i = 0; i < t->cap; i++) {
    const char *s = t->slots[i];
    if (!s) continue;
    size_t j = names_hash(s, strlen(s)) & (cap - 1);
    while (slots[j]) j = (j + 1) & (cap - 1);
    slots[j] = s;
  }
  t->slots = slots;
  t->cap = cap;
}

/* Find or add the exact bytes. */
static const char *names_lookup(Names *t, const char *s, size_t n) {
  size_t j = names_hash(s, n) & (t->cap - 1);
  for (const char *e; (e = t->slots[j]); j = (j + 1) & (t->cap - 1))
    if (strncmp(e, s, n) == 0 && e[n] == '\0') return e;
  const char *copy = arena_strndup(t->arena, s, n);
  t->slots[j] = copy;
  if (++t->n * 2 > t->cap) names_grow(t);
  return copy;
}

const char *names_intern(Names *t, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && (unsigned char)s[i] < 0x80) i++;
  if (i == n) return names_lookup(t, s, n);
  utf8proc_uint8_t *norm = NULL;
  utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                      &norm, UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                 UTF8PROC_COMPAT);
  if (len < 0) return names_lookup(t, s, n); /* invalid UTF-8 was reported by the lexer */
  const char *r = names_lookup(t, (const char *)norm, (size_t)len);
  free(norm);
  return r;
}
