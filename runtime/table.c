/* table.c: open addressing with linear probing; keys are not copied (they are interned
   or live in the arena). */
#include "runtime/table.h"

#include <string.h>

typedef struct Slot {
  const char *key;
  void *value;
} Slot;

struct Table {
  Arena *arena;
  Slot *slots;
  size_t cap, n;
};

Table *table_new(Arena *a) {
  Table *t = arena_alloc(a, sizeof *t);
  t->arena = a;
  t->cap = 64;
  t->slots = arena_alloc(a, t->cap * sizeof *t->slots);
  return t;
}

/* FNV-1a of n bytes. */
static size_t table_hash(const char *s, size_t n) {
  size_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* The slot of the n-byte key, or the empty slot where it would go. */
static Slot *table_slot(const Table *t, const char *key, size_t n) {
  size_t i = table_hash(key, n) & (t->cap - 1);
  for (const char *k; (k = t->slots[i].key); i = (i + 1) & (t->cap - 1))
    if (strncmp(k, key, n) == 0 && k[n] == '\0') break;
  return &t->slots[i];
}

void *table_get_n(const Table *t, const char *key, size_t n) {
  return table_slot(t, key, n)->value;
}

void *table_get(const Table *t, const char *key) {
  return table_get_n(t, key, strlen(key));
}

void *table_put(Table *t, const char *key, void *p) {
  size_t n = strlen(key);
  Slot *s = table_slot(t, key, n);
  if (s->key) return s->value;
  s->key = key;
  s->value = p;
  if (++t->n * 2 > t->cap) { /* grow: rehash into twice the slots */
    Slot *old = t->slots;
    size_t old_cap = t->cap;
    t->cap *= 2;
    t->slots = arena_alloc(t->arena, t->cap * sizeof *t->slots);
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].key) *table_slot(t, old[i].key, strlen(old[i].key)) = old[i];
  }
  return p;
}
