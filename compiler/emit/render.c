/* render.c: figures, changes and prose in the report's words. */
#include "emit/render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/decimal.h"
#include "runtime/mem.h"

/* Add a number rounded half up at places, and free it. */
static void buf_number(Buf *b, const mpq_t q, int places) {
  char *s = dec_format(q, places);
  buf_add(b, s);
  free(s);
}

static char *buf_done(Buf *b) {
  if (!b->s) buf_add(b, "");
  return buf_take(b);
}

char *render_figure(const Figure *f, const char *unit, int decimals) {
  Buf b = {0};
  if (!f->known) return buf_done(&b);
  int places = decimals >= 0 ? decimals : f->places;
  buf_add(&b, f->prefix);
  buf_number(&b, *f->v, places);
  if (f->rel == REL_RANGE) {
    buf_add(&b, "—");
    buf_number(&b, *f->hi, places);
  }
  buf_add(&b, unit);
  buf_add(&b, f->suffix);
  return buf_done(&b);
}

char *render_delta(const Delta *d, int with_word) {
  Buf b = {0};
  if (with_word) buf_add(&b, d->word);
  if (d->dir == CHG_UP || d->dir == CHG_DOWN || d->dir == CHG_ANNUAL) {
    buf_add(&b, d->by.prefix);
    if (d->as_written) buf_add(&b, d->as_written);
    else buf_number(&b, *d->by.v, d->by.places);
    if (d->by.rel == REL_RANGE) {
      buf_add(&b, "—");
      buf_number(&b, *d->by.hi, d->by.places);
    }
    buf_add(&b, d->unit ? d->unit : d->kind == UK_POINTS ? "个百分点" : "%");
    buf_add(&b, d->by.suffix);
  }
  return buf_done(&b);
}

char *render_value(const Value *v) {
  Buf b = {0};
  buf_add(&b, v->verb);
  if (v->form == VF_QUALITATIVE) {
    buf_add(&b, v->text);
  } else if (v->fig.known) {
    char *s = render_figure(&v->fig, v->ind->has_unit ? v->ind->unit.text : NULL,
                            v->ind->decimals);
    buf_add(&b, s);
    free(s);
  } else if (v->delta.present) {
    char *s = render_delta(&v->delta, 1);
    buf_add(&b, s);
    free(s);
  }
  return buf_done(&b);
}

char *render_target(const Target *t) {
  if (t->form == VF_QUALITATIVE) return mem_strdup(t->text);
  if (t->form == VF_RELATION)
    return mem_printf("与%s增长%s", t->with->name, t->sync == REL_ABOUT ? "基本同步" : "同步");
  const char *unit = t->ind->has_unit ? t->ind->unit.text : NULL;
  Buf b = {0};
  if (t->cumulative) buf_add(&b, "累计");
  char *s = t->form == VF_CHANGE ? render_delta(&t->delta, 1)
                                 : render_figure(&t->fig, unit, t->fig.places);
  buf_add(&b, s);
  mem_free(s);
  if (t->has_stretch) {
    s = t->stretch_delta.present ? render_delta(&t->stretch_delta, 1)
                                 : render_figure(&t->stretch, unit, t->stretch.places);
    buf_printf(&b, "，力争%s", s);
    mem_free(s);
  }
  return buf_done(&b);
}

char *render_filled(const Filled *f) {
  if (!f->known) return mem_strdup("");
  if (f->text) return mem_strdup(f->text);
  if (f->delta) return render_delta(f->delta, 0);
  if (f->claim) return render_figure(&f->claim->stated, f->claim->unit.text, -1);
  if (f->commit) return render_commit(f->commit);
  Figure fig = {.known = 1, .rel = f->rel, .v = f->v, .hi = f->v, .places = f->decimals};
  if (f->figure) {
    fig.prefix = f->figure->prefix;
    fig.suffix = f->figure->suffix;
  }
  return render_figure(&fig, f->unit.text, f->decimals);
}

char *render_commit(const Commit *c) {
  if (c->form == VF_CHANGE) return render_delta(&c->delta, 1);
  return render_figure(&c->fig, c->has_unit ? c->unit.text : NULL, -1);
}

char *render_line(const Line *l) {
  Buf b = {0};
  for (int i = 0; i < l->npieces; i++) {
    const Piece *pc = &l->pieces[i];
    if (pc->text) {
      buf_add(&b, pc->text);
      continue;
    }
    char *s = render_filled(pc->filled);
    buf_add(&b, s);
    mem_free(s);
  }
  char *s = buf_done(&b);
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) s[--n] = '\0';
  return s;
}

const char *render_chinese_number(int n, char *buf) {
  static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  buf[0] = '\0';
  if (n <= 0 || n >= 100) {
    snprintf(buf, 16, "%d", n);
    return buf;
  }
  if (n >= 20) strcat(buf, digits[n / 10]);
  if (n >= 10) strcat(buf, "十");
  if (n % 10 || n < 10) strcat(buf, digits[n % 10]);
  return buf;
}

char *render_chinese_date(const char *date) {
  static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  int y = 0, mo = 0, d = 0;
  if (!date || sscanf(date, "%d-%d-%d", &y, &mo, &d) < 2 || y < 1000 || y > 9999 || mo < 1 ||
      mo > 12)
    return mem_strdup(date ? date : "");
  Buf b = {0};
  char num[16];
  for (int div = 1000; div > 0; div /= 10) buf_add(&b, digits[(y / div) % 10]);
  buf_add(&b, "年");
  buf_add(&b, render_chinese_number(mo, num));
  buf_add(&b, "月");
  if (d > 0 && d <= 31) {
    buf_add(&b, render_chinese_number(d, num));
    buf_add(&b, "日");
  }
  return buf_done(&b);
}

/* ---- verdicts: how a target did, in the words of an execution table ---- */

const char *render_exec(ExecStatus s) {
  static const char *const words[] = {[EXEC_NONE] = "数据暂缺", [EXEC_MET] = "完成",
                                      [EXEC_NOT_MET] = "未完成", [EXEC_QUALITATIVE] = "定性目标",
                                      [EXEC_PARTLY] = "基本完成"};
  return words[s];
}

char *render_verdict(const Verdict *v) {
  return mem_printf("%s%s", render_exec(v->status),
                    v->nominal && v->status != EXEC_NONE ? "（按现价测算）" : "");
}

/* A signed amount with its words: 高于目标0.2个百分点 / 低于目标0.5个百分点 / 与目标持平. */
static char *render_gap(const mpq_t gap, int places, const char *unit) {
  if (mpq_sgn(gap) == 0) return mem_strdup("与目标持平");
  mpq_t a;
  mpq_init(a);
  mpq_abs(a, gap);
  char *n = dec_format(a, places), *s = mem_printf("%s目标%s%s", mpq_sgn(gap) > 0 ? "高于" : "低于", n, unit);
  free(n);
  mpq_clear(a);
  return s;
}

char *render_measure(const Target *t, const Verdict *v) {
  if (v->has_gap && (t->form == VF_CHANGE || !v->has_completion)) {
    int places = t->delta.present ? t->delta.by.places : t->fig.places;
    if (places < 1) places = 1;
    if (t->delta.present && t->delta.dir == CHG_DOWN) { /* a decline: more is better */
      if (mpq_sgn(*v->gap) == 0) return mem_strdup("与目标持平");
      mpq_t a;
      mpq_init(a);
      mpq_abs(a, *v->gap);
      char *n = dec_format(a, places);
      char *s = mem_printf("%s%s个百分点", mpq_sgn(*v->gap) < 0 ? "多降" : "少降", n);
      free(n);
      mpq_clear(a);
      return s;
    }
    return render_gap(*v->gap, places, "个百分点");
  }
  if (v->has_gap && v->gap_in_unit) /* a ceiling on an amount: how far from it */
    return render_gap(*v->gap, t->ind->decimals >= 0 ? t->ind->decimals : t->fig.places,
                      t->ind->has_unit ? t->ind->unit.text : "");
  if (v->has_completion) {
    mpq_t pct;
    mpq_init(pct);
    mpq_set_ui(pct, 100, 1);
    mpq_mul(pct, pct, *v->completion);
    char *s = dec_format(pct, 1), *out = mem_printf("完成率%s%%", s);
    free(s);
    mpq_clear(pct);
    return out;
  }
  return mem_strdup("—");
}

/* A signed change: 增长6.2%, 下降4.0%, 持平; an amount 增加1100亿元, 减少20元. */
static char *render_signed(const mpq_t x, int places, const char *unit, int amount) {
  if (mpq_sgn(x) == 0) return mem_strdup("持平");
  mpq_t a;
  mpq_init(a);
  mpq_abs(a, x);
  const char *word = mpq_sgn(x) > 0 ? (amount ? "增加" : "增长") : (amount ? "减少" : "下降");
  char *n = dec_format(a, places), *s = mem_printf("%s%s%s", word, n, unit);
  free(n);
  mpq_clear(a);
  return s;
}

char *render_implied(const Target *t, const Figure *implied, int with_unit) {
  if (!implied->known) return mem_strdup("—");
  char *fig = render_figure(implied, with_unit && t->ind->has_unit ? t->ind->unit.text : NULL,
                            t->ind->decimals);
  const char *about = implied->rel == REL_ABOUT ? "约" : "";
  const char *basis = words_basis_zh(t->basis);
  char *s = mem_printf("%s%s%s%s%s", about, fig, *basis ? "（" : "", basis, *basis ? "）" : "");
  mem_free(fig);
  return s;
}

char *render_achieved(const Target *t, const Verdict *v) {
  if (!v->actual) return mem_strdup("—");
  Buf b = {0};
  const Delta *d = &t->delta;
  if (v->has_achieved && t->form == VF_RELATION) {
    char *x = render_signed(*v->achieved, 1, "%", 0), *y = render_signed(*v->other_change, 1, "%", 0);
    buf_printf(&b, "%s（%s%s）", x, v->other->ind->name, y);
    mem_free(x);
    mem_free(y);
  } else if (v->has_achieved && t->cumulative) {
    char *x = render_figure(&(Figure){.known = 1, .v = v->achieved, .hi = v->achieved},
                            t->ind->has_unit ? t->ind->unit.text : NULL, t->ind->decimals);
    buf_printf(&b, "累计%s", x);
    mem_free(x);
  } else if (v->has_achieved && d->present) {
    int places = d->by.places > 0 ? d->by.places : 1;
    const char *unit = d->kind == UK_POINTS ? "个百分点" : d->kind == UK_PLAIN && t->ind->has_unit
                                                              ? t->ind->unit.text : "%";
    int shown = d->kind == UK_PLAIN && t->ind->decimals >= 0 ? t->ind->decimals : places;
    char *x = render_signed(*v->achieved, shown, unit, d->kind == UK_PLAIN);
    if (v->nominal) buf_add(&b, "现价"); /* a nominal growth, not the real one asked for */
    buf_add(&b, x);
    mem_free(x);
  } else {
    char *x = render_value(v->actual);
    buf_add(&b, x);
    mem_free(x);
  }
  if (v->actual->status != ST_ACTUAL) buf_printf(&b, "（%s）", words_status_zh(v->actual->status));
  return buf_done(&b);
}
