/* fmt.c: the canonical layout of a plan file, written from its syntax tree. */
#include "syntax/fmt.h"

#include <string.h>

#include "runtime/mem.h"
#include "runtime/utf8.h"

/* Whether a byte starts or continues a non-ASCII character (a Chinese word). */
static int wide(unsigned char c) {
  return c >= 0x80;
}

/* Whether s starts with an ASCII letter, digit or '_' (a word an ASCII name would absorb). */
static int asciiword(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

/* The last byte of s ('\0' for the empty string). */
static unsigned char last(const char *s) {
  size_t n = strlen(s);
  return n ? (unsigned char)s[n - 1] : '\0';
}

/* A string in double quotes, with the escapes the scanner reads turned back. */
static void put_string(Buf *b, const char *s) {
  buf_add(b, "\"");
  for (; *s; s++) {
    switch (*s) {
    case '"': buf_add(b, "\\\""); break;
    case '\\': buf_add(b, "\\\\"); break;
    case '\n': buf_add(b, "\\n"); break;
    case '\t': buf_add(b, "\\t"); break;
    default: buf_addn(b, s, 1);
    }
  }
  buf_add(b, "\"");
}

/* The character at 1-based line and column of the source, or '\0'. */
static char source_char(Source *src, int line, int col) {
  size_t n;
  const char *l = source_line(src, line, &n);
  if (!l || col < 1) return '\0';
  size_t at = utf8_offset(l, n, col - 1);
  return at < n ? l[at] : '\0';
}

/* A name-or-string word (status, category) as it was written: quoted when the source has
   a quote (" or “ ”) at line:col (the word's first or last character). */
static void put_name(Buf *b, const Plan *p, Word w, int line, int col) {
  char c = source_char(p->src, line, col);
  if (c == '"' || (unsigned char)c == 0xE2) put_string(b, w.text); /* " or “ ” */
  else buf_add(b, w.text);
}

/* A number with its unit, written against it: 5704.55亿元, 5.5%. */
static void put_quantity(Buf *b, const Quantity *q) {
  buf_add(b, q->num.text);
  if (!q->unit.text) return;
  const char *u = q->unit.text;
  /* 2024 + M3 would read as the period 2024M3 */
  int period_like = strchr("QqMmHh", u[0]) && u[0] && u[1] >= '0' && u[1] <= '9';
  if (period_like) buf_add(b, " ");
  buf_add(b, u);
}

/* A figure with its relation words, as a report writes it (超1100亿元, 6000套以上, 1—2个);
   a space only where two words would run together into one name. */
static void put_bound(Buf *b, const Bound *bd) {
  if (bd->prefix.text) {
    buf_add(b, bd->prefix.text);
    if (!wide(last(bd->prefix.text))) buf_add(b, " ");
  }
  put_quantity(b, &bd->q);
  if (bd->rel == REL_RANGE && bd->top->sep.text) {
    /* —, – and ~ stand between the figures; 至 and to would join a unit or a word */
    int glue = !wide(last(bd->top->sep.text)) ? !asciiword((unsigned char)bd->top->sep.text[0])
                                              : strcmp(bd->top->sep.text, "至") != 0;
    if (!glue) buf_add(b, " ");
    buf_add(b, bd->top->sep.text);
    if (!glue) buf_add(b, " ");
    put_quantity(b, &bd->top->q);
  }
  if (bd->suffix.text) {
    /* the scanner splits 套以上 only right after a number, not after 微克/立方米 */
    const char *u = bd->q.unit.text;
    if (u && strchr(u, '/')) buf_add(b, " ");
    buf_add(b, bd->suffix.text);
  }
}

/* A change: 增长5.5%左右, 同比增长45%, 持平, up 5.5%. */
static void put_change(Buf *b, const Change *c) {
  static const char *const joins[] = {"增长", "下降", "翻番", "持平"}; /* 同比增长 is read as two */
  if (c->yoy.text) {
    buf_add(b, c->yoy.text);
    int glue = 0;
    for (size_t i = 0; wide(last(c->yoy.text)) && i < sizeof joins / sizeof *joins; i++)
      glue |= strcmp(c->word.text, joins[i]) == 0;
    if (!glue) buf_add(b, " ");
  }
  buf_add(b, c->word.text);
  if (c->dir == CHG_UP || c->dir == CHG_DOWN || c->dir == CHG_ANNUAL) {
    if (!wide(last(c->word.text)) || c->by->prefix.text) buf_add(b, " ");
    put_bound(b, c->by);
  }
}

static void put_ref(Buf *b, const Ref *r) {
  if (r->ns.text) {
    buf_add(b, r->ns.text);
    buf_add(b, ".");
  }
  buf_add(b, r->name.text);
}

/* A formula: operators between spaces, calls and indexes without. */
static void put_expr(Buf *b, const Expr *e) {
  static const char ops[] = {[EX_ADD] = '+', [EX_SUB] = '-', [EX_MUL] = '*', [EX_DIV] = '/'};
  switch (e->kind) {
  case EX_NUM: put_quantity(b, &e->num); break;
  case EX_REF: put_ref(b, &e->ref); break;
  case EX_AT:
    put_ref(b, &e->ref);
    buf_printf(b, "[%s]", e->period.text);
    break;
  case EX_NEG:
    buf_add(b, "-");
    put_expr(b, e->a);
    break;
  case EX_ADD: case EX_SUB: case EX_MUL: case EX_DIV:
    put_expr(b, e->a);
    buf_printf(b, " %c ", ops[e->kind]);
    put_expr(b, e->b);
    break;
  case EX_CALL:
    buf_add(b, e->fn.text);
    buf_add(b, "(");
    for (int i = 0; i < e->nargs; i++) {
      if (i) buf_add(b, ", ");
      put_expr(b, e->args[i]);
    }
    buf_add(b, ")");
    break;
  case EX_PAREN:
    buf_add(b, "(");
    put_expr(b, e->a);
    buf_add(b, ")");
    break;
  }
}

static void put_date(Buf *b, const Date *d) {
  if (d->str.text) {
    put_string(b, d->str.text);
    return;
  }
  buf_add(b, d->year.text);
  if (d->month.text) buf_printf(b, "-%s", d->month.text);
  if (d->day.text) buf_printf(b, "-%s", d->day.text);
}

/* A line's attributes in the canonical order: the stated change right after the figure,
   then how the figure is shown and measured (decimals, show, category, main, direction, basis,
   flow, from, 力争, verb), then what it is for, who and when. */
static void put_attrs(Buf *b, const Plan *p, const Attrs *a) {
  if (!a || !a->has) return;
  if (a->has & ATTR_CHANGE) {
    buf_add(b, " ");
    put_change(b, a->change);
  }
  if (a->has & ATTR_DECIMALS) buf_printf(b, " decimals %s", a->decimals.text);
  if (a->has & ATTR_SHOW) buf_printf(b, " show %s", a->show.text);
  if (a->has & ATTR_CATEGORY) {
    buf_add(b, " category ");
    put_name(b, p, a->category, a->category.loc.last_line, a->category.loc.last_column - 1);
  }
  if (a->has & ATTR_MAIN) buf_add(b, " main");
  if (a->has & ATTR_DIRECTION) buf_printf(b, " %s", a->direction.w.text);
  if (a->has & ATTR_BASIS) buf_printf(b, " %s", a->basis.w.text);
  if (a->has & ATTR_FLOW) buf_printf(b, " %s", a->flow.w.text);
  if (a->has & ATTR_FROM) buf_printf(b, " from %s", a->from.text);
  if (a->has & ATTR_STRETCH) { /* the tree keeps the figure, not the word: 力争 */
    buf_add(b, " 力争 ");
    if (a->stretch) put_bound(b, a->stretch);
    else put_change(b, a->stretch_change);
  }
  if (a->has & ATTR_VERB) {
    buf_add(b, " verb ");
    put_string(b, a->verb.text);
  }
  if (a->has & ATTR_FOR) {
    buf_add(b, " for ");
    put_ref(b, &a->target);
  }
  if (a->has & ATTR_LEAD) {
    buf_add(b, " lead ");
    put_string(b, a->lead.text);
  }
  if (a->has & ATTR_DUE) {
    buf_add(b, " due ");
    put_date(b, a->due);
  }
}

/* What a value, target or commitment gives, by its form. */
static void put_given(Buf *b, ValueForm form, const Bound *bound, const Change *change,
                      const Expr *expr, Word text) {
  switch (form) {
  case VF_BOUND: put_bound(b, bound); break;
  case VF_CHANGE: put_change(b, change); break;
  case VF_FORMULA:
    buf_add(b, "= ");
    put_expr(b, expr);
    break;
  case VF_QUALITATIVE: put_string(b, text.text); break;
  case VF_RELATION: break; /* only a target has it: put_item writes it */
  }
}

/* A text line's prose as written, with literal braces doubled, and its placeholders;
   a space before it unless it is empty. */
static void put_text(Buf *b, const TextPart *t) {
  Buf line = {0};
  for (; t; t = t->next) {
    if (t->expr) {
      buf_add(&line, "{");
      put_expr(&line, t->expr);
      buf_add(&line, "}");
      continue;
    }
    for (const char *s = t->text.text; *s; s++) {
      if (*s == '{' || *s == '}') buf_addn(&line, s, 1);
      buf_addn(&line, s, 1);
    }
  }
  const char *s = buf_str(&line);
  size_t n = strlen(s);
  while (n > 0 && s[n - 1] == '\r') n--; /* a CRLF file's line ending */
  if (n) buf_add(b, " ");
  buf_addn(b, s, n);
  buf_free(&line);
}

/* Whether an item belongs to the line above and is indented under it. */
static int indented(const Item *it) {
  return it->kind == IT_VALUE || it->kind == IT_TEXT || it->kind == IT_COMMIT;
}

/* One statement, without indentation or line end. */
static void put_item(Buf *b, const Plan *p, const Item *it) {
  switch (it->kind) {
  case IT_TITLE: case IT_REGION:
    buf_add(b, it->kind == IT_TITLE ? "title " : "region ");
    put_string(b, it->u.str.text.text);
    break;
  case IT_STATUS:
    buf_add(b, "status ");
    put_name(b, p, it->u.str.text, it->u.str.text.loc.first_line,
             it->u.str.text.loc.first_column);
    break;
  case IT_YEAR: case IT_BASE:
    buf_printf(b, "%s %s", it->kind == IT_YEAR ? "year" : "base", it->u.year.num.text);
    break;
  case IT_DATE:
    buf_add(b, "date ");
    put_date(b, &it->u.date);
    break;
  case IT_IMPORT:
    buf_add(b, "import ");
    put_string(b, it->u.import.path.text);
    if (it->u.import.alias.text) buf_printf(b, " as %s", it->u.import.alias.text);
    break;
  case IT_TOLERANCE:
    buf_add(b, "tolerance ");
    put_quantity(b, &it->u.tol.q);
    break;
  case IT_UNIT:
    buf_printf(b, "unit %s", it->u.unit.name.text);
    if (it->u.unit.def.num.text) {
      buf_add(b, " = ");
      put_quantity(b, &it->u.unit.def);
    }
    break;
  case IT_INDICATOR:
    buf_printf(b, "indicator %s", it->u.ind.id.text);
    if (it->u.ind.name.text) {
      buf_add(b, " ");
      put_string(b, it->u.ind.name.text);
    }
    if (it->u.ind.unit.unit.text) buf_printf(b, " %s", it->u.ind.unit.unit.text);
    put_attrs(b, p, it->u.ind.attrs);
    if (it->u.ind.formula) {
      buf_add(b, " = ");
      put_expr(b, it->u.ind.formula);
    }
    break;
  case IT_VALUE:
    buf_printf(b, "%s %s ", it->u.value.period.text, it->u.value.status_word.text);
    put_given(b, it->u.value.form, it->u.value.bound, it->u.value.change, it->u.value.expr,
              it->u.value.text);
    put_attrs(b, p, it->u.value.attrs);
    break;
  case IT_TARGET:
    buf_add(b, "target ");
    put_ref(b, &it->u.target.ind);
    buf_printf(b, " %s %s ", it->u.target.period.text, it->u.target.kind.w.text);
    if (it->u.target.form == VF_RELATION) {
      buf_printf(b, "%s ", it->u.target.other->sync.w.text);
      put_ref(b, &it->u.target.other->with);
    }
    put_given(b, it->u.target.form, it->u.target.bound, it->u.target.change, NULL,
              it->u.target.form == VF_QUALITATIVE ? it->u.target.other->text : (Word){0});
    put_attrs(b, p, it->u.target.attrs);
    break;
  case IT_CLAIM:
    buf_add(b, "claim");
    if (it->u.claim.id.text) buf_printf(b, " %s", it->u.claim.id.text);
    if (it->u.claim.label.text) {
      buf_add(b, " ");
      put_string(b, it->u.claim.label.text);
    }
    buf_printf(b, " %s ", it->u.claim.period.text);
    put_expr(b, it->u.claim.expr);
    buf_add(b, " = ");
    put_bound(b, it->u.claim.stated);
    break;
  case IT_PART:
    buf_add(b, "part ");
    if (it->u.part.kind.text) buf_printf(b, "%s ", it->u.part.kind.text);
    put_string(b, it->u.part.title.text);
    break;
  case IT_SECTION:
    buf_add(b, "section ");
    put_string(b, it->u.str.text.text);
    break;
  case IT_PARA:
    buf_add(b, "para");
    if (it->u.para.title.text) {
      buf_add(b, " ");
      put_string(b, it->u.para.title.text);
    }
    break;
  case IT_TEXT:
    buf_add(b, "|");
    put_text(b, it->u.text.parts);
    break;
  case IT_TASK:
    buf_add(b, "task ");
    put_string(b, it->u.task.title.text);
    put_attrs(b, p, it->u.task.attrs);
    break;
  case IT_COMMIT:
    buf_add(b, "commit");
    if (it->u.commit.id.text) buf_printf(b, " %s", it->u.commit.id.text);
    buf_add(b, " ");
    put_string(b, it->u.commit.desc.text);
    buf_add(b, " ");
    put_given(b, it->u.commit.form, it->u.commit.bound, it->u.commit.change, NULL,
              (Word){0});
    put_attrs(b, p, it->u.commit.attrs);
    break;
  }
}

/* A comment's text without the blanks (and CR) at its end. */
static void put_comment(Buf *b, const Comment *c) {
  const char *s = c->text.text;
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
  buf_add(b, "#");
  buf_addn(b, s, n);
}

/* Whether line l of the source holds nothing but blanks. */
static int blank_line(Source *src, int l) {
  size_t n;
  const char *s = source_line(src, l, &n);
  if (!s) return 0;
  for (size_t i = 0; i < n;) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') i++;
    else if (n - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) i += 3; /* 　 */
    else if (n - i >= 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0) i += 3; /* BOM */
    else if (n - i >= 2 && memcmp(s + i, "\xC2\xA0", 2) == 0) i += 2;
    else return 0;
  }
  return 1;
}

/* A line of the output: a statement (with its trailing comment) or an own-line comment. */
typedef struct Event {
  int line;
  const Item *item;       /* NULL for a comment */
  const Comment *comment; /* an own-line comment, or the statement's trailing one */
  int blank_before;
} Event;

void fmt_plan(const Plan *p, Buf *out) {
  int n = 0;
  for (const Item *it = p->items; it; it = it->next) n++;
  for (const Comment *c = p->comments; c; c = c->next) n++;
  Event *ev = n ? mem_alloc((size_t)n * sizeof *ev) : NULL;
  int k = 0;
  /* merge statements and comments in line order; a trailing comment joins its statement */
  const Item *it = p->items;
  const Comment *c = p->comments;
  while (it || c) {
    if (c && (!it || c->text.loc.first_line < it->loc.first_line)) {
      if (c->own_line || k == 0 || !ev[k - 1].item || ev[k - 1].line != c->text.loc.first_line)
        ev[k++] = (Event){.line = c->text.loc.first_line, .comment = c};
      else
        ev[k - 1].comment = c;
      c = c->next;
    } else {
      ev[k++] = (Event){.line = it->loc.first_line, .item = it};
      it = it->next;
    }
  }
  /* blank lines: where the author put any (one for a run), and before each part and
     section with the comments right above it */
  for (int i = 1; i < k; i++)
    for (int l = ev[i - 1].line + 1; l < ev[i].line && !ev[i].blank_before; l++)
      ev[i].blank_before = blank_line(p->src, l);
  for (int i = 1; i < k; i++) {
    if (!ev[i].item || (ev[i].item->kind != IT_PART && ev[i].item->kind != IT_SECTION)) continue;
    int j = i;
    while (j > 0 && !ev[j].blank_before && !ev[j - 1].item) j--;
    if (j > 0) ev[j].blank_before = 1;
  }
  for (int i = 0; i < k; i++) {
    if (ev[i].blank_before) buf_add(out, "\n");
    if (ev[i].item) {
      if (indented(ev[i].item)) buf_add(out, "  ");
      put_item(out, p, ev[i].item);
      if (ev[i].comment) {
        buf_add(out, " ");
        put_comment(out, ev[i].comment);
      }
    } else {
      /* a comment is indented like the statement it stands above */
      int j = i + 1;
      while (j < k && !ev[j].item) j++;
      if (j < k && indented(ev[j].item)) buf_add(out, "  ");
      put_comment(out, ev[i].comment);
    }
    buf_add(out, "\n");
  }
  mem_free(ev);
}
