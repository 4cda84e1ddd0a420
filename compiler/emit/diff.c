/* diff.c: a semantic diff of two evaluated models: what a reviewer of a revised plan needs
   to see, matched by meaning (indicators by id, targets by indicator and period, tasks and
   paragraphs by content) rather than by line or number. */
#include "emit/diff.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/decimal.h"
#include "runtime/json.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "emit/render.h"

#define DIFF_NAME(e, name, ...) [e] = name,
#define DIFF_ZH(e, name, zh, ...) [e] = zh,
#define DIFF_SIGN(e, name, zh, sign) [e] = sign,
static const char *const kind_names[] = {DIFF_KINDS(DIFF_NAME)};
static const char *const kind_zh[] = {DIFF_KINDS(DIFF_ZH)};
static const char *const op_names[] = {DIFF_OPS(DIFF_NAME)};
static const char *const op_zh[] = {DIFF_OPS(DIFF_ZH)};
static const char *const op_signs[] = {DIFF_OPS(DIFF_SIGN)};
#define WORDS_ZH(e, name, zh) [e] = zh,
static const char *const status_zh[] = {WORDS_STATUSES(WORDS_ZH)};
static const char *const flow_zh[] = {WORDS_FLOWS(WORDS_ZH)};
#undef WORDS_ZH

const char *diff_kind_name(DiffKind k) { return kind_names[k]; }
const char *diff_kind_zh(DiffKind k) { return kind_zh[k]; }
const char *diff_op_name(DiffOp op) { return op_names[op]; }
const char *diff_op_zh(DiffOp op) { return op_zh[op]; }
const char *diff_op_sign(DiffOp op) { return op_signs[op]; }

/* Two indicators that are one across the revisions. */
typedef struct Pair {
  const Indicator *a, *b;
} Pair;

struct Diff {
  Arena *arena;
  const Model *old, *new_;
  DiffChange *v;
  int n, cap;
  const char *scope; /* the imported file being compared, for labels; NULL at the top */
  Pair *pairs;
  int npairs, pairs_cap;
};

int diff_count(const Diff *d) { return d->n; }
const DiffChange *diff_change(const Diff *d, int i) { return &d->v[i]; }
const char *diff_old_path(const Diff *d) { return d->old->src->path; }
const char *diff_new_path(const Diff *d) { return d->new_->src->path; }

/* ---- strings in the diff's arena ---- */

static const char *dup(Diff *d, const char *s) {
  return s ? arena_strdup(d->arena, s) : NULL;
}

/* A string made by render_* or buf_take, moved into the arena. */
static const char *keep(Diff *d, char *s) {
  const char *k = dup(d, s);
  mem_free(s);
  return k;
}

static const char *fmtd(Diff *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static const char *fmtd(Diff *d, const char *fmt, ...) {
  Buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&b, fmt, ap);
  va_end(ap);
  const char *s = dup(d, buf_str(&b));
  buf_free(&b);
  return s;
}

static int same(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

static int qeq(const mpq_t *a, const mpq_t *b) {
  return a == b || (a && b && mpq_equal(*a, *b));
}

static int fig_eq(const Figure *a, const Figure *b) {
  if (a->known != b->known) return 0;
  if (!a->known) return 1;
  return a->rel == b->rel && qeq(a->v, b->v) && (a->rel != REL_RANGE || qeq(a->hi, b->hi)) &&
         same(a->prefix, b->prefix) && same(a->suffix, b->suffix);
}

static int delta_eq(const Delta *a, const Delta *b) {
  if (a->present != b->present) return 0;
  if (!a->present) return 1;
  return a->dir == b->dir && a->kind == b->kind && fig_eq(&a->by, &b->by) &&
         same(a->word, b->word) && same(a->unit, b->unit);
}

/* A period as a report names it: 2024年, 2024Q1. */
static const char *period_zh(Diff *d, Period p) {
  char buf[16];
  period_format(p, buf);
  return fmtd(d, "%s%s", buf, p.kind == 'Y' ? "年" : "");
}

/* Record a change; the places of its old and new lines, either may be NULL. */
static DiffChange *add(Diff *d, DiffKind kind, DiffOp op, const char *item, const char *old,
                       const char *new_, const Loc *io, const Loc *in) {
  if (d->n == d->cap) {
    d->cap = d->cap ? 2 * d->cap : 32;
    d->v = mem_realloc(d->v, (size_t)d->cap * sizeof *d->v);
  }
  DiffChange *c = &d->v[d->n++];
  *c = (DiffChange){.kind = kind, .op = op, .old = old, .new_ = new_};
  c->item = d->scope ? fmtd(d, "〔%s〕%s", d->scope, item) : item;
  c->old_file = d->old->src->path;
  c->new_file = d->new_->src->path;
  if (io) c->old_line = io->first_line;
  if (in) c->new_line = in->first_line;
  return c;
}

/* ---- similarity and alignment ---- */

/* The characters of s as code points, in a new array; *n gets the count. */
static int32_t *codepoints(const char *s, int *n) {
  size_t len = s ? strlen(s) : 0;
  int32_t *v = mem_alloc((len + 1) * sizeof *v);
  int k = 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int step = utf8_decode(s + i, len - i, &cp);
    if (step < 0) {
      cp = (unsigned char)s[i];
      step = 1;
    }
    v[k++] = cp;
    i += (size_t)step;
  }
  *n = k;
  return v;
}

static int cmp_u64(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

/* How alike two texts are, 0..1: the Dice coefficient of their character bigrams (a
   cheap measure that needs no word boundaries, so it works for Chinese). */
static double similarity(const char *x, const char *y) {
  if (same(x, y)) return 1;
  int n, m;
  int32_t *a = codepoints(x, &n), *b = codepoints(y, &m);
  double r = 0;
  if (n >= 2 && m >= 2) {
    uint64_t *ga = mem_alloc((size_t)(n - 1) * sizeof *ga), *gb = mem_alloc((size_t)(m - 1) * sizeof *gb);
    for (int i = 0; i + 1 < n; i++) ga[i] = (uint64_t)(uint32_t)a[i] << 32 | (uint32_t)a[i + 1];
    for (int i = 0; i + 1 < m; i++) gb[i] = (uint64_t)(uint32_t)b[i] << 32 | (uint32_t)b[i + 1];
    qsort(ga, (size_t)(n - 1), sizeof *ga, cmp_u64);
    qsort(gb, (size_t)(m - 1), sizeof *gb, cmp_u64);
    int i = 0, j = 0, common = 0;
    while (i < n - 1 && j < m - 1) {
      if (ga[i] == gb[j]) common++, i++, j++;
      else if (ga[i] < gb[j]) i++;
      else j++;
    }
    r = 2.0 * common / (n - 1 + m - 1);
    mem_free(ga);
    mem_free(gb);
  } else if (n == m && n > 0 && a[0] == b[0]) {
    r = 1;
  }
  mem_free(a);
  mem_free(b);
  return r;
}

/* Two lists to align: eq says two entries are the same, sim how alike two are. */
typedef struct Align {
  int n, m;
  int (*eq)(const void *ctx, int i, int j);
  double (*sim)(const void *ctx, int i, int j);
  const void *ctx;
  double threshold; /* entries at least this alike are one entry, changed */
  char *moved;      /* set for an old entry matched out of order (NULL: not wanted) */
} Align;

/* Match the entries of two lists in order: the longest common subsequence of equal
   entries, then, between two such anchors, the most alike pairs in order, then equal
   entries out of order (moved). ma[i] is the entry of the second list matched to i (or
   -1), mb the other way. */
static void align(const Align *al, int *ma, int *mb) {
  int n = al->n, m = al->m;
  for (int i = 0; i < n; i++) ma[i] = -1;
  for (int j = 0; j < m; j++) mb[j] = -1;
  int *t = mem_calloc((size_t)(n + 1) * (size_t)(m + 1) * sizeof *t);
#define T(i, j) t[(size_t)(i) * (size_t)(m + 1) + (size_t)(j)]
  for (int i = n - 1; i >= 0; i--)
    for (int j = m - 1; j >= 0; j--)
      T(i, j) = al->eq(al->ctx, i, j) ? T(i + 1, j + 1) + 1
                : T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
  for (int i = 0, j = 0; i < n && j < m;) {
    if (al->eq(al->ctx, i, j) && T(i, j) == T(i + 1, j + 1) + 1) {
      ma[i] = j;
      mb[j] = i;
      i++, j++;
    } else if (T(i + 1, j) >= T(i, j + 1)) {
      i++;
    } else {
      j++;
    }
  }
#undef T
  mem_free(t);
  /* the gaps between anchors: pair each old entry with the most alike new one after the
     last pair, so that order is kept */
  int i = 0, j = 0;
  while (i < n || j < m) {
    int ie = i, je = j;
    while (ie < n && ma[ie] < 0) ie++;
    while (je < m && mb[je] < 0) je++;
    int from = j;
    for (int x = i; x < ie; x++) {
      int best = -1;
      double bs = al->threshold;
      for (int y = from; y < je; y++) {
        double s = al->sim(al->ctx, x, y);
        if (s > bs || (best < 0 && s >= bs)) { /* the most alike; the first of equals */
          bs = s;
          best = y;
        }
      }
      if (best >= 0) {
        ma[x] = best;
        mb[best] = x;
        from = best + 1;
      }
    }
    i = ie + 1;
    j = je + 1;
  }
  /* what is left and equal elsewhere was moved: one change, not a removal and an addition */
  for (int x = 0; x < n && al->moved; x++) {
    al->moved[x] = 0;
    for (int y = 0; y < m && ma[x] < 0; y++)
      if (mb[y] < 0 && al->eq(al->ctx, x, y)) {
        ma[x] = y;
        mb[y] = x;
        al->moved[x] = 1;
      }
  }
}

/* ---- prose at the character level ---- */

/* The UTF-8 bytes of a code point into out (4 bytes at most); their count. */
static size_t encode(int32_t cp, char *out) {
  unsigned c = (unsigned)cp;
  if (c < 0x80) {
    out[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    out[0] = (char)(0xC0 | c >> 6);
    out[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | c >> 12);
    out[1] = (char)(0x80 | (c >> 6 & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | c >> 18);
  out[1] = (char)(0x80 | (c >> 12 & 0x3F));
  out[2] = (char)(0x80 | (c >> 6 & 0x3F));
  out[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* Cut a and b into kept, deleted and inserted runs: an LCS over their characters, after
   the common start and end are set aside. Texts too long for the table are one deletion
   and one insertion. */
static void char_diff(Diff *d, DiffChange *c, const char *x, const char *y) {
  int n, m;
  int32_t *a = codepoints(x, &n), *b = codepoints(y, &m);
  int pre = 0;
  while (pre < n && pre < m && a[pre] == b[pre]) pre++;
  int suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf]) suf++;
  int na = n - pre - suf, nb = m - pre - suf;
  /* ops: one per character of the middle, in order */
  char *ops = mem_alloc((size_t)(na + nb + 1));
  int32_t *chars = mem_alloc((size_t)(na + nb + 1) * sizeof *chars);
  int k = 0;
  if ((long)na * nb <= 4000000L) {
    int *t = mem_calloc((size_t)(na + 1) * (size_t)(nb + 1) * sizeof *t);
#define T(i, j) t[(size_t)(i) * (size_t)(nb + 1) + (size_t)(j)]
    const int32_t *A = a + pre, *B = b + pre;
    for (int i = na - 1; i >= 0; i--)
      for (int j = nb - 1; j >= 0; j--)
        T(i, j) = A[i] == B[j] ? T(i + 1, j + 1) + 1
                  : T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
    int i = 0, j = 0;
    while (i < na || j < nb) {
      if (i < na && j < nb && A[i] == B[j]) ops[k] = '=', chars[k++] = A[i], i++, j++;
      else if (j >= nb || (i < na && T(i + 1, j) >= T(i, j + 1))) ops[k] = '-', chars[k++] = A[i++];
      else ops[k] = '+', chars[k++] = B[j++];
    }
#undef T
    mem_free(t);
  } else {
    for (int i = 0; i < na; i++) ops[k] = '-', chars[k++] = a[pre + i];
    for (int j = 0; j < nb; j++) ops[k] = '+', chars[k++] = b[pre + j];
  }
  /* runs: the common start, the middle grouped by op, the common end; a short kept run
     between two changes (one or two characters) is folded into them, so that a rewritten
     phrase reads as one deletion and one insertion */
  DiffSpan *spans = arena_alloc(d->arena, (size_t)(k + 3) * sizeof *spans);
  int ns = 0;
  char enc[8];
#define PUT(buf, cp) buf_addn(&(buf), enc, encode((cp), enc))
  Buf keep_ = {0}, del = {0}, ins = {0};
  for (int i = 0; i < pre; i++) PUT(keep_, a[i]);
  for (int i = 0; i <= k; i++) {
    if (i < k && ops[i] == '=') {
      int e = i;
      while (e < k && ops[e] == '=') e++;
      int between = (del.n || ins.n) && e < k && e - i <= 2;
      for (int q = i; q < e && between; q++) {
        PUT(del, chars[q]);
        PUT(ins, chars[q]);
      }
      if (!between) {
        if (del.n) spans[ns++] = (DiffSpan){'-', keep(d, buf_take(&del))};
        if (ins.n) spans[ns++] = (DiffSpan){'+', keep(d, buf_take(&ins))};
        for (int q = i; q < e; q++) PUT(keep_, chars[q]);
      }
      i = e - 1;
      continue;
    }
    if (i < k) {
      if (keep_.n) spans[ns++] = (DiffSpan){'=', keep(d, buf_take(&keep_))};
      if (ops[i] == '-') PUT(del, chars[i]);
      else PUT(ins, chars[i]);
    }
  }
  if (del.n) spans[ns++] = (DiffSpan){'-', keep(d, buf_take(&del))};
  if (ins.n) spans[ns++] = (DiffSpan){'+', keep(d, buf_take(&ins))};
  for (int i = n - suf; i < n; i++) PUT(keep_, a[i]);
  if (keep_.n) spans[ns++] = (DiffSpan){'=', keep(d, buf_take(&keep_))};
#undef PUT
  buf_free(&keep_);
  buf_free(&del);
  buf_free(&ins);
  c->spans = spans;
  c->nspans = ns;
  mem_free(ops);
  mem_free(chars);
  mem_free(a);
  mem_free(b);
}

/* ---- the header and imports ---- */

static void diff_field(Diff *d, const char *what, const char *x, const char *y) {
  if (same(x, y)) return;
  DiffOp op = !x ? DIFF_ADDED : !y ? DIFF_REMOVED : DIFF_CHANGED;
  add(d, DK_HEADER, op, dup(d, what), dup(d, x), dup(d, y), NULL, NULL);
}

static void diff_header(Diff *d) {
  const Model *a = d->old, *b = d->new_;
  diff_field(d, "标题", a->title, b->title);
  diff_field(d, "地区", a->region, b->region);
  diff_field(d, "计划年度", a->year ? fmtd(d, "%d", a->year) : NULL,
             b->year ? fmtd(d, "%d", b->year) : NULL);
  diff_field(d, "基期年度", a->base ? fmtd(d, "%d", a->base) : NULL,
             b->base ? fmtd(d, "%d", b->base) : NULL);
  diff_field(d, "日期", a->date, b->date);
  diff_field(d, "状态", a->status ? words_doc_status_zh(a->status) : NULL,
             b->status ? words_doc_status_zh(b->status) : NULL);
  for (int i = 0; i < a->nimports; i++) {
    const Import *x = &a->imports[i], *y = NULL;
    for (int j = 0; j < b->nimports && !y; j++)
      if (same(b->imports[j].alias, x->alias)) y = &b->imports[j];
    const char *px = x->path;
    if (!y)
      add(d, DK_HEADER, DIFF_REMOVED, fmtd(d, "引用文件 %s", x->alias ? x->alias : px),
          dup(d, px), NULL, &x->loc, NULL);
    else if (!same(px, y->path))
      add(d, DK_HEADER, DIFF_CHANGED, fmtd(d, "引用文件 %s", x->alias ? x->alias : px),
          dup(d, px), dup(d, y->path), &x->loc, &y->loc);
  }
  for (int j = 0; j < b->nimports; j++) {
    const Import *y = &b->imports[j];
    int found = 0;
    for (int i = 0; i < a->nimports; i++) found |= same(a->imports[i].alias, y->alias);
    if (!found)
      add(d, DK_HEADER, DIFF_ADDED,
          fmtd(d, "引用文件 %s", y->alias ? y->alias : y->path), NULL,
          dup(d, y->path), NULL, &y->loc);
  }
}

/* ---- indicators and their values ---- */

static const Indicator *counterpart(const Diff *d, const Indicator *a) {
  for (int i = 0; i < d->npairs; i++)
    if (d->pairs[i].a == a) return d->pairs[i].b;
  return NULL;
}

static void pair_push(Diff *d, const Indicator *a, const Indicator *b) {
  if (d->npairs == d->pairs_cap) {
    d->pairs_cap = d->pairs_cap ? 2 * d->pairs_cap : 32;
    d->pairs = mem_realloc(d->pairs, (size_t)d->pairs_cap * sizeof *d->pairs);
  }
  d->pairs[d->npairs++] = (Pair){a, b};
}

/* A bound formula written out (gdp[2023] * (1 + 5.5%)), so that two can be compared:
   respacing a formula in the source is no change. */
static void put_formula(Buf *b, const Formula *f) {
  static const char ops[] = {[FX_ADD] = '+', [FX_SUB] = '-', [FX_MUL] = '*', [FX_DIV] = '/'};
  switch (f->op) {
  case FX_NUM:
    buf_add(b, f->text);
    if (f->unit.text) buf_add(b, f->unit.text);
    break;
  case FX_REF:
    buf_add(b, f->ind->id);
    if (f->at) {
      char p[16];
      buf_printf(b, "[%s]", period_format(f->period, p));
    }
    break;
  case FX_NEG:
    buf_add(b, "-");
    put_formula(b, f->a);
    break;
  case FX_ADD: case FX_SUB: case FX_MUL: case FX_DIV:
    put_formula(b, f->a);
    buf_printf(b, " %c ", ops[f->op]);
    put_formula(b, f->b);
    break;
  case FX_CALL:
    buf_printf(b, "%s(", model_function_name(f->fn));
    for (int i = 0; i < f->nargs; i++) {
      if (i) buf_add(b, ", ");
      put_formula(b, f->args[i]);
    }
    buf_add(b, ")");
    break;
  case FX_PAREN:
    buf_add(b, "(");
    put_formula(b, f->a);
    buf_add(b, ")");
    break;
  }
}

static const char *formula_text(Diff *d, const Formula *f) {
  if (!f) return NULL;
  Buf b = {0};
  put_formula(&b, f);
  return keep(d, buf_take(&b));
}

/* An indicator in a line: 地区生产总值（gdp，亿元）. */
static const char *ind_label(Diff *d, const Indicator *x) {
  return fmtd(d, "%s（%s%s%s）", x->name, x->id, x->has_unit ? "，" : "",
              x->has_unit ? x->unit.text : "");
}

/* The attributes of two indicators that differ, as two texts "单位：亿元；小数位：2". */
static void ind_attrs(Diff *d, const Indicator *a, const Indicator *b) {
  Buf x = {0}, y = {0};
  char da[16], db[16];
  snprintf(da, sizeof da, "%d", a->decimals);
  snprintf(db, sizeof db, "%d", b->decimals);
  const char *fields[][3] = {
      {"代码", a->id, b->id},
      {"名称", a->name, b->name},
      {"单位", a->has_unit ? a->unit.text : "", b->has_unit ? b->unit.text : ""},
      {"小数位", da, db},
      {"分类", a->category ? a->category : "", b->category ? b->category : ""},
      {"主要指标", a->main ? "是" : "否", b->main ? "是" : "否"},
      {"价格", words_basis_zh(a->basis), words_basis_zh(b->basis)},
      {"口径", flow_zh[a->flow], flow_zh[b->flow]},
      {"表述", a->verb ? a->verb : "", b->verb ? b->verb : ""},
      {"公式", formula_text(d, a->formula), formula_text(d, b->formula)},
  };
  for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
    if (same(fields[i][1], fields[i][2])) continue;
    buf_printf(&x, "%s%s：%s", x.n ? "；" : "", fields[i][0], fields[i][1] ? fields[i][1] : "无");
    buf_printf(&y, "%s%s：%s", y.n ? "；" : "", fields[i][0], fields[i][2] ? fields[i][2] : "无");
  }
  if (x.n)
    add(d, DK_INDICATOR, DIFF_CHANGED, fmtd(d, "指标「%s」", b->name), keep(d, buf_take(&x)),
        keep(d, buf_take(&y)), &a->loc, &b->loc);
  buf_free(&x);
  buf_free(&y);
}

/* A value as the report states it, with its status: 实际5704.55亿元，同比增长5.6%. */
static const char *value_text(Diff *d, const Value *v) {
  Buf b = {0};
  buf_add(&b, status_zh[v->status]);
  char *s = render_value(v);
  buf_add(&b, s);
  mem_free(s);
  if (v->form == VF_BOUND && v->delta.present) {
    s = render_delta(&v->delta, 1);
    buf_printf(&b, "，%s%s", v->delta.word ? "" : "变化", s);
    mem_free(s);
  }
  if (v->basis != v->ind->basis && v->basis != BASIS_NONE)
    buf_printf(&b, "（%s）", words_basis_zh(v->basis));
  if (v->flow != v->ind->flow && v->flow != FLOW_NONE) buf_printf(&b, "（%s）", flow_zh[v->flow]);
  return keep(d, buf_take(&b));
}

static int value_eq(const Value *a, const Value *b) {
  return a->status == b->status && a->form == b->form && fig_eq(&a->fig, &b->fig) &&
         delta_eq(&a->delta, &b->delta) && same(a->text, b->text) && a->basis == b->basis &&
         a->flow == b->flow && same(a->verb, b->verb);
}

static void diff_value(Diff *d, const Indicator *ib, const Value *a, const Value *b) {
  const char *label = fmtd(d, "%s %s", ib->name, period_zh(d, b ? b->period : a->period));
  if (!a) {
    DiffChange *c = add(d, DK_VALUE, DIFF_ADDED, label, NULL, value_text(d, b), NULL,
                        b->derived ? NULL : &b->loc);
    c->consequence = b->derived;
    return;
  }
  if (!b) {
    DiffChange *c = add(d, DK_VALUE, DIFF_REMOVED, label, value_text(d, a), NULL,
                        a->derived ? NULL : &a->loc, NULL);
    c->consequence = a->derived;
    return;
  }
  if (value_eq(a, b)) return;
  const char *x = value_text(d, a), *y = value_text(d, b);
  DiffChange *c = add(d, DK_VALUE, DIFF_CHANGED, label, x, y, &a->loc, &b->loc);
  if (same(x, y) && a->fig.known && b->fig.known) {
    char *ea = dec_exact(*a->fig.v), *eb = dec_exact(*b->fig.v);
    c->detail = fmtd(d, "精确值 %s → %s", ea, eb);
    mem_free(ea);
    mem_free(eb);
  }
  /* a value the formula computes moved because its inputs did */
  const char *fa = formula_text(d, a->formula), *fb = formula_text(d, b->formula);
  c->consequence = (a->derived && b->derived) ||
                   (a->form == VF_FORMULA && b->form == VF_FORMULA && same(fa, fb));
  if (c->consequence) c->detail = dup(d, "由公式计算，随输入变化");
}

static void diff_values(Diff *d, const Indicator *a, const Indicator *b) {
  int i = 0, j = 0;
  while (i < a->nvalues || j < b->nvalues) {
    int c = i >= a->nvalues ? 1 : j >= b->nvalues ? -1
            : period_cmp(a->values[i]->period, b->values[j]->period);
    if (c < 0) diff_value(d, b, a->values[i++], NULL);
    else if (c > 0) diff_value(d, b, NULL, b->values[j++]);
    else diff_value(d, b, a->values[i++], b->values[j++]);
  }
}

static void diff_indicators(Diff *d) {
  const Model *A = d->old, *B = d->new_;
  char *used = mem_calloc((size_t)B->ninds + 1);
  /* by id, then the rest by display name: an id changed, the same indicator */
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < A->ninds; i++) {
      const Indicator *a = A->inds[i];
      if (counterpart(d, a)) continue;
      for (int j = 0; j < B->ninds; j++) {
        const Indicator *b = B->inds[j];
        if (!used[j] && same(pass == 0 ? a->id : a->name, pass == 0 ? b->id : b->name)) {
          used[j] = 1;
          pair_push(d, a, b);
          break;
        }
      }
    }
  for (int i = 0; i < A->ninds; i++) {
    const Indicator *a = A->inds[i], *b = counterpart(d, a);
    if (!b) {
      DiffChange *c = add(d, DK_INDICATOR, DIFF_REMOVED, fmtd(d, "指标「%s」", a->name),
                          ind_label(d, a), NULL, &a->loc, NULL);
      if (a->nvalues) c->detail = fmtd(d, "连同%d个数值", a->nvalues);
      continue;
    }
    ind_attrs(d, a, b);
    diff_values(d, a, b);
  }
  for (int j = 0; j < B->ninds; j++) {
    if (used[j]) continue;
    const Indicator *b = B->inds[j];
    DiffChange *c = add(d, DK_INDICATOR, DIFF_ADDED, fmtd(d, "指标「%s」", b->name), NULL,
                        ind_label(d, b), NULL, &b->loc);
    if (b->nvalues) c->detail = fmtd(d, "连同%d个数值", b->nvalues);
  }
  mem_free(used);
}

/* ---- targets ---- */

static const char *target_text(Diff *d, const Target *t, int with_kind) {
  char *s = render_target(t);
  if (t->has_from) { /* a multi-year target: from its base period */
    char p[16], *f = mem_printf("%s（自%s%s起）", s, period_format(t->from, p),
                               t->from.kind == 'Y' ? "年" : "");
    mem_free(s);
    s = f;
  }
  const char *r = with_kind ? fmtd(d, "%s（%s%s%s）", s, words_target_kind_zh(t->kind),
                                   t->basis ? "，" : "", words_basis_zh(t->basis))
                            : dup(d, s);
  mem_free(s);
  return r;
}

/* The value a target implies, as the report's table writes it: 约6018.30亿元（可比价）. */
static const char *implied_text(Diff *d, const Target *t, int with_unit) {
  if (!t->implied.known) return "—";
  char *fig = render_figure(&t->implied, NULL, t->ind->decimals);
  const char *basis = words_basis_zh(t->basis);
  const char *r = fmtd(d, "%s%s%s%s%s%s", t->implied.rel == REL_ABOUT ? "约" : "", fig,
                       with_unit && t->ind->has_unit ? t->ind->unit.text : "",
                       with_unit && *basis ? "（" : "", with_unit ? basis : "",
                       with_unit && *basis ? "）" : "");
  mem_free(fig);
  return r;
}

/* A verdict and its measure: 未完成（完成率96.1%）, 完成（高于目标0.2个百分点）. */
static const char *exec_text(Diff *d, const Target *t) {
  char *word = render_verdict(&t->v), *measure = render_measure(t, &t->v);
  const char *r = strcmp(measure, "—") != 0 ? fmtd(d, "%s（%s）", word, measure) : dup(d, word);
  mem_free(word);
  mem_free(measure);
  return r;
}

static int figure_value_eq(const Figure *a, const Figure *b) {
  return a->known == b->known && (!a->known || (qeq(a->v, b->v) && a->rel == b->rel));
}

static int implied_eq(const Target *a, const Target *b) {
  return figure_value_eq(&a->implied, &b->implied) && a->has_stretch == b->has_stretch &&
         (!a->has_stretch || figure_value_eq(&a->stretch->implied, &b->stretch->implied));
}

/* The indicator of the new model that is old's indicator `a` (by the pairs), by id. */
static int same_indicator(const Diff *d, const Indicator *a, const Indicator *b) {
  const Indicator *c = counterpart(d, a);
  return c ? c == b : same(a->id, b->id);
}

static void diff_target_pair(Diff *d, DiffKind kind, const Target *a, const Target *b) {
  const char *label = fmtd(d, "%s %s目标", (b ? b : a)->ind->name,
                           period_zh(d, (b ? b : a)->period));
  if (!a || !b) {
    const Target *t = a ? a : b;
    DiffChange *c = add(d, kind, a ? DIFF_REMOVED : DIFF_ADDED, label,
                        a ? target_text(d, a, 1) : NULL, b ? target_text(d, b, 1) : NULL,
                        a ? &a->loc : NULL, b ? &b->loc : NULL);
    if (t->implied.known) c->detail = fmtd(d, "目标值 %s", implied_text(d, t, 1));
    return;
  }
  int kinds = a->kind != b->kind || a->basis != b->basis;
  const char *x = target_text(d, a, kinds), *y = target_text(d, b, kinds);
  int written = !same(x, y) || !fig_eq(&a->fig, &b->fig) || !delta_eq(&a->delta, &b->delta);
  int implied = !implied_eq(a, b);
  const char *ea = exec_text(d, a), *eb = exec_text(d, b);
  /* an imported plan's targets are judged by the importer: its 上年目标执行 says so once */
  int exec = !same(ea, eb) && !(kind == DK_TARGET && d->scope);
  if (!written && !implied && !exec) return;
  Buf detail = {0};
  if (implied) {
    int unit_same = a->basis == b->basis;
    buf_printf(&detail, "目标值 %s → %s", implied_text(d, a, !unit_same), implied_text(d, b, 1));
  }
  if (exec && (a->v.status != EXEC_NONE || b->v.status != EXEC_NONE))
    buf_printf(&detail, "%s完成情况 %s → %s", detail.n ? "；" : "", ea, eb);
  DiffChange *c;
  if (written) {
    c = add(d, kind, DIFF_CHANGED, label, x, y, &a->loc, &b->loc);
  } else if (implied) { /* the target is as written; the figure it applies to moved */
    c = add(d, kind, DIFF_CHANGED, fmtd(d, "%s值", label), implied_text(d, a, 1),
            implied_text(d, b, 1), &a->loc, &b->loc);
    c->consequence = 1;
    buf_clear(&detail);
    if (exec && (a->v.status != EXEC_NONE || b->v.status != EXEC_NONE))
      buf_printf(&detail, "完成情况 %s → %s", ea, eb);
  } else {
    c = add(d, kind, DIFF_CHANGED, fmtd(d, "%s完成情况", label), ea, eb, &a->loc, &b->loc);
    c->consequence = 1;
    buf_clear(&detail);
  }
  if (detail.n) c->detail = keep(d, buf_take(&detail));
  buf_free(&detail);
}

static void diff_target_lists(Diff *d, DiffKind kind, Target *const *A, int na,
                              Target *const *B, int nb) {
  char *used = mem_calloc((size_t)nb + 1);
  for (int i = 0; i < na; i++) {
    const Target *a = A[i], *b = NULL;
    for (int j = 0; j < nb && !b; j++)
      if (!used[j] && period_cmp(A[i]->period, B[j]->period) == 0 &&
          same_indicator(d, a->ind, B[j]->ind)) {
        used[j] = 1;
        b = B[j];
      }
    diff_target_pair(d, kind, a, b);
  }
  for (int j = 0; j < nb; j++)
    if (!used[j]) diff_target_pair(d, kind, NULL, B[j]);
  mem_free(used);
}

/* ---- claims ---- */

static const char *claim_text(Diff *d, const Claim *c) {
  static const char *const verdicts[] = {[CLAIM_MATCH] = "相符", [CLAIM_ROUNDING] = "可由舍入解释",
                                         [CLAIM_MISMATCH] = "不符", [CLAIM_UNKNOWN] = "无法计算"};
  char *s = render_figure(&c->stated, c->unit.text, -1);
  const char *r;
  if (c->computed) {
    char *v = dec_format(*c->computed, c->stated.places + 2);
    r = fmtd(d, "%s（计算值%s%s，%s）", s, v, c->unit.text ? c->unit.text : "", verdicts[c->verdict]);
    mem_free(v);
  } else {
    r = fmtd(d, "%s（%s）", s, verdicts[c->verdict]);
  }
  mem_free(s);
  return r;
}

static const char *claim_key(const Claim *c) {
  return c->id ? c->id : c->label;
}

static void diff_claims(Diff *d) {
  const Model *A = d->old, *B = d->new_;
  char *used = mem_calloc((size_t)B->nclaims + 1);
  for (int i = 0; i < A->nclaims; i++) {
    const Claim *a = A->claims[i], *b = NULL;
    for (int j = 0; j < B->nclaims && !b; j++) {
      const Claim *c = B->claims[j];
      if (!used[j] && period_cmp(a->period, c->period) == 0 &&
          (claim_key(a) ? same(claim_key(a), claim_key(c))
                        : !claim_key(c) && same(formula_text(d, a->formula),
                                                formula_text(d, c->formula)))) {
        used[j] = 1;
        b = c;
      }
    }
    const char *label = fmtd(d, "核对「%s」%s", claim_key(a) ? claim_key(a)
                             : formula_text(d, a->formula), period_zh(d, a->period));
    if (!b) {
      add(d, DK_CLAIM, DIFF_REMOVED, label, claim_text(d, a), NULL, &a->loc, NULL);
      continue;
    }
    const char *x = claim_text(d, a), *y = claim_text(d, b);
    int written = !fig_eq(&a->stated, &b->stated) ||
                  !same(formula_text(d, a->formula), formula_text(d, b->formula));
    if (!written && same(x, y) && qeq(a->computed, b->computed)) continue;
    DiffChange *c = add(d, DK_CLAIM, DIFF_CHANGED, label, x, y, &a->loc, &b->loc);
    c->consequence = !written;
    if (!same(formula_text(d, a->formula), formula_text(d, b->formula)))
      c->detail = fmtd(d, "算式 %s → %s", formula_text(d, a->formula),
                       formula_text(d, b->formula));
  }
  for (int j = 0; j < B->nclaims; j++) {
    if (used[j]) continue;
    const Claim *b = B->claims[j];
    add(d, DK_CLAIM, DIFF_ADDED,
        fmtd(d, "核对「%s」%s", claim_key(b) ? claim_key(b) : formula_text(d, b->formula),
             period_zh(d, b->period)),
        NULL, claim_text(d, b), NULL, &b->loc);
  }
  mem_free(used);
}

/* ---- the outline, tasks, commitments and prose ---- */

/* An entry of the document's outline: a part or section heading, a paragraph, a task. */
typedef enum EntryKind { EN_PART, EN_SECTION, EN_PARA, EN_TASK } EntryKind;

typedef struct Entry {
  EntryKind kind;
  Loc loc;
  const Task *task;
  const char *title;   /* heading, lead sentence or task title */
  const char *written; /* the prose as written, placeholders unfilled (what the author changed) */
  const char *text;    /* the prose as the report prints it, placeholders filled */
  const char *section; /* the section it is in, or NULL */
} Entry;

typedef struct Entries {
  Entry *v;
  int n, cap;
} Entries;

static void entries_push(Entries *es, Entry e) {
  if (es->n == es->cap) {
    es->cap = es->cap ? 2 * es->cap : 32;
    es->v = mem_realloc(es->v, (size_t)es->cap * sizeof *es->v);
  }
  es->v[es->n++] = e;
}

static int ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A placeholder as written: {gdp[2023]}, {c1}, {企业占比}. */
static void put_placeholder(Diff *d, Buf *b, const Filled *f) {
  buf_add(b, "{");
  if (f->formula) buf_add(b, formula_text(d, f->formula));
  else if (f->commit) buf_add(b, f->commit->id);
  else if (f->claim) buf_add(b, f->claim->id);
  buf_add(b, "}");
}

/* The prose of a block, written and filled, joined as the report joins lines (a space
   only between two ASCII letters or digits). */
static void entry_prose(Diff *d, const Block *blk, Entry *e) {
  Buf w = {0}, t = {0};
  for (int i = 0; i < blk->nlines; i++) {
    const Line *l = blk->lines[i];
    char *line = render_line(l);
    if (t.n && ascii_alnum(t.s[t.n - 1]) && ascii_alnum(line[0])) buf_add(&t, " ");
    buf_add(&t, line);
    mem_free(line);
    for (int k = 0; k < l->npieces; k++) {
      if (l->pieces[k].text) buf_add(&w, l->pieces[k].text);
      else put_placeholder(d, &w, l->pieces[k].filled);
    }
    buf_add(&w, "\n");
  }
  e->written = keep(d, buf_take(&w));
  e->text = keep(d, buf_take(&t));
  if (!e->written) e->written = "";
  if (!e->text) e->text = "";
}

/* The model's outline as a list: parts and sections (which 0), paragraphs (1), tasks (2). */
static void collect(Diff *d, const Model *m, Entries *out, int which) {
  for (int p = 0; p < m->nparts; p++) {
    const Part *part = m->parts[p];
    if (which == 0) entries_push(out, (Entry){.kind = EN_PART, .loc = part->loc, .title = part->title});
    for (int s = 0; s < part->nsections; s++) {
      const Section *sec = part->sections[s];
      if (which == 0 && sec->title)
        entries_push(out, (Entry){.kind = EN_SECTION, .loc = sec->loc, .title = sec->title});
      for (int k = 0; k < sec->nblocks && which > 0; k++) {
        const Block *blk = sec->blocks[k];
        Entry e = {.loc = blk->loc, .section = sec->title};
        if (which == 1 && blk->kind == BK_PARA) {
          e.kind = EN_PARA;
          e.title = blk->lead;
        } else if (which == 2 && blk->kind == BK_TASK) {
          e.kind = EN_TASK;
          e.task = blk->task;
          e.title = blk->task->title;
        } else {
          continue;
        }
        entry_prose(d, blk, &e);
        entries_push(out, e);
      }
    }
  }
}

typedef struct EntryPair {
  const Entries *a, *b;
} EntryPair;

static int block_eq(const void *ctx, int i, int j) {
  const EntryPair *p = ctx;
  const Entry *x = &p->a->v[i], *y = &p->b->v[j];
  return x->kind == y->kind && same(x->title, y->title) &&
         (x->kind != EN_PARA || same(x->written, y->written));
}

static double block_sim(const void *ctx, int i, int j) {
  const EntryPair *p = ctx;
  const Entry *x = &p->a->v[i], *y = &p->b->v[j];
  if (x->kind != y->kind) return 0;
  if (x->kind == EN_PART || x->kind == EN_SECTION) /* between two anchors: renamed */
    return 0.5 + 0.5 * similarity(x->title, y->title);
  double t = x->title && y->title ? similarity(x->title, y->title) : 0;
  double s = similarity(x->text, y->text);
  if (x->kind == EN_TASK) return t > s ? t : s;
  return s;
}

/* A short name for a paragraph: its lead sentence, else its first characters. */
static const char *para_label(Diff *d, const Entry *b) {
  if (b->title) return fmtd(d, "段落「%s」", b->title);
  const char *s = b->text;
  size_t n = strlen(s), at = utf8_offset(s, n, 16);
  return fmtd(d, "段落「%.*s%s」", (int)at, s, at < n ? "…" : "");
}

static void diff_prose_of(Diff *d, const char *label, const Entry *x, const Entry *y) {
  if (same(x->text, y->text)) return; /* the report says the same words */
  DiffChange *c = add(d, DK_PROSE, DIFF_CHANGED, label, x->text, y->text, &x->loc, &y->loc);
  c->consequence = same(x->written, y->written);
  if (c->consequence) c->detail = "文字未改，所引数值变化";
  char_diff(d, c, x->text, y->text);
}

static const char *commit_text(Diff *d, const Commit *c) {
  char *s = c->form == VF_CHANGE ? render_delta(&c->delta, 1)
                                 : render_figure(&c->fig, c->has_unit ? c->unit.text : NULL, -1);
  const char *r = c->ind ? fmtd(d, "%s（关联指标：%s）", s, c->ind->name) : dup(d, s);
  mem_free(s);
  return r;
}

static int commit_eq(const Commit *a, const Commit *b) {
  return a->form == b->form && fig_eq(&a->fig, &b->fig) && delta_eq(&a->delta, &b->delta) &&
         same(a->has_unit ? a->unit.text : NULL, b->has_unit ? b->unit.text : NULL);
}

/* The commitments of a task, for a task added or removed: 供给优质产业空间超30万平方米；… */
static const char *commits_line(Diff *d, const Task *t) {
  if (!t->ncommits) return NULL;
  Buf b = {0};
  buf_add(&b, "量化指标：");
  for (int i = 0; i < t->ncommits; i++)
    buf_printf(&b, "%s%s %s", i ? "；" : "", t->commits[i]->desc, commit_text(d, t->commits[i]));
  return keep(d, buf_take(&b));
}

static void diff_commits(Diff *d, const Entries *ta, const Entries *tb, const int *ma) {
  /* the commitments of tasks present on both sides */
  const Commit **A = NULL, **B = NULL;
  int na = 0, nb = 0;
  const Model *MA = d->old, *MB = d->new_;
  A = mem_alloc(((size_t)MA->ncommits + 1) * sizeof *A);
  B = mem_alloc(((size_t)MB->ncommits + 1) * sizeof *B);
  const Task **task_of = mem_calloc(((size_t)MA->ntasks + 1) * sizeof *task_of);
  for (int i = 0; i < ta->n; i++)
    if (ma[i] >= 0) {
      task_of[ta->v[i].task->number - 1] = tb->v[ma[i]].task;
      for (int k = 0; k < ta->v[i].task->ncommits; k++) A[na++] = ta->v[i].task->commits[k];
      for (int k = 0; k < tb->v[ma[i]].task->ncommits; k++) B[nb++] = tb->v[ma[i]].task->commits[k];
    }
  int *mb = mem_alloc(((size_t)nb + 1) * sizeof *mb), *mac = mem_alloc(((size_t)na + 1) * sizeof *mac);
  for (int j = 0; j < nb; j++) mb[j] = -1;
  for (int i = 0; i < na; i++) mac[i] = -1;
  /* by id, then by what is promised, then alike within the same task */
  for (int pass = 0; pass < 3; pass++)
    for (int i = 0; i < na; i++) {
      if (mac[i] >= 0) continue;
      int best = -1;
      double bs = 0.5;
      for (int j = 0; j < nb; j++) {
        if (mb[j] >= 0) continue;
        if (pass == 0 && A[i]->id && same(A[i]->id, B[j]->id)) best = j;
        else if (pass == 1 && same(A[i]->desc, B[j]->desc)) best = j;
        else if (pass == 2 && task_of[A[i]->task->number - 1] == B[j]->task) {
          double s = similarity(A[i]->desc, B[j]->desc);
          if (s > bs || (best < 0 && s >= bs)) bs = s, best = j;
          continue;
        }
        if (best >= 0) break;
      }
      if (best >= 0) mac[i] = best, mb[best] = i;
    }
  for (int i = 0; i < na; i++) {
    const Commit *a = A[i];
    if (mac[i] < 0) {
      add(d, DK_COMMIT, DIFF_REMOVED, fmtd(d, "量化指标「%s」（任务「%s」）", a->desc, a->task->title),
          commit_text(d, a), NULL, &a->loc, NULL);
      continue;
    }
    const Commit *b = B[mac[i]];
    Buf x = {0}, y = {0};
    const char *fields[][3] = {
        {"事项", a->desc, b->desc},
        {"目标", commit_text(d, a), commit_text(d, b)},
        {"牵头单位", a->lead, b->lead},
        {"完成时限", a->due, b->due},
        {"所属任务", task_of[a->task->number - 1] == b->task ? b->task->title : a->task->title,
         b->task->title},
    };
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
      if (same(fields[k][1], fields[k][2]) && (k != 1 || commit_eq(a, b))) continue;
      buf_printf(&x, "%s%s：%s", x.n ? "；" : "", fields[k][0], fields[k][1] ? fields[k][1] : "无");
      buf_printf(&y, "%s%s：%s", y.n ? "；" : "", fields[k][0], fields[k][2] ? fields[k][2] : "无");
    }
    if (x.n)
      add(d, DK_COMMIT, DIFF_CHANGED, fmtd(d, "量化指标「%s」（任务「%s」）", b->desc, b->task->title),
          keep(d, buf_take(&x)), keep(d, buf_take(&y)), &a->loc, &b->loc);
    buf_free(&x);
    buf_free(&y);
  }
  for (int j = 0; j < nb; j++)
    if (mb[j] < 0)
      add(d, DK_COMMIT, DIFF_ADDED, fmtd(d, "量化指标「%s」（任务「%s」）", B[j]->desc, B[j]->task->title),
          NULL, commit_text(d, B[j]), NULL, &B[j]->loc);
  mem_free(A);
  mem_free(B);
  mem_free(mb);
  mem_free(mac);
  mem_free(task_of);
}

/* Align two lists of blocks; ma and mb are the caller's to free. */
static void align_entries(const Entries *a, const Entries *b, double threshold, int **ma, int **mb,
                          char *moved) {
  EntryPair p = {a, b};
  Align al = {a->n, b->n, block_eq, block_sim, &p, threshold, moved};
  *ma = mem_alloc(((size_t)a->n + 1) * sizeof **ma);
  *mb = mem_alloc(((size_t)b->n + 1) * sizeof **mb);
  align(&al, *ma, *mb);
}

static void diff_document(Diff *d) {
  for (int which = 0; which < 3; which++) {
    Entries a = {0}, b = {0};
    collect(d, d->old, &a, which);
    collect(d, d->new_, &b, which);
    int *ma, *mb;
    char *moved = mem_calloc((size_t)a.n + 1);
    align_entries(&a, &b, 0.5, &ma, &mb, moved);
    for (int i = 0; i < a.n; i++) {
      const Entry *x = &a.v[i], *y = ma[i] >= 0 ? &b.v[ma[i]] : NULL;
      const char *noun = x->kind == EN_PART ? "部分" : "章节";
      if (which == 0) {
        if (!y) add(d, DK_OUTLINE, DIFF_REMOVED, fmtd(d, "%s「%s」", noun, x->title), x->title, NULL, &x->loc, NULL);
        else if (!same(x->title, y->title))
          add(d, DK_OUTLINE, DIFF_CHANGED, fmtd(d, "%s标题", noun), x->title, y->title, &x->loc, &y->loc);
        else if (moved[i])
          add(d, DK_OUTLINE, DIFF_CHANGED, fmtd(d, "%s「%s」的位置", noun, x->title),
              fmtd(d, "第%d项", i + 1), fmtd(d, "第%d项", ma[i] + 1), &x->loc, &y->loc);
      } else if (which == 1) {
        if (!y) add(d, DK_PROSE, DIFF_REMOVED, para_label(d, x), x->text, NULL, &x->loc, NULL);
        else {
          if (!same(x->title, y->title))
            add(d, DK_PROSE, DIFF_CHANGED, fmtd(d, "%s的导语", para_label(d, y)),
                x->title ? x->title : "无", y->title ? y->title : "无", &x->loc, &y->loc);
          if (moved[i])
            add(d, DK_PROSE, DIFF_CHANGED, fmtd(d, "%s的位置", para_label(d, y)),
                fmtd(d, "第%d段%s%s%s", i + 1, x->section ? "（" : "", x->section ? x->section : "", x->section ? "）" : ""),
                fmtd(d, "第%d段%s%s%s", ma[i] + 1, y->section ? "（" : "", y->section ? y->section : "", y->section ? "）" : ""),
                &x->loc, &y->loc);
          diff_prose_of(d, para_label(d, y), x, y);
        }
      } else {
        const char *label = fmtd(d, "任务「%s」", (y ? y : x)->title);
        if (!y) {
          DiffChange *c = add(d, DK_TASK, DIFF_REMOVED, label, x->text, NULL, &x->loc, NULL);
          c->detail = commits_line(d, x->task);
          continue;
        }
        Buf fa = {0}, fb = {0};
        const Task *ta = x->task, *tb = y->task;
        char na[24], nb[24];
        snprintf(na, sizeof na, "第%d项", ta->number);
        snprintf(nb, sizeof nb, "第%d项", tb->number);
        const char *fields[][3] = {{"标题", ta->title, tb->title},
                                   {"所属章节", ta->section, tb->section},
                                   {"位置", na, moved[i] ? nb : na}, /* moved, not renumbered */
                                   {"牵头单位", ta->lead, tb->lead},
                                   {"完成时限", ta->due, tb->due}};
        for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
          if (same(fields[k][1], fields[k][2])) continue;
          buf_printf(&fa, "%s%s：%s", fa.n ? "；" : "", fields[k][0], fields[k][1] ? fields[k][1] : "无");
          buf_printf(&fb, "%s%s：%s", fb.n ? "；" : "", fields[k][0], fields[k][2] ? fields[k][2] : "无");
        }
        if (fa.n)
          add(d, DK_TASK, DIFF_CHANGED, label, keep(d, buf_take(&fa)), keep(d, buf_take(&fb)),
              &x->loc, &y->loc);
        buf_free(&fa);
        buf_free(&fb);
        diff_prose_of(d, fmtd(d, "任务「%s」的文字", tb->title), x, y);
      }
    }
    for (int j = 0; j < b.n; j++) {
      if (mb[j] >= 0) continue;
      const Entry *y = &b.v[j];
      if (which == 0)
        add(d, DK_OUTLINE, DIFF_ADDED,
            fmtd(d, "%s「%s」", y->kind == EN_PART ? "部分" : "章节", y->title), NULL,
            y->title, NULL, &y->loc);
      else if (which == 1)
        add(d, DK_PROSE, DIFF_ADDED, para_label(d, y), NULL, y->text, NULL, &y->loc);
      else {
        DiffChange *c = add(d, DK_TASK, DIFF_ADDED, fmtd(d, "任务「%s」", y->title), NULL,
                            y->text, NULL, &y->loc);
        c->detail = commits_line(d, y->task);
      }
    }
    if (which == 2) diff_commits(d, &a, &b, ma);
    mem_free(ma);
    mem_free(mb);
    mem_free(moved);
    mem_free(a.v);
    mem_free(b.v);
  }
}

/* ---- the whole ---- */

static int change_cmp(const void *x, const void *y) {
  const DiffChange *a = x, *b = y;
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  if (!same(a->new_file, b->new_file)) return 0;
  int la = a->new_line ? a->new_line : a->old_line, lb = b->new_line ? b->new_line : b->old_line;
  return (la > lb) - (la < lb);
}

/* Compare one pair of models into d, then the plans they import, by alias. */
static void diff_pair(Diff *d, const Model *a, const Model *b, int depth) {
  const Model *so = d->old, *sn = d->new_;
  Pair *sp = d->pairs;
  int snp = d->npairs, spc = d->pairs_cap;
  d->old = a;
  d->new_ = b;
  d->pairs = NULL;
  d->npairs = d->pairs_cap = 0;
  diff_header(d);
  diff_indicators(d);
  diff_target_lists(d, DK_TARGET, a->targets, a->ntargets, b->targets, b->ntargets);
  diff_target_lists(d, DK_EXECUTION, a->reviewed, a->nreviewed, b->reviewed, b->nreviewed);
  diff_claims(d);
  diff_document(d);
  mem_free(d->pairs);
  const char *scope = d->scope;
  for (int i = 0; i < a->nimports && depth < 8; i++)
    for (int j = 0; j < b->nimports; j++) {
      const Import *x = &a->imports[i], *y = &b->imports[j];
      if (!x->model || !y->model || !same(x->alias, y->alias)) continue;
      d->scope = y->path;
      diff_pair(d, x->model, y->model, depth + 1);
    }
  d->scope = scope;
  d->old = so;
  d->new_ = sn;
  d->pairs = sp;
  d->npairs = snp;
  d->pairs_cap = spc;
}

Diff *diff_models(const Model *old, const Model *new_) {
  Diff *d = mem_calloc(sizeof *d);
  d->arena = arena_new();
  d->old = old;
  d->new_ = new_;
  diff_pair(d, old, new_, 0);
  /* a stable sort by kind, then place: insertion sort keeps equal keys in order */
  for (int i = 1; i < d->n; i++) {
    DiffChange c = d->v[i];
    int j = i;
    while (j > 0 && change_cmp(&d->v[j - 1], &c) > 0) {
      d->v[j] = d->v[j - 1];
      j--;
    }
    d->v[j] = c;
  }
  return d;
}

void diff_free(Diff *d) {
  if (!d) return;
  mem_free(d->v);
  arena_free(d->arena);
  mem_free(d);
}

/* ---- output ---- */

char *diff_hunks(const DiffChange *c, int context, int markdown) {
  Buf b = {0};
  for (int i = 0; i < c->nspans; i++) {
    const DiffSpan *s = &c->spans[i];
    if (s->op == '=') {
      size_t n = strlen(s->text);
      int cols = utf8_cols(s->text, n);
      if (cols <= 2 * context + 1 || context < 0) {
        if (i == 0 && cols > context && context >= 0) {
          buf_add(&b, "…");
          buf_add(&b, s->text + utf8_offset(s->text, n, cols - context));
        } else if (i == c->nspans - 1 && cols > context && context >= 0) {
          buf_addn(&b, s->text, utf8_offset(s->text, n, context));
          buf_add(&b, "…");
        } else {
          buf_add(&b, s->text);
        }
      } else {
        if (i > 0) buf_addn(&b, s->text, utf8_offset(s->text, n, context));
        buf_add(&b, "…");
        if (i < c->nspans - 1) buf_add(&b, s->text + utf8_offset(s->text, n, cols - context));
      }
    } else if (s->op == '-') {
      buf_printf(&b, markdown ? "~~%s~~" : "[-%s-]", s->text);
    } else {
      buf_printf(&b, markdown ? "**%s**" : "{+%s+}", s->text);
    }
  }
  return buf_take(&b);
}

/* A long text cut to n characters for a line of the 修订说明. */
static void put_cut(FILE *out, const char *s, int n) {
  size_t len = strlen(s);
  size_t at = utf8_offset(s, len, n);
  fwrite(s, 1, at, out);
  if (at < len) fputs("…", out);
}

void diff_write_text(const Diff *d, FILE *out, int md, const char *old_label,
                     const char *new_label) {
  int counts[3] = {0}, conseq = 0;
  for (int i = 0; i < d->n; i++) {
    counts[d->v[i].op]++;
    conseq += d->v[i].consequence;
  }
  fputs(md ? "# 修订说明\n\n" : "修订说明\n\n", out);
  fprintf(out, "%s原稿：%s%s\n", md ? "- " : "", old_label ? old_label : diff_old_path(d), md ? "" : "");
  fprintf(out, "%s修改稿：%s\n\n", md ? "- " : "", new_label ? new_label : diff_new_path(d));
  if (d->n == 0) {
    fputs("两稿含义相同，没有修改。\n", out);
    return;
  }
  fprintf(out, "共%d处修改：新增%d处，删除%d处，修改%d处", d->n, counts[DIFF_ADDED],
          counts[DIFF_REMOVED], counts[DIFF_CHANGED]);
  if (conseq) fprintf(out, "；其中%d处随其他修改而变化", conseq);
  fputs("。\n", out);
  int group = 0;
  for (int i = 0; i < d->n; i++) {
    const DiffChange *c = &d->v[i];
    if (i == 0 || c->kind != d->v[i - 1].kind) {
      char num[16];
      fprintf(out, md ? "\n## %s、%s\n\n" : "\n%s、%s\n", render_chinese_number(++group, num),
              kind_zh[c->kind]);
    }
    fprintf(out, md ? "- %s " : "  %s ", md ? (c->op == DIFF_ADDED ? "＋" : c->op == DIFF_REMOVED ? "－" : "～")
                                           : op_signs[c->op]);
    if (c->op == DIFF_ADDED || c->op == DIFF_REMOVED) {
      const char *text = c->op == DIFF_ADDED ? c->new_ : c->old;
      fprintf(out, "%s%s", op_zh[c->op], c->item);
      if (text && *text) {
        fputs("：", out);
        put_cut(out, text, 60);
      }
    } else if (c->nspans) {
      char *h = diff_hunks(c, 12, md);
      fprintf(out, "%s：%s", c->item, h);
      mem_free(h);
    } else {
      fprintf(out, "%s：%s → %s", c->item, c->old ? c->old : "无", c->new_ ? c->new_ : "无");
    }
    if (c->detail)
      fprintf(out, c->op == DIFF_CHANGED ? "；%s" : "（%s）", c->detail);
    if (c->consequence) fputs("（随之变化）", out);
    fputs("\n", out);
  }
}

/* A change's place in one revision, as JSON: {"file": …, "line": n}, or null (line 0). */
static void diff_json_place(FILE *out, const char *file, int line) {
  if (!line) {
    fputs("null", out);
    return;
  }
  fputs("{\"file\": ", out);
  json_write_string(out, file);
  fprintf(out, ", \"line\": %d}", line);
}

void diff_write_json(const Diff *d, FILE *out, const char *old_label, const char *new_label) {
  fputs("{\n  \"schema\": 1,\n  \"old\": ", out);
  json_write_string(out, old_label ? old_label : diff_old_path(d));
  fputs(",\n  \"new\": ", out);
  json_write_string(out, new_label ? new_label : diff_new_path(d));
  int counts[3] = {0};
  for (int i = 0; i < d->n; i++) counts[d->v[i].op]++;
  fprintf(out, ",\n  \"summary\": {\"changes\": %d, \"added\": %d, \"removed\": %d, \"changed\": %d},\n",
          d->n, counts[DIFF_ADDED], counts[DIFF_REMOVED], counts[DIFF_CHANGED]);
  fputs("  \"changes\": [", out);
  for (int i = 0; i < d->n; i++) {
    const DiffChange *c = &d->v[i];
    fprintf(out, "%s\n    {\"kind\": \"%s\", \"op\": \"%s\", \"item\": ", i ? "," : "",
            kind_names[c->kind], op_names[c->op]);
    json_write_string(out, c->item);
    fputs(", \"old\": ", out);
    json_write_string(out, c->old);
    fputs(", \"new\": ", out);
    json_write_string(out, c->new_);
    fputs(", \"detail\": ", out);
    json_write_string(out, c->detail);
    fprintf(out, ", \"consequence\": %s,\n     \"old_place\": ", c->consequence ? "true" : "false");
    diff_json_place(out, c->old_file, c->old_line);
    fputs(", \"new_place\": ", out);
    diff_json_place(out, c->new_file, c->new_line);
    if (c->nspans) {
      fputs(",\n     \"spans\": [", out);
      for (int k = 0; k < c->nspans; k++) {
        fprintf(out, "%s{\"op\": \"%c\", \"text\": ", k ? ", " : "", c->spans[k].op);
        json_write_string(out, c->spans[k].text);
        fputs("}", out);
      }
      fputs("]", out);
    }
    fputs("}", out);
  }
  fputs(d->n ? "\n  ]\n}\n" : "]\n}\n", out);
}
