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

/* Units that count things: their figures get no decimal places unless the indicator
   declares some (283家, not 283.00家). A magnitude makes places meaningful (0.6万套). */
static int render_is_count(const char *unit) {
  static const char *const counts[] = {
      "家", "个", "项", "套", "张", "座", "栋", "人次", "名", "条", "宗", "件", "场", "场次",
      "所", "次", "间", "位", "辆", "台", "架", "只", "棵", "株", "处", "批", "种", "类",
      "款", "人", "户", "床", "幢", "部", "路", "段", "片", "镇", "村", "街区", "根", "盏",
      "口", "篇", "本", "单", "宗次", "人年"};
  for (size_t i = 0; unit && i < sizeof counts / sizeof *counts; i++)
    if (strcmp(unit, counts[i]) == 0) return 1;
  return 0;
}

/* The Chinese words of the closed sets, for a word the author spelled in English. */
#define RENDER_ZH(e, name, zh) zh,
static const char *const render_change_zh[] = {WORDS_CHANGES(RENDER_ZH)};
static const char *const render_relation_zh[] = {WORDS_RELATIONS(RENDER_ZH)};
#undef RENDER_ZH

/* A word as the report prints it: as written, or its Chinese word when the author used the
   English spelling (up → 增长, about → 约, reach → 达到). */
static const char *render_word(const char *written, const char *zh) {
  if (!written || (unsigned char)written[0] >= 0x80) return written;
  return zh && *zh ? zh : "达到";
}

int render_places(const char *unit, int decimals, int places) {
  if (decimals >= 0) return decimals;
  return render_is_count(unit) ? 0 : places;
}

char *render_figure(const Figure *f, const char *unit, int decimals) {
  Buf b = {0};
  if (!f->known) return buf_done(&b);
  buf_add(&b, render_word(f->prefix, render_relation_zh[f->rel]));
  if (f->text && unit) { /* written: as the author wrote it, 1.3万亿斤, 0.6万套, 400亿元 */
    buf_add(&b, f->text);
    if (f->rel == REL_RANGE) {
      buf_add(&b, "—");
      buf_add(&b, f->hi_text);
    }
    buf_add(&b, f->unit_text ? f->unit_text : unit);
  } else {
    /* computed, or a written figure in a table's column unit: at its own places there */
    int places = f->text ? f->places : render_places(unit, decimals, f->places);
    buf_number(&b, *f->v, places);
    if (f->rel == REL_RANGE) {
      buf_add(&b, "—");
      buf_number(&b, *f->hi, places);
    }
    buf_add(&b, unit);
  }
  buf_add(&b, f->suffix);
  return buf_done(&b);
}

/* Whether the author wrote the change's figure with its own sign (增长-2.0%). */
static int render_signed_as_written(const Delta *d) {
  return d->as_written && d->as_written[0] == '-';
}

/* A change's amount, without its word: 5.5%左右, 2个百分点, 10倍; a number written with its
   sign keeps it (-2.0%). With magnitude, the amount without any sign. */
static void render_amount(Buf *b, const Delta *d, int magnitude) {
  buf_add(b, render_word(d->by.prefix, render_relation_zh[d->by.rel]));
  const char *w = d->as_written;
  if (w && magnitude && w[0] == '-') w++;
  if (w) buf_add(b, w);
  else buf_number(b, *d->by.v, d->by.places);
  if (d->by.rel == REL_RANGE) {
    buf_add(b, "—");
    if (d->by.hi_text) buf_add(b, magnitude && d->by.hi_text[0] == '-' ? d->by.hi_text + 1 : d->by.hi_text);
    else buf_number(b, *d->by.hi, d->by.places);
  }
  buf_add(b, d->unit ? d->unit : d->kind == UK_POINTS ? "个百分点" : "%");
  buf_add(b, d->by.suffix);
}

/* Whether a change has an amount (增长5%, 年均增长5%), not only a word (持平, 负增长). */
static int render_has_amount(const Delta *d) {
  return d->dir == CHG_UP || d->dir == CHG_DOWN || d->dir == CHG_ANNUAL;
}

char *render_delta(const Delta *d, int with_word) {
  Buf b = {0};
  const char *word = render_word(d->word, render_change_zh[d->dir]);
  if (with_word || (d->dir != CHG_UP && d->dir != CHG_DOWN)) buf_add(&b, word);
  else if (d->dir == CHG_DOWN) buf_add(&b, render_signed_as_written(d) ? word : "下降");
  if (render_has_amount(d)) render_amount(&b, d, 0);
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
    s = render_stretch(t);
    buf_printf(&b, "，力争%s", s);
    mem_free(s);
  }
  return buf_done(&b);
}

char *render_stretch(const Target *t) {
  const Stretch *st = t->stretch;
  if (st->delta.present) return render_delta(&st->delta, 1);
  return render_figure(&st->fig, t->ind->has_unit ? t->ind->unit.text : NULL, st->fig.places);
}

/* Whether a placeholder is a change: a change the source states, or a computed growth. */
static int render_is_change(const Filled *f) {
  if (f->delta) return 1;
  const Formula *e = f->formula;
  return f->known && !f->text && !f->claim && !f->commit && e && e->op == FX_CALL &&
         (e->fn == FN_GROWTH || e->fn == FN_CHAIN);
}

/* A placeholder's figure (not a change): as written when it is a value's own figure, else
   computed at its places. */
static char *render_filled_figure(const Filled *f, int magnitude) {
  if (f->figure && f->figure->text && f->unit.text) return render_figure(f->figure, f->unit.text, -1);
  Figure fig = {.known = 1, .rel = f->rel, .v = f->v, .hi = f->v, .places = f->decimals};
  mpq_t abs;
  mpq_init(abs);
  if (magnitude) {
    mpq_abs(abs, *f->v);
    fig.v = fig.hi = &abs;
  }
  if (f->figure) {
    fig.prefix = f->figure->prefix;
    fig.suffix = f->figure->suffix;
  }
  char *s = render_figure(&fig, f->unit.text,
                          render_is_count(f->unit.text) && !f->figure ? 0 : f->decimals);
  mpq_clear(abs);
  return s;
}

/* The sign of a change placeholder: -1 a decline, 1 a rise, 0 neither (持平, 翻番, or the
   author wrote the sign himself). */
static int render_sign(const Filled *f) {
  if (f->delta) {
    if (render_signed_as_written(f->delta)) return 0;
    return f->delta->dir == CHG_DOWN ? -1 : f->delta->dir == CHG_UP ? 1 : 0;
  }
  return mpq_sgn(*f->v) < 0 ? -1 : 1;
}

char *render_filled(const Filled *f) {
  if (!f->known) return mem_strdup("");
  if (f->text) return mem_strdup(f->text);
  if (f->delta) return render_delta(f->delta, 0);
  if (f->claim) return render_figure(&f->claim->stated, f->claim->unit.text, -1);
  if (f->commit) return render_commit(f->commit);
  if (render_is_change(f) && render_sign(f) < 0) { /* a computed decline: 下降76.2% */
    char *amount = render_filled_figure(f, 1);
    char *s = mem_printf("下降%s", amount);
    mem_free(amount);
    return s;
  }
  return render_filled_figure(f, 0);
}

/* The change words prose may put before a change, and the word of the other direction. */
static const char *const render_change_words[][2] = {
    {"增长", "下降"}, {"上涨", "下降"}, {"提高", "降低"}, {"提升", "下降"}, {"增加", "减少"},
    {"下降", "增长"}, {"降低", "提高"}, {"减少", "增加"}, {"回落", "回升"}};
#define RENDER_UP_WORDS 5

/* The change word the prose ends with (an index of render_change_words), or -1. */
static int render_word_before(const Buf *b) {
  size_t n = b->s ? strlen(b->s) : 0;
  int word = -1;
  for (int i = 0; i < (int)(sizeof render_change_words / sizeof *render_change_words); i++) {
    size_t k = strlen(render_change_words[i][0]);
    if (n >= k && strcmp(b->s + n - k, render_change_words[i][0]) == 0) word = i;
  }
  return word;
}

/* A change placeholder after prose: the word before it follows the sign (社零增长{growth(x)}
   reads 社零下降2.0% for a decline), and the amount is shown without a sign. */
static void render_change_after(Buf *b, const Filled *f) {
  int sign = render_sign(f);
  const Delta *d = f->delta;
  size_t n = b->s ? strlen(b->s) : 0;
  int word = render_word_before(b);
  if (sign == 0 || (d && d->dir != CHG_UP && d->dir != CHG_DOWN)) {
    if (word >= 0 && d && !render_has_amount(d)) { /* 增长{持平} → 持平 */
      b->s[n - strlen(render_change_words[word][0])] = '\0';
      b->n = strlen(b->s);
    }
    char *s = render_filled(f);
    buf_add(b, s);
    mem_free(s);
    return;
  }
  const char *say = sign < 0 ? "下降" : NULL;
  if (word >= 0) {
    int up = word < RENDER_UP_WORDS;
    b->s[n - strlen(render_change_words[word][0])] = '\0';
    b->n = strlen(b->s);
    say = (sign > 0) == up ? render_change_words[word][0] : render_change_words[word][1];
  }
  buf_add(b, say);
  if (d) {
    render_amount(b, d, 1);
  } else {
    char *s = render_filled_figure(f, 1);
    buf_add(b, s);
    mem_free(s);
  }
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
    const Filled *f = pc->filled;
    int figure = f->known && !f->text && !f->claim && !f->commit && !f->delta;
    if (render_is_change(f) ||
        (figure && mpq_sgn(*f->v) < 0 && render_word_before(&b) >= 0)) { /* 增加{x - prev(x)} */
      render_change_after(&b, f);
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
/* A signed amount as words: its size after the word for its sign (up or down), then the
   unit; `zero` when it is 0. 增长6.2%, 下降4.0%, 高于目标0.2个百分点, 多降0.5个百分点. */
static char *render_sign_words(const mpq_t x, int places, const char *up, const char *down,
                               const char *unit, const char *zero) {
  if (mpq_sgn(x) == 0) return mem_strdup(zero);
  mpq_t a;
  mpq_init(a);
  mpq_abs(a, x);
  char *n = dec_format(a, places), *s = mem_printf("%s%s%s", mpq_sgn(x) > 0 ? up : down, n, unit);
  free(n);
  mpq_clear(a);
  return s;
}

static char *render_gap(const mpq_t gap, int places, const char *unit) {
  return render_sign_words(gap, places, "高于目标", "低于目标", unit, "与目标持平");
}

char *render_measure(const Target *t, const Verdict *v) {
  if (v->has_gap && (t->form == VF_CHANGE || !v->has_completion)) {
    int places = t->delta.present ? t->delta.by.places : t->fig.places;
    if (places < 1) places = 1;
    if (t->delta.present && t->delta.dir == CHG_DOWN) /* a decline: more is better */
      return render_sign_words(*v->gap, places, "少降", "多降", "个百分点", "与目标持平");
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
  return render_sign_words(x, places, amount ? "增加" : "增长", amount ? "减少" : "下降", unit,
                           "持平");
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
