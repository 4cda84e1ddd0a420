/* arena.c: chunked bump allocator; every block is zeroed and lives until arena_free. */
#include "runtime/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

/* 1 MiB: large enough that the C library maps fresh zero pages rather than clearing memory */
#define ARENA_CHUNK (1024 * 1024)
#define ARENA_ALIGN 16

typedef struct Chunk {
  struct Chunk *next;
  size_t size, used;
  _Alignas(ARENA_ALIGN) unsigned char data[];
} Chunk;

struct Arena {
  Chunk *head;
};

/* A new, empty arena. */
Arena *arena_new(void) {
  Arena *a = mem_calloc(sizeof *a);
  return a;
}

/* Free every block of the arena and the arena itself. */
void arena_free(Arena *a) {
  if (!a) return;
  for (Chunk *c = a->head, *next; c; c = next) {
    next = c->next;
    mem_free(c);
  }
  mem_free(a);
}

/* n zeroed bytes, aligned for any object. */
void *arena_alloc(Arena *a, size_t n) {
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (n == 0) n = ARENA_ALIGN;
  Chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
    c = mem_calloc(sizeof *c + size);
    c->size = size;
    c->next = a->head;
    a->head = c;
  }
  void *p = c->data + c->used;
  c->used += n;
  return p;
}

/* A NUL-terminated copy of the n bytes at s. */
char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

/* A copy of the string s. */
char *arena_strdup(Arena *a, const char *s) {
  return arena_strndup(a, s, strlen(s));
}

/* A larger copy of the block old (old_n bytes); the old block stays until arena_free. */
void *arena_grow(Arena *a, void *old, size_t old_n, size_t new_n) {
  void *p = arena_alloc(a, new_n);
  if (old_n) memcpy(p, old, old_n);
  return p;
}
