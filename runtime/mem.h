/* mem.h: the one allocation family. Every heap block plc asks for comes from here (GMP's
   too, through mem_init), and running out of memory has one path: a message on stderr
   and exit status 2. */
#ifndef PLC_MEM_H
#define PLC_MEM_H

#include <stddef.h>

/* Route GMP's allocations through this module; call once, before any GMP number. */
void mem_init(void);

/* n bytes (never NULL: out of memory ends the program). */
void *mem_alloc(size_t n);

/* n zeroed bytes. */
void *mem_calloc(size_t n);

/* p resized to n bytes. */
void *mem_realloc(void *p, size_t n);

/* A copy of s; of the n bytes at s (NUL added). */
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);

/* A formatted string, as asprintf gives one. */
char *mem_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void mem_free(void *p);

/* Say "plc: out of memory" (with stderr flushed, whatever its buffering) and exit 2. */
_Noreturn void mem_oom(size_t asked);

#endif
