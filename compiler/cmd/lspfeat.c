/* lspfeat.c: hover, definition, references, rename, completion, outline and quick fixes,
   read from a document's compile and its index of names. */
#include "cmd/lspfeat.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "syntax/front.h"
#include "emit/render.h"
#include "cmd/lsppos.h"

/* plc fmt's layout (compiler/syntax/fmt.h), weak: a build without the formatter links and
   the server then offers no formatting. */
void fmt_plan(const Plan *p, Buf *out) __attribute__((weak));

/* The statement keywords and the closed sets' words a plan is written with, for
   completion and to refuse them as new names (as grammar/lexer.l spells them). */
#define LSPFEAT_KEYWORDS(X)                                                                \
  X("title", "statement") X("region", "statement") X("year", "statement")                 \
  X("base", "statement") X("date", "statement") X("status", "statement")                  \
  X("import", "statement") X("as", "import … as alias") X("unit", "statement")            \
  X("indicator", "statement") X("decimals", "attribute") X("category", "attribute")        \
  X("main", "attribute") X("target", "statement") X("claim", "statement")                 \
  X("part", "statement") X("section", "statement") X("para", "statement")                 \
  X("task", "statement") X("lead", "attribute") X("due", "attribute")                      \
  X("commit", "statement") X("for", "attribute") X("verb", "attribute")                    \
  X("review", "part kind") X("targets", "part kind") X("tasks", "part kind")               \
  X("actual", "status") X("estimate", "status") X("plan", "status")                       \
  X("实际", "status") X("预计", "status") X("计划", "status")                             \
  X("expected", "target kind") X("binding", "target kind")                                 \
  X("预期性", "target kind") X("约束性", "target kind")                                    \
  X("现价", "basis") X("当年价", "basis") X("可比价", "basis")                             \
  X("当期", "flow") X("累计", "flow") X("草案", "document status")                         \
  X("正式", "document status")                                                              \
  X("约", "relation") X("左右", "relation") X("超过", "relation") X("超", "relation")      \
  X("突破", "relation") X("高于", "relation") X("不少于", "relation") X("至少", "relation") \
  X("不低于", "relation") X("以上", "relation") X("不超过", "relation")                    \
  X("至多", "relation") X("不高于", "relation") X("以下", "relation") X("以内", "relation") \
  X("低于", "relation") X("不到", "relation") X("近", "relation") X("接近", "relation")    \
  X("达到", "relation") X("达", "relation") X("增至", "relation") X("降至", "relation")    \
  X("增长", "change") X("提高", "change") X("提升", "change") X("增加", "change")          \
  X("下降", "change") X("降低", "change") X("减少", "change") X("持平", "change")          \
  X("翻番", "change") X("同比", "change") X("至", "range")

/* The formula functions (compiler/model/eval.c), with how they are called. */
#define LSPFEAT_FUNCTIONS(X)                                                               \
  X("growth", "growth(x): the change of x on the previous period, in %")                  \
  X("share", "share(a, b): a as a share of b, in %")                                       \
  X("rate", "rate(a, b): a per b, in %")                                                   \
  X("prev", "prev(x): x at the previous period")                                           \
  X("cumsum", "cumsum(x): x summed from the year's first period")                          \
  X("sum", "sum(a, b, …): the sum")

/* Units a plan commonly writes; a plan's own `unit` lines are added to them. */
static const char *const lspfeat_units[] = {
    "亿元", "万元", "元", "%", "个百分点", "倍", "万人", "人", "万户", "户", "家", "个",
    "项", "套", "万套", "平方米", "万平方米", "公顷", "吨", "万吨", "千瓦时", "人次",
    "万人次", "所", "张", "座", "辆", "标准箱", "微克/立方米", "岁"};

/* ---- helpers ---- */

/* The occurrence at the place in d's compile. */
static const LspOcc *lspfeat_occ(LspDoc *d, int line, int col) {
  if (!d->build) return NULL;
  return lspindex_at(&d->build->index, d->path, line, col);
}

/* The text of loc in src (a single line's part, or to the end of its first line). */
static char *lspfeat_slice(Source *src, Loc loc) {
  size_t n = 0;
  const char *s = source_line(src, loc.first_line, &n);
  if (!s) return mem_strdup("");
  size_t a = utf8_offset(s, n, loc.first_column - 1);
  size_t b = loc.last_line == loc.first_line ? utf8_offset(s, n, loc.last_column - 1) : n;
  if (b < a) b = a;
  return mem_strndup(s + a, b - a);
}

static void lspfeat_add_free(Buf *b, char *s) {
  buf_add(b, s);
  mem_free(s);
}

/* A file's name without its folder, for a hover. */
static const char *lspfeat_base(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* ---- hover ---- */

static int lspfeat_value_cmp(const void *pa, const void *pb) {
  const Value *a = *(Value *const *)pa, *b = *(Value *const *)pb;
  return period_cmp(a->period, b->period);
}

/* The values of ind by period: its own, else those of the same id in the plans imported. */
static void lspfeat_collect(const Indicator *top, const Indicator *ind, Value ***v, int *n,
                            int depth) {
  if (!ind || depth > 16) return;
  for (int i = 0; i < ind->nvalues; i++) {
    Value *val = indicator_value(top, ind->values[i]->period);
    int seen = 0;
    for (int k = 0; k < *n && !seen; k++) seen = period_cmp((*v)[k]->period, val->period) == 0;
    if (seen) continue;
    *v = mem_realloc(*v, (size_t)(*n + 1) * sizeof **v);
    (*v)[(*n)++] = val;
  }
  const Model *m = ind->model;
  for (int i = 0; i < m->nimports; i++)
    if (m->imports[i].model)
      lspfeat_collect(top, model_indicator(m->imports[i].model, ind->id), v, n, depth + 1);
}

static void lspfeat_target(Buf *b, const Target *t) {
  char per[16];
  const char *unit = t->ind->has_unit ? t->ind->unit.text : NULL;
  buf_printf(b, "- %s %s ", period_format(t->period, per), words_target_kind_zh(t->kind));
  lspfeat_add_free(b, render_target(t));
  if (t->basis != BASIS_NONE) buf_printf(b, " (%s)", words_basis_zh(t->basis));
  if (t->implied.known) {
    buf_add(b, " → implies ");
    lspfeat_add_free(b, render_figure(&t->implied, unit, t->ind->decimals));
  } else if (t->why_not) {
    buf_printf(b, " → implies no figure: %s", t->why_not);
  }
  buf_add(b, "; ");
  lspfeat_add_free(b, render_verdict(&t->v)); /* the words of the execution table */
  if (t->v.actual) {
    buf_add(b, " (");
    lspfeat_add_free(b, render_achieved(t, &t->v));
    char *measure = render_measure(t, &t->v);
    if (strcmp(measure, "—") != 0) buf_printf(b, ", %s", measure);
    mem_free(measure);
    buf_add(b, ")");
  }
  buf_add(b, "\n");
}

static void lspfeat_hover_indicator(Buf *b, const Indicator *ind) {
  buf_printf(b, "**%s** `%s`", ind->name, ind->id);
  if (ind->has_unit && ind->unit.text) buf_printf(b, " · %s", ind->unit.text);
  if (ind->decimals >= 0) buf_printf(b, " · %d decimals", ind->decimals);
  if (ind->category) buf_printf(b, " · %s", ind->category);
  buf_printf(b, "\n\nindicator in %s\n", lspfeat_base(ind->model->src->path));
  Value **v = NULL;
  int n = 0;
  lspfeat_collect(ind, ind, &v, &n, 0);
  if (n > 0) {
    qsort(v, (size_t)n, sizeof *v, lspfeat_value_cmp);
    buf_add(b, "\n| period | status | value | basis |\n|---|---|---|---|\n");
    for (int i = 0; i < n; i++) {
      char per[16];
      buf_printf(b, "| %s | %s%s | ", period_format(v[i]->period, per), words_status(v[i]->status),
                 v[i]->derived ? ", computed" : "");
      lspfeat_add_free(b, render_value(v[i]));
      buf_printf(b, " | %s |\n", words_basis_zh(v[i]->basis));
    }
  }
  mem_free(v);
  if (ind->formula) {
    char *f = lspfeat_slice(ind->model->src, ind->formula->loc);
    buf_printf(b, "\nformula: `%s`\n", f);
    mem_free(f);
  }
  int heading = 0;
  const Model *m = ind->model;
  for (int i = 0; i < m->ntargets; i++) {
    if (m->targets[i]->ind != ind) continue;
    if (!heading++) buf_add(b, "\ntargets:\n");
    lspfeat_target(b, m->targets[i]);
  }
  for (int i = 0; i < m->nreviewed; i++) {
    const Target *t = m->reviewed[i];
    if (!t->ind || strcmp(t->ind->id, ind->id) != 0) continue;
    int listed = 0; /* a review target of the plan itself is among its targets too */
    for (int k = 0; k < m->ntargets && !listed; k++) listed = m->targets[k] == t;
    if (listed) continue;
    if (!heading++) buf_add(b, "\ntargets:\n");
    lspfeat_target(b, t);
  }
}

static const char *lspfeat_verdict(ClaimVerdict v) {
  switch (v) {
  case CLAIM_MATCH: return "matches the computed figure";
  case CLAIM_ROUNDING: return "differs, within the rounding of the inputs";
  case CLAIM_MISMATCH: return "does not match: rounding cannot explain it";
  default: return "could not be computed";
  }
}

static void lspfeat_hover_claim(Buf *b, const Model *m, const Claim *c) {
  char per[16];
  buf_printf(b, "**claim %s**", c->label ? c->label : c->id ? c->id : "");
  if (c->id) buf_printf(b, " `%s`", c->id);
  buf_printf(b, " · %s\n\n", period_format(c->period, per));
  char *line = lspfeat_slice(m->src, c->item->loc);
  buf_printf(b, "`%s`\n\nstated: ", line);
  mem_free(line);
  lspfeat_add_free(b, render_figure(&c->stated, c->unit.text, -1));
  if (c->computed) {
    buf_add(b, " · computed: ");
    lspfeat_add_free(b, dec_format(*c->computed, c->stated.places + 2));
    if (c->unit.text) buf_add(b, c->unit.text);
    if (c->lo && c->hi) {
      buf_add(b, " (");
      lspfeat_add_free(b, dec_format(*c->lo, c->stated.places + 2));
      buf_add(b, "–");
      lspfeat_add_free(b, dec_format(*c->hi, c->stated.places + 2));
      buf_add(b, " over the inputs' rounding)");
    }
  }
  buf_printf(b, "\n\nverdict: %s\n", lspfeat_verdict(c->verdict));
}

static void lspfeat_hover_commit(Buf *b, const Commit *c) {
  buf_printf(b, "**commitment %s** %s\n\n", c->id ? c->id : "", c->desc ? c->desc : "");
  if (c->form == VF_CHANGE) lspfeat_add_free(b, render_delta(&c->delta, 1));
  else lspfeat_add_free(b, render_figure(&c->fig, c->has_unit ? c->unit.text : NULL, -1));
  buf_add(b, "\n");
  if (c->task && c->task->title) buf_printf(b, "\ntask %d: %s\n", c->task->number, c->task->title);
  if (c->ind) buf_printf(b, "\nfor: %s (`%s`)\n", c->ind->name, c->ind->id);
  const char *lead = c->lead ? c->lead : c->task ? c->task->lead : NULL;
  const char *due = c->due ? c->due : c->task ? c->task->due : NULL;
  if (lead) buf_printf(b, "\nlead: %s\n", lead);
  if (due) buf_printf(b, "\ndue: %s\n", due);
}

static void lspfeat_hover_import(Buf *b, const Import *imp) {
  buf_printf(b, "**import** `%s` as `%s`\n\n", imp->path ? imp->path : "",
             imp->alias ? imp->alias : "");
  if (!imp->model) buf_add(b, "could not be loaded\n");
  else
    buf_printf(b, "%s · %d indicators\n", imp->model->title ? imp->model->title : "",
               imp->model->ninds);
}

/* The placeholder of a text line at the place, filled, as a line of the hover. */
static void lspfeat_hover_filled(Buf *b, const Model *m, int line, int col) {
  for (int i = 0; i < m->nfilled; i++) {
    const Filled *f = m->filled[i];
    if (f->loc.first_line != line || col < f->loc.first_column || col > f->loc.last_column)
      continue;
    char *s = render_filled(f);
    buf_printf(b, "\n---\nthe placeholder reads: **%s**\n", s);
    mem_free(s);
    return;
  }
}

/* A unit word written in a quantity, if it is at (line, col). */
static int lspfeat_unit_at(Word w, int line, int col) {
  return w.text && w.loc.first_line == line && col >= w.loc.first_column &&
         col <= w.loc.last_column;
}

static const Word *lspfeat_bound_unit(const Bound *b, int line, int col) {
  if (!b) return NULL;
  if (lspfeat_unit_at(b->q.unit, line, col)) return &b->q.unit;
  if (b->top && lspfeat_unit_at(b->top->q.unit, line, col)) return &b->top->q.unit;
  return NULL;
}

static const Word *lspfeat_change_unit(const Change *c, int line, int col) {
  return c ? lspfeat_bound_unit(c->by, line, col) : NULL;
}

/* The unit word at the place, in the items of m's file on that line, or NULL. */
static const Word *lspfeat_unit_word(const Model *m, int line, int col) {
  for (const Item *it = m->plan->items; it; it = it->next) {
    if (it->loc.first_line > line || it->loc.last_line < line) continue;
    const Word *w = NULL;
    const Attrs *a = NULL;
    switch (it->kind) {
    case IT_INDICATOR:
      if (lspfeat_unit_at(it->u.ind.unit.unit, line, col)) w = &it->u.ind.unit.unit;
      a = it->u.ind.attrs;
      break;
    case IT_UNIT:
      if (lspfeat_unit_at(it->u.unit.name, line, col)) w = &it->u.unit.name;
      else if (lspfeat_unit_at(it->u.unit.def.unit, line, col)) w = &it->u.unit.def.unit;
      break;
    case IT_VALUE:
      w = it->u.value.form == VF_BOUND    ? lspfeat_bound_unit(it->u.value.bound, line, col)
          : it->u.value.form == VF_CHANGE ? lspfeat_change_unit(it->u.value.change, line, col)
                                          : NULL;
      a = it->u.value.attrs;
      break;
    case IT_TARGET:
      w = it->u.target.form == VF_BOUND    ? lspfeat_bound_unit(it->u.target.bound, line, col)
          : it->u.target.form == VF_CHANGE ? lspfeat_change_unit(it->u.target.change, line, col)
                                           : NULL;
      a = it->u.target.attrs;
      break;
    case IT_COMMIT:
      w = it->u.commit.form == VF_BOUND    ? lspfeat_bound_unit(it->u.commit.bound, line, col)
          : it->u.commit.form == VF_CHANGE ? lspfeat_change_unit(it->u.commit.change, line, col)
                                           : NULL;
      a = it->u.commit.attrs;
      break;
    case IT_CLAIM:
      w = lspfeat_bound_unit(it->u.claim.stated, line, col);
      break;
    default:
      break;
    }
    if (!w && a && (a->has & ATTR_CHANGE)) w = lspfeat_change_unit(a->change, line, col);
    if (w) return w;
  }
  return NULL;
}

/* A unit: what it is in base units (亿元 = 100000000 元). */
static void lspfeat_hover_unit(Buf *b, const Model *m, const Word *w) {
  Unit u;
  if (unit_parse(m->units, w->text, &u) < 0) {
    buf_printf(b, "**%s**: not a unit this plan knows; declare it with `unit %s`\n", w->text,
               w->text);
    return;
  }
  char base[128];
  unit_describe(&u, base, sizeof base);
  mpq_t f;
  mpq_init(f);
  unit_scale(f, &u);
  char *scale = dec_exact(f);
  mpq_clear(f);
  if (u.kind != UK_PLAIN || u.ndims == 0 || strcmp(scale, "1") == 0)
    buf_printf(b, "**%s**: unit (%s)\n", w->text, base);
  else
    buf_printf(b, "**%s** = %s %s\n", w->text, scale, base);
  mem_free(scale);
}

json_t *lspfeat_hover(LspDocs *ds, LspDoc *d, int line, int col) {
  (void)ds;
  const LspOcc *o = lspfeat_occ(d, line, col);
  const Model *root = d->build ? d->build->model : NULL;
  Buf b = {0};
  if (o) {
    switch (o->kind) {
    case LSYM_INDICATOR: lspfeat_hover_indicator(&b, o->target); break;
    case LSYM_CLAIM: lspfeat_hover_claim(&b, o->owner, o->target); break;
    case LSYM_COMMIT: lspfeat_hover_commit(&b, o->target); break;
    case LSYM_IMPORT: lspfeat_hover_import(&b, o->target); break;
    }
  }
  if (root) lspfeat_hover_filled(&b, root, line, col);
  const Word *unit = !b.n && root ? lspfeat_unit_word(root, line, col) : NULL;
  if (unit) lspfeat_hover_unit(&b, root, unit);
  if (!b.n) return json_null();
  json_t *h = json_pack("{s:{s:s, s:o}}", "contents", "kind", "markdown", "value",
                        lspdoc_text(b.s));
  if (o) json_object_set_new(h, "range", lspdoc_range(o->src, o->loc));
  else if (unit) json_object_set_new(h, "range", lspdoc_range(root->src, unit->loc));
  buf_free(&b);
  return h;
}

/* ---- definition, references, rename ---- */

/* The file an import line's path names, when the place is on that path. */
static json_t *lspfeat_import_path(LspDocs *ds, LspDoc *d, int line, int col) {
  const Model *m = d->build ? d->build->model : NULL;
  for (int i = 0; m && i < m->nimports; i++) {
    const Import *imp = &m->imports[i];
    Loc p = imp->item->u.import.path.loc;
    if (!imp->model || p.first_line != line || col < p.first_column || col > p.last_column)
      continue;
    char *file = lsppos_normalize(imp->model->src->path);
    json_t *j = lspdoc_location(ds, file, imp->model->src, (Loc){1, 1, 1, 1});
    mem_free(file);
    return j;
  }
  return json_null();
}

json_t *lspfeat_definition(LspDocs *ds, LspDoc *d, int line, int col) {
  const LspOcc *o = lspfeat_occ(d, line, col);
  if (!o) return lspfeat_import_path(ds, d, line, col);
  if (o->kind == LSYM_IMPORT && o->is_def) { /* the alias: the file it imports */
    const Import *imp = o->target;
    if (!imp->model) return json_null();
    char *file = lsppos_normalize(imp->model->src->path);
    json_t *j = lspdoc_location(ds, file, imp->model->src, (Loc){1, 1, 1, 1});
    mem_free(file);
    return j;
  }
  return lspdoc_location(ds, o->def_file, o->def_src, o->def_loc);
}

/* Every occurrence meaning what o means, in every open document's compile, each place
   once: into *out (mem_free it); their count. */
static int lspfeat_all(LspDocs *ds, const LspOcc *o, const LspOcc ***out) {
  int n = 0;
  *out = NULL;
  for (int i = 0; i < ds->n; i++) {
    LspBuild *b = lspdoc_build(ds, ds->v[i]);
    for (int k = 0; k < b->index.n; k++) {
      const LspOcc *x = &b->index.v[k];
      if (!lspindex_same(x, o)) continue;
      int dup = 0;
      for (int j = 0; j < n && !dup; j++)
        dup = strcmp((*out)[j]->file, x->file) == 0 &&
              (*out)[j]->loc.first_line == x->loc.first_line &&
              (*out)[j]->loc.first_column == x->loc.first_column;
      if (dup) continue;
      *out = mem_realloc(*out, (size_t)(n + 1) * sizeof **out);
      (*out)[n++] = x;
    }
  }
  return n;
}

json_t *lspfeat_references(LspDocs *ds, LspDoc *d, int line, int col, int decl) {
  const LspOcc *o = lspfeat_occ(d, line, col);
  if (!o) return json_null();
  LspOcc key = *o; /* o lives in d's index, which lspfeat_all may not rebuild: d is built */
  const LspOcc **all;
  int n = lspfeat_all(ds, &key, &all);
  json_t *list = json_array();
  for (int i = 0; i < n; i++)
    if (decl || !all[i]->is_def)
      json_array_append_new(list, lspdoc_location(ds, all[i]->file, all[i]->src, all[i]->loc));
  mem_free(all);
  return list;
}

/* Whether name is a keyword of the language. */
static int lspfeat_is_keyword(const char *name) {
#define LSPFEAT_KW(w, what) w,
  static const char *const kws[] = {LSPFEAT_KEYWORDS(LSPFEAT_KW)};
#undef LSPFEAT_KW
  for (size_t i = 0; i < sizeof kws / sizeof *kws; i++)
    if (strcmp(kws[i], name) == 0) return 1;
  return 0;
}

/* Whether name reads as one id: letters (any script), digits, '_', not a digit first. */
static int lspfeat_valid_id(const char *name) {
  size_t n = strlen(name);
  if (n == 0 || n > 256 || (name[0] >= '0' && name[0] <= '9')) return 0;
  for (size_t i = 0; i < n;) {
    int32_t cp;
    int len = utf8_decode(name + i, n - i, &cp);
    if (len < 0) return 0;
    if (cp < 0x80 && !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
                       (cp >= '0' && cp <= '9') || cp == '_'))
      return 0;
    /* blanks and punctuation a planner types in full width */
    if (cp == 0x3000 || (cp >= 0xFF00 && cp <= 0xFF20) || (cp >= 0x3001 && cp <= 0x3011) ||
        (cp >= 0x2010 && cp <= 0x206F) || cp == 0xA0 || cp == 0xFEFF)
      return 0;
    i += (size_t)len;
  }
  return !lspfeat_is_keyword(name);
}

json_t *lspfeat_prepare_rename(LspDocs *ds, LspDoc *d, int line, int col) {
  (void)ds;
  const LspOcc *o = lspfeat_occ(d, line, col);
  if (!o) return json_null();
  return json_pack("{s:o, s:o}", "range", lspdoc_range(o->src, o->loc), "placeholder",
                   lspdoc_text(o->text));
}

json_t *lspfeat_rename(LspDocs *ds, LspDoc *d, int line, int col, const char *name,
                       const char **why) {
  const LspOcc *o = lspfeat_occ(d, line, col);
  if (!o) {
    *why = "there is no indicator, commitment, claim or import here to rename";
    return NULL;
  }
  if (!lspfeat_valid_id(name)) {
    *why = "the new name is not an id: letters, digits or '_', not a digit first, not a keyword";
    return NULL;
  }
  if (o->kind == LSYM_INDICATOR && model_indicator(o->owner, name)) {
    *why = "an indicator of that name is already in the plan";
    return NULL;
  }
  LspOcc key = *o;
  /* the id as defined: a reference by display name keeps the display name */
  const char *old = NULL;
  switch (o->kind) {
  case LSYM_INDICATOR: old = ((const Indicator *)o->target)->id; break;
  case LSYM_COMMIT: old = ((const Commit *)o->target)->id; break;
  case LSYM_CLAIM: old = ((const Claim *)o->target)->id; break;
  case LSYM_IMPORT: old = ((const Import *)o->target)->alias; break;
  }
  char *oldc = mem_strdup(old ? old : o->text);
  const LspOcc **all;
  int n = lspfeat_all(ds, &key, &all);
  json_t *changes = json_object();
  for (int i = 0; i < n; i++) {
    if (strcmp(all[i]->text, oldc) != 0) continue;
    char *uri = lspdoc_uri(ds, all[i]->file);
    json_t *edits = json_object_get(changes, uri);
    if (!edits) {
      edits = json_array();
      json_object_set_new(changes, uri, edits);
    }
    json_array_append_new(edits, json_pack("{s:o, s:s}", "range",
                                           lspdoc_range(all[i]->src, all[i]->loc), "newText",
                                           name));
    mem_free(uri);
  }
  mem_free(all);
  mem_free(oldc);
  return json_pack("{s:o}", "changes", changes);
}

/* ---- completion ---- */

enum { CK_FUNCTION = 3, CK_VARIABLE = 6, CK_MODULE = 9, CK_UNIT = 11, CK_VALUE = 12,
       CK_KEYWORD = 14, CK_CONSTANT = 21 };

static void lspfeat_item(json_t *list, const char *label, int kind, const char *detail) {
  json_t *j = json_pack("{s:o, s:i}", "label", lspdoc_text(label), "kind", kind);
  if (detail) json_object_set_new(j, "detail", lspdoc_text(detail));
  json_array_append_new(list, j);
}

static void lspfeat_indicators(json_t *list, const Model *m) {
  for (int i = 0; i < m->ninds; i++) {
    const Indicator *ind = m->inds[i];
    char *detail = mem_printf("%s%s%s", ind->name, ind->has_unit ? " · " : "",
                              ind->has_unit && ind->unit.text ? ind->unit.text : "");
    lspfeat_item(list, ind->id, CK_VARIABLE, detail);
    mem_free(detail);
  }
}

/* Whether the byte at s starts a character of an id (ASCII letter, digit, '_' or not ASCII). */
static int lspfeat_id_byte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_';
}

json_t *lspfeat_completion(LspDocs *ds, LspDoc *d, int line, int col) {
  (void)ds;
  json_t *list = json_array();
  const Model *m = d->build ? d->build->model : NULL;
  size_t n = 0;
  const char *s = source_line(d->src, line, &n);
  size_t at = s ? utf8_offset(s, n, col - 1) : 0;
  size_t w = at;
  while (w > 0 && lspfeat_id_byte((unsigned char)s[w - 1])) w--;
  if (m && w > 0 && s[w - 1] == '.') { /* alias.: the imported plan's indicators */
    size_t a = w - 1;
    while (a > 0 && lspfeat_id_byte((unsigned char)s[a - 1])) a--;
    for (int i = 0; i < m->nimports; i++) {
      const Import *imp = &m->imports[i];
      if (imp->model && imp->alias && strlen(imp->alias) == w - 1 - a &&
          memcmp(imp->alias, s + a, w - 1 - a) == 0)
        lspfeat_indicators(list, imp->model);
    }
    return json_pack("{s:b, s:o}", "isIncomplete", 0, "items", list);
  }
  if (m) {
    lspfeat_indicators(list, m);
    for (int i = 0; i < m->ncommits; i++)
      if (m->commits[i]->id) lspfeat_item(list, m->commits[i]->id, CK_VALUE, m->commits[i]->desc);
    for (int i = 0; i < m->nclaims; i++)
      if (m->claims[i]->id) lspfeat_item(list, m->claims[i]->id, CK_VALUE, m->claims[i]->label);
    for (int i = 0; i < m->nimports; i++)
      if (m->imports[i].alias) lspfeat_item(list, m->imports[i].alias, CK_MODULE, "import");
    for (const Item *it = m->plan->items; it; it = it->next)
      if (it->kind == IT_UNIT && it->u.unit.name.text)
        lspfeat_item(list, it->u.unit.name.text, CK_UNIT, "unit of this plan");
    if (m->year > 0) {
      char per[16];
      for (int y = m->year - 2; y <= m->year + 1; y++) {
        snprintf(per, sizeof per, "%d", y);
        lspfeat_item(list, per, CK_CONSTANT, y == m->year ? "the plan year" : "period");
      }
    }
  }
#define LSPFEAT_KW(word, what) lspfeat_item(list, word, CK_KEYWORD, what);
  LSPFEAT_KEYWORDS(LSPFEAT_KW)
#undef LSPFEAT_KW
#define LSPFEAT_FN(name, doc) lspfeat_item(list, name, CK_FUNCTION, doc);
  LSPFEAT_FUNCTIONS(LSPFEAT_FN)
#undef LSPFEAT_FN
  for (size_t i = 0; i < sizeof lspfeat_units / sizeof *lspfeat_units; i++)
    lspfeat_item(list, lspfeat_units[i], CK_UNIT, "unit");
  return json_pack("{s:b, s:o}", "isIncomplete", 0, "items", list);
}

/* ---- outline ---- */

enum { SK_MODULE = 2, SK_NAMESPACE = 3, SK_PACKAGE = 4, SK_FUNCTION = 12, SK_VARIABLE = 13,
       SK_CONSTANT = 14, SK_STRING = 15, SK_BOOLEAN = 17, SK_EVENT = 24 };

/* A symbol being built, with where it ends so far (its last descendant's end). */
typedef struct Open {
  json_t *sym;
  Loc range;
} Open;

static json_t *lspfeat_symbol(const char *name, const char *detail, int kind, Source *src,
                              Loc sel) {
  json_t *j = json_pack("{s:o, s:i, s:o, s:[]}", "name",
                        lspdoc_text(name && *name ? name : "(untitled)"), "kind", kind,
                        "selectionRange", lspdoc_range(src, sel), "children");
  if (detail && *detail) json_object_set_new(j, "detail", lspdoc_text(detail));
  return j;
}

/* Close the open symbols deeper than depth: set their ranges. */
static void lspfeat_close(Open *open, int *depth, int to, Source *src) {
  while (*depth > to) {
    Open *o = &open[--*depth];
    json_object_set_new(o->sym, "range", lspdoc_range(src, o->range));
    if (*depth > 0) { /* the parent reaches as far */
      Loc *p = &open[*depth - 1].range;
      p->last_line = o->range.last_line;
      p->last_column = o->range.last_column;
    }
  }
}

json_t *lspfeat_symbols(LspDocs *ds, LspDoc *d) {
  (void)ds;
  json_t *top = json_array();
  const Model *m = d->build ? d->build->model : NULL;
  if (!m) return top;
  Source *src = m->src;
  Open open[4]; /* part, section, task */
  int depth = 0;
  for (const Item *it = m->plan->items; it; it = it->next) {
    json_t *sym = NULL;
    int level = -1; /* the depth it opens at, when it holds others */
    switch (it->kind) {
    case IT_PART:
      sym = lspfeat_symbol(it->u.part.title.text, it->u.part.kind.text, SK_MODULE, src, it->loc);
      level = 0;
      break;
    case IT_SECTION:
      sym = lspfeat_symbol(it->u.str.text.text, NULL, SK_NAMESPACE, src, it->loc);
      level = depth > 0 && json_integer_value(json_object_get(open[0].sym, "kind")) == SK_MODULE
                  ? 1 : 0;
      break;
    case IT_TASK:
      sym = lspfeat_symbol(it->u.task.title.text, "task", SK_FUNCTION, src, it->loc);
      level = depth;
      while (level > 0 && json_integer_value(json_object_get(open[level - 1].sym, "kind")) ==
                              SK_FUNCTION)
        level--;
      break;
    case IT_COMMIT:
      sym = lspfeat_symbol(it->u.commit.id.text ? it->u.commit.id.text : it->u.commit.desc.text,
                           it->u.commit.desc.text, SK_CONSTANT, src,
                           it->u.commit.id.text ? it->u.commit.id.loc : it->loc);
      break;
    case IT_INDICATOR:
      sym = lspfeat_symbol(it->u.ind.id.text, it->u.ind.name.text, SK_VARIABLE, src,
                           it->u.ind.id.loc);
      break;
    case IT_TARGET: {
      char *name = mem_printf("target %s %s", it->u.target.ind.name.text ? it->u.target.ind.name.text : "",
                              it->u.target.period.text ? it->u.target.period.text : "");
      sym = lspfeat_symbol(name, it->u.target.kind.w.text, SK_EVENT, src, it->loc);
      mem_free(name);
      break;
    }
    case IT_CLAIM:
      sym = lspfeat_symbol(it->u.claim.label.text ? it->u.claim.label.text : it->u.claim.id.text,
                           "claim", SK_BOOLEAN, src, it->loc);
      break;
    case IT_IMPORT:
      sym = lspfeat_symbol(it->u.import.alias.text ? it->u.import.alias.text
                                                   : it->u.import.path.text,
                           it->u.import.path.text, SK_PACKAGE, src, it->loc);
      break;
    case IT_PARA:
      if (it->u.para.title.text)
        sym = lspfeat_symbol(it->u.para.title.text, "para", SK_STRING, src, it->loc);
      break;
    default:
      break;
    }
    /* a task's lines belong to it; a commitment or a text line goes on the open task */
    if (!sym) {
      if (depth > 0) open[depth - 1].range.last_line = it->loc.last_line,
                     open[depth - 1].range.last_column = it->loc.last_column;
      continue;
    }
    if (level < 0) { /* a leaf: after a task, only a commitment stays in it */
      int keep = depth;
      if (it->kind != IT_COMMIT)
        while (keep > 0 && json_integer_value(json_object_get(open[keep - 1].sym, "kind")) ==
                               SK_FUNCTION)
          keep--;
      lspfeat_close(open, &depth, keep, src);
      json_object_set_new(sym, "range", lspdoc_range(src, it->loc));
      json_array_append_new(depth > 0 ? json_object_get(open[depth - 1].sym, "children") : top,
                            sym);
      if (depth > 0) open[depth - 1].range.last_line = it->loc.last_line,
                     open[depth - 1].range.last_column = it->loc.last_column;
      continue;
    }
    lspfeat_close(open, &depth, level, src);
    json_array_append_new(depth > 0 ? json_object_get(open[depth - 1].sym, "children") : top,
                          sym);
    open[depth++] = (Open){sym, it->loc};
  }
  lspfeat_close(open, &depth, 0, src);
  return top;
}

/* ---- quick fixes ---- */

json_t *lspfeat_code_actions(LspDocs *ds, LspDoc *d, const json_t *diagnostics) {
  (void)ds;
  json_t *list = json_array();
  size_t i;
  json_t *g;
  if (!json_is_array(diagnostics)) return list;
  json_array_foreach(diagnostics, i, g) {
    const char *code = NULL, *msg = NULL;
    json_t *range = NULL;
    if (json_unpack(g, "{s:o, s:s, s?s}", "range", &range, "message", &msg, "code", &code) < 0)
      continue;
    const char *at = strstr(msg, "did you mean '");
    if (!at || (code && strcmp(code, "C001") != 0)) continue;
    at += strlen("did you mean '");
    const char *end = strchr(at, '\'');
    if (!end || end == at) continue;
    char *name = mem_strndup(at, (size_t)(end - at));
    char *title = mem_printf("Change to '%s'", name);
    json_t *edit = json_pack("{s:{s:[{s:O, s:s}]}}", "changes", d->uri, "range", range,
                             "newText", name);
    json_array_append_new(list, json_pack("{s:s, s:s, s:[O], s:b, s:o}", "title", title, "kind",
                                          "quickfix", "diagnostics", g, "isPreferred", 1,
                                          "edit", edit));
    mem_free(title);
    mem_free(name);
  }
  return list;
}

/* ---- formatting ---- */

int lspfeat_can_format(void) {
  return fmt_plan != NULL;
}

json_t *lspfeat_format(LspDocs *ds, LspDoc *d, const char **why) {
  (void)ds;
  if (!lspfeat_can_format()) {
    *why = "this plc is built without plc fmt";
    return NULL;
  }
  Diags diags;
  diag_init(&diags);
  Arena *arena = arena_new();
  Names *names = names_new(arena);
  Source *src = source_from_string(d->path, d->text, d->n);
  Plan *plan = front_parse(src, arena, names, &diags);
  json_t *edits = NULL;
  if (diags.errors > 0) {
    *why = "the plan has syntax errors: it is formatted once they are fixed";
  } else {
    Buf out = {0};
    fmt_plan(plan, &out);
    buf_add(&out, "");
    edits = json_array();
    if (out.n != d->n || memcmp(out.s, d->text, d->n) != 0) {
      /* the whole text: from its start to the end of its last line */
      int lines = 0;
      size_t last = 0;
      for (size_t i = 0; i < d->n; i++)
        if (d->text[i] == '\n') lines++, last = i + 1;
      size_t rest = d->n - last;
      int end = lsppos_utf16(d->text + last, rest, utf8_cols(d->text + last, rest) + 1);
      json_array_append_new(
          edits, json_pack("{s:{s:{s:i, s:i}, s:{s:i, s:i}}, s:o}", "range", "start", "line", 0,
                           "character", 0, "end", "line", lines, "character", end, "newText",
                           lspdoc_text(out.s)));
    }
    buf_free(&out);
  }
  source_free(src);
  arena_free(arena);
  diag_free(&diags);
  return edits;
}
