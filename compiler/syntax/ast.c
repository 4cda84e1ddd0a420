/* ast.c: building and printing the syntax tree. */
#include "syntax/ast.h"

#include <stddef.h>
#include <string.h>

/* The bytes an item of each kind takes: its header and its own member of the union. */
static size_t ast_item_size(ItemKind k) {
  const Item *i = NULL;
  size_t u;
  switch (k) {
  case IT_YEAR: case IT_BASE: u = sizeof i->u.year; break;
  case IT_DATE: u = sizeof i->u.date; break;
  case IT_IMPORT: u = sizeof i->u.import; break;
  case IT_UNIT: u = sizeof i->u.unit; break;
  case IT_INDICATOR: u = sizeof i->u.ind; break;
  case IT_VALUE: u = sizeof i->u.value; break;
  case IT_TARGET: u = sizeof i->u.target; break;
  case IT_CLAIM: u = sizeof i->u.claim; break;
  case IT_PART: u = sizeof i->u.part; break;
  case IT_TEXT: u = sizeof i->u.text; break;
  case IT_TASK: u = sizeof i->u.task; break;
  case IT_COMMIT: u = sizeof i->u.commit; break;
  case IT_TOLERANCE: u = sizeof i->u.tol; break;
  default: u = sizeof i->u.str; break; /* title, region, status, section, para */
  }
  return offsetof(Item, u) + u;
}

const Attrs *ast_attrs(const Attrs *attrs) {
  static const Attrs none;
  return attrs ? attrs : &none;
}

Item *ast_item(Arena *a, Plan *p, ItemKind kind, Loc loc) {
  Item *it = arena_alloc(a, ast_item_size(kind));
  it->kind = kind;
  it->loc = loc;
  if (p->last) p->last->next = it;
  else p->items = it;
  p->last = it;
  p->nitems++;
  return it;
}

const char *ast_item_kind_name(ItemKind k) {
  static const char *const names[] = {
      [IT_TITLE] = "title",   [IT_REGION] = "region",       [IT_YEAR] = "year",
      [IT_BASE] = "base",     [IT_DATE] = "date",           [IT_STATUS] = "status",
      [IT_IMPORT] = "import", [IT_UNIT] = "unit",           [IT_INDICATOR] = "indicator",
      [IT_VALUE] = "value",   [IT_TARGET] = "target",       [IT_CLAIM] = "claim",
      [IT_PART] = "part",     [IT_SECTION] = "section",     [IT_PARA] = "para",
      [IT_TEXT] = "text",     [IT_TASK] = "task",           [IT_COMMIT] = "commit",
      [IT_TOLERANCE] = "tolerance"};
  return names[k];
}

static void dump_quantity(const Quantity *q, FILE *out) {
  fprintf(out, "%s%s%s", q->num.text ? q->num.text : "", q->unit.text ? " " : "",
          q->unit.text ? q->unit.text : "");
}

static void dump_bound(const Bound *b, FILE *out) {
  fprintf(out, "(%s ", words_relation(b->rel));
  dump_quantity(&b->q, out);
  if (b->rel == REL_RANGE) {
    fputs(" .. ", out);
    dump_quantity(&b->top->q, out);
  }
  fputs(")", out);
}

static void dump_change(const Change *c, FILE *out) {
  fprintf(out, "(%s%s", c->yoy.text ? "yoy " : "", words_change(c->dir));
  if (c->dir == CHG_UP || c->dir == CHG_DOWN) {
    fputs(" ", out);
    dump_bound(c->by, out);
  }
  fputs(")", out);
}

static void dump_ref(const Ref *r, FILE *out) {
  if (r->ns.text) fprintf(out, "%s.", r->ns.text);
  fputs(r->name.text, out);
}

static void dump_expr(const Expr *e, FILE *out) {
  static const char ops[] = {[EX_ADD] = '+', [EX_SUB] = '-', [EX_MUL] = '*', [EX_DIV] = '/'};
  switch (e->kind) {
  case EX_NUM: dump_quantity(&e->num, out); break;
  case EX_REF: dump_ref(&e->ref, out); break;
  case EX_AT: dump_ref(&e->ref, out); fprintf(out, "[%s]", e->period.text); break;
  case EX_NEG: fputs("(- ", out); dump_expr(e->a, out); fputs(")", out); break;
  case EX_PAREN: dump_expr(e->a, out); break;
  case EX_CALL:
    fprintf(out, "(%s", e->fn.text);
    for (int i = 0; i < e->nargs; i++) {
      fputs(" ", out);
      dump_expr(e->args[i], out);
    }
    fputs(")", out);
    break;
  default:
    fprintf(out, "(%c ", ops[e->kind]);
    dump_expr(e->a, out);
    fputs(" ", out);
    dump_expr(e->b, out);
    fputs(")", out);
  }
}

static void dump_attrs(const Attrs *a, FILE *out) {
  if (a->has & ATTR_DECIMALS) fprintf(out, " decimals=%s", a->decimals.text);
  if (a->has & ATTR_CATEGORY) fprintf(out, " category=%s", a->category.text);
  if (a->has & ATTR_MAIN) fputs(" main", out);
  if (a->has & ATTR_BASIS) fprintf(out, " basis=%s", a->basis.w.text);
  if (a->has & ATTR_FLOW) fprintf(out, " flow=%s", a->flow.w.text);
  if (a->has & ATTR_CHANGE) {
    fputs(" change=", out);
    dump_change(a->change, out);
  }
  if (a->has & ATTR_LEAD) fprintf(out, " lead=%s", a->lead.text);
  if (a->has & ATTR_VERB) fprintf(out, " verb=%s", a->verb.text);
  if (a->has & ATTR_SHOW) fprintf(out, " show=%s", a->show.text);
  if (a->has & ATTR_DUE) {
    const Date *d = a->due;
    if (d->str.text) fprintf(out, " due=%s", d->str.text);
    else fprintf(out, " due=%s-%s%s%s", d->year.text, d->month.text, d->day.text ? "-" : "",
                 d->day.text ? d->day.text : "");
  }
  if (a->has & ATTR_FOR) {
    fputs(" for=", out);
    dump_ref(&a->target, out);
  }
  if (a->has & ATTR_DIRECTION) fprintf(out, " direction=%s", a->direction.w.text);
  if (a->has & ATTR_FROM) fprintf(out, " from=%s", a->from.text);
  if (a->has & ATTR_STRETCH) {
    fputs(" stretch=", out);
    if (a->stretch) dump_bound(a->stretch, out);
    else dump_change(a->stretch_change, out);
  }
}

/* The figure part shared by values, targets and commitments. */
static void dump_form(ValueForm f, const Bound *b, const Change *c, const Expr *e,
                      const Word *text, FILE *out) {
  switch (f) {
  case VF_BOUND: dump_bound(b, out); break;
  case VF_CHANGE: dump_change(c, out); break;
  case VF_FORMULA: fputs("= ", out); dump_expr(e, out); break;
  case VF_QUALITATIVE: fprintf(out, "\"%s\"", text->text); break;
  case VF_RELATION: break; /* written by the target's own case */
  }
}

void ast_dump(const Plan *p, FILE *out) {
  for (const Item *it = p->items; it; it = it->next) {
    fprintf(out, "%d:%d %s", it->loc.first_line, it->loc.first_column,
            ast_item_kind_name(it->kind));
    if (it->parent) fprintf(out, " ^%d", it->parent->loc.first_line);
    fputs(" ", out);
    switch (it->kind) {
    case IT_TITLE: case IT_REGION: case IT_STATUS: case IT_SECTION:
      fputs(it->u.str.text.text, out);
      break;
    case IT_YEAR: case IT_BASE: fputs(it->u.year.num.text, out); break;
    case IT_DATE: {
      const Date *d = &it->u.date;
      if (d->str.text) fputs(d->str.text, out);
      else fprintf(out, "%s-%s%s%s", d->year.text, d->month.text, d->day.text ? "-" : "",
                   d->day.text ? d->day.text : "");
      break;
    }
    case IT_IMPORT:
      fprintf(out, "%s as %s", it->u.import.path.text,
              it->u.import.alias.text ? it->u.import.alias.text : "-");
      break;
    case IT_UNIT:
      fputs(it->u.unit.name.text, out);
      if (it->u.unit.def.num.text) {
        fputs(" = ", out);
        dump_quantity(&it->u.unit.def, out);
      }
      break;
    case IT_INDICATOR:
      fprintf(out, "%s \"%s\" [%s]", it->u.ind.id.text,
              it->u.ind.name.text ? it->u.ind.name.text : "",
              it->u.ind.unit.unit.text ? it->u.ind.unit.unit.text : "");
      dump_attrs(it->u.ind.attrs, out);
      if (it->u.ind.formula) {
        fputs(" = ", out);
        dump_expr(it->u.ind.formula, out);
      }
      break;
    case IT_VALUE:
      fprintf(out, "%s %s ", it->u.value.period.text, words_status(it->u.value.status));
      dump_form(it->u.value.form, it->u.value.bound, it->u.value.change, it->u.value.expr,
                &it->u.value.text, out);
      dump_attrs(it->u.value.attrs, out);
      break;
    case IT_TARGET:
      dump_ref(&it->u.target.ind, out);
      fprintf(out, " %s ", it->u.target.period.text);
      dump_form(it->u.target.form, it->u.target.bound, it->u.target.change, NULL,
                it->u.target.form == VF_QUALITATIVE ? &it->u.target.other->text : NULL, out);
      if (it->u.target.form == VF_RELATION) {
        fprintf(out, "%s ", it->u.target.other->sync.w.text);
        dump_ref(&it->u.target.other->with, out);
      }
      fprintf(out, " kind=%s", it->u.target.kind.w.text);
      dump_attrs(it->u.target.attrs, out);
      break;
    case IT_CLAIM:
      fprintf(out, "%s \"%s\" %s ", it->u.claim.id.text ? it->u.claim.id.text : "-",
              it->u.claim.label.text ? it->u.claim.label.text : "", it->u.claim.period.text);
      dump_expr(it->u.claim.expr, out);
      fputs(" = ", out);
      dump_bound(it->u.claim.stated, out);
      break;
    case IT_PART:
      fprintf(out, "%s \"%s\"", it->u.part.kind.text ? it->u.part.kind.text : "-",
              it->u.part.title.text);
      break;
    case IT_PARA: fputs(it->u.para.title.text ? it->u.para.title.text : "", out); break;
    case IT_TEXT:
      for (const TextPart *t = it->u.text.parts; t; t = t->next) {
        if (t->expr) {
          fputs("{", out);
          dump_expr(t->expr, out);
          fputs("}", out);
        } else {
          fputs(t->text.text, out);
        }
      }
      break;
    case IT_TASK:
      fputs(it->u.task.title.text, out);
      dump_attrs(it->u.task.attrs, out);
      break;
    case IT_TOLERANCE: dump_quantity(&it->u.tol.q, out); break;
    case IT_COMMIT:
      fprintf(out, "%s \"%s\" ", it->u.commit.id.text ? it->u.commit.id.text : "-",
              it->u.commit.desc.text);
      dump_form(it->u.commit.form, it->u.commit.bound, it->u.commit.change, NULL, NULL, out);
      dump_attrs(it->u.commit.attrs, out);
      break;
    }
    fputs("\n", out);
  }
  for (const Comment *c = p->comments; c; c = c->next)
    fprintf(out, "%d:%d comment%s #%s\n", c->text.loc.first_line, c->text.loc.first_column,
            c->own_line ? "" : " (trailing)", c->text.text);
}
