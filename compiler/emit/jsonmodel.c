/* jsonmodel.c: the evaluated model as JSON (docs/json.md). Keys come in a fixed order and
   exact numbers are strings, so that the output is deterministic and loses nothing. */
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "runtime/json.h"
#include "runtime/mem.h"
#include "emit/render.h"
#include "emit/jsonmodel.h"

typedef struct J {
  FILE *out;
  int depth;
  int first; /* nothing written yet at this level */
} J;

/* Start a member: a comma unless first, a newline and the indentation, the key. */
static void j_key(J *j, const char *key) {
  if (j->depth > 0 || !j->first) fputs(j->first ? "\n" : ",\n", j->out);
  j->first = 0;
  fprintf(j->out, "%*s", 2 * j->depth, "");
  if (key) {
    json_write_string(j->out, key);
    fputs(": ", j->out);
  }
}

static void j_open(J *j, const char *key, char bracket) {
  j_key(j, key);
  putc(bracket, j->out);
  j->depth++;
  j->first = 1;
}

static void j_close(J *j, char bracket) {
  j->depth--;
  if (!j->first) fprintf(j->out, "\n%*s", 2 * j->depth, "");
  putc(bracket, j->out);
  j->first = 0;
}

static void j_str(J *j, const char *key, const char *s) {
  j_key(j, key);
  json_write_string(j->out, s);
}

static void j_int(J *j, const char *key, long v) {
  j_key(j, key);
  fprintf(j->out, "%ld", v);
}

static void j_bool(J *j, const char *key, int v) {
  j_key(j, key);
  fputs(v ? "true" : "false", j->out);
}

/* An exact number as a string: "6018.30025" (or "p/q" when it does not terminate). */
static void j_exact(J *j, const char *key, const mpq_t q) {
  char *s = dec_exact(q);
  j_str(j, key, s);
  free(s);
}

/* A number rounded half up at places, as a string. */
static void j_shown(J *j, const char *key, const mpq_t q, int places) {
  char *s = dec_format(q, places);
  j_str(j, key, s);
  free(s);
}

static const char *period_text(Period p, char *buf) {
  return period_format(p, buf);
}

static const char *status_name(ValueStatus s) {
  return s == ST_ACTUAL ? "actual" : s == ST_ESTIMATE ? "estimate" : "plan";
}

static const char *form_name(ValueForm f) {
  switch (f) {
  case VF_BOUND: return "figure";
  case VF_CHANGE: return "change";
  case VF_FORMULA: return "formula";
  default: return "qualitative";
  }
}

static void j_figure(J *j, const char *key, const Figure *f, int places) {
  if (!f->known) {
    j_key(j, key);
    fputs("null", j->out);
    return;
  }
  j_open(j, key, '{');
  j_str(j, "relation", words_relation(f->rel));
  if (f->prefix) j_str(j, "prefix", f->prefix);
  if (f->suffix) j_str(j, "suffix", f->suffix);
  j_exact(j, "exact", *f->v);
  j_shown(j, "shown", *f->v, f->text ? f->places : places);
  if (f->text) { /* as written: 1.3 万亿斤 */
    j_str(j, "written", f->text);
    if (f->unit_text) j_str(j, "written_unit", f->unit_text);
  }
  if (f->rel == REL_RANGE) {
    j_exact(j, "exact_high", *f->hi);
    j_shown(j, "shown_high", *f->hi, f->text ? f->places : places);
  }
  j_close(j, '}');
}

static void j_delta(J *j, const char *key, const Delta *d) {
  if (!d->present) return;
  j_open(j, key, '{');
  j_str(j, "direction", words_change(d->dir));
  if (d->word) j_str(j, "word", d->word);
  j_str(j, "unit", d->kind == UK_POINTS ? "个百分点" : "%");
  if (d->times) {
    j_str(j, "written_unit", d->unit);
    j_str(j, "written", d->as_written);
  }
  if (d->dir == CHG_UP || d->dir == CHG_DOWN || d->dir == CHG_ANNUAL)
    j_figure(j, "by", &d->by, d->by.places);
  j_close(j, '}');
}

static int shown_places(const Indicator *ind, const Figure *f) {
  return ind->decimals >= 0 ? ind->decimals : f->places;
}

static void j_indicator(J *j, const Model *m, const Indicator *ind) {
  char pb[12];
  j_open(j, NULL, '{');
  j_str(j, "id", ind->id);
  j_str(j, "name", ind->name);
  j_str(j, "unit", ind->has_unit ? ind->unit.text : NULL);
  j_int(j, "decimals", ind->decimals);
  j_str(j, "category", ind->category);
  j_bool(j, "main", ind->main);
  j_str(j, "basis", words_basis(ind->basis));
  j_str(j, "flow", words_flow(ind->flow));
  j_bool(j, "formula", ind->formula != NULL);
  j_int(j, "line", ind->loc.first_line);
  j_open(j, "values", '[');
  for (int i = 0; i < ind->nvalues; i++) {
    const Value *v = ind->values[i];
    if (v->ind->model != m) continue;
    j_open(j, NULL, '{');
    j_str(j, "period", period_text(v->period, pb));
    j_str(j, "status", status_name(v->status));
    j_str(j, "form", form_name(v->form));
    j_bool(j, "derived", v->derived);
    j_figure(j, "figure", &v->fig, shown_places(ind, &v->fig));
    j_delta(j, "change", &v->delta);
    if (v->text) j_str(j, "text", v->text);
    j_str(j, "basis", words_basis(v->basis));
    j_str(j, "flow", words_flow(v->flow));
    j_int(j, "line", v->loc.first_line);
    j_close(j, '}');
  }
  j_close(j, ']');
  j_close(j, '}');
}

/* A verdict: its status (none = 数据暂缺), the figure judged and its standing, and the
   measure: achieved change, gap in points, completion rate. */
static void j_verdict(J *j, const char *key, const Verdict *v) {
  static const char *const execs[] = {[EXEC_NONE] = "none", [EXEC_MET] = "met",
                                      [EXEC_NOT_MET] = "not met",
                                      [EXEC_QUALITATIVE] = "qualitative",
                                      [EXEC_PARTLY] = "partly met"};
  j_open(j, key, '{');
  j_str(j, "status", execs[v->status]);
  if (v->nominal) j_bool(j, "at_current_prices", 1);
  if (v->actual) j_str(j, "standing", words_status(v->actual->status));
  if (v->actual && v->actual->fig.known) j_exact(j, "actual", *v->actual->fig.v);
  if (v->has_achieved) j_exact(j, "achieved", *v->achieved);
  if (v->other) {
    j_str(j, "other", v->other->ind->id);
    j_exact(j, "other_change", *v->other_change);
  }
  if (v->has_gap) j_shown(j, v->gap_in_unit ? "gap" : "gap_points", *v->gap, 2);
  if (v->has_completion) {
    mpq_t pct;
    mpq_init(pct);
    mpq_set_ui(pct, 100, 1);
    mpq_mul(pct, pct, *v->completion);
    j_shown(j, "completion_percent", pct, 1);
    mpq_clear(pct);
  }
  j_close(j, '}');
}

static void j_target(J *j, const Target *t, int imported) {
  char pb[12];
  int places = t->ind->decimals >= 0 ? t->ind->decimals : 2;
  j_open(j, NULL, '{');
  j_str(j, "indicator", t->ind->id);
  j_str(j, "period", period_text(t->period, pb));
  j_str(j, "kind", words_target_kind(t->kind));
  j_str(j, "form", form_name(t->form));
  if (t->form == VF_BOUND) j_figure(j, "figure", &t->fig, places);
  j_delta(j, "change", &t->delta);
  if (t->text) j_str(j, "text", t->text);
  j_str(j, "basis", words_basis(t->basis));
  if (t->direction) j_str(j, "direction", words_direction(t->direction));
  if (t->with) {
    j_str(j, "with", t->with->id);
    j_str(j, "sync", words_relation(t->sync));
  }
  if (t->has_from) j_str(j, "from", period_text(t->from, pb));
  if (t->cumulative) j_bool(j, "cumulative", 1);
  if (t->base && t->base->fig.known) {
    j_open(j, "base", '{');
    j_str(j, "period", period_text(t->base->period, pb));
    j_exact(j, "exact", *t->base->fig.v);
    j_close(j, '}');
  }
  j_figure(j, "implied", &t->implied, places);
  if (!t->implied.known) j_str(j, "why_not", t->why_not);
  j_verdict(j, "execution", &t->v);
  if (t->has_stretch) {
    j_open(j, "stretch", '{');
    if (t->stretch->delta.present) j_delta(j, "change", &t->stretch->delta);
    else j_figure(j, "figure", &t->stretch->fig, places);
    j_figure(j, "implied", &t->stretch->implied, places);
    j_verdict(j, "execution", &t->stretch->v);
    j_close(j, '}');
  }
  if (imported) j_str(j, "file", t->model->path);
  j_int(j, "line", t->loc.first_line);
  j_close(j, '}');
}

static void j_claim(J *j, const Claim *c) {
  char pb[12];
  static const char *const verdicts[] = {"match", "rounding", "mismatch", "unknown"};
  j_open(j, NULL, '{');
  j_str(j, "id", c->id);
  j_str(j, "label", c->label);
  j_str(j, "period", period_text(c->period, pb));
  j_str(j, "unit", c->unit.text);
  j_figure(j, "stated", &c->stated, c->stated.places);
  if (c->verdict != CLAIM_UNKNOWN) {
    j_open(j, "computed", '{');
    j_exact(j, "exact", *c->computed);
    j_shown(j, "shown", *c->computed, c->stated.places);
    j_shown(j, "low", *c->lo, c->stated.places + 2);
    j_shown(j, "high", *c->hi, c->stated.places + 2);
    j_close(j, '}');
  }
  j_str(j, "verdict", verdicts[c->verdict]);
  j_int(j, "line", c->loc.first_line);
  j_close(j, '}');
}

static void j_commit(J *j, const Commit *c) {
  j_open(j, NULL, '{');
  j_str(j, "id", c->id);
  j_str(j, "what", c->desc);
  j_str(j, "form", form_name(c->form));
  if (c->form == VF_BOUND) j_figure(j, "figure", &c->fig, c->fig.places);
  j_delta(j, "change", &c->delta);
  j_str(j, "unit", c->has_unit ? c->unit.text : NULL);
  j_str(j, "indicator", c->ind ? c->ind->id : NULL);
  j_str(j, "lead", c->lead);
  j_str(j, "due", c->due);
  j_int(j, "line", c->loc.first_line);
  j_close(j, '}');
}

void jsonmodel_write(const Model *m, FILE *out) {
  J j = {out, 0, 1};
  j_open(&j, NULL, '{');
  j_int(&j, "schema", 1);
  j_str(&j, "file", m->path);
  j_open(&j, "header", '{');
  j_str(&j, "title", m->title);
  j_str(&j, "region", m->region);
  j_int(&j, "year", m->year);
  j_int(&j, "base", m->base);
  j_str(&j, "date", m->date);
  j_str(&j, "status", m->status ? words_doc_status_zh(m->status) : NULL);
  j_close(&j, '}');
  j_open(&j, "imports", '[');
  for (int i = 0; i < m->nimports; i++) {
    j_open(&j, NULL, '{');
    j_str(&j, "alias", m->imports[i].alias);
    j_str(&j, "file", m->imports[i].path);
    j_bool(&j, "loaded", m->imports[i].model != NULL);
    j_close(&j, '}');
  }
  j_close(&j, ']');
  j_open(&j, "units", '[');
  for (int i = 0; i < m->nunitdecls; i++) {
    const UnitDecl *u = m->unitdecls[i];
    j_open(&j, NULL, '{');
    j_str(&j, "name", u->name);
    if (u->factor) {
      j_str(&j, "factor", u->factor);
      j_str(&j, "of", u->of);
    }
    j_close(&j, '}');
  }
  j_close(&j, ']');
  j_open(&j, "indicators", '[');
  for (int i = 0; i < m->ninds; i++) j_indicator(&j, m, m->inds[i]);
  j_close(&j, ']');
  j_open(&j, "targets", '[');
  for (int i = 0; i < m->ntargets; i++) j_target(&j, m->targets[i], 0);
  j_close(&j, ']');
  j_open(&j, "execution", '[');
  for (int i = 0; i < m->nreviewed; i++) j_target(&j, m->reviewed[i], 1);
  j_close(&j, ']');
  j_open(&j, "claims", '[');
  for (int i = 0; i < m->nclaims; i++) j_claim(&j, m->claims[i]);
  j_close(&j, ']');
  j_open(&j, "tasks", '[');
  for (int i = 0; i < m->ntasks; i++) {
    const Task *t = m->tasks[i];
    j_open(&j, NULL, '{');
    j_int(&j, "number", t->number);
    j_str(&j, "section", t->section);
    j_str(&j, "title", t->title);
    j_str(&j, "lead", t->lead);
    j_str(&j, "due", t->due);
    j_open(&j, "commitments", '[');
    for (int k = 0; k < t->ncommits; k++) j_commit(&j, t->commits[k]);
    j_close(&j, ']');
    j_close(&j, '}');
  }
  j_close(&j, ']');
  j_open(&j, "placeholders", '[');
  for (int i = 0; i < m->nfilled; i++) {
    const Filled *f = m->filled[i];
    j_open(&j, NULL, '{');
    j_int(&j, "line", f->loc.first_line);
    j_int(&j, "column", f->loc.first_column);
    if (f->known) { /* as the report prints it standing alone: a decline reads 下降 */
      char *words = render_filled(f);
      j_str(&j, "words", words);
      mem_free(words);
    }
    if (f->commit) {
      j_str(&j, "commitment", f->commit->id);
    } else if (f->claim) {
      j_str(&j, "claim", f->claim->id);
    } else if (f->delta) {
      j_delta(&j, "change", f->delta);
    } else if (f->text) {
      j_str(&j, "text", f->text);
    } else if (f->known) {
      j_str(&j, "relation", words_relation(f->rel));
      j_exact(&j, "exact", *f->v);
      j_shown(&j, "shown", *f->v, f->decimals);
      j_str(&j, "unit", f->unit.text);
    }
    j_close(&j, '}');
  }
  j_close(&j, ']');
  j_key(&j, "diagnostics");
  diag_print_json(m->diags, out);
  j_close(&j, '}');
  fputs("\n", out);
}
