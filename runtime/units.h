/* units.h: units with magnitudes (万, 亿, 万亿 …) over base units (元, 人, 平方米 …),
   compound units (微克/立方米), percent and percentage points, and conversion. */
#ifndef PLC_UNITS_H
#define PLC_UNITS_H

#include <gmp.h>
#include <stddef.h>

#define UNIT_MAX_DIMS 4

typedef enum UnitKind {
  UK_PLAIN,   /* a base-unit quantity, a count, or a bare number */
  UK_PERCENT, /* % : a dimensionless number shown ×100 */
  UK_POINTS,  /* 个百分点 : a difference of percents; not addable to a plain number */
  UK_PERMILLE /* ‰ : a dimensionless number shown ×1000 (人口出生率7.40‰) */
} UnitKind;

typedef struct Dim {
  const char *base; /* 元, 人, 平方米 … */
  int exp;
} Dim;

/* A unit: scale × (product of base^exp). 亿元 is 10^8 × 元. */
typedef struct Unit {
  const char *text; /* as shown: "亿元", "%", "微克/立方米"; NULL for a bare number */
  UnitKind kind;
  int exp10;        /* the scale is num/den × 10^exp10 */
  long num, den;
  Dim dims[UNIT_MAX_DIMS];
  int ndims;
} Unit;

typedef struct UnitTable UnitTable;

/* A table that knows the built-in base units; free with units_free. */
UnitTable *units_new(void);
void units_free(UnitTable *t);

/* Declare a unit: a new base unit (def NULL), or name = def. -1 when it exists. */
int units_declare(UnitTable *t, const char *name, const Unit *def);

/* Read a unit's text ("1.5万套" gives "万套"); -1 when no part of it is known. */
int unit_parse(const UnitTable *t, const char *text, Unit *out);

/* The unit of a bare number. */
Unit unit_none(void);

/* Whether a and b measure the same thing (same base units), so one converts to the other. */
int unit_same_dims(const Unit *a, const Unit *b);

/* Whether a has no base units (a bare number, a ratio, a percent, points). */
int unit_dimensionless(const Unit *a);

/* The scale of u as a rational: 亿元 → 100000000. */
void unit_scale(mpq_t f, const Unit *u);

/* out = v (in from) expressed in to; -1 when they do not measure the same thing. */
int unit_convert(mpq_t out, const mpq_t v, const Unit *from, const Unit *to);

/* a×b and a/b, for formulas; text is written into buf (n bytes) when both have units. */
Unit unit_mul(const Unit *a, const Unit *b, char *buf, size_t n);
Unit unit_div(const Unit *a, const Unit *b, char *buf, size_t n);

/* A unit's base units for messages: "元", "元/人", "1" for none. */
void unit_describe(const Unit *u, char *buf, size_t n);

#endif
