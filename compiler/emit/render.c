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
  if (d->dir == CHG_UP || d->dir == CHG_DOWN) {
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
  if (t->form == VF_CHANGE) return render_delta(&t->delta, 1);
  return render_figure(&t->fig, t->ind->has_unit ? t->ind->unit.text : NULL, t->fig.places);
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
