/* names.h: interned names, so that equal names are the same pointer. */
#ifndef PLC_NAMES_H
#define PLC_NAMES_H

#include <stddef.h>

#include "runtime/arena.h"

typedef struct Names Names;

Names *names_new(Arena *a);

/* The interned copy of the n bytes at s; non-ASCII names are NFKC-normalised first, so
   that a full-width ＧＤＰ and GDP are one name. */
const char *names_intern(Names *t, const char *s, size_t n);

#endif
