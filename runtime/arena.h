/* arena.h: bump allocation for the AST and the model, freed in one go. */
#ifndef PLC_ARENA_H
#define PLC_ARENA_H

#include <stddef.h>

typedef struct Arena Arena;

Arena *arena_new(void);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
void *arena_grow(Arena *a, void *old, size_t old_n, size_t new_n);

#endif
