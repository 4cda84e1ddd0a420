/* model.c: the model's storage: arrays in the arena, exact numbers, lookups. */
#include "model/model.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"
#include "runtime/utf8.h"

Model *model_new(Source *src, Plan *plan, Arena *arena, Names *names, Diags *diags) {
  Model *m = arena_alloc(arena, sizeof *m);
  m->arena = arena;
  m->names = names;
  m->src = src;
  m->plan = plan;
  m->diags = diags;
  m->units = units_new();
  m->by_id = table_new(arena);
  m->by_name = table_new(arena);
  m->commit_ids = table_new(arena);
  m->claim_ids = table_new(arena);
  m->path = src->path;
  m->tol_points = model_num(m);
  mpq_set_ui(*m->tol_points, 1, 2); /* 0.5 个百分点 */
  m->tol_percent = model_num(m);
  mpq_set_ui(*m->tol_percent, 5, 1);
  return m;
}

void model_free(Model *m) {
  if (!m) return;
  for (int i = 0; i < m->nnums; i++) mpq_clear(*m->nums[i]);
  mem_free(m->nums);
  units_free(m->units);
  source_free(m->src);
}

mpq_t *model_num(Model *m) {
  if (m->nnums == m->nums_cap) {
    m->nums_cap = m->nums_cap ? 2 * m->nums_cap : 256;
    m->nums = mem_realloc(m->nums, (size_t)m->nums_cap * sizeof *m->nums);
  }
  mpq_t *q = arena_alloc(m->arena, sizeof *q); /* the limbs are GMP's, cleared by model_free */
  mpq_init(*q);
  m->nums[m->nnums++] = q;
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
  return ind ? ind : table_get(m->by_name, id);
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

/* Edit distance between two UTF-8 names, in characters. */
static int name_distance(const char *a, const char *b) {
  int32_t ca[64], cb[64];
  int na = 0, nb = 0;
  for (size_t i = 0, n = strlen(a); i < n && na < 64;) {
    int len = utf8_decode(a + i, n - i, &ca[na++]);
    i += len < 0 ? 1 : (size_t)len;
  }
  for (size_t i = 0, n = strlen(b); i < n && nb < 64;) {
    int len = utf8_decode(b + i, n - i, &cb[nb++]);
    i += len < 0 ? 1 : (size_t)len;
  }
  int row[65];
  for (int j = 0; j <= nb; j++) row[j] = j;
  for (int i = 1; i <= na; i++) {
    int diag = row[0];
    row[0] = i;
    for (int j = 1; j <= nb; j++) {
      int up = row[j];
      int best = diag + (ca[i - 1] != cb[j - 1]);
      if (row[j] + 1 < best) best = row[j] + 1;
      if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  return row[nb];
}

const char *model_suggest(const Model *m, const char *name) {
  const char *best = NULL;
  int best_d = INT_MAX;
  int len = utf8_cols(name, strlen(name));
  for (int i = 0; i < m->ninds; i++) {
    const char *cands[2] = {m->inds[i]->id, m->inds[i]->name};
    for (int k = 0; k < 2; k++) {
      if (!cands[k]) continue;
      int d = name_distance(name, cands[k]);
      if (d < best_d) {
        best_d = d;
        best = cands[k];
      }
    }
  }
  for (int i = 0; i < m->ncommits; i++) {
    if (!m->commits[i]->id) continue;
    int d = name_distance(name, m->commits[i]->id);
    if (d < best_d) {
      best_d = d;
      best = m->commits[i]->id;
    }
  }
  /* close enough: at most a third of the name's characters differ */
  return best && best_d * 3 <= (len > 2 ? len : 2) ? best : NULL;
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

Indicator *model_ref(Model *m, const Ref *r, int report) {
  int found;
  const Model *where = model_namespace(m, r, &found);
  if (!where) {
    if (report && !found)
      model_error(m, "C001", r->ns.loc, "no import is called '%s'", r->ns.text);
    return NULL;
  }
  Indicator *ind = model_indicator(where, r->name.text);
  if (!ind && report) {
    const char *near = model_suggest(where, r->name.text);
    if (near)
      model_error(m, "C001", r->name.loc, "no indicator is called '%s'; did you mean '%s'?",
                  r->name.text, near);
    else
      model_error(m, "C001", r->name.loc, "no indicator is called '%s'", r->name.text);
  }
  return ind;
}

