/* units.c: the unit table and unit arithmetic. */
#include "runtime/units.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "runtime/table.h"

typedef struct Entry {
  char *name;
  Unit def; /* in terms of base units; a base unit is 1 × itself */
} Entry;

/* The units in the order declared, and a hash table over their names: every figure's unit
   is looked up, twice for one with a magnitude (亿元: 亿元, then 元), and a scan of the
   entries with a strlen per entry was 3 % of plc check on a large plan. */
struct UnitTable {
  Entry *v;
  int n, cap;
  Arena *arena;   /* the table's */
  Table *by_name; /* name → its entry's number plus one */
};

/* Base units every plan may use without declaring them. */
static const char *const builtin_bases[] = {
    "元", "美元", "港元", "欧元", "人", "户", "家", "个", "项", "套", "张", "座", "栋",
    "人次", "名", "条", "宗", "件", "场", "场次", "所", "次", "间", "位", "辆", "台", "架",
    "只", "棵", "株", "处", "批", "种", "类", "款", "吨", "克", "微克", "米", "平方米",
    "立方米", "瓦", "千瓦时", "标准箱", "P", "岁", "天", "小时", "年", "宗次", "单", "床",
    "幢", "部", "路", "段", "片", "镇", "村", "街区", "根", "盏", "口", "期", "篇", "本",
    "人年"};

/* Magnitudes, longest first so that 万亿 is tried before 万. */
#define UNITS_MAGNITUDE(word, exp10) {word, sizeof word - 1, exp10}
static const struct { const char *word; size_t len; int exp10; } magnitudes[] = {
    UNITS_MAGNITUDE("万亿", 12), UNITS_MAGNITUDE("千亿", 11), UNITS_MAGNITUDE("百亿", 10),
    UNITS_MAGNITUDE("十亿", 9),  UNITS_MAGNITUDE("千万", 7),  UNITS_MAGNITUDE("百万", 6),
    UNITS_MAGNITUDE("十万", 5),  UNITS_MAGNITUDE("亿", 8),    UNITS_MAGNITUDE("万", 4),
    UNITS_MAGNITUDE("千", 3),    UNITS_MAGNITUDE("百", 2),    UNITS_MAGNITUDE("十", 1)};
#undef UNITS_MAGNITUDE

Unit unit_none(void) {
  return (Unit){.kind = UK_PLAIN, .num = 1, .den = 1};
}

static Unit unit_base(const char *name) {
  Unit u = unit_none();
  u.text = name;
  u.dims[0] = (Dim){name, 1};
  u.ndims = 1;
  return u;
}

/* The entry of the unit named by the n bytes at name, or NULL. */
static Entry *units_find(const UnitTable *t, const char *name, size_t n) {
  intptr_t k = (intptr_t)table_get_n(t->by_name, name, n);
  return k ? &t->v[k - 1] : NULL;
}

static void units_add(UnitTable *t, const char *name, Unit def) {
  if (t->n == t->cap) {
    t->cap = t->cap ? 2 * t->cap : 128;
    t->v = mem_realloc(t->v, (size_t)t->cap * sizeof *t->v);
  }
  char *copy = mem_strdup(name);
  if (def.ndims == 1 && def.dims[0].exp == 1 && def.num == 1 && def.den == 1 && def.exp10 == 0 &&
      strcmp(def.dims[0].base, name) == 0)
    def.dims[0].base = copy; /* a base unit names itself */
  def.text = copy;
  t->v[t->n++] = (Entry){copy, def};
  table_put(t->by_name, copy, (void *)(intptr_t)t->n);
}

UnitTable *units_new(void) {
  UnitTable *t = mem_calloc(sizeof *t);
  t->arena = arena_new();
  t->by_name = table_new(t->arena);
  for (size_t i = 0; i < sizeof builtin_bases / sizeof *builtin_bases; i++)
    units_add(t, builtin_bases[i], unit_base(builtin_bases[i]));
  Entry *m2 = units_find(t, "平方米", strlen("平方米"));
  Entry *m = units_find(t, "米", strlen("米"));
  Entry *w = units_find(t, "瓦", strlen("瓦"));
  Unit u = m2->def;
  u.exp10 = 4;
  units_add(t, "公顷", u);
  u.exp10 = 6;
  units_add(t, "平方公里", u);
  u.exp10 = 3;
  u.num = 2;
  u.den = 3;
  units_add(t, "亩", u); /* 1 亩 = 2000/3 平方米, kept as 2/3 × 10^3 */
  u = units_find(t, "吨", strlen("吨"))->def;
  u.num = 5;
  u.exp10 = -4;
  units_add(t, "斤", u); /* 1 斤 = 0.0005 吨, as grain is counted: 粮食产量1.3万亿斤 */
  u = m->def;
  u.exp10 = 3;
  units_add(t, "公里", u);
  u = w->def;
  u.exp10 = 3;
  units_add(t, "千瓦", u);
  Unit pct = unit_none();
  pct.kind = UK_PERCENT;
  pct.exp10 = -2;
  units_add(t, "%", pct);
  Unit pts = unit_none();
  pts.kind = UK_POINTS;
  pts.exp10 = -2;
  units_add(t, "个百分点", pts);
  units_add(t, "百分点", pts);
  Unit permille = unit_none();
  permille.kind = UK_PERMILLE;
  permille.exp10 = -3;
  units_add(t, "‰", permille); /* 人口出生率7.40‰ */
  Unit cheng = unit_none();
  cheng.exp10 = -1;
  units_add(t, "成", cheng); /* 近七成 */
  units_add(t, "倍", unit_none());
  return t;
}

void units_free(UnitTable *t) {
  if (!t) return;
  for (int i = 0; i < t->n; i++) mem_free(t->v[i].name);
  arena_free(t->arena);
  mem_free(t->v);
  mem_free(t);
}

const char *unit_error_words(UnitError e) {
  static const char *const words[] = {
#define UNIT_ERROR_WORDS(name, w) [name] = w,
      UNIT_ERRORS(UNIT_ERROR_WORDS)
#undef UNIT_ERROR_WORDS
  };
  return words[e];
}

/* Divide both of z and the running power *e by ten while ten divides z (sign +1 for a
   numerator, -1 for a denominator). */
static void unit_pull_tens(mpz_t z, long *e, int sign) {
  while (mpz_sgn(z) != 0 && mpz_divisible_ui_p(z, 10)) {
    mpz_divexact_ui(z, z, 10);
    *e += sign;
  }
}

/* Set u's scale to f × 10^e exactly; -1 when it does not fit num/den and UNIT_MAX_EXP10. */
static int unit_set_scale(Unit *u, const mpq_t f, long e) {
  mpz_t n, d;
  mpz_init_set(n, mpq_numref(f));
  mpz_init_set(d, mpq_denref(f));
  unit_pull_tens(n, &e, 1);
  unit_pull_tens(d, &e, -1);
  int ok = mpz_sgn(n) > 0 && mpz_fits_slong_p(n) && mpz_fits_slong_p(d) &&
           e >= -UNIT_MAX_EXP10 && e <= UNIT_MAX_EXP10;
  if (ok) {
    u->num = mpz_get_si(n);
    u->den = mpz_get_si(d);
    u->exp10 = (int)e;
  }
  mpz_clears(n, d, NULL);
  return ok ? 0 : -1;
}

UnitError units_declare(UnitTable *t, const char *name, const Unit *def, const mpq_t factor) {
  if (units_find(t, name, strlen(name))) return UE_EXISTS;
  if (!def) {
    units_add(t, name, unit_base(name));
    return UE_OK;
  }
  if (def->overfull) return UE_TOO_LARGE;
  Unit u = *def;
  mpq_t f;
  mpq_init(f);
  mpq_set_si(f, def->num, (unsigned long)def->den);
  mpq_canonicalize(f);
  if (factor) mpq_mul(f, f, factor);
  UnitError r = UE_OK;
  if (mpq_sgn(f) <= 0)
    r = UE_NOT_POSITIVE;
  else if (unit_set_scale(&u, f, def->exp10) < 0)
    r = UE_TOO_LARGE;
  mpq_clear(f);
  if (r == UE_OK) units_add(t, name, u);
  return r;
}

/* One side of a unit: a known name, or a magnitude in front of a known name. */
static int unit_parse_simple(const UnitTable *t, const char *s, size_t n, Unit *out) {
  Entry *e = units_find(t, s, n);
  if (e) {
    *out = e->def;
    return 0;
  }
  for (size_t i = 0; i < sizeof magnitudes / sizeof *magnitudes; i++) {
    size_t k = magnitudes[i].len;
    if (n > k && memcmp(s, magnitudes[i].word, k) == 0 && (e = units_find(t, s + k, n - k))) {
      *out = e->def;
      out->exp10 += magnitudes[i].exp10;
      return 0;
    }
  }
  return -1;
}

int unit_parse(const UnitTable *t, const char *text, Unit *out) {
  const char *slash = strchr(text, '/');
  if (!slash) {
    if (unit_parse_simple(t, text, strlen(text), out) < 0) return -1;
    out->text = text;
    return 0;
  }
  Unit a, b;
  if (unit_parse_simple(t, text, (size_t)(slash - text), &a) < 0 ||
      unit_parse_simple(t, slash + 1, strlen(slash + 1), &b) < 0)
    return -1;
  *out = unit_div(&a, &b, NULL, 0);
  out->text = text;
  return 0;
}

int unit_dimensionless(const Unit *a) {
  return a->ndims == 0 && !a->overfull;
}

int unit_same_dims(const Unit *a, const Unit *b) {
  if (a->overfull || b->overfull || a->ndims != b->ndims) return 0;
  for (int i = 0; i < a->ndims; i++) {
    int found = 0;
    for (int j = 0; j < b->ndims; j++)
      if (strcmp(a->dims[i].base, b->dims[j].base) == 0 && a->dims[i].exp == b->dims[j].exp)
        found = 1;
    if (!found) return 0;
  }
  return 1;
}

void unit_scale(mpq_t f, const Unit *u) {
  mpq_t p;
  mpq_init(p);
  dec_pow10(p, u->exp10);
  mpq_set_si(f, u->num, (unsigned long)u->den);
  mpq_canonicalize(f);
  mpq_mul(f, f, p);
  mpq_clear(p);
}

int unit_convert(mpq_t out, const mpq_t v, const Unit *from, const Unit *to) {
  if (!unit_same_dims(from, to)) return -1;
  mpq_t a, b;
  mpq_inits(a, b, NULL);
  unit_scale(a, from);
  unit_scale(b, to);
  mpq_mul(out, v, a);
  mpq_div(out, out, b);
  mpq_clears(a, b, NULL);
  return 0;
}

static long unit_gcd(long a, long b) {
  while (b) {
    long t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/* a's scale times b's (sign +1) or over b's (sign -1), into r; -1 when it does not fit. */
static int unit_combine_scale(Unit *r, const Unit *a, const Unit *b, int sign) {
  long an = a->num, ad = a->den;
  long bn = sign > 0 ? b->num : b->den, bd = sign > 0 ? b->den : b->num;
  long g1 = unit_gcd(an, bd), g2 = unit_gcd(bn, ad); /* cross-cancel: stays in lowest terms */
  long n, d;
  int e;
  if (g1 <= 0 || g2 <= 0 || __builtin_mul_overflow(an / g1, bn / g2, &n) ||
      __builtin_mul_overflow(ad / g2, bd / g1, &d) ||
      __builtin_add_overflow(a->exp10, sign * b->exp10, &e) || e < -UNIT_MAX_EXP10 ||
      e > UNIT_MAX_EXP10)
    return -1;
  while (n % 10 == 0) n /= 10, e++;
  while (d % 10 == 0) d /= 10, e--;
  if (e < -UNIT_MAX_EXP10 || e > UNIT_MAX_EXP10) return -1;
  r->num = n;
  r->den = d;
  r->exp10 = e;
  return 0;
}

/* Add exp × sign of b's dimensions to a's, and combine the scales; -1 when the scale does not
   fit (the dimensions are right all the same). */
static int unit_combine(const Unit *a, const Unit *b, int sign, Unit *out) {
  Unit r = *a;
  r.kind = UK_PLAIN;
  r.overfull = a->overfull || b->overfull;
  int fits = unit_combine_scale(&r, a, b, sign);
  for (int j = 0; j < b->ndims; j++) {
    int i = 0;
    while (i < r.ndims && strcmp(r.dims[i].base, b->dims[j].base) != 0) i++;
    if (i == r.ndims) {
      if (r.ndims == UNIT_MAX_DIMS) {
        r.overfull = 1; /* a unit of five base units: nothing plc knows measures in it */
        continue;
      }
      r.dims[r.ndims++] = (Dim){b->dims[j].base, 0};
    }
    r.dims[i].exp += sign * b->dims[j].exp;
  }
  int k = 0; /* drop the bases that cancelled */
  for (int i = 0; i < r.ndims; i++)
    if (r.dims[i].exp != 0) r.dims[k++] = r.dims[i];
  r.ndims = k;
  *out = r;
  return fits;
}

/* The product or quotient r of a and b, named "a·b" (or "a/b") in buf; in base units when
   its scale or its name does not fit. */
static Unit unit_name(Unit r, int fits, const Unit *a, const Unit *b, const char *op, char *buf,
                      size_t n) {
  r.text = NULL;
  if (fits == 0 && buf && a->text && b->text) {
    char *t = mem_printf("%s%s%s", a->text, op, b->text); /* a->text may be buf itself */
    size_t k = strlen(t);
    if (k < n) memcpy(buf, t, k + 1);
    mem_free(t);
    if (k < n) {
      r.text = buf;
      return r;
    }
  }
  if (fits == 0 && !(buf && a->text && b->text)) return r;
  r.num = r.den = 1; /* the value is kept in base units, so the base units name it exactly */
  r.exp10 = 0;
  if (buf && r.ndims > 0 && !r.overfull) {
    unit_describe(&r, buf, n);
    r.text = buf;
  }
  return r;
}

/* a×b: a bare number when neither has units; the side with units when one has none. */
Unit unit_mul(const Unit *a, const Unit *b, char *buf, size_t n) {
  if (unit_dimensionless(a) && unit_dimensionless(b)) return unit_none();
  if (unit_dimensionless(b)) return *a;
  if (unit_dimensionless(a)) return *b;
  Unit r;
  int fits = unit_combine(a, b, 1, &r);
  return unit_name(r, fits, a, b, "·", buf, n);
}

/* a/b: a bare number for like units (亿元 / 亿元 is a ratio). */
Unit unit_div(const Unit *a, const Unit *b, char *buf, size_t n) {
  if (unit_dimensionless(a) && unit_dimensionless(b)) return unit_none();
  if (unit_dimensionless(b)) return *a;
  if (unit_same_dims(a, b)) return unit_none();
  Unit r;
  int fits = unit_combine(a, b, -1, &r);
  return unit_name(r, fits, a, b, "/", buf, n);
}

/* Append s to buf (size n, k bytes used), whole characters only; the new length. */
static size_t unit_append(char *buf, size_t n, size_t k, const char *s) {
  size_t m = strlen(s);
  if (k >= n) return k;
  if (k + m >= n) { /* cut before the first byte of a character that does not fit */
    m = n - 1 - k;
    while (m > 0 && ((unsigned char)s[m] & 0xC0) == 0x80) m--;
  }
  memcpy(buf + k, s, m);
  buf[k + m] = '\0';
  return k + m;
}

void unit_describe(const Unit *u, char *buf, size_t n) {
  if (n == 0) return;
  buf[0] = '\0';
  if (u->overfull) {
    unit_append(buf, n, 0, "a unit of more than 4 base units");
    return;
  }
  if (u->kind == UK_PERCENT) {
    unit_append(buf, n, 0, "%");
    return;
  }
  if (u->kind == UK_PERMILLE) {
    snprintf(buf, n, "‰");
    return;
  }
  if (u->kind == UK_POINTS) {
    unit_append(buf, n, 0, "个百分点");
    return;
  }
  if (u->ndims == 0) {
    unit_append(buf, n, 0, "a bare number");
    return;
  }
  size_t k = 0;
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < u->ndims; i++) {
      int e = u->dims[i].exp;
      if ((pass == 0) != (e > 0)) continue;
      long abs_e = e < 0 ? -(long)e : e;
      k = unit_append(buf, n, k, pass == 1 ? "/" : (k ? "·" : ""));
      k = unit_append(buf, n, k, u->dims[i].base);
      if (abs_e > 1) {
        char p[24];
        snprintf(p, sizeof p, "^%ld", abs_e);
        k = unit_append(buf, n, k, p);
      }
    }
}
