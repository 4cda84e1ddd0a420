/* xlformula.c: the workbook's formula writer: a bound Formula as an Excel formula over the
   series sheet's cells, so that the workbook recalculates when someone edits a figure and
   agrees with plc. It mirrors eval.c's reading of each node (a period moved back by
   prev() and growth(), units by their scale) and computes nothing itself. */
#include "emit/xlformula.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/decimal.h"
#include "runtime/mem.h"

typedef struct Fb {
  Buf b;
  int ok;
  const XlCells *cells;
} Fb;

/* A scale as a formula factor: "" for 1, "*100000000" for 亿, "/(2000/3)" style for a
   factor that does not terminate. */
static void fb_scale(Fb *f, const Unit *u, int divide) {
  if (u->num == 1 && u->den == 1 && u->exp10 >= -40 && u->exp10 <= 40) {
    /* a power of ten (亿, 万, %), as dec_exact writes it: 100000000, 0.01 — without GMP,
       for it is in nearly every reference */
    if (u->exp10 == 0) return;
    buf_add(&f->b, divide ? "/" : "*");
    if (u->exp10 < 0) buf_add(&f->b, "0.");
    for (int i = 1; i < (u->exp10 < 0 ? -u->exp10 : 0); i++) buf_add(&f->b, "0");
    buf_add(&f->b, "1");
    for (int i = 0; i < u->exp10; i++) buf_add(&f->b, "0");
    return;
  }
  mpq_t s;
  mpq_init(s);
  unit_scale(s, u);
  if (mpq_cmp_ui(s, 1, 1) != 0) {
    char *t = dec_exact(s);
    if (strchr(t, '/')) buf_printf(&f->b, "%s(%s)", divide ? "/" : "*", t);
    else buf_printf(&f->b, "%s%s", divide ? "/" : "*", t);
    free(t);
  }
  mpq_clear(s);
}

/* The value of an indicator at p in base units, as a reference to its cell. */
static void fb_ref(Fb *f, const Indicator *ind, Period p) {
  char addr[160];
  if (!f->cells->cell(f->cells->ctx, ind, p, addr, sizeof addr)) {
    f->ok = 0;
    return;
  }
  if (ind->has_unit && ind->unit.kind == UK_PERCENT) { /* the cell holds the fraction */
    buf_add(&f->b, addr);
    return;
  }
  buf_add(&f->b, "(");
  buf_add(&f->b, addr);
  fb_scale(f, &ind->unit, 0);
  buf_add(&f->b, ")");
}

/* The period a reference means, as eval.c reads it. */
static Period fb_period(const Formula *ref, Period p, int shift) {
  Period q = ref->at ? ref->period : p;
  return period_back(q, shift % MODEL_SHIFT_YEAR, shift / MODEL_SHIFT_YEAR);
}

static void fb_node(Fb *f, const Formula *e, Period p, int shift) {
  static const char ops[] = {[FX_ADD] = '+', [FX_SUB] = '-', [FX_MUL] = '*', [FX_DIV] = '/'};
  if (!f->ok) return;
  switch (e->op) {
  case FX_NUM:
    buf_add(&f->b, "(");
    buf_add(&f->b, e->text);
    fb_scale(f, &e->unit, 0);
    buf_add(&f->b, ")");
    return;
  case FX_REF: fb_ref(f, e->ind, fb_period(e, p, shift)); return;
  case FX_PAREN:
    buf_add(&f->b, "(");
    fb_node(f, e->a, p, shift);
    buf_add(&f->b, ")");
    return;
  case FX_NEG:
    buf_add(&f->b, "(-");
    fb_node(f, e->a, p, shift);
    buf_add(&f->b, ")");
    return;
  case FX_CALL:
    switch (e->fn) {
    case FN_PREV: fb_node(f, e->args[0], p, shift + 1); return;
    case FN_SHARE:
    case FN_RATE:
      buf_add(&f->b, "(");
      fb_node(f, e->args[0], p, shift);
      buf_add(&f->b, "/");
      fb_node(f, e->args[1], p, shift);
      buf_add(&f->b, ")");
      return;
    case FN_GROWTH:
    case FN_CHAIN:
      buf_add(&f->b, "(");
      fb_node(f, e->args[0], p, shift);
      buf_add(&f->b, "/");
      fb_node(f, e->args[0], p, shift + (e->fn == FN_GROWTH ? MODEL_SHIFT_YEAR : 1));
      buf_add(&f->b, "-1)");
      return;
    case FN_SUM:
      buf_add(&f->b, "(");
      for (int i = 0; i < e->nargs; i++) {
        if (i) buf_add(&f->b, "+");
        fb_node(f, e->args[i], p, shift);
      }
      buf_add(&f->b, ")");
      return;
    default: f->ok = 0; return; /* cumsum stays plc's computed value */
    }
  default:
    buf_add(&f->b, "(");
    fb_node(f, e->a, p, shift);
    buf_printf(&f->b, "%c", ops[e->op]);
    fb_node(f, e->b, p, shift);
    buf_add(&f->b, ")");
  }
}

char *xlformula_text(const Formula *e, Period p, const Unit *to, const XlCells *cells) {
  Fb f = {.ok = 1, .cells = cells};
  buf_add(&f.b, "=(");
  fb_node(&f, e, p, 0);
  buf_add(&f.b, ")");
  if (to && to->kind != UK_PERCENT) fb_scale(&f, to, 1);
  if (!f.ok) {
    buf_free(&f.b);
    return NULL;
  }
  return buf_take(&f.b);
}
