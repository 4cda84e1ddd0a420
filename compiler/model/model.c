/* model.c: the model's storage: arrays in the arena, exact numbers, lookups. */
#include "model/model.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "syntax/build.h"

Model *model_new(Source *src, Plan *plan, Arena *arena, Names *names, Diags *diags) {
  Model *m = arena_alloc(arena, sizeof *m);
  m->arena = arena;
  m->names = names;
  m->src = src;
  m->plan = plan;
  m->diags = diags;
  m->units = units_new();
  m->by_id = table_new(arena);
  m->by_name = arena_alloc(arena, sizeof *m->by_name);
  m->by_name->table = table_new(arena);
  m->commit_ids = table_new(arena);
  m->claim_ids = table_new(arena);
  m->path = src->path;
  m->tol_points = model_num(m);
  mpq_set_ui(*m->tol_points, 1, 2); /* 0.5 个百分点 */
  m->tol_percent = model_num(m);
  mpq_set_ui(*m->tol_percent, 5, 1);
  return m;
}

/* Model numbers are made in chunks of this many, in the arena: one pointer per chunk. */
#define MODEL_NUM_CHUNK 256

void model_free(Model *m) {
  if (!m) return;
  for (int i = 0; i < m->nnums; i++)
    mpq_clear(m->nums[i / MODEL_NUM_CHUNK][i % MODEL_NUM_CHUNK]);
  mem_free(m->nums);
  units_free(m->units);
  source_free(m->src);
}

mpq_t *model_num(Model *m) {
  int k = m->nnums / MODEL_NUM_CHUNK;
  if (m->nnums % MODEL_NUM_CHUNK == 0) { /* a new chunk; the limbs are GMP's, freed by model_free */
    if (k == m->nums_cap) {
      m->nums_cap = m->nums_cap ? 2 * m->nums_cap : 16;
      m->nums = mem_realloc(m->nums, (size_t)m->nums_cap * sizeof *m->nums);
    }
    m->nums[k] = arena_alloc(m->arena, MODEL_NUM_CHUNK * sizeof(mpq_t));
  }
  mpq_t *q = &m->nums[k][m->nnums++ % MODEL_NUM_CHUNK];
  mpq_init(*q);
  return q;
}

void model_push(Model *m, void *v, int *n, int *cap, void *p) {
  void ***arr = v;
  if (*n == *cap) {
    int grown = *cap ? 2 * *cap : 16;
    *arr = arena_grow(m->arena, *arr, (size_t)*n * sizeof **arr, (size_t)grown * sizeof **arr);
    *cap = grown;
  }
  (*arr)[(*n)++] = p;
}

Indicator *model_indicator(const Model *m, const char *id) {
  Indicator *ind = table_get(m->by_id, id);
  if (ind) return ind;
  ModelNames *x = m->by_name;
  for (; x->done < m->ninds; x->done++)
    table_put(x->table, m->inds[x->done]->name, m->inds[x->done]);
  return table_get(x->table, id);
}

/* The value of ind itself at p: of the latest standing when there are several. */
static Value *indicator_own_value(const Indicator *ind, Period p) {
  for (int i = 0; i < ind->nvalues; i++)
    if (period_cmp(ind->values[i]->period, p) == 0 && !ind->values[i]->superseded)
      return ind->values[i];
  return NULL;
}

int model_standing(ValueStatus s) {
  static const int rank[] = {[ST_PLAN] = 0, [ST_ESTIMATE] = 1, [ST_FLASH] = 2,
                             [ST_ACTUAL] = 3, [ST_OFFICIAL] = 4, [ST_REVISED] = 5};
  return rank[s];
}

Value *indicator_value(const Indicator *ind, Period p) {
  Value *v = indicator_own_value(ind, p);
  if (v) return v;
  const Model *m = ind->model;
  for (int i = 0; i < m->nimports; i++) {
    if (!m->imports[i].model) continue;
    Indicator *other = model_indicator(m->imports[i].model, ind->id);
    if (other && (v = indicator_value(other, p))) return v;
  }
  return NULL;
}

void model_add_value(Model *m, Indicator *ind, Value *v) {
  model_push(m, &ind->values, &ind->nvalues, &ind->cap, v);
  int i = ind->nvalues - 1;
  for (; i > 0; i--) { /* by period, then by standing */
    const Value *before = ind->values[i - 1];
    int c = period_cmp(before->period, v->period);
    if (c < 0 || (c == 0 && model_standing(before->status) <= model_standing(v->status))) break;
    ind->values[i] = ind->values[i - 1];
    ind->values[i - 1] = v;
  }
  /* of one period's figures, only the last (the latest standing) is current */
  for (int k = 0; k < ind->nvalues; k++)
    ind->values[k]->superseded =
        k + 1 < ind->nvalues && period_cmp(ind->values[k + 1]->period, ind->values[k]->period) == 0;
}

const char *model_describe_unit(Model *m, const Unit *u) {
  size_t n = 32;
  for (int i = 0; i < u->ndims; i++) n += strlen(u->dims[i].base) + 16;
  char *buf = arena_alloc(m->arena, n);
  unit_describe(u, buf, n);
  return buf;
}

int model_places(const Indicator *ind, const Figure *f) {
  return ind && ind->decimals >= 0 ? ind->decimals : f->places;
}

void model_add_import(Model *m, Import imp) {
  m->imports = arena_grow(m->arena, m->imports, (size_t)m->nimports * sizeof *m->imports,
                          (size_t)(m->nimports + 1) * sizeof *m->imports);
  m->imports[m->nimports++] = imp;
}

/* The best suggestion so far for a name that is not known: what to suggest, and how far
   the candidate it was found by is from the name typed. */
typedef struct Near {
  const char *typed;
  const char *best;   /* the name to write: an id, or alias.id */
  const char *shown;  /* the display name that was near, when it was (or NULL) */
  int d;
} Near;

/* Consider a candidate: cand is compared with the name typed; say is what to suggest. */
static void near_try(Near *n, const char *cand, const char *say, const char *shown) {
  if (!cand || !say || !diag_similar(n->typed, cand)) return;
  int d = diag_distance(n->typed, cand);
  if (d < n->d) *n = (Near){n->typed, say, shown, d};
}

/* The candidates of one model: its ids, its display names (suggesting the id), and the
   ids of its commitments; with prefix "alias." for an import's. */
static void near_model(Near *n, const Model *m, const char *alias, Arena *arena) {
  for (int i = 0; i < m->ninds; i++) {
    const Indicator *ind = m->inds[i];
    const char *say = ind->id;
    if (alias && ind->id) {
      size_t a = strlen(alias), b = strlen(ind->id);
      char *full = arena_alloc(arena, a + b + 2);
      memcpy(full, alias, a);
      full[a] = '.';
      memcpy(full + a + 1, ind->id, b + 1);
      say = full;
    }
    near_try(n, ind->id, say, NULL);
    if (ind->name && ind->name != ind->id) near_try(n, ind->name, say, ind->name);
  }
  if (alias) return;
  for (int i = 0; i < m->ncommits; i++) near_try(n, m->commits[i]->id, m->commits[i]->id, NULL);
}

const char *model_suggest(const Model *m, const char *name) {
  Near n = {name, NULL, NULL, 1 << 30};
  near_model(&n, m, NULL, m->arena);
  return n.best;
}

/* The units a plan most likely meant: those its indicators use, then the common ones. */
static const char *const common_units[] = {
    "亿元", "万元", "元", "亿美元", "万美元", "%", "个百分点", "家", "个", "项", "人", "万人",
    "人次", "万人次", "平方米", "万平方米", "公里", "千米", "亩", "公顷", "吨", "万吨",
    "标准煤", "万吨标准煤", "千瓦时", "亿千瓦时", "套", "户", "万户", "座", "所", "张",
    "床", "辆", "件", "宗", "倍", "岁", "年", "天", "小时", "微克/立方米", "立方米"};

void model_unknown_unit(Model *m, const char *unit, Loc loc) {
  const char *near = model_suggest_unit(m, unit);
  if (near)
    model_error(m, "C003", loc, "unknown unit '%s'; did you mean '%s'?", unit, near);
  else
    model_error(m, "C003", loc, "unknown unit '%s'; declare it with 'unit %s'", unit, unit);
}

const char *model_suggest_unit(const Model *m, const char *unit) {
  Near n = {unit, NULL, NULL, 1 << 30};
  for (int i = 0; i < m->ninds; i++)
    if (m->inds[i]->has_unit) near_try(&n, m->inds[i]->unit.text, m->inds[i]->unit.text, NULL);
  for (size_t i = 0; i < sizeof common_units / sizeof *common_units; i++) {
    Unit u;
    if (unit_parse(m->units, common_units[i], &u) == 0)
      near_try(&n, common_units[i], common_units[i], NULL);
  }
  return n.best;
}

/* The model a reference's namespace names: m itself, or one of its imports; NULL when
   there is no import of that name (or it could not be loaded). */
static const Model *model_namespace(const Model *m, const Ref *r, int *found) {
  *found = 1;
  if (!r->ns.text) return m;
  for (int i = 0; i < m->nimports; i++)
    if (m->imports[i].alias && m->imports[i].alias == r->ns.text) return m->imports[i].model;
  *found = 0;
  return NULL;
}

Indicator *model_lookup(const Model *m, const Ref *r) {
  int found;
  const Model *where = model_namespace(m, r, &found);
  return where ? model_indicator(where, r->name.text) : NULL;
}

int model_incomplete(const Model *m, const char *id) {
  if (build_failed(m->plan, id)) return 1;
  for (int i = 0; i < m->nimports; i++)
    if (!m->imports[i].model) return 1;
  return 0;
}

Indicator *model_ref(Model *m, const Ref *r, int report) {
  int found;
  const Model *where = model_namespace(m, r, &found);
  if (!where) {
    if (report && !found)
      model_error(m, "C001", r->ns.loc, "no import is called '%s'", r->ns.text);
    return NULL; /* an import that failed was one error, where it failed */
  }
  Indicator *ind = model_indicator(where, r->name.text);
  if (ind || !report) return ind;
  /* a line skipped for a syntax error would have defined it: that error says enough */
  if (build_failed(where->plan, r->name.text)) return NULL;
  Near n = {r->name.text, NULL, NULL, 1 << 30};
  near_model(&n, where, NULL, m->arena);
  if (!r->ns.text)
    for (int i = 0; i < m->nimports; i++) { /* a forgotten p2023. */
      const Model *im = m->imports[i].model;
      if (!im || !m->imports[i].alias) continue;
      if (model_indicator(im, r->name.text)) {
        const char *a = m->imports[i].alias, *id = model_indicator(im, r->name.text)->id;
        char *full = arena_alloc(m->arena, strlen(a) + strlen(id) + 2);
        sprintf(full, "%s.%s", a, id);
        n = (Near){r->name.text, full, NULL, 0};
        break;
      }
      near_model(&n, im, m->imports[i].alias, m->arena);
    }
  if (n.best && n.shown)
    model_error(m, "C001", r->name.loc, "no indicator is called '%s'; did you mean '%s' (%s)?",
                r->name.text, n.best, n.shown);
  else if (n.best)
    model_error(m, "C001", r->name.loc, "no indicator is called '%s'; did you mean '%s'?",
                r->name.text, n.best);
  else
    model_error(m, "C001", r->name.loc, "no indicator is called '%s'", r->name.text);
  return NULL;
}
