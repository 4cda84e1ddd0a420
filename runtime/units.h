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

/* The largest power of ten a unit's scale may carry (10^±1000): a declared unit beyond it
   is an error; a product of units beyond it is shown in its base units instead. */
#define UNIT_MAX_EXP10 1000

/* A unit: scale × (product of base^exp). 亿元 is 10^8 × 元. The scale is exact: num/den in
   lowest terms, both positive, with every factor of ten moved into exp10; arithmetic on it
   is checked, never wraps. */
typedef struct Unit {
  const char *text; /* as shown: "亿元", "%", "微克/立方米"; NULL for a bare number */
  UnitKind kind;
  int exp10;        /* the scale is num/den × 10^exp10 */
  long num, den;
  Dim dims[UNIT_MAX_DIMS];
  int ndims;
  int overfull;     /* more base units than UNIT_MAX_DIMS: it matches no unit, not even
                       itself, so that nothing is converted through it */
} Unit;

/* Why a unit cannot be declared, with the words that finish "unit 'X' …". */
#define UNIT_ERRORS(X)                                                                     \
  X(UE_OK, "is declared")                                                                   \
  X(UE_EXISTS, "is already known")                                                          \
  X(UE_NOT_POSITIVE, "needs a factor more than zero")                                       \
  X(UE_TOO_LARGE, "has a scale plc cannot hold exactly (a ratio of 18-digit numbers times " \
                  "10^±1000 at most)")

typedef enum UnitError {
#define UNIT_ERROR_ENUM(name, words) name,
  UNIT_ERRORS(UNIT_ERROR_ENUM)
#undef UNIT_ERROR_ENUM
} UnitError;

/* The words of an error, to follow "unit 'X' ". */
const char *unit_error_words(UnitError e);

typedef struct UnitTable UnitTable;

/* A table that knows the built-in base units; free with units_free. */
UnitTable *units_new(void);
void units_free(UnitTable *t);

/* Declare a unit: a new base unit (def NULL), or name = factor × def (factor NULL: 1).
   UE_OK, or why not: the name exists, the factor is zero or negative, or the scale does not
   fit a Unit exactly. */
UnitError units_declare(UnitTable *t, const char *name, const Unit *def, const mpq_t factor);

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

/* a×b and a/b, for formulas; text is written into buf (n bytes) when both have units.
   Never overflows: when the product's scale or its text does not fit, the product is given
   in its base units (scale 1, text such as "平方米^16"), which is exact as well. */
Unit unit_mul(const Unit *a, const Unit *b, char *buf, size_t n);
Unit unit_div(const Unit *a, const Unit *b, char *buf, size_t n);

/* A unit's base units for messages: "元", "元/人", "a bare number" for none; cut at a
   character boundary when buf is short. */
void unit_describe(const Unit *u, char *buf, size_t n);

#endif
