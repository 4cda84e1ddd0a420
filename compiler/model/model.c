/* model.c: the model's storage: arrays in the arena, exact numbers, lookups. */
#include "model/model.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

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
  m->task_items = table_new(arena);
  m->filled_parts = table_new(arena);
  return m;
}

void model_free(Model *m) {
  if (!m) return;
  for (int i = 0; i < m->nimports; i++) model_free(m->imports[i].model);
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

/* The value of ind itself at p. */
static Value *indicator_own_value(const Indicator *ind, Period p) {
  for (int i = 0; i < ind->nvalues; i++)
    if (period_cmp(ind->values[i]->period, p) == 0) return ind->values[i];
  return NULL;
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
