/* json.h: writing JSON text. */
#ifndef PLC_JSON_H
#define PLC_JSON_H

#include <stdio.h>

/* Write s as a JSON string literal, quotes included (NULL is written as null). */
void json_write_string(FILE *out, const char *s);

#endif
