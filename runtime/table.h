/* table.h: a hash table from names to pointers, in an arena (for the model's lookups). */
#ifndef PLC_TABLE_H
#define PLC_TABLE_H

#include <stddef.h>

#include "runtime/arena.h"

typedef struct Table Table;

Table *table_new(Arena *a);

/* The pointer stored under key, or NULL. */
void *table_get(const Table *t, const char *key);

/* The same, for a key given as n bytes (not NUL-terminated). */
void *table_get_n(const Table *t, const char *key, size_t n);

/* Store p under key unless the key is there already; return what the key holds then. */
void *table_put(Table *t, const char *key, void *p);

/* The same, for a key of n bytes (at most 4 GiB; it stays where it is, NUL-terminated or
   not: only its n bytes are read). */
void *table_put_n(Table *t, const char *key, size_t n, void *p);

/* The pointer stored under the n-byte key; when there is none, a NUL-terminated copy of the
   key in the table's arena, stored under itself (one probe, where a get and a put are two). */
void *table_intern_n(Table *t, const char *key, size_t n);

#endif
