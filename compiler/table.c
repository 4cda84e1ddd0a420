/* table.c: open addressing with linear probing; keys are not copied (they are interned
   or live in the arena). */
#include "table.h"

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

/* FNV-1a of a NUL-terminated key. */
static size_t table_hash(const char *s) {
  size_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* The slot of key, or the empty slot where it would go. */
static Slot *table_slot(const Table *t, const char *key) {
  size_t i = table_hash(key) & (t->cap - 1);
  while (t->slots[i].key && strcmp(t->slots[i].key, key) != 0) i = (i + 1) & (t->cap - 1);
  return &t->slots[i];
}

void *table_get(const Table *t, const char *key) {
  return table_slot(t, key)->value;
}

void *table_put(Table *t, const char *key, void *p) {
  Slot *s = table_slot(t, key);
  if (s->key) return s->value;
  s->key = key;
  s->value = p;
  if (++t->n * 2 > t->cap) { /* grow: rehash into twice the slots */
    Slot *old = t->slots;
    size_t old_cap = t->cap;
    t->cap *= 2;
    t->slots = arena_alloc(t->arena, t->cap * sizeof *t->slots);
    for (size_t i = 0; i < old_cap; i++)
      if (old[i].key) *table_slot(t, old[i].key) = old[i];
  }
  return p;
}
