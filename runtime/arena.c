/* arena.c: chunked bump allocator; every block is zeroed and lives until arena_free. */
#include "runtime/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

/* The first chunk: 1 MiB, large enough that the C library maps fresh zero pages rather
   than clearing memory. Each next chunk is twice the one before, up to 64 MiB, so a large
   plan takes a few dozen chunks, not thousands. */
#define ARENA_CHUNK (1024 * 1024)
#define ARENA_CHUNK_MAX (64 * 1024 * 1024)
#define ARENA_ALIGN 16

typedef struct Chunk {
  struct Chunk *next;
  size_t size, used;
  _Alignas(ARENA_ALIGN) unsigned char data[];
} Chunk;

struct Arena {
  Chunk *head;
  size_t next_size; /* the size of the next ordinary chunk */
};

/* A new, empty arena. */
Arena *arena_new(void) {
  Arena *a = mem_calloc(sizeof *a);
  a->next_size = ARENA_CHUNK;
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

/* A zeroed chunk of size bytes of data. */
static Chunk *arena_chunk(size_t size) {
  Chunk *c = mem_calloc(sizeof *c + size);
  c->size = size;
  return c;
}

/* n zeroed bytes, aligned for any object. */
void *arena_alloc(Arena *a, size_t n) {
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (n == 0) n = ARENA_ALIGN;
  Chunk *c = a->head;
  if (!c || c->size - c->used < n) {
    if (c && n > a->next_size / 4) {
      /* a large block gets a chunk of its own, behind the current one, which stays
         current: what is left of it is not wasted */
      Chunk *own = arena_chunk(n);
      own->used = n;
      own->next = c->next;
      c->next = own;
      return own->data;
    }
    size_t size = n > a->next_size ? n : a->next_size;
    if (a->next_size < ARENA_CHUNK_MAX) a->next_size *= 2;
    c = arena_chunk(size);
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

/* A larger copy of the block old (old_n bytes); the old block stays until arena_free.
   When old is the last block of the current chunk and the chunk has room, it grows in
   place (an array doubled again and again then costs no copies). */
void *arena_grow(Arena *a, void *old, size_t old_n, size_t new_n) {
  Chunk *c = a->head;
  size_t old_r = (old_n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  size_t new_r = (new_n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (old && old_n && c && new_r >= old_r && (unsigned char *)old + old_r == c->data + c->used &&
      c->size - c->used >= new_r - old_r) {
    memset((unsigned char *)old + old_n, 0, old_r - old_n); /* zeroed, as a new block is */
    c->used += new_r - old_r;
    return old;
  }
  void *p = arena_alloc(a, new_n);
  if (old_n) memcpy(p, old, old_n);
  return p;
}
