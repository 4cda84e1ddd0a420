/* units.c: the unit table and unit arithmetic. */
#include "runtime/units.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "runtime/mem.h"

typedef struct Entry {
  char *name;
  Unit def; /* in terms of base units; a base unit is 1 × itself */
} Entry;

struct UnitTable {
  Entry *v;
  int n, cap;
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
static const struct { const char *word; int exp10; } magnitudes[] = {
    {"万亿", 12}, {"千亿", 11}, {"百亿", 10}, {"十亿", 9}, {"千万", 7}, {"百万", 6},
    {"十万", 5},  {"亿", 8},    {"万", 4},    {"千", 3},   {"百", 2},   {"十", 1}};

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

static Entry *units_find(const UnitTable *t, const char *name, size_t n) {
  for (int i = 0; i < t->n; i++)
    if (strlen(t->v[i].name) == n && memcmp(t->v[i].name, name, n) == 0) return &t->v[i];
  return NULL;
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
}

UnitTable *units_new(void) {
  UnitTable *t = mem_calloc(sizeof *t);
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
  u.exp10 = 0;
  u.num = 2000;
  u.den = 3;
  units_add(t, "亩", u); /* 1 亩 = 2000/3 平方米 */
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
  mem_free(t->v);
  mem_free(t);
}

int units_declare(UnitTable *t, const char *name, const Unit *def) {
  if (units_find(t, name, strlen(name))) return -1;
  units_add(t, name, def ? *def : unit_base(name));
  return 0;
}

/* One side of a unit: a known name, or a magnitude in front of a known name. */
static int unit_parse_simple(const UnitTable *t, const char *s, size_t n, Unit *out) {
  Entry *e = units_find(t, s, n);
  if (e) {
    *out = e->def;
    return 0;
  }
  for (size_t i = 0; i < sizeof magnitudes / sizeof *magnitudes; i++) {
    size_t k = strlen(magnitudes[i].word);
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
  return a->ndims == 0;
}

int unit_same_dims(const Unit *a, const Unit *b) {
  if (a->ndims != b->ndims) return 0;
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

/* Multiply two units' scales and add exp × sign of b's dimensions to a's. */
static Unit unit_combine(const Unit *a, const Unit *b, int sign) {
  Unit r = *a;
  r.kind = UK_PLAIN;
  r.exp10 = a->exp10 + sign * b->exp10;
  r.num = sign > 0 ? a->num * b->num : a->num * b->den;
  r.den = sign > 0 ? a->den * b->den : a->den * b->num;
  for (int j = 0; j < b->ndims; j++) {
    int i = 0;
    while (i < r.ndims && strcmp(r.dims[i].base, b->dims[j].base) != 0) i++;
    if (i == r.ndims) {
      if (r.ndims == UNIT_MAX_DIMS) continue;
      r.dims[r.ndims++] = (Dim){b->dims[j].base, 0};
    }
    r.dims[i].exp += sign * b->dims[j].exp;
  }
  int k = 0; /* drop the bases that cancelled */
  for (int i = 0; i < r.ndims; i++)
    if (r.dims[i].exp != 0) r.dims[k++] = r.dims[i];
  r.ndims = k;
  return r;
}

/* a×b: a bare number when neither has units; the side with units when one has none. */
Unit unit_mul(const Unit *a, const Unit *b, char *buf, size_t n) {
  if (unit_dimensionless(a) && unit_dimensionless(b)) return unit_none();
  if (unit_dimensionless(b)) return *a;
  if (unit_dimensionless(a)) return *b;
  Unit r = unit_combine(a, b, 1);
  r.text = NULL;
  if (buf && a->text && b->text) {
    snprintf(buf, n, "%s·%s", a->text, b->text);
    r.text = buf;
  }
  return r;
}

/* a/b: a bare number for like units (亿元 / 亿元 is a ratio). */
Unit unit_div(const Unit *a, const Unit *b, char *buf, size_t n) {
  if (unit_dimensionless(a) && unit_dimensionless(b)) return unit_none();
  if (unit_dimensionless(b)) return *a;
  if (unit_same_dims(a, b)) return unit_none();
  Unit r = unit_combine(a, b, -1);
  r.text = NULL;
  if (buf && a->text && b->text) {
    snprintf(buf, n, "%s/%s", a->text, b->text);
    r.text = buf;
  }
  return r;
}

void unit_describe(const Unit *u, char *buf, size_t n) {
  if (u->kind == UK_PERCENT) {
    snprintf(buf, n, "%%");
    return;
  }
  if (u->kind == UK_PERMILLE) {
    snprintf(buf, n, "‰");
    return;
  }
  if (u->kind == UK_POINTS) {
    snprintf(buf, n, "个百分点");
    return;
  }
  if (u->ndims == 0) {
    snprintf(buf, n, "a bare number");
    return;
  }
  size_t k = 0;
  buf[0] = '\0';
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < u->ndims; i++) {
      int e = u->dims[i].exp;
      if ((pass == 0) != (e > 0)) continue;
      int abs_e = e < 0 ? -e : e;
      k += (size_t)snprintf(buf + k, k < n ? n - k : 0, "%s%s", pass == 1 ? "/" : (k ? "·" : ""),
                            u->dims[i].base);
      if (abs_e > 1) k += (size_t)snprintf(buf + k, k < n ? n - k : 0, "^%d", abs_e);
    }
}
