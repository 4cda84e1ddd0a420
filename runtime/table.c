/* table.c: open addressing with linear probing; keys are not copied (they are interned
   or live in the arena). Each slot keeps its key's hash and length, so a probe compares
   two integers before any bytes and growing never rereads a key. */
#include "runtime/table.h"

#include <stdint.h>
#include <string.h>

typedef struct Slot {
  const char *key;
  void *value;
  uint32_t hash, len;
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

/* A 64-bit word's bits spread over all bits (the splitmix64 finaliser). */
static uint64_t table_mix(uint64_t h) {
  h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
  h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
  return h ^ (h >> 31);
}

/* The n <= 8 bytes at s as one word, all of them in it (two keys of the same length are
   equal when their words are): two overlapping loads of four (or of one and the two at the
   ends), never a byte at a time: a tail copied byte by byte into a word and read back
   stalled on store forwarding, most of the hash's time. */
static uint64_t table_tail(const unsigned char *s, size_t n) {
  if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    return (uint64_t)a << 32 | b;
  }
  if (n == 0) return 0;
  return (uint64_t)s[0] << 16 | (uint64_t)s[n >> 1] << 8 | s[n - 1];
}

/* The hash of n bytes, read eight at a time: names are short, and a byte-at-a-time hash
   was a tenth of plc check's time. The last eight bytes of a key of eight or more are one
   load, overlapping the words before it (the length, mixed in first, keeps keys apart). */
static uint32_t table_hash(const char *s, size_t n) {
  uint64_t h = 0x9e3779b97f4a7c15u ^ n, w;
  if (n < 8) return (uint32_t)table_mix(h ^ table_tail((const unsigned char *)s, n));
  for (; n > 8; s += 8, n -= 8) {
    memcpy(&w, s, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdu;
    h ^= h >> 32;
  }
  memcpy(&w, s + n - 8, 8);
  return (uint32_t)table_mix(h ^ w);
}

/* Whether the n bytes at a and at b are the same: a key of up to eight bytes (most names)
   in two loads each, a longer one by memcmp. */
static int table_same(const char *a, const char *b, size_t n) {
  if (n > 8) return memcmp(a, b, n) == 0;
  return table_tail((const unsigned char *)a, n) == table_tail((const unsigned char *)b, n);
}

/* The slot of the n-byte key whose hash is h, or the empty slot where it would go. */
static Slot *table_slot(const Table *t, const char *key, size_t n, uint32_t h) {
  size_t mask = t->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot *s = &t->slots[i];
    if (!s->key || (s->hash == h && s->len == n && table_same(s->key, key, n))) return s;
  }
}

void *table_get_n(const Table *t, const char *key, size_t n) {
  return table_slot(t, key, n, table_hash(key, n))->value;
}

void *table_get(const Table *t, const char *key) {
  return table_get_n(t, key, strlen(key));
}

/* Store the key (its hash h, its n bytes) and p in the empty slot s; grow at three
   quarters full. */
static void table_fill(Table *t, Slot *s, const char *key, size_t n, uint32_t h, void *p) {
  *s = (Slot){key, p, h, (uint32_t)n};
  /* grow at three quarters full (a probe compares kept hashes, so a longer run costs
     little, and the slots outgrown stay in the arena): rehash by the kept hashes */
  if (++t->n * 4 > t->cap * 3) {
    Slot *old = t->slots;
    size_t old_cap = t->cap;
    t->cap *= 2;
    t->slots = arena_alloc(t->arena, t->cap * sizeof *t->slots);
    size_t mask = t->cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
      if (!old[i].key) continue;
      size_t j = old[i].hash & mask;
      while (t->slots[j].key) j = (j + 1) & mask;
      t->slots[j] = old[i];
    }
  }
}

void *table_put_n(Table *t, const char *key, size_t n, void *p) {
  uint32_t h = table_hash(key, n);
  Slot *s = table_slot(t, key, n, h);
  if (s->key) return s->value;
  table_fill(t, s, key, n, h, p);
  return p;
}

void *table_intern_n(Table *t, const char *key, size_t n) {
  uint32_t h = table_hash(key, n);
  Slot *s = table_slot(t, key, n, h);
  if (s->key) return s->value;
  char *copy = arena_strndup(t->arena, key, n);
  table_fill(t, s, copy, n, h, copy);
  return copy;
}

void *table_put(Table *t, const char *key, void *p) {
  return table_put_n(t, key, strlen(key), p);
}
