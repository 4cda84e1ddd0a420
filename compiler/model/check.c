/* check.c: from the syntax tree to the model: header, units, indicators and their values,
   targets, claims, tasks and commitments, and the document's outline (parts, sections,
   paragraphs, tasks, text lines with their placeholders); names resolved, units and
   periods checked. The plans it imports are loaded before (load.c); expressions are bound
   after (bind.c), then evaluated (eval.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "syntax/front.h"
#include "model/check.h"

/* Parse a period word; report it when it is not one. */
static int check_period(Model *m, Word w, Period *p) {
  if (period_parse(w.text, p) == 0) return 0;
  model_error(m, "C009", w.loc,
              "'%s' is not a period (write 2024, 2024Q1, 2024H1, 2024M03, 2024C09 for 1—9月, "
              "2024E09 for 9月末, or 2024年一季度, 2024年1—9月, 2024年9月末)",
              w.text);
  return -1;
}

/* Read a unit word; report an unknown one. Names are interned, so one spelling is one
   pointer: a unit read before is not parsed again (only units that parsed are kept, and
   a declaration never changes a unit that exists). */
static int check_unit(Model *m, Word w, Unit *u) {
  size_t h = ((uintptr_t)w.text >> 4) % MODEL_UNIT_SEEN;
  if (m->unit_seen[h].text == w.text && w.text) {
    *u = m->unit_seen[h].unit;
    return 0;
  }
  if (unit_parse(m->units, w.text, u) == 0) {
    m->unit_seen[h].text = w.text;
    m->unit_seen[h].unit = *u;
    return 0;
  }
  model_unknown_unit(m, w.text, w.loc);
  return -1;
}

/* Read a figure written in the source into fig, in the unit `to` when has_to; the unit
   written goes to *written. -1 after reporting an error. */
static int check_figure(Model *m, const Bound *b, const Unit *to, int has_to, Figure *fig,
                        Unit *written) {
  /* a second number only for a range's top: most figures are not ranges */
  *fig = (Figure){.rel = b->rel, .v = model_num(m),
                  .hi = b->rel == REL_RANGE ? model_num(m) : NULL,
                  .prefix = b->prefix.text, .suffix = b->suffix.text};
  const Quantity *lo = &b->q, *hi = b->rel == REL_RANGE ? &b->top->q : NULL;
  /* 1—2个: the unit after the range is the unit of both ends */
  Word unit_word = lo->unit.text ? lo->unit : hi ? hi->unit : lo->unit;
  Unit u = unit_none();
  if (unit_word.text && check_unit(m, unit_word, &u) < 0) return -1;
  if (written) *written = u;
  fig->text = lo->num.text;
  fig->hi_text = hi ? hi->num.text : NULL;
  fig->unit_text = unit_word.text;
  fig->places = dec_places(lo->num.text);
  if (dec_parse(*fig->v, lo->num.text) < 0 || (hi && dec_parse(*fig->hi, hi->num.text) < 0)) {
    model_error(m, "C010", b->loc, "'%s' is not a number", lo->num.text);
    return -1;
  }
  if (hi) {
    Unit uh = u;
    if (hi->unit.text && check_unit(m, hi->unit, &uh) < 0) return -1;
    if (unit_convert(*fig->hi, *fig->hi, &uh, &u) < 0) {
      model_error(m, "C005", hi->loc, "the two ends of the range are in different units");
      return -1;
    }
  }
  if (has_to && unit_word.text) {
    /* 1.5万套 in 套: one written decimal of 万 is no decimal of 套 */
    fig->places -= to->exp10 - u.exp10 > 0 ? 0 : u.exp10 - to->exp10;
    if (fig->places < 0) fig->places = 0;
    if (unit_convert(*fig->v, *fig->v, &u, to) < 0 ||
        (hi && unit_convert(*fig->hi, *fig->hi, &u, to) < 0)) {
      model_error(m, "C005", unit_word.loc, "'%s' (%s) does not fit a figure in %s (%s)",
                  unit_word.text, model_describe_unit(m, &u), to->text ? to->text : "no unit",
                  model_describe_unit(m, to));
      return -1;
    }
  }
  fig->known = 1;
  return 0;
}

/* Read a stated change (增长 5.5% 左右, 提高 2 个百分点, 持平). */
/* Read a stated change (增长 5.5% 左右, 提高 2 个百分点, 持平, and — when `to` is the
   indicator's unit — an amount: 增加 1000 亿元, 提高 30 元). */
static int check_delta(Model *m, const Change *c, Delta *d, const Unit *to) {
  *d = (Delta){.present = 1, .dir = c->dir, .kind = UK_PERCENT, .word = c->word.text,
               .unit = c->by->q.unit.text, .as_written = c->by->q.num.text};
  if (c->dir == CHG_FLAT || c->dir == CHG_DOUBLED || c->dir == CHG_NEGATIVE) {
    /* 负增长 is a change below 0%: the figure it implies is below the base */
    d->by = (Figure){.known = 1, .rel = c->dir == CHG_NEGATIVE ? REL_UNDER : REL_EXACT,
                     .v = model_num(m)};
    if (c->dir == CHG_DOUBLED) mpq_set_ui(*d->by.v, 100, 1);
    return 0;
  }
  if (!c->by->q.unit.text && !(c->by->rel == REL_RANGE && c->by->top->q.unit.text)) {
    model_error(m, "C031", c->by->q.loc,
                "a change needs its unit: write %s%%, %s个百分点 or %s倍 after '%s'",
                c->by->q.num.text, c->by->q.num.text, c->by->q.num.text, c->word.text);
    return -1;
  }
  Unit u;
  if (check_figure(m, c->by, NULL, 0, &d->by, &u) < 0) return -1;
  if (u.kind == UK_PERMILLE) {
    model_error(m, "C005", c->by->q.unit.loc,
                "a change is in %%, in 个百分点, in 倍, or an amount in the indicator's unit; "
                "not in '%s'", c->by->q.unit.text);
    return -1;
  }
  if (!unit_dimensionless(&u)) { /* an amount in the indicator's unit */
    if (!to || !unit_same_dims(&u, to) || c->dir == CHG_ANNUAL) {
      model_error(m, "C005", c->by->q.unit.loc,
                  "a change is in %%, in 个百分点, in 倍, or an amount in the indicator's unit; "
                  "not in '%s'", c->by->q.unit.text);
      return -1;
    }
    unit_convert(*d->by.v, *d->by.v, &u, to);
    if (d->by.hi) unit_convert(*d->by.hi, *d->by.hi, &u, to);
    d->kind = UK_PLAIN;
    return 0;
  }
  d->kind = u.kind == UK_POINTS ? UK_POINTS : UK_PERCENT;
  if (u.kind == UK_PLAIN && c->by->q.unit.text) { /* 增长10倍: ten times as much again */
    d->times = 1;
    mpq_t hundred;
    mpq_init(hundred);
    mpq_set_ui(hundred, 100, 1);
    mpq_mul(*d->by.v, *d->by.v, hundred);
    if (d->by.hi) mpq_mul(*d->by.hi, *d->by.hi, hundred);
    mpq_clear(hundred);
  }
  return 0;
}

/* show 万元: an indicator in 万元/人 is shown as 万元, the "per 人" carried by its name
   (人均GDP). The shown unit must be the indicator's unit without its denominators, at the
   same magnitude; the figures do not change, only the unit's text. */
static void check_show(Model *m, Indicator *ind, Word w) {
  Unit shown, over;
  if (check_unit(m, w, &shown) < 0) return;
  const char *slash = ind->has_unit ? strchr(ind->unit.text, '/') : NULL;
  int ok = slash && unit_parse(m->units, arena_strndup(m->arena, ind->unit.text,
                                                       (size_t)(slash - ind->unit.text)),
                               &over) == 0;
  if (ok) { /* the same unit as the indicator's numerator: 万元 for 万元/人 */
    mpq_t a, b;
    mpq_inits(a, b, NULL);
    unit_scale(a, &over);
    unit_scale(b, &shown);
    ok = mpq_equal(a, b) && unit_same_dims(&over, &shown);
    mpq_clears(a, b, NULL);
  }
  if (!ok) {
    model_error(m, "C032", w.loc,
                "'show %s' does not fit '%s' in %s: show the unit without what the name says "
                "per (人均GDP in 万元/人: show 万元)",
                w.text, ind->id, ind->has_unit ? ind->unit.text : "no unit");
    return;
  }
  ind->unit.text = w.text;
}

static void check_indicator(Model *m, const Item *it) {
  Indicator *ind = arena_alloc(m->arena, sizeof *ind);
  Indicator *old = table_put(m->by_id, it->u.ind.id.text, ind); /* one probe, not two */
  if (old != ind) {
    model_error(m, "C002", it->u.ind.id.loc, "indicator '%s' is defined twice",
                it->u.ind.id.text);
    model_note(m, old->item->u.ind.id.loc, "'%s' was first defined here", old->id);
    return;
  }
  ind->model = m;
  ind->item = it;
  ind->loc = it->loc;
  ind->id = it->u.ind.id.text;
  ind->name = it->u.ind.name.text ? it->u.ind.name.text : ind->id;
  ind->unit = unit_none();
  if (it->u.ind.unit.unit.text && check_unit(m, it->u.ind.unit.unit, &ind->unit) == 0)
    ind->has_unit = 1;
  const Attrs *a = it->u.ind.attrs;
  ind->decimals = -1;
  if (a->has & ATTR_DECIMALS) {
    ind->decimals = atoi(a->decimals.text);
    if (ind->decimals > 12 || strlen(a->decimals.text) > 2) {
      model_error(m, "C011", a->decimals.loc, "decimals %s is more than 12", a->decimals.text);
      ind->decimals = 12;
    }
  }
  ind->category = a->category.text;
  ind->main = (a->has & ATTR_MAIN) != 0;
  ind->basis = (Basis)a->basis.code;
  ind->flow = (Flow)a->flow.code;
  ind->direction = (Direction)a->direction.code;
  ind->verb = a->verb.text;
  if (a->has & ATTR_SHOW) check_show(m, ind, a->show);
  model_push(m, &m->inds, &m->ninds, &m->inds_cap, ind);
  m->last_ind = ind;
}

static void check_value(Model *m, const Item *it) {
  if (!it->parent) return; /* reported by the parser */
  /* a value line follows its indicator's: the last one checked, most often */
  Indicator *ind = m->last_ind && m->last_ind->item == it->parent
                       ? m->last_ind
                       : model_indicator(m, it->parent->u.ind.id.text);
  if (!ind || ind->item != it->parent) return; /* a duplicate indicator's values */
  Value *v = arena_alloc(m->arena, sizeof *v);
  v->ind = ind;
  v->item = it;
  v->loc = it->loc;
  v->status = it->u.value.status;
  v->form = it->u.value.form;
  if (check_period(m, it->u.value.period, &v->period) < 0) return;
  Value *old = NULL; /* figures of one period differ in standing (预计, 快报, 统计, 修订) */
  for (int i = 0; i < ind->nvalues; i++)
    if (period_cmp(ind->values[i]->period, v->period) == 0 &&
        model_standing(ind->values[i]->status) == model_standing(v->status))
      old = ind->values[i];
  if (old) {
    model_error(m, "C008", it->u.value.period.loc, "'%s' has two %s values for %s", ind->id,
                words_status(v->status), it->u.value.period.text);
    model_note(m, old->item->loc, "the first is here");
    return;
  }
  const Attrs *a = it->u.value.attrs;
  v->basis = a->basis.w.text ? (Basis)a->basis.code : ind->basis;
  v->flow = a->flow.w.text ? (Flow)a->flow.code : ind->flow;
  v->verb = a->verb.text ? a->verb.text : ind->verb;
  switch (v->form) {
  case VF_BOUND:
    if (check_figure(m, it->u.value.bound, &ind->unit, 1, &v->fig, NULL) < 0) return;
    if (ind->decimals >= 0 && v->fig.places > ind->decimals)
      model_warning(m, "W011", it->u.value.bound->q.num.loc,
                    "'%s' is written with more decimal places (%d, in %s) than '%s' shows "
                    "(decimals %d); it is shown as written, never rounded",
                    v->fig.text, v->fig.places, ind->has_unit ? ind->unit.text : "—", ind->id,
                    ind->decimals);
    break;
  case VF_CHANGE:
    if (check_delta(m, it->u.value.change, &v->delta, &ind->unit) < 0) return;
    break;
  case VF_FORMULA: /* bound by bind.c */
    v->fig = (Figure){.rel = REL_EXACT, .v = model_num(m)};
    break;
  case VF_QUALITATIVE: v->text = it->u.value.text.text; break;
  case VF_RELATION: break; /* targets only */
  }
  if ((a->has & ATTR_CHANGE) && check_delta(m, a->change, &v->delta, &ind->unit) < 0) return;
  /* on a line that states a change, 可比价/现价 is the basis of that change */
  v->delta.basis = v->basis;
  v->state = v->form == VF_FORMULA ? EV_TODO : EV_DONE;
  model_add_value(m, ind, v);
}

static void check_target(Model *m, const Item *it) {
  Target *t = arena_alloc(m->arena, sizeof *t);
  t->item = it;
  t->loc = it->loc;
  t->model = m;
  t->ind = model_ref(m, &it->u.target.ind, 1);
  if (check_period(m, it->u.target.period, &t->period) < 0 || !t->ind) return;
  t->kind = (TargetKind)it->u.target.kind.code;
  t->form = it->u.target.form;
  const Attrs *a = it->u.target.attrs;
  t->basis = (Basis)a->basis.code;
  t->direction = a->direction.w.text ? (Direction)a->direction.code : t->ind->direction;
  switch (t->form) {
  case VF_BOUND:
    if (check_figure(m, it->u.target.bound, &t->ind->unit, 1, &t->fig, NULL) < 0) return;
    if (it->u.target.bound->ceiling && !a->direction.w.text) t->direction = DIR_DOWN;
    break;
  case VF_CHANGE:
    if (check_delta(m, it->u.target.change, &t->delta, &t->ind->unit) < 0) return;
    if (it->u.target.change->by->ceiling && !a->direction.w.text) t->direction = DIR_DOWN;
    break;
  case VF_RELATION:
    t->with = model_ref(m, &it->u.target.other->with, 1);
    t->sync = (Relation)it->u.target.other->sync.code;
    if (!t->with) return;
    break;
  default: t->text = it->u.target.other->text.text; break;
  }
  if (a->has & ATTR_FROM) {
    if (check_period(m, a->from, &t->from) < 0) return;
    t->has_from = 1;
    if (period_cmp(t->from, t->period) >= 0) {
      model_error(m, "C015", a->from.loc, "the base period %s is not before the target's %s",
                  a->from.text, it->u.target.period.text);
      return;
    }
  }
  t->cumulative = a->flow.w.text && a->flow.code == FLOW_CUMULATIVE;
  if ((t->delta.dir == CHG_ANNUAL || t->cumulative) && !t->has_from) {
    if (t->cumulative)
      model_error(m, "C021", t->loc, "a cumulative (累计) target needs the period it counts "
                  "from ('from 2020')");
    else
      model_error(m, "C021", t->loc, "an average annual (年均) target needs the period it "
                  "counts from ('from 2020')");
    return;
  }
  if (a->has & ATTR_STRETCH) {
    t->has_stretch = 1;
    t->stretch = arena_alloc(m->arena, sizeof *t->stretch);
    if (a->stretch) {
      if (check_figure(m, a->stretch, &t->ind->unit, 1, &t->stretch->fig, NULL) < 0) return;
    } else if (check_delta(m, a->stretch_change, &t->stretch->delta, &t->ind->unit) < 0) {
      return;
    }
  }
  /* the value it implies; eval.c makes an implied range's top and a verdict's numbers
     when it writes them (most targets are not ranges, and most are never judged) */
  t->implied = (Figure){.v = model_num(m)};
  if (t->has_stretch) t->stretch->implied = (Figure){.v = model_num(m)};
  model_push(m, &m->targets, &m->ntargets, &m->targets_cap, t);
}

static void check_claim(Model *m, const Item *it) {
  Claim *c = arena_alloc(m->arena, sizeof *c);
  c->item = it;
  c->loc = it->loc;
  c->stated_loc = it->u.claim.stated->loc;
  c->id = it->u.claim.id.text;
  c->label = it->u.claim.label.text;
  if (c->id && table_put(m->claim_ids, c->id, c) != c) {
    model_error(m, "C002", it->u.claim.id.loc, "claim '%s' is defined twice", c->id);
    return;
  }
  c->verdict = CLAIM_UNKNOWN;
  if (check_period(m, it->u.claim.period, &c->period) < 0) return;
  if (check_figure(m, it->u.claim.stated, NULL, 0, &c->stated, &c->unit) < 0) return;
  c->computed = model_num(m);
  c->lo = model_num(m);
  c->hi = model_num(m);
  model_push(m, &m->claims, &m->nclaims, &m->claims_cap, c);
}

/* A date attribute as text: 2024-12, 2024-12-31, or the string written. */
/* A number word's value when it is at most `digits` digits and within [lo, hi]; else -1. */
static int check_small_number(const char *s, int digits, int lo, int hi) {
  int v = 0, n = 0;
  for (; s[n]; n++) {
    if (s[n] < '0' || s[n] > '9' || n >= digits) return -1;
    v = v * 10 + (s[n] - '0');
  }
  return n > 0 && v >= lo && v <= hi ? v : -1;
}

/* A year of the header: four digits, reported when it is not one. */
static int check_year(Model *m, Word w) {
  int y = check_small_number(w.text, 4, 1000, 9999);
  if (y < 0) model_error(m, "C015", w.loc, "'%s' is not a year (write four digits: 2024)", w.text);
  return y < 0 ? 0 : y;
}

static const char *check_date(Model *m, const Attrs *a) {
  if (!(a->has & ATTR_DUE)) return NULL;
  const Date *d = a->due;
  if (d->str.text) return d->str.text;
  if (check_small_number(d->year.text, 4, 1000, 9999) < 0 ||
      check_small_number(d->month.text, 2, 1, 12) < 0 ||
      (d->day.text && check_small_number(d->day.text, 2, 1, 31) < 0)) {
    model_error(m, "C015", d->loc, "not a date: write the year, a month 1–12 and a day 1–31 "
                "(2024-12 or 2024-12-31)");
    return NULL;
  }
  char *text = mem_printf("%s-%s%s%s", d->year.text, d->month.text, d->day.text ? "-" : "",
                          d->day.text ? d->day.text : "");
  const char *kept = arena_strdup(m->arena, text);
  mem_free(text);
  return kept;
}

static Task *check_task(Model *m, const Item *it, const char *section) {
  Task *t = arena_alloc(m->arena, sizeof *t);
  t->item = it;
  t->loc = it->loc;
  t->number = m->ntasks + 1;
  t->section = section;
  t->title = it->u.task.title.text;
  t->lead = it->u.task.attrs->lead.text;
  t->due = check_date(m, it->u.task.attrs);
  model_push(m, &m->tasks, &m->ntasks, &m->tasks_cap, t);
  return t;
}

static void check_commit(Model *m, const Item *it) {
  if (!it->parent || m->ntasks == 0) return;
  Task *task = m->tasks[m->ntasks - 1];
  Commit *c = arena_alloc(m->arena, sizeof *c);
  Commit *first = it->u.commit.id.text ? table_put(m->commit_ids, it->u.commit.id.text, c) : c;
  if (first != c) {
    model_error(m, "C002", it->u.commit.id.loc, "commitment '%s' is defined twice",
                it->u.commit.id.text);
    model_note(m, first->item->loc, "the first is here");
    return;
  }
  c->item = it;
  c->loc = it->loc;
  c->task = task;
  c->id = it->u.commit.id.text;
  c->desc = it->u.commit.desc.text;
  c->form = it->u.commit.form;
  const Attrs *a = it->u.commit.attrs;
  if (a->has & ATTR_FOR) c->ind = model_ref(m, &a->target, 1);
  c->lead = a->lead.text ? a->lead.text : task->lead;
  c->due = check_date(m, a);
  if (!c->due) c->due = task->due;
  if (c->form == VF_BOUND) {
    if (check_figure(m, it->u.commit.bound, NULL, 0, &c->fig, &c->unit) < 0) return;
    c->has_unit = it->u.commit.bound->q.unit.text ||
                  (it->u.commit.bound->top && it->u.commit.bound->top->q.unit.text);
    if (c->ind && c->ind->has_unit && c->has_unit && !unit_same_dims(&c->unit, &c->ind->unit))
      model_error(m, "C005", it->u.commit.bound->loc,
                  "commitment in '%s' does not fit indicator '%s' in '%s'", c->unit.text,
                  c->ind->id, c->ind->unit.text);
  } else if (check_delta(m, it->u.commit.change, &c->delta, NULL) < 0) {
    return;
  }
  model_push(m, &task->commits, &task->ncommits, &task->cap, c);
  model_push(m, &m->commits, &m->ncommits, &m->commits_cap, c);
}

/* tolerance 0.5 个百分点 / tolerance 5%: the band within which a 左右 target missed is
   基本完成, for rates and changes (in points) or for amounts (in % of the target). */
static void check_tolerance(Model *m, const Item *it) {
  Bound b = {.rel = REL_EXACT, .q = it->u.tol.q, .loc = it->u.tol.q.loc};
  Figure f;
  Unit u;
  if (check_figure(m, &b, NULL, 0, &f, &u) < 0) return;
  if (mpq_sgn(*f.v) < 0 || (u.kind != UK_POINTS && u.kind != UK_PERCENT)) {
    model_error(m, "C015", it->u.tol.q.loc,
                "a tolerance is a number of 个百分点 (for rates and changes) or a %% of the "
                "target (for amounts), and not negative");
    return;
  }
  mpq_set(u.kind == UK_POINTS ? *m->tol_points : *m->tol_percent, *f.v);
}

/* A header line given twice. */
static int check_once(Model *m, const Item *it, const void *already) {
  if (!already) return 1;
  model_error(m, "C014", it->loc, "'%s' is given twice in the header",
              ast_item_kind_name(it->kind));
  return 0;
}

/* ---- the outline ---- */

typedef struct Outline {
  Part *part;
  Section *section;
  Block *block;        /* the paragraph or task text lines go to */
  const Item *owner;   /* its item */
  int targets;         /* the part's targets have their block */
} Outline;

static Part *outline_part(Model *m, Outline *o, Loc loc, PartKind kind, const char *title) {
  Part *p = arena_alloc(m->arena, sizeof *p);
  *p = (Part){.loc = loc, .kind = kind, .title = title};
  model_push(m, &m->parts, &m->nparts, &m->parts_cap, p);
  *o = (Outline){.part = p};
  return p;
}

static Section *outline_section(Model *m, Outline *o, Loc loc, const char *title) {
  if (!o->part) outline_part(m, o, loc, PART_PLAIN, NULL); /* text before any part */
  Section *s = arena_alloc(m->arena, sizeof *s);
  *s = (Section){.loc = loc, .title = title};
  model_push(m, &o->part->sections, &o->part->nsections, &o->part->cap, s);
  o->section = s;
  o->block = NULL;
  o->owner = NULL;
  return s;
}

static Block *outline_block(Model *m, Outline *o, BlockKind kind, const Item *it) {
  if (!o->section) outline_section(m, o, it->loc, NULL);
  Block *b = arena_alloc(m->arena, sizeof *b);
  *b = (Block){.kind = kind, .loc = it->loc};
  model_push(m, &o->section->blocks, &o->section->nblocks, &o->section->cap, b);
  o->block = kind == BK_TARGETS ? NULL : b;
  o->owner = kind == BK_TARGETS ? NULL : it;
  return b;
}

/* A text line of the current paragraph or task: its prose and its placeholders, each of
   which becomes a Filled for bind.c and eval.c. */
static void outline_text(Model *m, Outline *o, const Item *it) {
  if (!it->parent || it->parent != o->owner) return; /* reported by the parser */
  Line *l = arena_alloc(m->arena, sizeof *l);
  l->loc = it->loc;
  for (const TextPart *tp = it->u.text.parts; tp; tp = tp->next) l->npieces++;
  l->pieces = arena_alloc(m->arena, (size_t)l->npieces * sizeof *l->pieces + 1);
  int k = 0;
  for (const TextPart *tp = it->u.text.parts; tp; tp = tp->next, k++) {
    if (!tp->expr) {
      l->pieces[k].text = tp->text.text;
      continue;
    }
    Filled *f = arena_alloc(m->arena, sizeof *f);
    f->loc = tp->text.loc;
    f->expr = tp->expr;
    f->v = model_num(m);
    f->unit = unit_none();
    f->decimals = 2;
    model_push(m, &m->filled, &m->nfilled, &m->filled_cap, f);
    l->pieces[k].filled = f;
  }
  model_push(m, &o->block->lines, &o->block->nlines, &o->block->cap, l);
}

void check_model(Model *m) {
  Outline o = {0};
  const Item *loose = NULL; /* a target before the first part line */
  int parts = 0;
  const char *section = NULL;
  int year_seen = 0, base_seen = 0;
  const Item **later = NULL; /* the lines of the second pass */
  int nlater = 0, later_cap = 0;
  for (const Item *it = m->plan->items; it; it = it->next) {
    switch (it->kind) {
    case IT_TITLE:
      if (check_once(m, it, m->title)) m->title = it->u.str.text.text;
      break;
    case IT_REGION:
      if (check_once(m, it, m->region)) m->region = it->u.str.text.text;
      break;
    case IT_STATUS: {
      const char *known;
      int status = words_doc_status(it->u.str.text.text, &known);
      if (check_once(m, it, m->status ? it : NULL) && status > 0) m->status = (DocStatus)status;
      if (status < 0)
        model_error(m, "C015", it->u.str.text.loc, "status is %s, not '%s'", known,
                    it->u.str.text.text);
      break;
    }
    case IT_YEAR:
      if (check_once(m, it, year_seen ? it : NULL)) m->year = check_year(m, it->u.year.num);
      year_seen = 1;
      break;
    case IT_BASE:
      if (check_once(m, it, base_seen ? it : NULL)) m->base = check_year(m, it->u.year.num);
      base_seen = 1;
      break;
    case IT_DATE:
      if (check_once(m, it, m->date)) {
        Attrs a = {.has = ATTR_DUE, .due = &it->u.date};
        m->date = check_date(m, &a);
      }
      break;
    case IT_UNIT: {
      UnitDecl *d = arena_alloc(m->arena, sizeof *d);
      *d = (UnitDecl){.name = it->u.unit.name.text, .factor = it->u.unit.def.num.text,
                      .of = it->u.unit.def.unit.text, .loc = it->loc};
      model_push(m, &m->unitdecls, &m->nunitdecls, &m->unitdecls_cap, d);
      Unit def, *pdef = NULL;
      Figure f = {0};
      if (it->u.unit.def.num.text) {
        Bound b = {.rel = REL_EXACT, .q = it->u.unit.def, .loc = it->u.unit.def.loc};
        if (check_figure(m, &b, NULL, 0, &f, &def) < 0) break;
        pdef = &def;
      }
      Unit known;
      UnitError ue = unit_parse(m->units, it->u.unit.name.text, &known) == 0
                         ? UE_EXISTS
                         : units_declare(m->units, it->u.unit.name.text, pdef, pdef ? *f.v : NULL);
      if (ue != UE_OK)
        model_error(m, ue == UE_EXISTS ? "C002" : "C011",
                    ue == UE_EXISTS ? it->u.unit.name.loc : it->u.unit.def.loc, "unit '%s' %s",
                    it->u.unit.name.text, unit_error_words(ue));
      break;
    }
    case IT_TOLERANCE: check_tolerance(m, it); break;
    case IT_INDICATOR: check_indicator(m, it); break;
    case IT_VALUE: check_value(m, it); break;
    default: /* the second pass, once every indicator is known */
      if (nlater == later_cap) {
        later_cap = later_cap ? 2 * later_cap : 256;
        later = mem_realloc(later, (size_t)later_cap * sizeof *later);
      }
      later[nlater++] = it;
      break;
    }
  }
  /* (over the lines the first pass left, in order: a second walk of every line missed
     the cache on each) */
  for (int k = 0; k < nlater; k++) {
    const Item *it = later[k];
    switch (it->kind) {
    case IT_TARGET:
      check_target(m, it);
      if (!o.part && !loose) loose = it;
      if (!o.targets) outline_block(m, &o, BK_TARGETS, it);
      o.targets = 1;
      break;
    case IT_CLAIM: check_claim(m, it); break;
    case IT_SECTION:
      section = it->u.str.text.text;
      outline_section(m, &o, it->loc, section);
      break;
    case IT_PART:
      parts++;
      section = NULL;
      outline_part(m, &o, it->loc, it->u.part.code, it->u.part.title.text);
      break;
    case IT_PARA: outline_block(m, &o, BK_PARA, it)->lead = it->u.para.title.text; break;
    case IT_TASK: outline_block(m, &o, BK_TASK, it)->task = check_task(m, it, section); break;
    case IT_COMMIT: check_commit(m, it); break;
    case IT_TEXT: outline_text(m, &o, it); break;
    default: break;
    }
  }
  mem_free(later);
  if (loose && parts)
    model_warning(m, "W003", loose->loc,
                  "target before the first part: the report lists the targets where the "
                  "first of them stands, so put them under a 'part targets \"…\"' line");
  if (m->year && m->base && m->base >= m->year) {
    for (const Item *it = m->plan->items; it; it = it->next)
      if (it->kind == IT_BASE)
        model_error(m, "C015", it->u.year.num.loc, "the base year %d is not before the plan year %d",
                    m->base, m->year);
  }
  /* a report without them would print "0年" in its headings (said only when there is no
     error, that is when a report is written) */
  Loc top = m->plan->items ? m->plan->items->loc : (Loc){1, 1, 1, 1};
  int errors = 0;
  for (int i = 0; i < m->diags->n; i++) errors |= m->diags->v[i].level == DIAG_ERROR;
  if (errors) return;
  if (!m->year && (m->ntargets || m->nparts))
    model_warning(m, "W012", top,
                  "no 'year' line: the report's headings and its summary need the plan year "
                  "(write 'year 2024' at the top)");
  if (!m->base && m->ntargets)
    model_warning(m, "W013", top,
                  "no 'base' line: the table of targets names the base year (write 'base "
                  "2023' at the top)");
}
