/* eval.c: evaluating the model: formulas in dependency order (a cycle is an error that
   names every member), the values relative targets imply, execution against targets,
   claims against the computed figures, and the placeholders of the prose. Every figure
   is an exact rational; each carries the interval its inputs' rounding allows. */
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "model/eval.h"

/* A quantity being computed: its exact value in base units (万 and 亿 applied), the range
   the rounding of its inputs allows, and the unit to show it in. */
typedef struct Qty {
  mpq_t v, lo, hi;
  Unit unit;
  char unit_text[64];
} Qty;

typedef struct Ctx {
  Model *m;
  Value **stack; /* the values being computed, for cycles */
  int depth, cap;
  int quiet;     /* a derived value: missing inputs drop it instead of reporting */
  int missing;   /* set when a missing input was met quietly */
} Ctx;

static int eval_expr(Ctx *c, const Expr *e, Period p, Qty *out);
static void collect_refs(const Expr *e, const Expr **refs, int *n, int max);
static int eval_value(Ctx *c, Value *v);

static void qty_init(Qty *q) {
  mpq_inits(q->v, q->lo, q->hi, NULL);
  q->unit = unit_none();
}

static void qty_clear(Qty *q) {
  mpq_clears(q->v, q->lo, q->hi, NULL);
}

/* Keep a result's unit text inside the quantity, so it outlives the helpers' buffers. */
static void qty_set_unit(Qty *q, Unit u) {
  q->unit = u;
  if (u.text && u.text != q->unit_text) {
    snprintf(q->unit_text, sizeof q->unit_text, "%s", u.text);
    q->unit.text = q->unit_text;
  }
}

/* a's interval becomes the smallest and largest of a op b over the corners of the two. */
static void interval_corners(Qty *a, const Qty *b, void (*op)(mpq_ptr, mpq_srcptr, mpq_srcptr)) {
  mpq_t t, lo, hi;
  mpq_inits(t, lo, hi, NULL);
  mpq_srcptr as[2] = {a->lo, a->hi}, bs[2] = {b->lo, b->hi};
  for (int i = 0; i < 4; i++) {
    op(t, as[i / 2], bs[i % 2]);
    if (i == 0 || mpq_cmp(t, lo) < 0) mpq_set(lo, t);
    if (i == 0 || mpq_cmp(t, hi) > 0) mpq_set(hi, t);
  }
  mpq_set(a->lo, lo);
  mpq_set(a->hi, hi);
  mpq_clears(t, lo, hi, NULL);
}

/* A value's figure as a quantity in base units; a written figure carries the interval of
   its last written digit (58.6 万 is 58.55 to 58.65 万). */
static void qty_from_figure(Qty *q, const Figure *f, const Unit *u, int written) {
  mpq_t s, half;
  mpq_inits(s, half, NULL);
  unit_scale(s, u);
  mpq_mul(q->v, *f->v, s);
  if (written) {
    dec_pow10(half, -f->places);
    mpq_div_2exp(half, half, 1);
    mpq_sub(q->lo, *f->v, half);
    mpq_add(q->hi, *f->v, half);
    mpq_mul(q->lo, q->lo, s);
    mpq_mul(q->hi, q->hi, s);
  } else {
    mpq_set(q->lo, q->v);
    mpq_set(q->hi, q->v);
  }
  qty_set_unit(q, *u);
  mpq_clears(s, half, NULL);
}

/* Report that a figure is missing, unless this is a quiet (derived) computation. */
static int eval_missing(Ctx *c, Loc at, const char *fmt, const char *name, const char *period) {
  if (c->quiet) {
    c->missing = 1;
    return -1;
  }
  char msg[256];
  snprintf(msg, sizeof msg, fmt, name, period);
  model_error(c->m, "C006", at, "%s", msg);
  return -1;
}

/* The figure of an indicator at a period, as a quantity. */
static int eval_indicator(Ctx *c, Indicator *ind, Period p, Loc at, Qty *out) {
  char pb[12];
  Value *v = indicator_value(ind, p);
  if (!v) return eval_missing(c, at, "'%s' has no value for %s", ind->id, period_format(p, pb));
  if (eval_value(c, v) < 0) return -1;
  if (!v->fig.known) {
    if (v->form == VF_FORMULA) return -1; /* its own error was reported */
    return eval_missing(c, at,
                        v->form == VF_QUALITATIVE ? "'%s' has no figure for %s, only a statement"
                                                  : "'%s' has no figure for %s, only a change",
                        ind->id, period_format(p, pb));
  }
  qty_from_figure(out, &v->fig, &ind->unit, !v->derived && v->form != VF_FORMULA);
  return 0;
}

/* A number written in a formula. */
static int eval_number(Ctx *c, const Quantity *q, Qty *out) {
  Figure f = {.v = &out->v, .places = dec_places(q->num.text)};
  mpq_t tmp;
  mpq_init(tmp);
  f.v = &tmp;
  dec_parse(tmp, q->num.text);
  Unit u = unit_none();
  if (q->unit.text && unit_parse(c->m->units, q->unit.text, &u) < 0) {
    model_error(c->m, "C003", q->unit.loc, "unknown unit '%s'; declare it with 'unit %s'",
                q->unit.text, q->unit.text);
    mpq_clear(tmp);
    return -1;
  }
  qty_from_figure(out, &f, &u, 0); /* a constant in a formula is exact */
  mpq_clear(tmp);
  return 0;
}

/* Add or subtract two quantities: like units only; % − % is in 个百分点. */
static int eval_add(Ctx *c, const Expr *e, Qty *a, Qty *b, int sub) {
  int da = unit_dimensionless(&a->unit), db = unit_dimensionless(&b->unit);
  if (da != db || (!da && !unit_same_dims(&a->unit, &b->unit))) {
    char x[64], y[64];
    unit_describe(&a->unit, x, sizeof x);
    unit_describe(&b->unit, y, sizeof y);
    model_error(c->m, "C004", e->loc, "cannot %s %s and %s", sub ? "subtract" : "add", x, y);
    return -1;
  }
  if (sub) {
    mpq_sub(a->v, a->v, b->v);
    mpq_sub(a->lo, a->lo, b->hi);
    mpq_sub(a->hi, a->hi, b->lo);
  } else {
    mpq_add(a->v, a->v, b->v);
    mpq_add(a->lo, a->lo, b->lo);
    mpq_add(a->hi, a->hi, b->hi);
  }
  if (da) {
    UnitKind ka = a->unit.kind, kb = b->unit.kind;
    if (ka == UK_PERCENT && kb == UK_PERCENT && sub) {
      Unit pts;
      unit_parse(c->m->units, "个百分点", &pts);
      qty_set_unit(a, pts);
    } else if ((ka == UK_PLAIN || kb == UK_PLAIN) && !(ka == UK_PLAIN && a->unit.text)) {
      /* 1 + 5.5% is a bare number: it keeps the unit of its plain side, if that has one */
      qty_set_unit(a, kb == UK_PLAIN && b->unit.text ? b->unit : unit_none());
    }
  }
  return 0;
}

/* Multiply or divide; a division by zero is an error. */
static int eval_mul(Ctx *c, const Expr *e, Qty *a, Qty *b, int div) {
  char buf[64];
  if (div) {
    if (mpq_sgn(b->v) == 0) {
      model_error(c->m, "C016", e->loc, "division by zero");
      return -1;
    }
    if (mpq_sgn(b->lo) * mpq_sgn(b->hi) <= 0) { /* the divisor's range holds zero */
      mpq_div(a->v, a->v, b->v);
      mpq_set(a->lo, a->v);
      mpq_set(a->hi, a->v);
    } else {
      interval_corners(a, b, mpq_div);
      mpq_div(a->v, a->v, b->v);
    }
    qty_set_unit(a, unit_div(&a->unit, &b->unit, buf, sizeof buf));
  } else {
    interval_corners(a, b, mpq_mul);
    mpq_mul(a->v, a->v, b->v);
    qty_set_unit(a, unit_mul(&a->unit, &b->unit, buf, sizeof buf));
  }
  return 0;
}

/* a / b as a percent (share, rate, growth + 1). */
static int eval_ratio(Ctx *c, const Expr *e, Qty *a, Qty *b, int minus_one) {
  if (!unit_same_dims(&a->unit, &b->unit)) {
    char x[64], y[64];
    unit_describe(&a->unit, x, sizeof x);
    unit_describe(&b->unit, y, sizeof y);
    model_error(c->m, "C004", e->loc, "%s(…) needs like units, not %s and %s", e->fn.text, x, y);
    return -1;
  }
  if (eval_mul(c, e, a, b, 1) < 0) return -1;
  if (minus_one) {
    mpq_t one;
    mpq_init(one);
    mpq_set_ui(one, 1, 1);
    mpq_sub(a->v, a->v, one);
    mpq_sub(a->lo, a->lo, one);
    mpq_sub(a->hi, a->hi, one);
    mpq_clear(one);
  }
  Unit pct;
  unit_parse(c->m->units, "%", &pct);
  qty_set_unit(a, pct);
  return 0;
}

/* The indicator a bare reference names (growth(x), cumsum(x)), or NULL. */
static Indicator *expr_indicator(Ctx *c, const Expr *e) {
  if (e->kind != EX_REF) return NULL;
  return model_ref(c->m, &e->ref, 0);
}

static int eval_call(Ctx *c, const Expr *e, Period p, Qty *out) {
  static const struct { const char *name; int nargs; } fns[] = {
      {"growth", 1}, {"share", 2}, {"rate", 2}, {"prev", 1}, {"cumsum", 1}, {"sum", -1}};
  const char *fn = e->fn.text;
  size_t k = 0;
  while (k < sizeof fns / sizeof *fns && strcmp(fns[k].name, fn) != 0) k++;
  if (k == sizeof fns / sizeof *fns) {
    model_error(c->m, "C017", e->fn.loc,
                "unknown function '%s' (known: growth, share, rate, prev, cumsum, sum)", fn);
    return -1;
  }
  if ((fns[k].nargs >= 0 && e->nargs != fns[k].nargs) || e->nargs == 0) {
    model_error(c->m, "C017", e->loc, "%s takes %d argument%s", fn, fns[k].nargs,
                fns[k].nargs == 1 ? "" : "s");
    return -1;
  }
  int rc = -1;
  Qty b;
  qty_init(&b);
  if (strcmp(fn, "prev") == 0) {
    rc = eval_expr(c, e->args[0], period_prev(p), out);
  } else if (strcmp(fn, "share") == 0 || strcmp(fn, "rate") == 0) {
    rc = eval_expr(c, e->args[0], p, out) < 0 || eval_expr(c, e->args[1], p, &b) < 0
             ? -1
             : eval_ratio(c, e, out, &b, 0);
  } else if (strcmp(fn, "growth") == 0) {
    /* from the two levels; else the change the source states for the period */
    Indicator *ind = expr_indicator(c, e->args[0]);
    Value *v = ind ? indicator_value(ind, p) : NULL;
    Value *before = ind ? indicator_value(ind, period_prev(p)) : NULL;
    if (v && v->delta.present && v->delta.kind == UK_PERCENT &&
        (!before || (eval_value(c, before) == 0 && !before->fig.known))) {
      Unit pct;
      unit_parse(c->m->units, "%", &pct);
      qty_from_figure(out, &v->delta.by, &pct, 1);
      if (v->delta.dir == CHG_DOWN) {
        mpq_neg(out->v, out->v);
        mpq_swap(out->lo, out->hi);
        mpq_neg(out->lo, out->lo);
        mpq_neg(out->hi, out->hi);
      }
      rc = 0;
    } else {
      rc = eval_expr(c, e->args[0], p, out) < 0 ||
                   eval_expr(c, e->args[0], period_prev(p), &b) < 0
               ? -1
               : eval_ratio(c, e, out, &b, 1);
    }
  } else if (strcmp(fn, "cumsum") == 0) {
    Indicator *ind = expr_indicator(c, e->args[0]);
    if (!ind) {
      model_error(c->m, "C017", e->args[0]->loc, "cumsum takes an indicator");
    } else {
      int first = 1;
      rc = 0;
      for (int i = 0; i < ind->nvalues && rc == 0; i++) {
        Period q = ind->values[i]->period;
        if (q.kind != p.kind || period_cmp(q, p) > 0) continue;
        if (eval_indicator(c, ind, q, e->loc, first ? out : &b) < 0) rc = -1;
        else if (!first) rc = eval_add(c, e, out, &b, 0);
        first = 0;
      }
      if (first) rc = eval_missing(c, e->loc, "'%s' has no value up to %s", ind->id, "that period");
    }
  } else { /* sum */
    rc = eval_expr(c, e->args[0], p, out);
    for (int i = 1; i < e->nargs && rc == 0; i++)
      rc = eval_expr(c, e->args[i], p, &b) < 0 ? -1 : eval_add(c, e, out, &b, 0);
  }
  qty_clear(&b);
  return rc;
}

static int eval_expr(Ctx *c, const Expr *e, Period p, Qty *out) {
  switch (e->kind) {
  case EX_NUM: return eval_number(c, &e->num, out);
  case EX_PAREN: return eval_expr(c, e->a, p, out);
  case EX_REF:
  case EX_AT: {
    Indicator *ind = model_ref(c->m, &e->ref, 1);
    if (!ind) return -1;
    Period at = p;
    if (e->kind == EX_AT && period_parse(e->period.text, &at) < 0) {
      model_error(c->m, "C009", e->period.loc, "'%s' is not a period", e->period.text);
      return -1;
    }
    return eval_indicator(c, ind, at, e->loc, out);
  }
  case EX_NEG:
    if (eval_expr(c, e->a, p, out) < 0) return -1;
    mpq_neg(out->v, out->v);
    mpq_swap(out->lo, out->hi);
    mpq_neg(out->lo, out->lo);
    mpq_neg(out->hi, out->hi);
    return 0;
  case EX_CALL: return eval_call(c, e, p, out);
  default: {
    Qty b;
    qty_init(&b);
    int rc = eval_expr(c, e->a, p, out) < 0 || eval_expr(c, e->b, p, &b) < 0 ? -1
             : e->kind == EX_ADD ? eval_add(c, e, out, &b, 0)
             : e->kind == EX_SUB ? eval_add(c, e, out, &b, 1)
             : eval_mul(c, e, out, &b, e->kind == EX_DIV);
    qty_clear(&b);
    return rc;
  }
  }
}

/* Express a computed quantity in unit `to`; -1 (reported at loc) when it does not fit. */
static int qty_to(Ctx *c, Qty *q, const Unit *to, Loc loc, const char *what) {
  if (!unit_same_dims(&q->unit, to)) {
    char x[64], y[64];
    unit_describe(&q->unit, x, sizeof x);
    unit_describe(to, y, sizeof y);
    model_error(c->m, "C005", loc, "%s gives %s, but is in %s", what, x, y);
    return -1;
  }
  mpq_t s;
  mpq_init(s);
  unit_scale(s, to);
  mpq_div(q->v, q->v, s);
  mpq_div(q->lo, q->lo, s);
  mpq_div(q->hi, q->hi, s);
  mpq_clear(s);
  return 0;
}

/* Compute a formula value once; a value met again while it is being computed closes a
   cycle, reported with every member. */
static int eval_value(Ctx *c, Value *v) {
  if (v->state == EV_DONE) return 0;
  if (v->state == EV_BUSY) {
    int k = c->depth - 1;
    while (k > 0 && c->stack[k] != v) k--;
    char msg[1024];
    size_t n = 0;
    char pb[12];
    for (int i = k; i < c->depth; i++)
      n += (size_t)snprintf(msg + n, n < sizeof msg ? sizeof msg - n : 0, "%s[%s] → ",
                            c->stack[i]->ind->id, period_format(c->stack[i]->period, pb));
    snprintf(msg + n, n < sizeof msg ? sizeof msg - n : 0, "%s[%s]", v->ind->id,
             period_format(v->period, pb));
    model_error(v->ind->model, "C007", v->item->loc, "formula cycle: %s", msg);
    for (int i = k + 1; i < c->depth; i++)
      model_note(c->stack[i]->ind->model, c->stack[i]->item->loc, "'%s' is part of the cycle",
                 c->stack[i]->ind->id);
    for (int i = k; i < c->depth; i++) c->stack[i]->state = EV_DONE; /* failed, reported */
    return -1;
  }
  if (c->depth == c->cap) {
    c->cap = c->cap ? 2 * c->cap : 32;
    c->stack = mem_realloc(c->stack, (size_t)c->cap * sizeof *c->stack);
  }
  c->stack[c->depth++] = v;
  v->state = EV_BUSY;
  Qty q;
  qty_init(&q);
  Ctx *cc = c;
  Model *saved = c->m;
  c->m = v->ind->model;
  int rc = eval_expr(cc, v->expr, v->period, &q);
  if (rc == 0 && v->state == EV_BUSY) {
    char what[160];
    snprintf(what, sizeof what, "the formula of '%s'", v->ind->id);
    const Expr *at = v->expr;
    rc = qty_to(c, &q, &v->ind->unit, at->loc, what);
    if (rc == 0) {
      mpq_set(*v->fig.v, q.v);
      v->fig.known = 1;
      v->fig.places = v->ind->decimals >= 0 ? v->ind->decimals : 2;
    }
  }
  c->m = saved;
  qty_clear(&q);
  c->depth--;
  v->state = EV_DONE;
  return rc;
}

/* The periods an indicator formula is computed for: those where every indicator it
   names directly has a value, starting from the first one's periods. */
static void collect_refs(const Expr *e, const Expr **refs, int *n, int max) {
  if (!e) return;
  if ((e->kind == EX_REF) && *n < max) refs[(*n)++] = e;
  collect_refs(e->a, refs, n, max);
  collect_refs(e->b, refs, n, max);
  for (int i = 0; i < e->nargs; i++) collect_refs(e->args[i], refs, n, max);
}

static void derive_values(Ctx *c, Indicator *ind) {
  const Expr *refs[16];
  int n = 0;
  collect_refs(ind->formula, refs, &n, 16);
  if (n == 0) return;
  Indicator *first = model_ref(c->m, &refs[0]->ref, 0);
  if (!first) {
    model_ref(c->m, &refs[0]->ref, 1);
    return;
  }
  for (int i = 0; i < first->nvalues; i++) {
    Period p = first->values[i]->period;
    Value *own = NULL;
    for (int j = 0; j < ind->nvalues; j++)
      if (period_cmp(ind->values[j]->period, p) == 0) own = ind->values[j];
    if (own) continue; /* a written value wins */
    Value *v = arena_alloc(c->m->arena, sizeof *v);
    *v = (Value){.ind = ind, .period = p, .status = first->values[i]->status,
                 .form = VF_FORMULA, .expr = ind->formula, .item = ind->item, .derived = 1,
                 .basis = ind->basis, .flow = ind->flow};
    v->fig = (Figure){.rel = REL_EXACT, .v = model_num(c->m), .hi = model_num(c->m)};
    /* insert in period order */
    model_push(c->m, &ind->values, &ind->nvalues, &ind->cap, v);
    for (int k = ind->nvalues - 1;
         k > 0 && period_cmp(ind->values[k - 1]->period, v->period) > 0; k--) {
      ind->values[k] = ind->values[k - 1];
      ind->values[k - 1] = v;
    }
  }
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

/* 1 + pct/100, or 1 − pct/100. */
static void change_factor(mpq_t f, const mpq_t pct, int down) {
  mpq_t h;
  mpq_init(h);
  mpq_set_ui(h, 100, 1);
  mpq_div(f, pct, h);
  if (down) mpq_neg(f, f);
  mpq_set_ui(h, 1, 1);
  mpq_add(f, f, h);
  mpq_clear(h);
}

/* The value a target implies, and how the actual figure of its period does against it. */
static void eval_execution(Ctx *c, Target *t, Value *actual);

static void eval_target(Ctx *c, Target *t) {
  Model *m = c->m;
  if (t->form == VF_QUALITATIVE) {
    t->why_not = "a qualitative target";
    t->exec = EXEC_QUALITATIVE;
    return;
  }
  if (t->form == VF_BOUND) {
    t->implied.known = 1;
    t->implied.rel = t->fig.rel;
    mpq_set(*t->implied.v, *t->fig.v);
    mpq_set(*t->implied.hi, *t->fig.hi);
  } else {
    Value *base = indicator_value(t->ind, period_prev(t->period));
    if (base) eval_value(c, base);
    t->base = base;
    if (!base || !base->fig.known) {
      t->why_not = "no base-period figure to apply the change to";
    } else {
      const Delta *d = &t->delta;
      t->implied.known = 1;
      t->implied.rel = d->dir == CHG_FLAT ? REL_EXACT : d->by.rel;
      if (t->implied.rel == REL_EXACT && base->fig.rel == REL_ABOUT)
        t->implied.rel = REL_ABOUT; /* 约208 亿元 增长 1.8% is about 212 亿元 */
      mpq_ptr outs[2] = {*t->implied.v, *t->implied.hi};
      mpq_ptr bys[2] = {*d->by.v, *d->by.hi};
      for (int i = 0; i < (d->by.rel == REL_RANGE ? 2 : 1); i++) {
        if (d->kind == UK_POINTS) {
          if (t->ind->unit.kind != UK_PERCENT) {
            model_error(m, "C005", t->item->loc,
                        "a change in 个百分点 needs an indicator in %%; '%s' is not", t->ind->id);
            t->implied.known = 0;
            break;
          }
          if (d->dir == CHG_DOWN) mpq_sub(outs[i], *base->fig.v, bys[i]);
          else mpq_add(outs[i], *base->fig.v, bys[i]);
        } else if (d->dir == CHG_FLAT) {
          mpq_set(outs[i], *base->fig.v);
        } else if (d->dir == CHG_DOUBLED) {
          mpq_mul_2exp(outs[i], *base->fig.v, 1);
        } else {
          mpq_t f;
          mpq_init(f);
          change_factor(f, bys[i], d->dir == CHG_DOWN);
          mpq_mul(outs[i], *base->fig.v, f);
          mpq_clear(f);
        }
      }
      t->implied.places = t->ind->decimals >= 0 ? t->ind->decimals : 2;
    }
  }
  Value *actual = indicator_value(t->ind, t->period);
  if (actual && actual->status != ST_PLAN) eval_execution(c, t, actual);
}

/* Execution: how an actual (or estimated) figure does against a target. */
static void eval_execution(Ctx *c, Target *t, Value *actual) {
  eval_value(c, actual);
  t->actual = actual;
  int down = t->form == VF_CHANGE && t->delta.dir == CHG_DOWN;
  int cmp;
  if (t->implied.known && actual->fig.known) {
    cmp = mpq_cmp(*actual->fig.v, *t->implied.v);
    if (mpq_sgn(*t->implied.v) != 0) mpq_div(*t->completion, *actual->fig.v, *t->implied.v);
  } else if (t->form == VF_CHANGE && actual->delta.present && t->delta.dir != CHG_FLAT) {
    /* only changes are known: compare the signed changes */
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    mpq_set(a, *actual->delta.by.v);
    if (actual->delta.dir == CHG_DOWN) mpq_neg(a, a);
    mpq_set(b, *t->delta.by.v);
    if (t->delta.dir == CHG_DOWN) mpq_neg(b, b);
    cmp = mpq_cmp(a, b);
    mpq_clears(a, b, NULL);
  } else {
    return;
  }
  Relation rel = t->form == VF_BOUND ? t->fig.rel : t->delta.by.rel;
  int met;
  switch (rel) {
  case REL_ATMOST: met = cmp <= 0; break;
  case REL_UNDER: case REL_NEAR: met = cmp < 0; break;
  case REL_OVER: met = down ? cmp < 0 : cmp > 0; break;
  case REL_RANGE:
    met = cmp >= 0 && (!actual->fig.known || mpq_cmp(*actual->fig.v, *t->implied.hi) <= 0);
    break;
  default: met = down ? cmp <= 0 : cmp >= 0; break;
  }
  t->exec = met ? EXEC_MET : EXEC_NOT_MET;
}

/* Compare a claim's stated figure with the computed one, at the stated precision. */
static void eval_claim(Ctx *c, Claim *cl) {
  Model *m = c->m;
  Qty q;
  qty_init(&q);
  const Expr *e = cl->item->u.claim.expr;
  int ok_eval = eval_expr(c, e, cl->period, &q) == 0;
  if (ok_eval && !cl->unit.text && !unit_dimensionless(&q.unit)) {
    cl->unit = q.unit; /* "= 5400" says 5400 of whatever the formula gives */
    if (q.unit.text) cl->unit.text = arena_strdup(m->arena, q.unit.text);
  }
  if (!ok_eval || qty_to(c, &q, &cl->unit, e->loc, "the claim's formula") < 0) {
    qty_clear(&q);
    return;
  }
  mpq_set(*cl->computed, q.v);
  mpq_set(*cl->lo, q.lo);
  mpq_set(*cl->hi, q.hi);
  qty_clear(&q);
  int d = cl->stated.places;
  mpq_t shown, half, slo, shi;
  mpq_inits(shown, half, slo, shi, NULL);
  dec_round(shown, *cl->computed, d);
  dec_pow10(half, -d);
  mpq_div_2exp(half, half, 1);
  mpq_sub(slo, *cl->stated.v, half); /* what rounds to the stated figure */
  mpq_add(shi, *cl->stated.v, half);
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
    mpq_mul(slo, *s, half);
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
    const Bound *b = cl->item->u.claim.stated;
    char label[200] = "";
    if (cl->label) snprintf(label, sizeof label, " '%s'", cl->label);
    if (cl->verdict == CLAIM_ROUNDING)
      model_warning(m, "W002", b->loc,
                    "claim%s states %s%s%s but the figures give %s%s (%s%s at the stated "
                    "precision); the rounding of its inputs can explain it (%s%s to %s%s)",
                    label, b->prefix.text ? b->prefix.text : "", st, u, comp, u, at, u, lo, u,
                    hi, u);
    else
      model_warning(m, "W001", b->loc,
                    "claim%s states %s%s%s but the figures give %s%s (%s%s at the stated "
                    "precision); the rounding of its inputs cannot explain it (%s%s to %s%s)",
                    label, b->prefix.text ? b->prefix.text : "", st, u, comp, u, at, u, lo, u,
                    hi, u);
    free(st); free(comp); free(at); free(lo); free(hi);
  }
  mpq_clears(shown, half, slo, shi, NULL);
}

/* The period a placeholder without one is at: the latest period, up to the plan year, of
   the first indicator it names; else the plan year. */
static Period placeholder_period(Ctx *c, const Expr *e) {
  Model *m = c->m;
  Period year = {m->year ? m->year : m->base, 'Y', 0};
  const Expr *refs[1];
  int n = 0;
  collect_refs(e, refs, &n, 1);
  Indicator *ind = n ? model_ref(m, &refs[0]->ref, 0) : NULL;
  Period best = year;
  int found = 0;
  for (int i = 0; ind && i < ind->nvalues; i++) {
    Period q = ind->values[i]->period;
    if (m->year && q.year > m->year) continue;
    if (!found || period_cmp(q, best) > 0) best = q;
    found = 1;
  }
  return best;
}

/* Fill the placeholders of the prose. */
static void eval_text(Ctx *c, const Item *it) {
  Model *m = c->m;
  for (const TextPart *tp = it->u.text.parts; tp; tp = tp->next) {
    if (!tp->expr) continue;
    const Expr *e = tp->expr;
    Period p = placeholder_period(c, e);
    Filled *f = arena_alloc(m->arena, sizeof *f);
    f->part = tp;
    f->v = model_num(m);
    f->unit = unit_none();
    f->decimals = 2;
    model_push(m, &m->filled, &m->nfilled, &m->filled_cap, f);
    char key[32];
    table_put(m->filled_parts, arena_strdup(m->arena, ast_item_key(tp, key)), f);
    if (e->kind == EX_REF && !e->ref.ns.text && !model_ref(m, &e->ref, 0)) {
      f->commit = table_get(m->commit_ids, e->ref.name.text);
      f->claim = table_get(m->claim_ids, e->ref.name.text);
      if (f->commit || f->claim) {
        f->known = 1;
        continue;
      }
    }
    if (e->kind == EX_CALL && strcmp(e->fn.text, "growth") == 0 && e->nargs == 1 &&
        e->args[0]->kind == EX_REF) { /* a stated change, shown as the source states it */
      Indicator *ind = model_ref(m, &e->args[0]->ref, 0);
      Value *v = ind ? indicator_value(ind, p) : NULL;
      Value *before = ind ? indicator_value(ind, period_prev(p)) : NULL;
      if (before) eval_value(c, before);
      if (v && v->delta.present && !(before && before->fig.known)) {
        f->delta = &v->delta;
        f->known = 1;
        continue;
      }
    }
    if (e->kind == EX_REF || e->kind == EX_AT) {
      Indicator *ind = model_ref(m, &e->ref, 1);
      Period at = p;
      if (!ind || (e->kind == EX_AT && period_parse(e->period.text, &at) < 0)) continue;
      Value *v = indicator_value(ind, at);
      if (v) eval_value(c, v);
      if (v && v->form == VF_QUALITATIVE) {
        f->text = v->text;
        f->known = 1;
        continue;
      }
      if (v && v->form == VF_CHANGE) {
        f->delta = &v->delta;
        f->known = 1;
        continue;
      }
      if (v && v->fig.known) {
        f->figure = &v->fig;
        mpq_set(*f->v, *v->fig.v);
        f->unit = ind->unit;
        f->rel = v->fig.rel;
        f->decimals = ind->decimals >= 0 ? ind->decimals : v->fig.places;
        f->known = 1;
        continue;
      }
    }
    Qty q;
    qty_init(&q);
    if (eval_expr(c, e, p, &q) == 0) {
      mpq_t s;
      mpq_init(s);
      unit_scale(s, &q.unit);
      mpq_div(*f->v, q.v, s);
      mpq_clear(s);
      f->unit = q.unit;
      if (q.unit.text == q.unit_text) f->unit.text = arena_strdup(m->arena, q.unit_text);
      f->decimals = q.unit.kind == UK_PLAIN ? 2 : 1;
      f->known = 1;
    }
    qty_clear(&q);
  }
}

void eval_model(Model *m) {
  Ctx c = {.m = m};
  for (int i = 0; i < m->ninds; i++)
    if (m->inds[i]->formula) derive_values(&c, m->inds[i]);
  for (int i = 0; i < m->ninds; i++) {
    Indicator *ind = m->inds[i];
    eval_derived(&c, ind);
    for (int j = 0; j < ind->nvalues; j++) eval_value(&c, ind->values[j]);
  }
  for (int i = 0; i < m->ntargets; i++) eval_target(&c, m->targets[i]);
  /* last year's targets, in the imported plans, against this plan's actual figures */
  for (int i = 0; i < m->nimports; i++) {
    Model *im = m->imports[i].model;
    for (int k = 0; im && k < im->ntargets; k++) {
      Target *t = im->targets[k];
      Indicator *ind = model_indicator(m, t->ind->id);
      Value *actual = NULL;
      for (int j = 0; ind && j < ind->nvalues; j++)
        if (period_cmp(ind->values[j]->period, t->period) == 0) actual = ind->values[j];
      if (!actual || actual->status == ST_PLAN) continue;
      if (t->exec != EXEC_QUALITATIVE) eval_execution(&c, t, actual);
      t->actual = actual;
      model_push(m, &m->reviewed, &m->nreviewed, &m->reviewed_cap, t);
    }
  }
  for (int i = 0; i < m->nclaims; i++) eval_claim(&c, m->claims[i]);
  for (const Item *it = m->plan->items; it; it = it->next)
    if (it->kind == IT_TEXT) eval_text(&c, it);
  mem_free(c.stack);
}
