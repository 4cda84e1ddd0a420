/* lspindex.c: the names of a compiled plan with what each one means, for the editor. */
#include "cmd/lspindex.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"
#include "cmd/lsppos.h"

const char *lspindex_kind_name(LspSymKind k) {
#define LSPINDEX_NAME(e, name) name,
  static const char *const names[] = {LSPINDEX_KINDS(LSPINDEX_NAME)};
#undef LSPINDEX_NAME
  return names[k];
}

/* The normalised path of src, kept once per file. */
static const char *lspindex_file(LspIndex *x, const Source *src) {
  for (int i = 0; i < x->nfiles; i++)
    if (x->srcs[i] == src) return x->files[i];
  x->files = mem_realloc(x->files, (size_t)(x->nfiles + 1) * sizeof *x->files);
  x->srcs = mem_realloc(x->srcs, (size_t)(x->nfiles + 1) * sizeof *x->srcs);
  x->srcs[x->nfiles] = src;
  return x->files[x->nfiles++] = lsppos_normalize(src->path);
}

static void lspindex_add(LspIndex *x, LspOcc o) {
  if (!o.text || !o.src || !o.def_src) return;
  o.file = lspindex_file(x, o.src);
  o.def_file = lspindex_file(x, o.def_src);
  if (x->n == x->cap) {
    x->cap = x->cap ? 2 * x->cap : 64;
    x->v = mem_realloc(x->v, (size_t)x->cap * sizeof *x->v);
  }
  x->v[x->n++] = o;
}

/* An occurrence: the name text written at loc of src, meaning target of kind, defined at
   def_loc of def_src by owner. */
static void lspindex_put(LspIndex *x, Source *src, Loc loc, const char *text, LspSymKind kind,
                         int is_def, const void *target, const Model *owner, Source *def_src,
                         Loc def_loc) {
  lspindex_add(x, (LspOcc){src, loc, text, kind, is_def, target, owner, def_src, def_loc,
                           NULL, NULL});
}

/* An occurrence of the indicator ind written at w in m's file. */
static void lspindex_indicator(LspIndex *x, const Model *m, Word w, const Indicator *ind,
                               int is_def) {
  lspindex_put(x, m->src, w.loc, w.text, LSYM_INDICATOR, is_def, ind, ind->model,
                           ind->model->src, ind->item->u.ind.id.loc);
}

/* A reference written in m: through an import (p.gdp), to an indicator (bound: the one
   the binder resolved it to, when it bound), else to a commitment or a claim of that id. */
static void lspindex_ref(LspIndex *x, const Model *m, const Ref *r, const Indicator *bound) {
  if (!r->name.text) return;
  if (r->ns.text) {
    for (int i = 0; i < m->nimports; i++) {
      const Import *imp = &m->imports[i];
      if (imp->alias != r->ns.text) continue;
      lspindex_put(x, m->src, r->ns.loc, r->ns.text, LSYM_IMPORT, 0, imp, m, m->src,
                               imp->item->u.import.alias.loc);
    }
  }
  const Indicator *ind = bound ? bound : model_lookup(m, r);
  if (ind) {
    lspindex_indicator(x, m, r->name, ind, 0);
    return;
  }
  if (r->ns.text) return;
  const Commit *c = table_get(m->commit_ids, r->name.text);
  if (c) {
    lspindex_put(x, m->src, r->name.loc, r->name.text, LSYM_COMMIT, 0, c, m, m->src,
                             c->item->u.commit.id.loc);
    return;
  }
  const Claim *cl = table_get(m->claim_ids, r->name.text);
  if (cl)
    lspindex_put(x, m->src, r->name.loc, r->name.text, LSYM_CLAIM, 0, cl, m, m->src,
                             cl->item->u.claim.id.loc);
}

/* Whether the bound node f is the binding of the expression e (same kind, same place). */
static int lspindex_binds(const Expr *e, const Formula *f) {
  static const FormulaOp ops[] = {[EX_NUM] = FX_NUM, [EX_REF] = FX_REF, [EX_AT] = FX_REF,
                                  [EX_NEG] = FX_NEG, [EX_ADD] = FX_ADD, [EX_SUB] = FX_SUB,
                                  [EX_MUL] = FX_MUL, [EX_DIV] = FX_DIV, [EX_CALL] = FX_CALL,
                                  [EX_PAREN] = FX_PAREN};
  return f && f->op == ops[e->kind] && f->loc.first_line == e->loc.first_line &&
         f->loc.first_column == e->loc.first_column;
}

/* The references of an expression, walked beside its bound formula f (NULL where it did
   not bind: then each name is looked up as the binder looks it up). The syntax tree gives
   each name's own place (the bound node's place is the whole reference, p.gdp[2023]). */
static void lspindex_expr(LspIndex *x, const Model *m, const Expr *e, const Formula *f) {
  if (!e) return;
  if (!lspindex_binds(e, f)) f = NULL;
  if (e->kind == EX_REF || e->kind == EX_AT) lspindex_ref(x, m, &e->ref, f ? f->ind : NULL);
  lspindex_expr(x, m, e->a, f ? f->a : NULL);
  lspindex_expr(x, m, e->b, f ? f->b : NULL);
  for (int i = 0; i < e->nargs; i++)
    lspindex_expr(x, m, e->args[i], f && i < f->nargs ? f->args[i] : NULL);
}

/* The bound formulas of a model by the syntax node they bind (an indicator's, a value's or
   a claim's line; a placeholder's expression), sorted for bsearch. */
typedef struct LspBound {
  const void *node;
  const Formula *f;
  const Indicator *ind; /* a target's indicator, a commitment's 'for' */
} LspBound;

static int lspindex_bound_cmp(const void *pa, const void *pb) {
  const LspBound *a = pa, *b = pb;
  return a->node < b->node ? -1 : a->node > b->node;
}

static LspBound *lspindex_bounds(const Model *m, int *n) {
  LspBound *v = NULL;
  int cap = 0;
  *n = 0;
#define LSPINDEX_PUSH(key, formula, indicator)                                             \
  do {                                                                                     \
    if (!(formula) && !(indicator)) break;                                                 \
    if (*n == cap) v = mem_realloc(v, (size_t)(cap = cap ? 2 * cap : 64) * sizeof *v);    \
    v[(*n)++] = (LspBound){(key), (formula), (indicator)};                                 \
  } while (0)
  for (int i = 0; i < m->ninds; i++) {
    const Indicator *ind = m->inds[i];
    LSPINDEX_PUSH(ind->item, ind->formula, NULL);
    for (int k = 0; k < ind->nvalues; k++)
      if (!ind->values[k]->derived) LSPINDEX_PUSH(ind->values[k]->item, ind->values[k]->formula, NULL);
  }
  for (int i = 0; i < m->nclaims; i++)
    LSPINDEX_PUSH(m->claims[i]->item, m->claims[i]->formula, NULL);
  for (int i = 0; i < m->nfilled; i++)
    LSPINDEX_PUSH(m->filled[i]->expr, m->filled[i]->formula, NULL);
  for (int i = 0; i < m->ntargets; i++) LSPINDEX_PUSH(m->targets[i]->item, NULL, m->targets[i]->ind);
  for (int i = 0; i < m->ncommits; i++) LSPINDEX_PUSH(m->commits[i]->item, NULL, m->commits[i]->ind);
#undef LSPINDEX_PUSH
  if (*n) qsort(v, (size_t)*n, sizeof *v, lspindex_bound_cmp);
  return v;
}

/* What node was bound to, or NULL. */
static const LspBound *lspindex_find(const LspBound *v, int n, const void *node) {
  LspBound key = {node, NULL, NULL};
  return n ? bsearch(&key, v, (size_t)n, sizeof *v, lspindex_bound_cmp) : NULL;
}

/* The bound formula of node, or NULL. */
static const Formula *lspindex_bound(const LspBound *v, int n, const void *node) {
  const LspBound *b = lspindex_find(v, n, node);
  return b ? b->f : NULL;
}

/* The indicator a target or a commitment's 'for' was resolved to, or NULL. */
static const Indicator *lspindex_bound_ind(const LspBound *v, int n, const void *node) {
  const LspBound *b = lspindex_find(v, n, node);
  return b ? b->ind : NULL;
}

static void lspindex_attrs(LspIndex *x, const Model *m, const Attrs *a, const Indicator *bound) {
  if (a && (a->has & ATTR_FOR)) lspindex_ref(x, m, &a->target, bound);
}

/* The definitions and references of one file's items. */
static void lspindex_model(LspIndex *x, const Model *m) {
  int nb;
  LspBound *bounds = lspindex_bounds(m, &nb);
  for (const Item *it = m->plan->items; it; it = it->next) {
    switch (it->kind) {
    case IT_IMPORT:
      for (int i = 0; i < m->nimports; i++)
        if (m->imports[i].item == it && it->u.import.alias.text)
          lspindex_put(x, m->src, it->u.import.alias.loc, it->u.import.alias.text,
                                   LSYM_IMPORT, 1, &m->imports[i], m, m->src,
                                   it->u.import.alias.loc);
      break;
    case IT_INDICATOR: {
      const Indicator *ind = table_get(m->by_id, it->u.ind.id.text ? it->u.ind.id.text : "");
      if (ind && ind->item == it) lspindex_indicator(x, m, it->u.ind.id, ind, 1);
      else if (ind) lspindex_indicator(x, m, it->u.ind.id, ind, 0); /* defined twice */
      lspindex_attrs(x, m, it->u.ind.attrs, NULL);
      lspindex_expr(x, m, it->u.ind.formula, lspindex_bound(bounds, nb, it));
      break;
    }
    case IT_VALUE:
      lspindex_attrs(x, m, it->u.value.attrs, NULL);
      if (it->u.value.form == VF_FORMULA)
        lspindex_expr(x, m, it->u.value.expr, lspindex_bound(bounds, nb, it));
      break;
    case IT_TARGET:
      lspindex_ref(x, m, &it->u.target.ind, lspindex_bound_ind(bounds, nb, it));
      lspindex_attrs(x, m, it->u.target.attrs, NULL);
      break;
    case IT_CLAIM: {
      const Claim *cl = it->u.claim.id.text ? table_get(m->claim_ids, it->u.claim.id.text) : NULL;
      if (cl)
        lspindex_put(x, m->src, it->u.claim.id.loc, it->u.claim.id.text, LSYM_CLAIM,
                                 cl->item == it, cl, m, m->src, cl->item->u.claim.id.loc);
      lspindex_expr(x, m, it->u.claim.expr, lspindex_bound(bounds, nb, it));
      break;
    }
    case IT_TEXT:
      for (const TextPart *p = it->u.text.parts; p; p = p->next)
        lspindex_expr(x, m, p->expr, lspindex_bound(bounds, nb, p->expr));
      break;
    case IT_TASK:
      lspindex_attrs(x, m, it->u.task.attrs, NULL);
      break;
    case IT_COMMIT: {
      const Commit *c = it->u.commit.id.text ? table_get(m->commit_ids, it->u.commit.id.text)
                                             : NULL;
      if (c)
        lspindex_put(x, m->src, it->u.commit.id.loc, it->u.commit.id.text,
                                 LSYM_COMMIT, c->item == it, c, m, m->src,
                                 c->item->u.commit.id.loc);
      lspindex_attrs(x, m, it->u.commit.attrs, lspindex_bound_ind(bounds, nb, it));
      break;
    }
    default:
      break;
    }
  }
  mem_free(bounds);
}

/* root and its imports, each file once. */
static void lspindex_walk(LspIndex *x, const Model *m, const Model ***seen, int *nseen) {
  for (int i = 0; i < *nseen; i++)
    if ((*seen)[i] == m) return;
  *seen = mem_realloc(*seen, (size_t)(*nseen + 1) * sizeof **seen);
  (*seen)[(*nseen)++] = m;
  lspindex_model(x, m);
  for (int i = 0; i < m->nimports; i++)
    if (m->imports[i].model) lspindex_walk(x, m->imports[i].model, seen, nseen);
}

void lspindex_build(LspIndex *x, const Model *root) {
  memset(x, 0, sizeof *x);
  const Model **seen = NULL;
  int nseen = 0;
  if (root) lspindex_walk(x, root, &seen, &nseen);
  mem_free(seen);
}

void lspindex_free(LspIndex *x) {
  for (int i = 0; i < x->nfiles; i++) mem_free(x->files[i]);
  mem_free(x->files);
  mem_free(x->srcs);
  mem_free(x->v);
  memset(x, 0, sizeof *x);
}

/* Whether (line, col) is within loc (its end is just past its last character). */
static int lspindex_within(Loc loc, int line, int col) {
  if (line < loc.first_line || line > loc.last_line) return 0;
  if (line == loc.first_line && col < loc.first_column) return 0;
  if (line == loc.last_line && col > loc.last_column) return 0; /* the end is in: gdp| */
  return 1;
}

const LspOcc *lspindex_at(const LspIndex *x, const char *path, int line, int col) {
  const LspOcc *best = NULL;
  for (int i = 0; i < x->n; i++) {
    const LspOcc *o = &x->v[i];
    if (strcmp(o->file, path) != 0 || !lspindex_within(o->loc, line, col)) continue;
    /* at the end of one name and the start of the next (p.gdp), the one that starts here */
    if (!best || o->loc.first_column == col) best = o;
  }
  return best;
}

int lspindex_same(const LspOcc *a, const LspOcc *b) {
  return a->kind == b->kind && strcmp(a->def_file, b->def_file) == 0 &&
         a->def_loc.first_line == b->def_loc.first_line &&
         a->def_loc.first_column == b->def_loc.first_column;
}
