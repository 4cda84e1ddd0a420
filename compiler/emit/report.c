/* emit_report.c: the report itself, as plain text or Markdown, in the shape of the real
   one: 一、二、三 parts, （一）sections, numbered tasks, the list of main indicators
   (——地区生产总值5704.55亿元；), the targets in planners' words, tables that line up
   under Chinese text. Every figure comes from the model. Byte for byte deterministic. */
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "emit/render.h"
#include "emit/report.h"

typedef struct Doc {
  FILE *out;
  int md;
  int part;    /* parts written so far: 一、二、三 */
} Doc;

static void md_put(FILE *out, const char *s);

static void doc_text(const Doc *d, const char *s) {
  if (d->md) md_put(d->out, s);
  else fputs(s, d->out);
}

/* Text as Markdown shows it literally: its special characters escaped (| too, in tables). */
static void md_put(FILE *out, const char *s) {
  for (; *s; s++) {
    if (strchr("\\`*_[]<>|#", *s)) fputc('\\', out);
    fputc(*s, out);
  }
}

/* A heading: the part's 一、, a section's （一）, as text or as a Markdown heading. */
static void doc_heading(Doc *d, int level, const char *text) {
  if (d->md) fprintf(d->out, "%.*s ", level, "####");
  doc_text(d, text);
  fputs("\n\n", d->out);
}

/* A paragraph: indented by two ideographic spaces in text, as the printed report is. */
static void doc_para(Doc *d, const char *text) {
  fputs(d->md ? "" : "\u3000\u3000", d->out);
  doc_text(d, text);
  fputs("\n\n", d->out);
}

/* A run of list lines (——…；): one per line in text, one paragraph each in Markdown. */
static void doc_line(Doc *d, const char *text) {
  fputs(d->md ? "" : "\u3000\u3000", d->out);
  doc_text(d, text);
  fputs(d->md ? "\n\n" : "\n", d->out);
}

static void doc_end_lines(Doc *d) {
  if (!d->md) fputs("\n", d->out);
}

/* A table of rows × cols cells (row 0 is the header); right[c] right-aligns column c.
   Text columns are padded by display width, so they line up under Chinese text. */
static void doc_table(Doc *d, char **cells, int rows, int cols, const int *right) {
  if (d->md) {
    for (int r = 0; r < rows; r++) {
      fputs("|", d->out);
      for (int c = 0; c < cols; c++) {
        fputs(" ", d->out);
        md_put(d->out, cells[r * cols + c]);
        fputs(" |", d->out);
      }
      fputs("\n", d->out);
      if (r == 0) {
        fputs("|", d->out);
        for (int c = 0; c < cols; c++) fputs(right[c] ? " ---: |" : " --- |", d->out);
        fputs("\n", d->out);
      }
    }
    fputs("\n", d->out);
    return;
  }
  int width[16] = {0};
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols && c < 16; c++) {
      int w = utf8_width(cells[r * cols + c], strlen(cells[r * cols + c]));
      if (w > width[c]) width[c] = w;
    }
  for (int r = 0; r < rows; r++) {
    char *line = NULL;
    size_t n = 0;
    FILE *l = open_memstream(&line, &n);
    for (int c = 0; c < cols; c++) {
      const char *s = cells[r * cols + c];
      int pad = width[c] - utf8_width(s, strlen(s));
      if (c > 0) fputs("  ", l);
      if (right[c] && r > 0) fprintf(l, "%*s%s", pad, "", s);
      else fprintf(l, "%s%*s", s, pad, "");
    }
    fclose(l);
    while (n > 0 && line[n - 1] == ' ') line[--n] = '\0'; /* no trailing blanks */
    fprintf(d->out, "%s\n", line);
    free(line);
    if (r == 0) {
      int total = 0;
      for (int c = 0; c < cols; c++) total += width[c] + (c > 0 ? 2 : 0);
      for (int i = 0; i < total; i++) fputs("-", d->out);
      fputs("\n", d->out);
    }
  }
  fputs("\n", d->out);
}

/* A table of rows × cols cells whose first row is the header; exits when out of memory. */
static char **cells_new(int rows, int cols, const char *const *head) {
  char **cells = mem_calloc((size_t)rows * (size_t)cols * sizeof *cells);
  for (int c = 0; c < cols; c++) cells[c] = mem_strdup(head[c]);
  return cells;
}

static void cells_free(char **cells, int n) {
  for (int i = 0; i < n; i++) free(cells[i]);
  free(cells);
}

/* Whether a byte is an ASCII letter or digit (lines are joined with a space between two). */
static int ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The text lines that belong to `owner`, joined into one paragraph. */
static char *joined_text(const Model *m, const Item *owner) {
  char *buf = NULL;
  size_t n = 0;
  FILE *s = open_memstream(&buf, &n);
  char last = 0;
  for (const Item *it = owner->next; it && (it->kind == IT_TEXT || it->kind == IT_COMMIT);
       it = it->next) {
    if (it->kind != IT_TEXT || it->parent != owner) continue;
    char *line = render_text(m, it);
    if (ascii_alnum(last) && ascii_alnum(line[0])) fputc(' ', s);
    fputs(line, s);
    if (line[0]) last = line[strlen(line) - 1];
    free(line);
  }
  fclose(s);
  return buf;
}

/* The period a model's summary is about: its plan year. */
static Period model_year(const Model *m) {
  return (Period){m->year, 'Y', 0};
}

/* "主要指标预计完成情况如下：" and one ——line per main indicator. */
static void report_summary(Doc *d, const Model *m) {
  Period p = model_year(m);
  int n = 0, estimate = 0;
  for (int i = 0; i < m->ninds; i++) {
    Value *v = m->inds[i]->main ? indicator_value(m->inds[i], p) : NULL;
    if (v) {
      n++;
      estimate |= v->status == ST_ESTIMATE;
    }
  }
  if (n == 0) return;
  doc_para(d, estimate ? "主要指标预计完成情况如下：" : "主要指标完成情况如下：");
  int k = 0;
  for (int i = 0; i < m->ninds; i++) {
    Value *v = m->inds[i]->main ? indicator_value(m->inds[i], p) : NULL;
    if (!v) continue;
    char *fig = render_value(v);
    char line[1024];
    snprintf(line, sizeof line, "——%s%s%s", m->inds[i]->name, fig, ++k == n ? "。" : "；");
    doc_line(d, line);
    free(fig);
  }
  doc_end_lines(d);
}

/* The execution of last year's targets: target, actual, completion, met or not. */
static void report_execution(Doc *d, const Model *m) {
  if (m->nreviewed == 0) return;
  static const char *const head[] = {"指标", "目标", "目标值", "实际", "完成率", "完成情况"};
  int cols = 6, rows = m->nreviewed + 1;
  char **cells = cells_new(rows, cols, head);
  for (int i = 0; i < m->nreviewed; i++) {
    const Target *t = m->reviewed[i];
    const char *unit = t->ind->has_unit ? t->ind->unit.text : NULL;
    char **row = cells + (i + 1) * cols;
    row[0] = mem_strdup(t->ind->name);
    row[1] = render_target(t);
    row[2] = t->implied.known ? render_figure(&t->implied, unit, t->ind->decimals) : mem_strdup("—");
    row[3] = t->actual ? render_value(t->actual) : mem_strdup("—");
    if (t->implied.known && t->actual && t->actual->fig.known && mpq_sgn(*t->implied.v)) {
      mpq_t pct;
      mpq_init(pct);
      mpq_set_ui(pct, 100, 1);
      mpq_mul(pct, pct, *t->completion);
      char *s = dec_format(pct, 1);
      row[4] = mem_printf("%s%%", s);
      free(s);
      mpq_clear(pct);
    } else {
      row[4] = mem_strdup("—");
    }
    row[5] = mem_strdup(t->exec == EXEC_MET ? "完成" : t->exec == EXEC_NOT_MET ? "未完成"
                    : t->exec == EXEC_QUALITATIVE ? "定性目标" : "—");
  }
  doc_para(d, "上年计划目标执行情况如下：");
  static const int right[] = {0, 0, 1, 0, 1, 0};
  doc_table(d, cells, rows, cols, right);
  cells_free(cells, rows * cols);
}

/* The targets in planners' words, expected then binding, and the values they imply. */
static void report_targets(Doc *d, const Model *m) {
  char num[16];
  int group = 0;
  for (TargetKind kind = TK_EXPECTED; kind <= TK_BINDING; kind++) {
    int n = 0, k = 0;
    for (int i = 0; i < m->ntargets; i++) n += m->targets[i]->kind == kind;
    if (n == 0) continue;
    char head[64];
    snprintf(head, sizeof head, "（%s）%s%s", render_chinese_number(++group, num),
             words_target_kind_zh(kind), "指标");
    doc_heading(d, 3, head);
    for (int i = 0; i < m->ntargets; i++) {
      const Target *t = m->targets[i];
      if (t->kind != kind) continue;
      char *s = render_target(t);
      char line[1024];
      snprintf(line, sizeof line, "——%s%s%s", t->ind->name, s, ++k == n ? "。" : "；");
      doc_line(d, line);
      free(s);
    }
    doc_end_lines(d);
  }
  /* the table: base-year figure, target, implied value, kind */
  int cols = 6, rows = m->ntargets + 1;
  char base_head[32], year_head[32];
  snprintf(base_head, sizeof base_head, "%d年", m->base);
  snprintf(year_head, sizeof year_head, "%d年目标", m->year);
  const char *head[] = {"指标", "单位", base_head, year_head, "目标值", "类型"};
  char **cells = cells_new(rows, cols, head);
  for (int i = 0; i < m->ntargets; i++) {
    const Target *t = m->targets[i];
    char **row = cells + (i + 1) * cols;
    const char *unit = t->ind->has_unit ? t->ind->unit.text : "";
    Value *base = indicator_value(t->ind, period_prev(t->period));
    row[0] = mem_strdup(t->ind->name);
    row[1] = mem_strdup(unit);
    if (base && base->fig.known)
      row[2] = render_figure(&base->fig, NULL, t->ind->decimals);
    else
      row[2] = base ? render_value(base) : mem_strdup("—");
    row[3] = render_target(t);
    if (t->implied.known) {
      char *fig = render_figure(&t->implied, NULL, t->ind->decimals);
      const char *about = t->implied.rel == REL_ABOUT ? "约" : "";
      const char *basis = words_basis_zh(t->basis);
      row[4] = mem_printf("%s%s%s%s%s", about, fig, *basis ? "（" : "", basis, *basis ? "）" : "");
      free(fig);
    } else {
      row[4] = mem_strdup("—");
    }
    row[5] = mem_strdup(words_target_kind_zh(t->kind));
  }
  doc_para(d, "各项目标对应的目标值如下：");
  static const int right[] = {0, 0, 1, 0, 1, 0};
  doc_table(d, cells, rows, cols, right);
  cells_free(cells, rows * cols);
}

/* The commitments of the tasks, in one table. */
static void report_commitments(Doc *d, const Model *m) {
  if (m->ncommits == 0) return;
  int cols = 4, rows = m->ncommits + 1;
  const char *head[] = {"任务", "事项", "目标", "关联指标"};
  char **cells = cells_new(rows, cols, head);
  for (int i = 0; i < m->ncommits; i++) {
    const Commit *c = m->commits[i];
    char **row = cells + (i + 1) * cols;
    row[0] = mem_printf("%d", c->task->number);
    row[1] = mem_strdup(c->desc);
    row[2] = c->form == VF_CHANGE ? render_delta(&c->delta, 1)
                                  : render_figure(&c->fig, c->has_unit ? c->unit.text : NULL, -1);
    row[3] = mem_strdup(c->ind ? c->ind->name : "");
  }
  doc_para(d, "主要任务中的量化指标如下：");
  static const int right[] = {1, 0, 0, 0};
  doc_table(d, cells, rows, cols, right);
  cells_free(cells, rows * cols);
}

/* One part of a model: from its part line to the next. */
static const Item *report_part(Doc *d, const Model *m, const Item *part) {
  char num[16], head[512], key[32];
  PartKind kind = part->u.part.code;
  int review = kind == PART_REVIEW, section = 0, summarised = 0, targets = 0;
  snprintf(head, sizeof head, "%s、%s", render_chinese_number(++d->part, num),
           part->u.part.title.text);
  doc_heading(d, 2, head);
  const Item *it = part->next;
  for (; it && it->kind != IT_PART; it = it->next) {
    switch (it->kind) {
    case IT_SECTION:
      if (review && !summarised++) {
        report_summary(d, m);
        report_execution(d, m);
      }
      snprintf(head, sizeof head, "（%s）%s", render_chinese_number(++section, num),
               it->u.str.text.text);
      doc_heading(d, 3, head);
      break;
    case IT_PARA: {
      char *text = joined_text(m, it);
      const char *title = it->u.para.title.text;
      char *para = mem_printf("%s%s%s", title ? title : "", title ? "。" : "", text);
      if (para && para[0]) doc_para(d, para);
      free(para);
      free(text);
      break;
    }
    case IT_TASK: {
      const Task *t = table_get(m->task_items, ast_item_key(it, key));
      if (!t) break;
      char *text = joined_text(m, it);
      char *para = mem_printf("%d.%s。%s", t->number, t->title, text);
      if (para) doc_para(d, para);
      free(para);
      free(text);
      break;
    }
    case IT_TARGET:
      if (!targets++) report_targets(d, m);
      break;
    default: break;
    }
  }
  if (review && !summarised) {
    report_summary(d, m);
    report_execution(d, m);
  }
  if (kind == PART_TASKS) report_commitments(d, m);
  return it;
}

/* Every part of a model, in file order; only its review parts when `only_review`. */
static void report_parts(Doc *d, const Model *m, int only_review) {
  const Item *it = m->plan->items;
  while (it && it->kind != IT_PART) it = it->next;
  while (it) {
    if (only_review && it->u.part.code != PART_REVIEW) {
      do it = it->next;
      while (it && it->kind != IT_PART);
      continue;
    }
    it = report_part(d, m, it);
  }
}

void report_write(const Model *m, FILE *out, int markdown) {
  Doc d = {out, markdown, 0};
  if (m->title) doc_heading(&d, 1, m->title);
  if (m->date) {
    char *date = render_chinese_date(m->date);
    doc_para(&d, date);
    free(date);
  }
  /* an imported plan contributes its review of last year (part one of the report) */
  for (int i = 0; i < m->nimports; i++)
    if (m->imports[i].model) report_parts(&d, m->imports[i].model, 1);
  report_parts(&d, m, 0);
}
