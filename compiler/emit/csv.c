/* csv.c: the CSV back end. Every field is quoted when it holds a comma, a quote or a line
   break (quotes doubled), as RFC 4180 has it; a number column holds a plain decimal (the
   figure in its indicator's unit, at its shown places) or nothing, and the words around
   a figure (约, 左右, 下降…) go to a text column beside it. */
#include "emit/csv.h"

#include <stdio.h>
#include <string.h>

#include "runtime/arena.h"
#include "runtime/buf.h"
#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "runtime/table.h"
#include "emit/output.h"
#include "emit/render.h"

/* One field, quoted when it must be; a comma before it unless it opens the line. */
static void field(Buf *b, int first, const char *s) {
  if (!first) buf_add(b, ",");
  if (!s) return;
  if (!strpbrk(s, ",\"\r\n")) {
    buf_add(b, s);
    return;
  }
  buf_add(b, "\"");
  for (const char *p = s; *p; p++) {
    if (*p == '"') buf_add(b, "\"");
    buf_addn(b, p, 1);
  }
  buf_add(b, "\"");
}

/* A field made by the caller, freed here. */
static void field_own(Buf *b, int first, char *s) {
  field(b, first, s);
  mem_free(s);
}

static void end_line(Buf *b) { buf_add(b, "\r\n"); }

/* A figure's number at `places` (its written places when negative), or NULL. */
static char *number(const Figure *f, int places) {
  if (!f->known || f->rel == REL_RANGE) return NULL;
  return dec_format(*f->v, places >= 0 ? places : f->places);
}

/* A target's change as a signed number (−3.5 for 下降3.5%, 0 for 持平), or NULL. */
static char *change(const Delta *d) {
  if (!d->present) return NULL;
  if (d->dir == CHG_FLAT) return mem_strdup("0");
  if (d->dir == CHG_DOUBLED) return mem_strdup("100");
  if (!d->by.known || d->by.rel == REL_RANGE) return NULL;
  char *n = dec_format(*d->by.v, d->by.places);
  if (d->dir != CHG_DOWN) return n;
  char *s = mem_printf("-%s", n);
  mem_free(n);
  return s;
}

char *csv_main(const Model *m) {
  Buf b = {0};
  buf_add(&b, "\xEF\xBB\xBF");
  char base[32], base_status[32], base_text[32], target[32], implied[32];
  snprintf(base, sizeof base, "%d年", m->base);
  snprintf(base_status, sizeof base_status, "%d年状态", m->base);
  snprintf(base_text, sizeof base_text, "%d年原文", m->base);
  snprintf(target, sizeof target, "%d年目标", m->year);
  snprintf(implied, sizeof implied, "%d年目标值", m->year);
  const char *head[] = {"指标", "单位", base, base_status, base_text, target, "目标增减",
                        "增减单位", implied, "约数", "价格口径", "类型"};
  for (size_t c = 0; c < sizeof head / sizeof *head; c++) field(&b, c == 0, head[c]);
  end_line(&b);
  for (int i = 0; i < m->ntargets; i++) {
    const Target *t = m->targets[i];
    const Indicator *ind = t->ind;
    const Value *v = t->prior;
    field(&b, 1, ind->name);
    field(&b, 0, ind->has_unit ? ind->unit.text : "");
    field_own(&b, 0, v ? number(&v->fig, ind->decimals) : NULL);
    field(&b, 0, v ? words_status_zh(v->status) : "");
    field_own(&b, 0, v ? render_value(v) : NULL);
    field_own(&b, 0, render_target(t));
    field_own(&b, 0, t->form == VF_CHANGE ? change(&t->delta) : NULL);
    const char *unit = "";
    if (t->form == VF_CHANGE && t->delta.present && t->delta.dir != CHG_FLAT)
      unit = t->delta.kind == UK_POINTS ? "个百分点" : "%";
    field(&b, 0, unit);
    field_own(&b, 0, t->implied.known ? number(&t->implied, ind->decimals >= 0 ? ind->decimals
                                                                                : 2)
                                      : NULL);
    field(&b, 0, t->implied.known && t->implied.rel == REL_ABOUT ? "约" : "");
    field(&b, 0, t->implied.known ? words_basis_zh(t->basis) : "");
    field(&b, 0, words_target_kind_zh(t->kind));
    end_line(&b);
  }
  return buf_take(&b);
}

/* The indicator an id names, as this plan sees it (its own, else an import's). */
static const Indicator *indicator(const Model *m, const char *id) {
  const Indicator *ind = model_indicator(m, id);
  for (int i = 0; !ind && i < m->nimports; i++)
    if (m->imports[i].model) ind = model_indicator(m->imports[i].model, id);
  return ind;
}

/* The rows of one indicator: one per value, in period order. */
static void series_rows(Buf *b, const Indicator *ind) {
  for (int k = 0; k < ind->nvalues; k++) {
    const Value *v = ind->values[k];
    char period[16], *label;
    period_format(v->period, period);
    label = v->period.kind == 'Y' ? mem_printf("%s年", period) : mem_strdup(period);
    field(b, 1, ind->name);
    field(b, 0, ind->id);
    field(b, 0, ind->has_unit ? ind->unit.text : "");
    field(b, 0, ind->category ? ind->category : "");
    field_own(b, 0, label);
    field(b, 0, words_status_zh(v->status));
    field_own(b, 0, number(&v->fig, ind->decimals));
    field_own(b, 0, render_value(v));
    end_line(b);
  }
}

char *csv_series(const Model *m) {
  Buf b = {0};
  buf_add(&b, "\xEF\xBB\xBF");
  const char *head[] = {"指标", "代码", "单位", "类别", "时期", "状态", "数值", "原文"};
  for (size_t c = 0; c < sizeof head / sizeof *head; c++) field(&b, c == 0, head[c]);
  end_line(&b);
  /* the imports' indicators first, as the workbook orders them; each id once */
  Arena *arena = arena_new();
  Table *seen = table_new(arena);
  for (int pass = 0; pass <= m->nimports; pass++) {
    const Model *src = pass < m->nimports ? m->imports[pass].model : m;
    for (int i = 0; src && i < src->ninds; i++) {
      const char *id = src->inds[i]->id;
      if (table_get(seen, id)) continue;
      table_put(seen, id, (void *)1);
      series_rows(&b, indicator(m, id));
    }
  }
  arena_free(arena);
  return buf_take(&b);
}

char *csv_series_path(const char *path) {
  size_t n = strlen(path);
  if (n > 4 && strcmp(path + n - 4, ".csv") == 0) n -= 4;
  return mem_printf("%.*s-series.csv", (int)n, path);
}

int csv_write(const Model *m, const char *path, char *err, size_t errn) {
  char *main_text = csv_main(m), *series_text = csv_series(m);
  char *series = csv_series_path(path);
  const char *failed = path;
  int rc = output_write(path, main_text, strlen(main_text), err, errn);
  if (rc == 0) {
    failed = series;
    rc = output_write(series, series_text, strlen(series_text), err, errn);
  }
  if (rc != 0) { /* say which output failed, then why */
    char *why = mem_strdup(err);
    snprintf(err, errn, "cannot write %s: %s", failed, why);
    mem_free(why);
  }
  mem_free(series);
  mem_free(main_text);
  mem_free(series_text);
  return rc;
}
