/* eval.c: evaluating the bound model: formulas in dependency order (a cycle is an error that
   names every member), the values relative targets imply, execution against targets,
   claims against the computed figures, and the placeholders of the prose. It reads the
   Formula nodes bind.c made and looks nothing up: every name, unit and period is resolved
   already. Every figure is an exact rational and carries the interval its inputs'
   rounding allows. */
#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "model/eval.h"

/* How many evaluations may nest (a value computed from a value computed from …, times the
   depth of each formula): thousands of chained periods, well inside the C stack. */
#define EVAL_MAX_NEST 4000

/* A quantity being computed: its exact value in base units (万 and 亿 applied) and, when a
   claim is being checked, the range the rounding of its inputs allows (lo and hi NULL
   otherwise: nothing else reads it). Its unit is the unit of the node computed. The
   rationals are the context's scratch, reused from one quantity to the next. */
typedef struct Qty {
  mpq_ptr v, lo, hi;
} Qty;

/* How many unit scales the context keeps as rationals: a plan uses a handful of units. */
#define EVAL_SCALES 8

/* A unit's scale as a rational, for the units met last. */
typedef struct Scale {
  int exp10;
  long num, den; /* den 0: the slot is empty */
  mpq_t s;
} Scale;

typedef struct Ctx {
  Model *m;      /* the model whose formula is being computed (for its diagnostics) */
  Value **stack; /* the values being computed, for cycles */
  int depth, cap;
  int nest;      /* nested evaluations, bounded by EVAL_MAX_NEST */
  int too_deep;  /* the bound was reported */
  int quiet;     /* a derived value: missing inputs drop it instead of reporting */
  int why;       /* FN_GROWTH or FN_CHAIN while reading their base period (for a note), or -1 */
  int bounds;    /* quantities made now carry the interval of their inputs' rounding */
  mpq_ptr *tmp;  /* scratch rationals, taken and given back in stack order */
  int ntmp, used;
  Scale scales[EVAL_SCALES];
  int next_scale; /* the slot the next new scale takes */
} Ctx;

static int eval_formula(Ctx *c, const Formula *f, Period p, int shift, Qty *out);
static int eval_value(Ctx *c, Value *v);

/* A scratch rational (of any value) from the context; given back by resetting c->used to
   what it was before, so that nesting takes and gives back in stack order. */
static mpq_ptr ctx_tmp(Ctx *c) {
  if (c->used == c->ntmp) {
    c->tmp = mem_realloc(c->tmp, (size_t)(c->ntmp + 1) * sizeof *c->tmp);
    c->tmp[c->ntmp] = mem_alloc(sizeof(mpq_t));
    mpq_init(c->tmp[c->ntmp++]);
  }
  return c->tmp[c->used++];
}

/* The context's rationals, cleared at the end of the evaluation. */
static void ctx_free(Ctx *c) {
  for (int i = 0; i < c->ntmp; i++) {
    mpq_clear(c->tmp[i]);
    mem_free(c->tmp[i]);
  }
  mem_free(c->tmp);
  for (int i = 0; i < EVAL_SCALES; i++)
    if (c->scales[i].den) mpq_clear(c->scales[i].s);
}

/* u's scale (亿元 → 10^8), made once for the units met last. */
static mpq_srcptr ctx_scale(Ctx *c, const Unit *u) {
  for (int i = 0; i < EVAL_SCALES; i++) {
    Scale *k = &c->scales[i];
    if (k->den && k->exp10 == u->exp10 && k->num == u->num && k->den == u->den) return k->s;
  }
  Scale *k = &c->scales[c->next_scale];
  c->next_scale = (c->next_scale + 1) % EVAL_SCALES;
  if (!k->den) mpq_init(k->s);
  k->exp10 = u->exp10;
  k->num = u->num;
  k->den = u->den;
  unit_scale(k->s, u);
  return k->s;
}

/* A quantity of scratch rationals, with an interval when c->bounds says so. */
static void qty_init(Ctx *c, Qty *q) {
  q->v = ctx_tmp(c);
  q->lo = c->bounds ? ctx_tmp(c) : NULL;
  q->hi = c->bounds ? ctx_tmp(c) : NULL;
}

/* a's interval becomes the smallest and largest of a op b over the corners of the two. */
static void interval_corners(Ctx *c, Qty *a, const Qty *b,
                             void (*op)(mpq_ptr, mpq_srcptr, mpq_srcptr)) {
  int mark = c->used;
  mpq_ptr t = ctx_tmp(c), lo = ctx_tmp(c), hi = ctx_tmp(c);
  mpq_srcptr as[2] = {a->lo, a->hi}, bs[2] = {b->lo, b->hi};
  for (int i = 0; i < 4; i++) {
    op(t, as[i / 2], bs[i % 2]);
    if (i == 0 || mpq_cmp(t, lo) < 0) mpq_set(lo, t);
    if (i == 0 || mpq_cmp(t, hi) > 0) mpq_set(hi, t);
  }
  mpq_set(a->lo, lo);
  mpq_set(a->hi, hi);
  c->used = mark;
}

/* A figure in unit u as a quantity in base units; a written figure carries the interval of
   its last written digit (58.6 万 is 58.55 to 58.65 万). */
static void qty_from_figure(Ctx *c, Qty *q, const Figure *f, const Unit *u, int written) {
  mpq_srcptr s = ctx_scale(c, u);
  dec_mul(q->v, *f->v, s);
  if (!q->lo) return;
  if (written) {
    int mark = c->used;
    mpq_ptr half = ctx_tmp(c);
    dec_pow10(half, -f->places);
    mpq_div_2exp(half, half, 1);
    dec_sub(q->lo, *f->v, half);
    dec_add(q->hi, *f->v, half);
    dec_mul(q->lo, q->lo, s);
    dec_mul(q->hi, q->hi, s);
    c->used = mark;
  } else {
    mpq_set(q->lo, q->v);
    mpq_set(q->hi, q->v);
  }
}

/* A quantity in base units expressed in unit u (bind.c made sure it fits). */
static void qty_in(Ctx *c, Qty *q, const Unit *u) {
  mpq_srcptr s = ctx_scale(c, u);
  dec_div(q->v, q->v, s);
  if (!q->lo) return;
  dec_div(q->lo, q->lo, s);
  dec_div(q->hi, q->hi, s);
}

static void qty_neg(Qty *q) {
  mpq_neg(q->v, q->v);
  if (!q->lo) return;
  mpq_swap(q->lo, q->hi);
  mpq_neg(q->lo, q->lo);
  mpq_neg(q->hi, q->hi);
}

/* Report that a figure is missing (fmt names the indicator, then the period), unless this
   is a quiet (derived) computation. */
static int eval_missing(Ctx *c, Loc at, const char *fmt, const Indicator *ind,
                        const char *period) {
  if (c->quiet || model_incomplete(ind->model, ind->id)) return -1; /* a cascade */
  model_error(c->m, "C006", at, fmt, ind->id, period); /* fmt is translated there */
  if (c->why == FN_GROWTH)
    model_note(c->m, at, "growth() compares with the same period of last year");
  if (c->why == FN_CHAIN) model_note(c->m, at, "chain() compares with the period just before");
  return -1;
}

/* The figure of an indicator at a period, as a quantity. */
static int eval_indicator(Ctx *c, Indicator *ind, Period p, Loc at, Qty *out) {
  char pb[12];
  Value *v = indicator_value(ind, p);
  if (!v) return eval_missing(c, at, "'%s' has no value for %s", ind, period_format(p, pb));
  if (eval_value(c, v) < 0) return -1;
  if (!v->fig.known) {
    if (v->form == VF_FORMULA) return -1; /* its own error was reported */
    return eval_missing(c, at,
                        v->form == VF_QUALITATIVE ? "'%s' has no figure for %s, only a statement"
                                                  : "'%s' has no figure for %s, only a change",
                        ind, period_format(p, pb));
  }
  qty_from_figure(c, out, &v->fig, &ind->unit, !v->derived && v->form != VF_FORMULA);
  return 0;
}

/* a / b into a, with its interval; a division by zero is an error at loc. */
static int eval_div(Ctx *c, Loc loc, Qty *a, const Qty *b) {
  if (mpq_sgn(b->v) == 0) {
    model_error(c->m, "C016", loc, "division by zero");
    return -1;
  }
  if (!a->lo) {
    dec_div(a->v, a->v, b->v);
  } else if (mpq_sgn(b->lo) * mpq_sgn(b->hi) <= 0) { /* the divisor's range holds zero */
    dec_div(a->v, a->v, b->v);
    mpq_set(a->lo, a->v);
    mpq_set(a->hi, a->v);
  } else {
    interval_corners(c, a, b, dec_div);
    dec_div(a->v, a->v, b->v);
  }
  return 0;
}

/* Binary operators; the units were checked by bind.c. */
static int eval_binary(Ctx *c, const Formula *f, Qty *a, const Qty *b) {
  switch (f->op) {
  case FX_ADD:
    dec_add(a->v, a->v, b->v);
    if (!a->lo) return 0;
    dec_add(a->lo, a->lo, b->lo);
    dec_add(a->hi, a->hi, b->hi);
    return 0;
  case FX_SUB:
    dec_sub(a->v, a->v, b->v);
    if (!a->lo) return 0;
    dec_sub(a->lo, a->lo, b->hi);
    dec_sub(a->hi, a->hi, b->lo);
    return 0;
  case FX_MUL:
    if (a->lo) interval_corners(c, a, b, dec_mul);
    dec_mul(a->v, a->v, b->v);
    return 0;
  default: return eval_div(c, f->loc, a, b);
  }
}

/* The period a reference means: its own (gdp[2023]) or the one computed, moved `shift`
   periods back by prev() and growth(). */
static Period eval_period(const Formula *ref, Period p, int shift) {
  Period q = ref->at ? ref->period : p;
  return period_back(q, shift % MODEL_SHIFT_YEAR, shift / MODEL_SHIFT_YEAR);
}

/* growth(x) on the same period of last year, chain(x) on the period just before: from the
   two levels; else (growth) the change the source states for the period. */
static int eval_growth(Ctx *c, const Formula *f, Period p, int shift, Qty *out) {
  const Formula *x = f->args[0];
  int back = f->fn == FN_GROWTH ? MODEL_SHIFT_YEAR : 1;
  if (x->op == FX_REF && f->fn == FN_GROWTH) {
    Period q = eval_period(x, p, shift);
    Value *v = indicator_value(x->ind, q), *before = indicator_value(x->ind, period_yoy(q));
    if (v && v->delta.present && v->delta.kind == UK_PERCENT && v->delta.dir != CHG_NEGATIVE &&
        (!before || (eval_value(c, before) == 0 && !before->fig.known))) {
      qty_from_figure(c, out, &v->delta.by, &f->unit, 1);
      if (v->delta.dir == CHG_DOWN) qty_neg(out);
      return 0;
    }
  }
  int mark = c->used;
  Qty b;
  qty_init(c, &b);
  int rc = eval_formula(c, x, p, shift, out);
  int why = c->why;
  if (c->why < 0) c->why = (int)f->fn;
  if (rc == 0) rc = eval_formula(c, x, p, shift + back, &b);
  c->why = why;
  if (rc == 0) rc = eval_div(c, f->loc, out, &b);
  if (rc == 0) {
    mpq_ptr one = ctx_tmp(c);
    mpq_set_ui(one, 1, 1);
    dec_sub(out->v, out->v, one);
    if (out->lo) {
      dec_sub(out->lo, out->lo, one);
      dec_sub(out->hi, out->hi, one);
    }
  }
  c->used = mark;
  return rc;
}

static int eval_call(Ctx *c, const Formula *f, Period p, int shift, Qty *out) {
  int mark = c->used;
  Qty b;
  int rc = 0;
  qty_init(c, &b);
  switch (f->fn) {
  case FN_PREV: rc = eval_formula(c, f->args[0], p, shift + 1, out); break;
  case FN_SHARE:
  case FN_RATE:
    rc = eval_formula(c, f->args[0], p, shift, out) < 0 ||
                 eval_formula(c, f->args[1], p, shift, &b) < 0
             ? -1
             : eval_div(c, f->loc, out, &b);
    break;
  case FN_GROWTH:
  case FN_CHAIN: rc = eval_growth(c, f, p, shift, out); break;
  case FN_CUMSUM: {
    Indicator *ind = f->args[0]->ind;
    Period upto = eval_period(f->args[0], p, shift);
    int first = 1;
    for (int i = 0; i < ind->nvalues && rc == 0; i++) {
      Period q = ind->values[i]->period;
      if (q.kind != upto.kind || period_cmp(q, upto) > 0) continue;
      if (eval_indicator(c, ind, q, f->loc, first ? out : &b) < 0) rc = -1;
      else if (!first) rc = eval_binary(c, &(Formula){.op = FX_ADD}, out, &b);
      first = 0;
    }
    if (first) rc = eval_missing(c, f->loc, "'%s' has no value up to %s", ind, "that period");
    break;
  }
  case FN_SUM:
    rc = eval_formula(c, f->args[0], p, shift, out);
    for (int i = 1; i < f->nargs && rc == 0; i++)
      rc = eval_formula(c, f->args[i], p, shift, &b) < 0
               ? -1
               : eval_binary(c, &(Formula){.op = FX_ADD}, out, &b);
    break;
  default: rc = -1; break;
  }
  c->used = mark;
  return rc;
}

/* A bound formula at period p (moved shift periods back), as a quantity in base units. */
static int eval_formula(Ctx *c, const Formula *f, Period p, int shift, Qty *out) {
  if (c->nest >= EVAL_MAX_NEST) {
    if (!c->too_deep++)
      model_error(c->m, "C020", f->loc,
                  "formulas nest more than %d evaluations deep here (a long chain of values "
                  "each computed from another?)",
                  EVAL_MAX_NEST);
    return -1;
  }
  c->nest++;
  int rc = 0;
  switch (f->op) {
  case FX_NUM:
    dec_mul(out->v, *f->num, ctx_scale(c, &f->unit));
    if (out->lo) {
      mpq_set(out->lo, out->v);
      mpq_set(out->hi, out->v);
    }
    break;
  case FX_REF: rc = eval_indicator(c, f->ind, eval_period(f, p, shift), f->loc, out); break;
  case FX_PAREN: rc = eval_formula(c, f->a, p, shift, out); break;
  case FX_NEG:
    rc = eval_formula(c, f->a, p, shift, out);
    if (rc == 0) qty_neg(out);
    break;
  case FX_CALL: rc = eval_call(c, f, p, shift, out); break;
  default: {
    int mark = c->used;
    Qty b;
    qty_init(c, &b);
    rc = eval_formula(c, f->a, p, shift, out) < 0 || eval_formula(c, f->b, p, shift, &b) < 0
             ? -1
             : eval_binary(c, f, out, &b);
    c->used = mark;
  }
  }
  c->nest--;
  return rc;
}

/* Report the cycle that closes at v: every member of the stack from v's first entry. */
static void eval_cycle(Ctx *c, Value *v) {
  int k = c->depth - 1;
  while (k > 0 && c->stack[k] != v) k--;
  Buf msg = {0};
  char pb[12];
  for (int i = k; i < c->depth; i++)
    buf_printf(&msg, "%s[%s] → ", c->stack[i]->ind->id, period_format(c->stack[i]->period, pb));
  buf_printf(&msg, "%s[%s]", v->ind->id, period_format(v->period, pb));
  model_error(v->ind->model, "C007", v->loc, "formula cycle: %s", buf_str(&msg));
  buf_free(&msg);
  for (int i = k + 1; i < c->depth; i++)
    model_note(c->stack[i]->ind->model, c->stack[i]->loc, "'%s' is part of the cycle",
               c->stack[i]->ind->id);
  for (int i = k; i < c->depth; i++) c->stack[i]->state = EV_DONE; /* failed, reported */
}

/* Compute a formula value once; a value met again while it is being computed closes a
   cycle, reported with every member. */
static int eval_value(Ctx *c, Value *v) {
  if (v->state == EV_DONE) return 0;
  if (v->state == EV_BUSY) {
    eval_cycle(c, v);
    return -1;
  }
  if (!v->formula) { /* it did not bind: reported */
    v->state = EV_DONE;
    return -1;
  }
  if (c->depth == c->cap) {
    c->cap = c->cap ? 2 * c->cap : 32;
    c->stack = mem_realloc(c->stack, (size_t)c->cap * sizeof *c->stack);
  }
  c->stack[c->depth++] = v;
  v->state = EV_BUSY;
  int mark = c->used, bounds = c->bounds;
  c->bounds = 0; /* a value keeps its figure only: a claim reading it starts from there */
  Qty q;
  qty_init(c, &q);
  Model *saved = c->m;
  c->m = v->ind->model;
  int rc = eval_formula(c, v->formula, v->period, 0, &q);
  if (rc == 0 && v->state == EV_BUSY) {
    qty_in(c, &q, &v->ind->unit);
    mpq_set(*v->fig.v, q.v);
    v->fig.known = 1;
    v->fig.places = v->ind->decimals >= 0 ? v->ind->decimals : 2;
  }
  c->m = saved;
  c->bounds = bounds;
  c->used = mark;
  c->depth--;
  v->state = EV_DONE;
  return rc;
}

/* Compute derived values quietly; drop those whose inputs are missing. */
static void eval_derived(Ctx *c, Indicator *ind) {
  int k = 0;
  for (int i = 0; i < ind->nvalues; i++) {
    Value *v = ind->values[i];
    if (v->derived) {
      c->quiet = 1;
      eval_value(c, v);
      c->quiet = 0;
      if (!v->fig.known) continue; /* inputs missing, or an error already reported */
    }
    ind->values[k++] = v;
  }
  ind->nvalues = k;
}

/* ---- targets: the values they imply, and verdicts as planners give them ---- */

/* The signed change a Delta states (its high end for a range when high): +by for a rise,
   −by for a decline, 0 for 持平, +100 (%) for 翻番. */
static void delta_signed(mpq_t out, const Delta *d, int high) {
  switch (d->dir) {
  case CHG_FLAT: mpq_set_ui(out, 0, 1); break;
  case CHG_DOUBLED: mpq_set_ui(out, 100, 1); break;
  default:
    mpq_set(out, high && d->by.rel == REL_RANGE ? *d->by.hi : *d->by.v);
    if (d->dir == CHG_DOWN) mpq_neg(out, out);
  }
}

/* The level a change of `by` (signed) makes of base, over `years` years for 年均增长. */
static void delta_apply(Ctx *c, mpq_t out, const mpq_t base, const Delta *d, const mpq_t by,
                        int years) {
  if (d->kind != UK_PERCENT) { /* points, or an amount in the indicator's unit */
    dec_add(out, base, by);
    return;
  }
  int mark = c->used;
  mpq_ptr f = ctx_tmp(c), h = ctx_tmp(c);
  mpq_set_ui(h, 100, 1);
  dec_div(f, by, h);
  mpq_set_ui(h, 1, 1);
  dec_add(f, f, h); /* 1 + r */
  mpq_set(out, base);
  for (int i = 0; i < (d->dir == CHG_ANNUAL ? years : 1); i++) dec_mul(out, out, f);
  c->used = mark;
}

/* A number of the model made when it is first written: a verdict's (most targets of a
   plan are not judged, their year having no figure yet) or the top of an implied range
   (most targets are not ranges); made for every target, they were a tenth of a large
   plan's memory. */
static mpq_t *eval_lazy_num(Model *m, mpq_t **slot) {
  if (!*slot) *slot = model_num(m);
  return *slot;
}

/* The value a change target implies on its base period's figure: implied gets it, or
   *why_not says why there is none. */
static void eval_implied_change(Ctx *c, Target *t, const Delta *d, Figure *implied) {
  Period bp = t->has_from ? t->from : period_yoy(t->period);
  Value *base = indicator_value(t->ind, bp);
  if (base) eval_value(c, base);
  t->base = base;
  if (!base || !base->fig.known) {
    t->why_not = "no base-period figure to apply the change to";
    return;
  }
  if (d->kind == UK_POINTS && t->ind->unit.kind != UK_PERCENT) {
    model_error(c->m, "C005", t->loc, "a change in 个百分点 needs an indicator in %%; '%s' is not",
                t->ind->id);
    return;
  }
  implied->known = 1;
  implied->rel = d->dir == CHG_FLAT ? REL_EXACT : d->by.rel;
  if (implied->rel == REL_EXACT && base->fig.rel == REL_ABOUT)
    implied->rel = REL_ABOUT; /* 约208 亿元 增长 1.8% is about 212 亿元 */
  if (d->dir == CHG_NEGATIVE) implied->prefix = "低于"; /* 负增长: below the base */
  int years = t->period.year - bp.year;
  int mark = c->used;
  mpq_ptr by = ctx_tmp(c);
  delta_signed(by, d, 0);
  delta_apply(c, *implied->v, *base->fig.v, d, by, years);
  if (d->dir != CHG_FLAT && d->dir != CHG_DOUBLED && d->by.rel == REL_RANGE) {
    delta_signed(by, d, 1); /* the top of a range: computed only when there is one */
    delta_apply(c, *eval_lazy_num(c->m, &implied->hi), *base->fig.v, d, by, years);
  }
  c->used = mark;
  /* without decimals, the places of the figure it comes from (208 增长1.8% is 212) */
  implied->places = t->ind->decimals >= 0 ? t->ind->decimals : base->fig.places;
}

/* The value a target (or its stretch level) implies. */
static void eval_implied(Ctx *c, Target *t, const Figure *fig, const Delta *d, Figure *implied) {
  if (t->form == VF_BOUND || (t->has_stretch && d == &t->stretch->delta && !d->present)) {
    implied->known = 1;
    implied->rel = fig->rel;
    implied->places = fig->places;
    mpq_set(*implied->v, *fig->v);
    if (fig->rel == REL_RANGE) mpq_set(*eval_lazy_num(c->m, &implied->hi), *fig->hi);
  } else {
    eval_implied_change(c, t, d, implied);
  }
}

typedef enum Better { BETTER_HIGH, BETTER_LOW, BETTER_BAND } Better;

/* A figure a against a target t (thi: the top of a range) under a relation, with the band
   of 基本完成 for a 左右 target. */
static ExecStatus eval_compare(Ctx *ctx, const mpq_t a, const mpq_t t, const mpq_t thi,
                               Relation rel, Better better, const mpq_t band) {
  int mark = ctx->used;
  mpq_ptr edge = ctx_tmp(ctx);
  ExecStatus st = EXEC_NOT_MET;
  int c = mpq_cmp(a, t);
  if (better == BETTER_BAND) {
    if (rel == REL_RANGE) {
      st = c >= 0 && mpq_cmp(a, thi) <= 0 ? EXEC_MET : EXEC_NOT_MET;
    } else {
      dec_sub(edge, a, t);
      mpq_abs(edge, edge);
      st = mpq_cmp(edge, band) <= 0 ? EXEC_MET : EXEC_NOT_MET;
    }
  } else if (better == BETTER_HIGH) {
    if (rel == REL_OVER) st = c > 0 ? EXEC_MET : EXEC_NOT_MET;
    else if (c >= 0) st = EXEC_MET;
    else if (rel == REL_ABOUT) {
      dec_sub(edge, t, band);
      st = mpq_cmp(a, edge) >= 0 ? EXEC_PARTLY : EXEC_NOT_MET;
    }
  } else {
    const mpq_t *top = rel == REL_RANGE ? (const mpq_t *)thi : (const mpq_t *)t;
    c = mpq_cmp(a, *top);
    if (rel == REL_UNDER) st = c < 0 ? EXEC_MET : EXEC_NOT_MET;
    else if (c <= 0) st = EXEC_MET;
    else if (rel == REL_ABOUT) {
      dec_add(edge, t, band);
      st = mpq_cmp(a, edge) <= 0 ? EXEC_PARTLY : EXEC_NOT_MET;
    }
  }
  ctx->used = mark;
  return st;
}

/* out = (a ÷ b − 1) × 100: the change from b to a, in % (b is not 0). */
static void eval_pct_change(Ctx *c, mpq_ptr out, mpq_srcptr a, mpq_srcptr b) {
  int mark = c->used;
  mpq_ptr k = ctx_tmp(c);
  dec_div(out, a, b);
  mpq_set_ui(k, 1, 1);
  dec_sub(out, out, k);
  mpq_set_ui(k, 100, 1);
  dec_mul(out, out, k);
  c->used = mark;
}

/* The change of ind at p on the figure of bp (in %, 个百分点 or the unit's amount, per
   kind): the change the source states when it is of the basis needed, else from the two
   levels (*nominal set when a comparable-price change had to come from levels that are
   not). -1 when it cannot be known. */
static int eval_change_of(Ctx *c, const Indicator *ind, Period p, Period bp, UnitKind kind,
                          Basis need, mpq_t out, int *nominal, Value **actual) {
  Value *v = indicator_value(ind, p);
  if (!v || v->status == ST_PLAN) return -1;
  if (actual) *actual = v;
  eval_value(c, v);
  if (v->delta.present && v->delta.kind == kind && v->delta.dir != CHG_ANNUAL &&
      period_cmp(bp, period_yoy(p)) == 0) {
    Basis sb = v->delta.basis;
    if (need == BASIS_NONE || sb == BASIS_NONE || sb == need) {
      delta_signed(out, &v->delta, 0);
      return 0;
    }
  }
  Value *b = indicator_value(ind, bp);
  if (b) eval_value(c, b);
  if (!v->fig.known || !b || !b->fig.known) return -1;
  if (kind == UK_PERCENT) {
    if (mpq_sgn(*b->fig.v) == 0) return -1;
    eval_pct_change(c, out, *v->fig.v, *b->fig.v);
  } else {
    dec_sub(out, *v->fig.v, *b->fig.v);
  }
  if (need == BASIS_COMPARABLE && !(v->basis == BASIS_COMPARABLE && b->basis == BASIS_COMPARABLE))
    *nominal = 1;
  return 0;
}

/* The total of ind's figures over the years from `from` to p (a 累计 target); -1 when a
   year has no figure yet. */
static int eval_total(Ctx *c, const Indicator *ind, Period from, Period p, mpq_t out,
                      Value **actual) {
  mpq_set_ui(out, 0, 1);
  for (Period q = from; period_cmp(q, p) <= 0; q.year++) {
    Value *v = indicator_value(ind, q);
    if (!v || v->status == ST_PLAN) return -1;
    eval_value(c, v);
    if (!v->fig.known) return -1;
    dec_add(out, out, *v->fig.v);
    if (actual) *actual = v;
  }
  return 0;
}

/* The 基本完成 band of a 左右 amount: the plan's tolerance share (5% unless set) of the
   target amount t, as a size. */
static void eval_amount_band(Ctx *c, mpq_t band, const mpq_t t, const Model *m) {
  int mark = c->used;
  mpq_ptr h = ctx_tmp(c);
  mpq_set_ui(h, 100, 1);
  dec_mul(band, t, *m->tol_percent);
  dec_div(band, band, h);
  mpq_abs(band, band);
  c->used = mark;
}

/* Judge a target (or its stretch level: fig, d, implied) against ind's figures (ind: the
   target's indicator as the judging plan sees it). */
static void eval_judge(Ctx *c, Target *t, const Indicator *ind, const Figure *fig,
                       const Delta *d, const Figure *implied, Verdict *v) {
  Model *m = c->m;
  v->status = EXEC_NONE;
  v->has_gap = v->gap_in_unit = v->has_achieved = v->has_completion = v->nominal = 0;
  v->actual = NULL;
  Basis need = t->basis ? t->basis : t->ind->basis;
  int pct = ind->has_unit && ind->unit.kind == UK_PERCENT;
  int mark = c->used;
  mpq_ptr a = ctx_tmp(c), tv = ctx_tmp(c), thi = ctx_tmp(c), band = ctx_tmp(c);
  if (t->form == VF_RELATION) {
    Period bp = period_yoy(t->period);
    mpq_ptr other = *eval_lazy_num(m, &v->other_change);
    if (eval_change_of(c, ind, t->period, bp, UK_PERCENT, need, a, &v->nominal, &v->actual) < 0 ||
        eval_change_of(c, t->with, t->period, bp, UK_PERCENT, need, other, &v->nominal,
                       &v->other) < 0)
      goto done;
    v->has_achieved = 1;
    mpq_set(*eval_lazy_num(m, &v->achieved), a);
    v->has_gap = 1;
    dec_sub(*eval_lazy_num(m, &v->gap), a, other);
    mpq_set(band, *m->tol_points);
    if (t->sync == REL_EXACT) mpq_set_ui(band, 0, 1);
    v->status = eval_compare(c, a, other, other, REL_ABOUT, BETTER_HIGH, band);
    if (t->sync == REL_EXACT && v->status == EXEC_NOT_MET) {
      mpq_set(band, *m->tol_points); /* 同步 missed by less than the band: 基本同步 */
      if (eval_compare(c, a, other, other, REL_ABOUT, BETTER_HIGH, band) == EXEC_PARTLY)
        v->status = EXEC_PARTLY;
    }
    goto done;
  }
  Relation rel = d->present ? d->by.rel : fig->rel;
  Better better = t->direction == DIR_BAND                    ? BETTER_BAND
                  : rel == REL_ATMOST || rel == REL_UNDER       ? BETTER_LOW
                  : t->direction == DIR_DOWN && !(d->present && d->dir == CHG_DOWN) ? BETTER_LOW
                                                                 : BETTER_HIGH;
  if (d->present && d->dir != CHG_ANNUAL) { /* a change target: judged on the change */
    Period bp = t->has_from ? t->from : period_yoy(t->period);
    if (eval_change_of(c, ind, t->period, bp, d->kind, need, a, &v->nominal, &v->actual) < 0)
      goto levels;
    delta_signed(tv, d, 0);
    delta_signed(thi, d, 1);
    v->has_achieved = 1;
    mpq_set(*eval_lazy_num(m, &v->achieved), a);
    if (d->kind != UK_PLAIN) {
      v->has_gap = 1;
      dec_sub(*eval_lazy_num(m, &v->gap), a, tv);
    }
    if (d->kind == UK_PLAIN) eval_amount_band(c, band, tv, m); /* an amount: a share of it */
    else mpq_set(band, *m->tol_points);
    if (d->dir == CHG_DOWN) { /* judged on the size of the decline */
      mpq_neg(a, a);
      mpq_neg(tv, tv);
      mpq_neg(thi, thi);
    }
    v->status = eval_compare(c, a, tv, thi, d->dir == CHG_FLAT ? REL_ABOUT : rel, better, band);
    if (!pct && implied->known && v->actual && v->actual->fig.known &&
        mpq_sgn(*implied->v) != 0) {
      v->has_completion = 1;
      dec_div(*eval_lazy_num(m, &v->completion), *v->actual->fig.v, *implied->v);
    }
    goto done;
  }
levels: /* a level target, an average-annual one, or a change known only as levels */
  if (!implied->known) goto done;
  if (t->cumulative) {
    if (eval_total(c, ind, t->from, t->period, a, &v->actual) < 0) goto done;
    v->has_achieved = 1;
    mpq_set(*eval_lazy_num(m, &v->achieved), a);
  } else {
    Value *actual = indicator_value(ind, t->period);
    if (!actual || actual->status == ST_PLAN) goto done;
    v->actual = actual;
    eval_value(c, actual);
    if (!actual->fig.known) goto done;
    mpq_set(a, *actual->fig.v);
    if (d->present && need == BASIS_COMPARABLE && actual->basis != BASIS_COMPARABLE)
      v->nominal = 1;
  }
  mpq_set(tv, *implied->v);
  mpq_set(thi, implied->rel == REL_RANGE ? *implied->hi : *implied->v);
  if (pct) {
    mpq_set(band, *m->tol_points);
    v->has_gap = 1;
    dec_sub(*eval_lazy_num(m, &v->gap), a, tv);
  } else {
    eval_amount_band(c, band, tv, m);
    if (mpq_sgn(tv) != 0) {
      v->has_completion = 1;
      dec_div(*eval_lazy_num(m, &v->completion), a, tv);
    }
    if (better == BETTER_LOW) { /* a ceiling: a completion rate above 100% reads wrong */
      v->has_gap = v->gap_in_unit = 1;
      dec_sub(*eval_lazy_num(m, &v->gap), a, tv);
    }
  }
  v->status = eval_compare(c, a, tv, thi, implied->rel, better, band);
done:
  c->used = mark;
}

/* A target: the value it implies, and — when its period has a figure that is not a plan —
   the verdict, as judged by this plan's figures. */
static void eval_target(Ctx *c, Target *t, const Indicator *ind) {
  t->prior = indicator_value(t->ind, period_yoy(t->period));
  if (t->form == VF_QUALITATIVE) {
    t->why_not = "a qualitative target";
    t->v.status = EXEC_QUALITATIVE;
    Value *actual = indicator_value(ind, t->period);
    if (actual && actual->status != ST_PLAN) t->v.actual = actual;
    return;
  }
  if (t->form == VF_RELATION) {
    t->why_not = "a relation between two indicators";
  } else {
    eval_implied(c, t, &t->fig, &t->delta, &t->implied);
    if (t->has_stretch)
      eval_implied(c, t, &t->stretch->fig, &t->stretch->delta, &t->stretch->implied);
  }
  eval_judge(c, t, ind, &t->fig, &t->delta, &t->implied, &t->v);
  if (t->has_stretch)
    eval_judge(c, t, ind, &t->stretch->fig, &t->stretch->delta, &t->stretch->implied,
               &t->stretch->v);
}

/* Compare a claim's stated figure with the computed one, at the stated precision. */
static void eval_claim(Ctx *c, Claim *cl) {
  Model *m = c->m;
  if (!cl->formula) return; /* it did not bind: reported */
  int mark = c->used;
  c->bounds = 1; /* the one place the rounding interval is read */
  Qty q;
  qty_init(c, &q);
  int rc = eval_formula(c, cl->formula, cl->period, 0, &q);
  c->bounds = 0;
  if (rc < 0) {
    c->used = mark;
    return;
  }
  qty_in(c, &q, &cl->unit);
  mpq_set(*cl->computed, q.v);
  mpq_set(*cl->lo, q.lo);
  mpq_set(*cl->hi, q.hi);
  c->used = mark;
  int d = cl->stated.places;
  mpq_ptr shown = ctx_tmp(c), half = ctx_tmp(c), slo = ctx_tmp(c), shi = ctx_tmp(c);
  dec_round(shown, *cl->computed, d);
  dec_pow10(half, -d);
  mpq_div_2exp(half, half, 1);
  dec_sub(slo, *cl->stated.v, half); /* what rounds to the stated figure */
  dec_add(shi, *cl->stated.v, half);
  const mpq_t *s = (const mpq_t *)cl->stated.v;
  int ok, explained;
  switch (cl->stated.rel) {
  case REL_OVER: case REL_ATLEAST:
    ok = mpq_cmp(*cl->computed, *s) >= 0;
    explained = mpq_cmp(*cl->hi, *s) >= 0;
    break;
  case REL_ATMOST: case REL_UNDER:
    ok = mpq_cmp(*cl->computed, *s) <= 0;
    explained = mpq_cmp(*cl->lo, *s) <= 0;
    break;
  case REL_NEAR: /* just under: within a tenth below */
    mpq_set_ui(half, 9, 10);
    dec_mul(slo, *s, half);
    ok = mpq_cmp(*cl->computed, *s) <= 0 && mpq_cmp(*cl->computed, slo) >= 0;
    explained = mpq_cmp(*cl->lo, *s) <= 0 && mpq_cmp(*cl->hi, slo) >= 0;
    break;
  case REL_RANGE:
    ok = mpq_cmp(*cl->computed, *s) >= 0 && mpq_cmp(*cl->computed, *cl->stated.hi) <= 0;
    explained = mpq_cmp(*cl->hi, *s) >= 0 && mpq_cmp(*cl->lo, *cl->stated.hi) <= 0;
    break;
  default:
    ok = mpq_equal(shown, *s);
    explained = mpq_cmp(*cl->hi, slo) >= 0 && mpq_cmp(*cl->lo, shi) < 0;
    break;
  }
  cl->verdict = ok ? CLAIM_MATCH : explained ? CLAIM_ROUNDING : CLAIM_MISMATCH;
  if (!ok) {
    const char *u = cl->unit.text ? cl->unit.text : "";
    char *st = dec_format(*s, d), *comp = dec_format(*cl->computed, d + 2),
         *at = dec_format(*cl->computed, d), *lo = dec_format(*cl->lo, d + 2),
         *hi = dec_format(*cl->hi, d + 2);
    const char *name = cl->label ? cl->label : cl->id;
    const char *prefix = cl->stated.prefix ? cl->stated.prefix : "";
    if (cl->verdict == CLAIM_ROUNDING && name)
      model_warning(m, "W002", cl->stated_loc,
                    "claim '%s' states %s%s%s but the figures give %s%s (%s%s at the stated "
                    "precision); the rounding of its inputs can explain it (%s%s to %s%s)",
                    name, prefix, st, u, comp, u, at, u, lo, u, hi, u);
    else if (cl->verdict == CLAIM_ROUNDING)
      model_warning(m, "W002", cl->stated_loc,
                    "the claim states %s%s%s but the figures give %s%s (%s%s at the stated "
                    "precision); the rounding of its inputs can explain it (%s%s to %s%s)",
                    prefix, st, u, comp, u, at, u, lo, u, hi, u);
    else if (name)
      model_warning(m, "W001", cl->stated_loc,
                    "claim '%s' states %s%s%s but the figures give %s%s (%s%s at the stated "
                    "precision); the rounding of its inputs cannot explain it (%s%s to %s%s)",
                    name, prefix, st, u, comp, u, at, u, lo, u, hi, u);
    else
      model_warning(m, "W001", cl->stated_loc,
                    "the claim states %s%s%s but the figures give %s%s (%s%s at the stated "
                    "precision); the rounding of its inputs cannot explain it (%s%s to %s%s)",
                    prefix, st, u, comp, u, at, u, lo, u, hi, u);
    free(st); free(comp); free(at); free(lo); free(hi);
  }
  c->used = mark;
}

/* The period a placeholder without one is at: the latest period, up to the plan year, of
   the first indicator it names; else the plan year. */
static Period placeholder_period(const Model *m, const Indicator *ind) {
  Period best = {m->year ? m->year : m->base, 'Y', 0};
  int found = 0;
  for (int i = 0; ind && i < ind->nvalues; i++) {
    Period q = ind->values[i]->period;
    if (m->year && q.year > m->year) continue;
    if (!found || period_cmp(q, best) > 0) best = q;
    found = 1;
  }
  return best;
}

/* Fill one placeholder of the prose. */
static void eval_filled(Ctx *c, Filled *f) {
  const Formula *e = f->formula;
  if (f->known || !e) return; /* a commitment or a claim; or it did not bind */
  Period p = placeholder_period(c->m, f->first);
  if (e->op == FX_CALL && e->fn == FN_GROWTH && e->args[0]->op == FX_REF && !e->args[0]->at) {
    /* a stated change, shown as the source states it */
    Indicator *ind = e->args[0]->ind;
    Value *v = indicator_value(ind, p), *before = indicator_value(ind, period_yoy(p));
    if (before) eval_value(c, before);
    if (v && v->delta.present && !(before && before->fig.known)) {
      f->delta = &v->delta;
      f->known = 1;
      return;
    }
  }
  if (e->op == FX_REF) {
    Value *v = indicator_value(e->ind, e->at ? e->period : p);
    if (v) eval_value(c, v);
    if (v && v->form == VF_QUALITATIVE) {
      f->text = v->text;
      f->known = 1;
      return;
    }
    if (v && v->form == VF_CHANGE) {
      f->delta = &v->delta;
      f->known = 1;
      return;
    }
    if (v && v->fig.known) {
      f->figure = &v->fig;
      mpq_set(*f->v, *v->fig.v);
      f->unit = e->ind->unit;
      f->rel = v->fig.rel;
      f->decimals = model_places(e->ind, &v->fig);
      f->known = 1;
      return;
    }
  }
  int mark = c->used;
  Qty q;
  qty_init(c, &q);
  if (eval_formula(c, e, p, 0, &q) == 0) {
    qty_in(c, &q, &e->unit);
    mpq_set(*f->v, q.v);
    f->unit = e->unit;
    f->decimals = e->unit.kind == UK_PLAIN || e->unit.kind == UK_PERMILLE ? 2 : 1;
    f->known = 1;
  }
  c->used = mark;
}

/* A stated growth rate against the two levels of the same basis: a change stated 现价
   (or 可比价, when both levels are comparable-price levels) must be the growth the levels
   give, at its stated precision — a mismatch the rounding of the levels cannot explain is
   a warning, like a claim's. A change of another basis (real growth beside current-price
   levels) is not comparable with them and is not checked. */
static void eval_stated_change(Ctx *c, Value *v) {
  const Delta *d = &v->delta;
  if (!d->present || d->kind != UK_PERCENT || d->dir == CHG_ANNUAL || d->by.rel != REL_EXACT ||
      d->times || v->superseded || !v->fig.known || v->derived || v->form == VF_FORMULA)
    return;
  Value *b = indicator_value(v->ind, period_yoy(v->period));
  if (!b || !b->fig.known || b->derived || b->form == VF_FORMULA || mpq_sgn(*b->fig.v) <= 0)
    return;
  int same = d->basis == BASIS_CURRENT ? b->basis != BASIS_COMPARABLE
             : d->basis == BASIS_COMPARABLE ? b->basis == BASIS_COMPARABLE && v->basis == BASIS_COMPARABLE
                                            : 0;
  if (!same) return;
  int mark = c->used;
  c->bounds = 1; /* the levels' rounding is what may explain a difference */
  Qty a, p;
  qty_init(c, &a);
  qty_init(c, &p);
  c->bounds = 0;
  qty_from_figure(c, &a, &v->fig, &v->ind->unit, 1);
  qty_from_figure(c, &p, &b->fig, &b->ind->unit, 1);
  mpq_ptr stated = ctx_tmp(c), lo = ctx_tmp(c), hi = ctx_tmp(c), got = ctx_tmp(c),
          half = ctx_tmp(c);
  delta_signed(stated, d, 0);
  eval_pct_change(c, got, a.v, p.v);
  eval_pct_change(c, lo, a.lo, p.hi); /* the growth over the levels' rounding */
  eval_pct_change(c, hi, a.hi, p.lo);
  dec_pow10(half, -d->by.places);
  mpq_div_2exp(half, half, 1);
  mpq_ptr slo = ctx_tmp(c), shi = ctx_tmp(c);
  dec_sub(slo, stated, half);
  dec_add(shi, stated, half);
  if (mpq_cmp(hi, slo) < 0 || mpq_cmp(lo, shi) >= 0) {
    char pv[12], pp[12];
    char *g = dec_format(got, d->by.places + 1);
    model_warning(v->ind->model, "W004", v->loc,
                  "'%s' states a %s change of %s%% for %s, but its figures for %s and %s give "
                  "%s%% at the same price basis; the rounding of the figures cannot explain it",
                  v->ind->id, words_basis_zh(d->basis), d->as_written ? d->as_written : "",
                  period_format(v->period, pv), period_format(b->period, pp), pv, g);
    free(g);
  }
  c->used = mark;
}

/* The year under review's targets: this plan's own for its base year (one file holding a
   whole report), and the imported plans' for it (a chain of yearly plans) — listed whether
   or not a figure exists yet (数据暂缺) — or for any period this plan has a figure of; each
   judged by this plan's figures. */
static void eval_review(Ctx *c) {
  Model *m = c->m;
  for (int i = 0; i < m->ntargets; i++)
    if (m->base && m->targets[i]->period.year == m->base) {
      m->targets[i]->review = 1;
      model_push(m, &m->reviewed, &m->nreviewed, &m->reviewed_cap, m->targets[i]);
    }
  for (int i = 0; i < m->nimports; i++) {
    Model *im = m->imports[i].model;
    for (int k = 0; im && k < im->ntargets; k++) {
      Target *t = im->targets[k];
      Indicator *ind = model_indicator(m, t->ind->id);
      if (!ind) ind = t->ind;
      Value *actual = indicator_value(ind, t->period);
      int has_figure = actual && actual->status != ST_PLAN;
      if (!has_figure && !(m->base && t->period.year == m->base)) continue;
      int dup = 0; /* an import reached twice holds the same targets */
      for (int j = 0; j < m->nreviewed; j++) dup |= m->reviewed[j] == t;
      if (dup) continue;
      eval_target(c, t, ind);
      model_push(m, &m->reviewed, &m->nreviewed, &m->reviewed_cap, t);
    }
  }
}

void eval_model(Model *m) {
  Ctx c = {.m = m, .why = -1};
  for (int i = 0; i < m->ninds; i++) {
    Indicator *ind = m->inds[i];
    eval_derived(&c, ind);
    for (int j = 0; j < ind->nvalues; j++) eval_value(&c, ind->values[j]);
  }
  for (int i = 0; i < m->ninds; i++)
    for (int j = 0; j < m->inds[i]->nvalues; j++) eval_stated_change(&c, m->inds[i]->values[j]);
  for (int i = 0; i < m->ntargets; i++) eval_target(&c, m->targets[i], m->targets[i]->ind);
  eval_review(&c);
  for (int i = 0; i < m->nclaims; i++) eval_claim(&c, m->claims[i]);
  for (int i = 0; i < m->nfilled; i++) eval_filled(&c, m->filled[i]);
  mem_free(c.stack);
  ctx_free(&c);
}
