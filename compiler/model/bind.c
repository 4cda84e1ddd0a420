/* bind.c: the binding pass: from the syntax tree's expressions to Formula nodes, with
   every reference resolved and every unit checked, and the slots of derived values. */
#include "model/bind.h"

#include <string.h>

#include "runtime/buf.h"
#include "runtime/decimal.h"

/* How deep an expression may nest: far beyond any plan's formulas (a sum of a hundred
   terms nests a hundred deep), and shallow enough that the passes that recurse over it
   stay well inside the C stack. */
#define BIND_MAX_DEPTH 1000

static const struct { const char *name; int lo, hi; } functions[] = {
#define BIND_FN(e, name, lo, hi) [e] = {name, lo, hi},
    MODEL_FUNCTIONS(BIND_FN)
#undef BIND_FN
};

const char *model_function_name(Function fn) {
  return functions[fn].name;
}

void model_function_arity(Function fn, int *lo, int *hi) {
  *lo = functions[fn].lo;
  *hi = functions[fn].hi;
}

static Formula *bind_expr(Model *m, const Expr *e);

/* Bind a whole expression, after checking that it does not nest too deep. */
static Formula *bind_root(Model *m, const Expr *e) {
  if (e->depth > BIND_MAX_DEPTH) {
    model_error(m, "C020", e->loc, "this expression nests %d levels deep; at most %d are allowed",
                e->depth, BIND_MAX_DEPTH);
    return NULL;
  }
  return bind_expr(m, e);
}

/* A node of kind op at loc. */
static Formula *bind_node(Model *m, FormulaOp op, Loc loc) {
  Formula *f = arena_alloc(m->arena, sizeof *f);
  f->op = op;
  f->loc = loc;
  f->depth = 1;
  f->unit = unit_none();
  return f;
}

/* Whether a × b (or a / b) would need more distinct base units than a Unit holds. */
static int bind_too_many_dims(const Unit *a, const Unit *b) {
  int n = a->ndims;
  for (int j = 0; j < b->ndims; j++) {
    int i = 0;
    while (i < a->ndims && strcmp(a->dims[i].base, b->dims[j].base) != 0) i++;
    if (i == a->ndims) n++;
  }
  return n > UNIT_MAX_DIMS;
}

/* The unit of a + b or a − b: like units only; the difference of two percents is in
   个百分点; 1 + 5.5% is a bare number, with the unit of its plain side if that has one. */
static int bind_add_unit(Model *m, Loc at, const Unit *a, const Unit *b, int sub, Unit *out) {
  int da = unit_dimensionless(a), db = unit_dimensionless(b);
  if (da != db || (!da && !unit_same_dims(a, b))) {
    if (sub)
      model_error(m, "C004", at, "cannot subtract %s and %s", model_describe_unit(m, a),
                  model_describe_unit(m, b));
    else
      model_error(m, "C004", at, "cannot add %s and %s", model_describe_unit(m, a),
                  model_describe_unit(m, b));
    return -1;
  }
  *out = *a;
  if (da) {
    UnitKind ka = a->kind, kb = b->kind;
    if (ka == UK_PERCENT && kb == UK_PERCENT && sub)
      unit_parse(m->units, "个百分点", out);
    else if ((ka == UK_PLAIN || kb == UK_PLAIN) && !(ka == UK_PLAIN && a->text))
      *out = kb == UK_PLAIN && b->text ? *b : unit_none();
  }
  return 0;
}

/* A function by name, with its arguments bound and checked. */
static Formula *bind_call(Model *m, const Expr *e) {
  int fn = 0;
  while (fn < FN_COUNT && strcmp(functions[fn].name, e->fn.text) != 0) fn++;
  if (fn == FN_COUNT) {
    Buf known = {0};
    for (int k = 0; k < FN_COUNT; k++) buf_printf(&known, "%s%s", k ? ", " : "", functions[k].name);
    model_error(m, "C017", e->fn.loc, "unknown function '%s' (known: %s)", e->fn.text,
                buf_str(&known));
    buf_free(&known);
    for (int i = 0; i < e->nargs; i++) bind_expr(m, e->args[i]); /* their errors too */
    return NULL;
  }
  int lo = functions[fn].lo, hi = functions[fn].hi;
  if (e->nargs < lo || (hi >= 0 && e->nargs > hi)) {
    if (hi < 0)
      model_error(m, "C017", e->loc, "%s takes at least %d argument%s", e->fn.text, lo,
                  lo == 1 ? "" : "s");
    else
      model_error(m, "C017", e->loc, "%s takes %d argument%s", e->fn.text, lo, lo == 1 ? "" : "s");
    return NULL;
  }
  Formula *f = bind_node(m, FX_CALL, e->loc);
  f->depth = e->depth;
  f->fn = (Function)fn;
  f->nargs = e->nargs;
  f->args = arena_alloc(m->arena, (size_t)e->nargs * sizeof *f->args);
  int ok = 1;
  for (int i = 0; i < e->nargs; i++) ok &= (f->args[i] = bind_expr(m, e->args[i])) != NULL;
  if (!ok) return NULL;
  Unit pct;
  unit_parse(m->units, "%", &pct);
  switch (f->fn) {
  case FN_PREV: f->unit = f->args[0]->unit; break;
  case FN_CUMSUM:
    if (f->args[0]->op != FX_REF || f->args[0]->at) {
      model_error(m, "C017", e->args[0]->loc, "cumsum takes an indicator");
      return NULL;
    }
    f->unit = f->args[0]->unit;
    break;
  case FN_SUM:
    f->unit = f->args[0]->unit;
    for (int i = 1; i < f->nargs; i++)
      if (bind_add_unit(m, e->loc, &f->unit, &f->args[i]->unit, 0, &f->unit) < 0) return NULL;
    break;
  default: { /* growth, share, rate: a ratio of like quantities, as a percent */
    const Unit *a = &f->args[0]->unit, *b = &f->args[f->nargs - 1]->unit;
    if (!unit_same_dims(a, b)) {
      model_error(m, "C004", e->loc, "%s(…) needs like units, not %s and %s", e->fn.text,
                  model_describe_unit(m, a), model_describe_unit(m, b));
      return NULL;
    }
    f->unit = pct;
  }
  }
  return f;
}

/* Bind an expression; NULL after reporting what does not bind. Both sides of an operator
   are bound, so that every error of an expression is reported. */
static Formula *bind_expr(Model *m, const Expr *e) {
  Formula *f = NULL, *a, *b;
  switch (e->kind) {
  case EX_NUM:
    f = bind_node(m, FX_NUM, e->loc);
    f->text = e->num.num.text;
    f->num = model_num(m);
    if (dec_parse(*f->num, f->text) < 0) {
      model_error(m, "C010", e->num.loc, "'%s' is not a number", f->text);
      return NULL;
    }
    if (e->num.unit.text && unit_parse(m->units, e->num.unit.text, &f->unit) < 0) {
      model_unknown_unit(m, e->num.unit.text, e->num.unit.loc);
      return NULL;
    }
    return f;
  case EX_REF:
  case EX_AT: {
    Indicator *ind = model_ref(m, &e->ref, 1);
    if (!ind) return NULL;
    f = bind_node(m, FX_REF, e->loc);
    f->ind = ind;
    f->unit = ind->unit;
    if (e->kind == EX_AT) {
      f->at = 1;
      if (period_parse(e->period.text, &f->period) < 0) {
        model_error(m, "C009", e->period.loc, "'%s' is not a period", e->period.text);
        return NULL;
      }
    }
    return f;
  }
  case EX_NEG:
  case EX_PAREN:
    if (!(a = bind_expr(m, e->a))) return NULL;
    f = bind_node(m, e->kind == EX_NEG ? FX_NEG : FX_PAREN, e->loc);
    f->depth = e->depth;
    f->a = a;
    f->unit = a->unit;
    return f;
  case EX_CALL: return bind_call(m, e);
  default: {
    a = bind_expr(m, e->a);
    b = bind_expr(m, e->b);
    if (!a || !b) return NULL;
    static const FormulaOp ops[] = {[EX_ADD] = FX_ADD, [EX_SUB] = FX_SUB, [EX_MUL] = FX_MUL,
                                    [EX_DIV] = FX_DIV};
    f = bind_node(m, ops[e->kind], e->loc);
    f->depth = e->depth;
    f->a = a;
    f->b = b;
    if (f->op == FX_ADD || f->op == FX_SUB)
      return bind_add_unit(m, e->loc, &a->unit, &b->unit, f->op == FX_SUB, &f->unit) < 0 ? NULL : f;
    if (bind_too_many_dims(&a->unit, &b->unit)) {
      model_error(m, "C019", e->loc, "the unit of this result would have more than %d base units",
                  UNIT_MAX_DIMS);
      return NULL;
    }
    size_t n = 4 + (a->unit.text ? strlen(a->unit.text) : 0) +
               (b->unit.text ? strlen(b->unit.text) : 0);
    char *text = arena_alloc(m->arena, n); /* the unit's text: 亿元/万人 */
    f->unit = f->op == FX_MUL ? unit_mul(&a->unit, &b->unit, text, n)
                              : unit_div(&a->unit, &b->unit, text, n);
    return f;
  }
  }
}

/* Whether a formula's result fits the unit it must be shown in; reported at the formula
   when it does not. */
static int bind_fits(Model *m, const Formula *f, const Unit *to, const char *what,
                     const char *id) {
  if (unit_same_dims(&f->unit, to)) return 1;
  const char *x = model_describe_unit(m, &f->unit), *y = model_describe_unit(m, to);
  if (id) model_error(m, "C005", f->loc, "the formula of '%s' gives %s, but is in %s", id, x, y);
  else model_error(m, "C005", f->loc, "%s gives %s, but is in %s", what, x, y);
  return 0;
}

/* The first indicator a formula names without a period, depth first, or NULL. */
static Indicator *bind_first(const Formula *f) {
  if (!f) return NULL;
  if (f->op == FX_REF) return f->at ? NULL : f->ind;
  if (f->op == FX_CALL && f->fn == FN_PREV) return NULL; /* a period before: not its periods */
  Indicator *ind = bind_first(f->a);
  if (!ind) ind = bind_first(f->b);
  for (int i = 0; !ind && i < f->nargs; i++) ind = bind_first(f->args[i]);
  return ind;
}

/* Make the values an indicator's formula computes: one for each period its first named
   indicator has a value, where the indicator has none written. The first indicator's own
   derived values are made before, whatever the order of the lines. */
static void bind_derive(Model *m, Indicator *ind) {
  Indicator *chain[64], **stack = chain;
  int n = 0, cap = 64;
  Indicator *cur = ind;
  for (; cur && cur->formula && !cur->derived; cur = cur->first) {
    cur->derived = 2; /* on this walk: met again, the firsts go round in a circle */
    if (n == cap) {
      Indicator **bigger = arena_alloc(m->arena, 2 * (size_t)cap * sizeof *bigger);
      memcpy(bigger, stack, (size_t)n * sizeof *stack);
      stack = bigger;
      cap *= 2;
    }
    stack[n++] = cur;
  }
  if (cur && cur->derived == 2) { /* a circle: none of its members has a period to start */
    int k = 0;
    while (stack[k] != cur) k++;
    Buf msg = {0};
    for (int i = k; i < n; i++) buf_printf(&msg, "%s → ", stack[i]->id);
    buf_add(&msg, cur->id);
    model_error(cur->model, "C007", cur->loc, "formula cycle: %s", buf_str(&msg));
    buf_free(&msg);
    for (int i = k + 1; i < n; i++)
      model_note(stack[i]->model, stack[i]->loc, "'%s' is part of the cycle", stack[i]->id);
  }
  for (int i = 0; i < n; i++) stack[i]->derived = 1;
  while (n > 0) {
    Indicator *d = stack[--n], *first = d->first;
    Model *dm = d->model;
    for (int i = 0; first && i < first->nvalues; i++) {
      Period p = first->values[i]->period;
      Value *own = NULL;
      for (int j = 0; j < d->nvalues; j++)
        if (period_cmp(d->values[j]->period, p) == 0) own = d->values[j];
      if (own) continue; /* a written value wins */
      Value *v = arena_alloc(dm->arena, sizeof *v);
      *v = (Value){.ind = d, .period = p, .status = first->values[i]->status,
                   .form = VF_FORMULA, .formula = d->formula, .item = d->item, .loc = d->loc,
                   .derived = 1,
                   .basis = d->basis, .flow = d->flow, .state = EV_TODO};
      v->fig = (Figure){.rel = REL_EXACT, .v = model_num(dm)};
      model_add_value(dm, d, v);
    }
  }
}

/* Bind a placeholder: a commitment's or a claim's id, or a formula. */
static void bind_filled(Model *m, Filled *f) {
  const Expr *e = f->expr;
  if (e->kind == EX_REF && !e->ref.ns.text && !model_lookup(m, &e->ref)) {
    f->commit = table_get(m->commit_ids, e->ref.name.text);
    f->claim = table_get(m->claim_ids, e->ref.name.text);
    if (f->commit || f->claim) {
      f->known = 1;
      return;
    }
  }
  f->formula = bind_root(m, e);
  f->first = bind_first(f->formula);
}

void bind_model(Model *m) {
  for (int i = 0; i < m->ninds; i++) {
    Indicator *ind = m->inds[i];
    const Expr *e = ind->item->u.ind.formula;
    if (!e) continue;
    Formula *f = bind_root(m, e);
    if (f && bind_fits(m, f, &ind->unit, NULL, ind->id)) {
      ind->formula = f;
      ind->first = bind_first(f);
    }
  }
  for (int i = 0; i < m->ninds; i++) {
    Indicator *ind = m->inds[i];
    for (int k = 0; k < ind->nvalues; k++) {
      Value *v = ind->values[k];
      if (v->form != VF_FORMULA || v->derived) continue;
      Formula *f = bind_root(m, v->item->u.value.expr);
      v->formula = f && bind_fits(m, f, &ind->unit, NULL, ind->id) ? f : NULL;
      if (!v->formula) v->state = EV_DONE; /* reported: it has no figure */
    }
  }
  for (int i = 0; i < m->ninds; i++) bind_derive(m, m->inds[i]);
  for (int i = 0; i < m->nclaims; i++) {
    Claim *c = m->claims[i];
    Formula *f = bind_root(m, c->item->u.claim.expr);
    if (!f) continue;
    if (!c->unit.text && !unit_dimensionless(&f->unit))
      c->unit = f->unit; /* "= 5400" says 5400 of whatever the formula gives */
    else if (f->op == FX_REF && c->unit.text && f->unit.text && !unit_same_dims(&f->unit, &c->unit) &&
             strcmp(c->unit.text, f->unit.text) == 0)
      c->unit = f->unit; /* 人均GDP (万元/人, show 万元) = 26万元: in its shown unit */
    if (bind_fits(m, f, &c->unit, "the claim's formula", NULL)) c->formula = f;
  }
  for (int i = 0; i < m->nfilled; i++) bind_filled(m, m->filled[i]);
}
