/* report.c: the report's content, in the shape of the real one: 一、二、三 parts, （一）
   sections, numbered tasks, the list of main indicators (——地区生产总值5704.55亿元；), the
   targets in planners' words, the tables. It is written once, as calls on a Sink
   (sink.h): plain text, Markdown and Word are sinks. Every figure comes from the model;
   the document's order is the model's outline. Byte for byte deterministic. */
#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "emit/render.h"
#include "emit/report.h"
#include "emit/textsink.h"

/* A table the real report does not have, kept for 附表 at the end. */
typedef struct Deferred {
  char *title;
  char **cells;
  int rows, cols;
  const int *right;
} Deferred;

typedef struct Doc {
  Sink *s;
  int part;    /* parts written so far: 一、二、三 */
  Deferred *later;  /* the tables for 附表, in the order they come */
  int nlater;
} Doc;

/* Whether the tables plc adds stay in the body (under their caption) instead of 附表. */
static int tables_inline;

void report_set_tables_inline(int on) { tables_inline = on != 0; }

/* A table of rows × cols cells whose first row is the header. */
static char **cells_new(int rows, int cols, const char *const *head) {
  char **cells = mem_calloc((size_t)rows * (size_t)cols * sizeof *cells);
  for (int c = 0; c < cols; c++) cells[c] = mem_strdup(head[c]);
  return cells;
}

static void cells_free(char **cells, int n) {
  for (int i = 0; i < n; i++) mem_free(cells[i]);
  mem_free(cells);
}

/* A table plc adds to the report: kept for 附表 under its title (the cells are freed when
   written), or, with tables inline, written here under its caption and freed. */
static void doc_table(Doc *d, const char *caption, const char *title, char **cells, int rows,
                      int cols, const int *right) {
  if (!tables_inline) {
    d->later = mem_realloc(d->later, (size_t)(d->nlater + 1) * sizeof *d->later);
    d->later[d->nlater++] = (Deferred){mem_strdup(title), cells, rows, cols, right};
    return;
  }
  SinkTable t = {caption, (const char *const *)cells, rows, cols, right};
  d->s->table(d->s, &t);
  cells_free(cells, rows * cols);
}

/* 附表 at the end: each kept table under its heading (附表1　…). */
static void doc_appendix(Doc *d) {
  if (d->nlater == 0) return;
  d->s->appendix(d->s, "附表");
  for (int i = 0; i < d->nlater; i++) {
    Deferred *t = &d->later[i];
    char *head = mem_printf("附表%d　%s", i + 1, t->title);
    d->s->heading(d->s, 2, head);
    SinkTable st = {NULL, (const char *const *)t->cells, t->rows, t->cols, t->right};
    d->s->table(d->s, &st);
    mem_free(head);
    mem_free(t->title);
    cells_free(t->cells, t->rows * t->cols);
  }
  mem_free(d->later);
  d->later = NULL;
  d->nlater = 0;
}

/* Whether a byte is an ASCII letter or digit (lines are joined with a space between two). */
static int ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The text lines of a block, joined into one paragraph. */
static char *joined_text(const Block *b) {
  Buf buf = {0};
  char last = 0;
  for (int i = 0; i < b->nlines; i++) {
    char *line = render_line(b->lines[i]);
    if (ascii_alnum(last) && ascii_alnum(line[0])) buf_add(&buf, " ");
    buf_add(&buf, line);
    if (line[0]) last = line[strlen(line) - 1];
    mem_free(line);
  }
  if (!buf.s) buf_add(&buf, "");
  return buf_take(&buf);
}

/* The year a review part's summary is about: the year under review, the plan's base year
   (its plan year when it gives none). */
static Period model_year(const Model *m) {
  return (Period){m->base ? m->base : m->year, 'Y', 0};
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
  d->s->para(d->s, NULL, estimate ? "主要指标预计完成情况如下：" : "主要指标完成情况如下：");
  int k = 0;
  for (int i = 0; i < m->ninds; i++) {
    Value *v = m->inds[i]->main ? indicator_value(m->inds[i], p) : NULL;
    if (!v) continue;
    char *fig = render_value(v);
    char *line = mem_printf("——%s%s%s", m->inds[i]->name, fig, ++k == n ? "。" : "；");
    d->s->line(d->s, line);
    mem_free(line);
    mem_free(fig);
  }
  d->s->end_lines(d->s);
}

/* Whether a target is one of this plan's own for the year under review (its base year):
   it is judged in the execution table, not listed among this year's targets. */
static int report_reviewed(const Model *m, const Target *t) {
  return t->review && t->model == m;
}

/* The execution of last year's targets: target, its value, what was achieved, the
   completion rate or the gap, the verdict; a 力争 level on a line of its own. */
static void report_execution(Doc *d, const Model *m) {
  if (m->nreviewed == 0) return;
  static const char *const head[] = {"指标", "目标", "目标值", "实际", "完成程度", "完成情况"};
  int cols = 6, rows = 1;
  for (int i = 0; i < m->nreviewed; i++) rows += 1 + m->reviewed[i]->has_stretch;
  char **cells = cells_new(rows, cols, head);
  char **row = cells + cols;
  for (int i = 0; i < m->nreviewed; i++) {
    const Target *t = m->reviewed[i];
    for (int s = 0; s <= t->has_stretch; s++, row += cols) {
      const Verdict *v = s ? &t->stretch->v : &t->v;
      const Figure *implied = s ? &t->stretch->implied : &t->implied;
      row[0] = s ? mem_strdup("（力争）") : mem_strdup(t->ind->name);
      row[1] = s ? render_stretch(t) : render_target(t);
      row[2] = render_implied(t, implied, 1);
      row[3] = render_achieved(t, v);
      row[4] = render_measure(t, v);
      row[5] = render_verdict(v);
    }
  }
  static const int right[] = {0, 0, 1, 0, 0, 0};
  char *title = mem_printf("%d年计划主要目标执行情况", m->reviewed[0]->period.year);
  doc_table(d, "上年计划目标执行情况如下：", title, cells, rows, cols, right);
  mem_free(title);
}

/* The targets in planners' words, expected then binding, and the values they imply. */
static void report_targets(Doc *d, const Model *m) {
  char num[16];
  int group = 0;
  for (TargetKind kind = TK_EXPECTED; kind <= TK_BINDING; kind++) {
    int n = 0, k = 0;
    for (int i = 0; i < m->ntargets; i++)
      n += m->targets[i]->kind == kind && !report_reviewed(m, m->targets[i]);
    if (n == 0) continue;
    char *head = mem_printf("（%s）%s%s", render_chinese_number(++group, num),
                            words_target_kind_zh(kind), "指标");
    d->s->heading(d->s, 2, head);
    mem_free(head);
    for (int i = 0; i < m->ntargets; i++) {
      const Target *t = m->targets[i];
      if (t->kind != kind || report_reviewed(m, t)) continue;
      char *s = render_target(t);
      char *line = mem_printf("——%s%s%s", t->ind->name, s, ++k == n ? "。" : "；");
      d->s->line(d->s, line);
      mem_free(line);
      mem_free(s);
    }
    d->s->end_lines(d->s);
  }
  /* the table: base-year figure, target, implied value, kind */
  int cols = 6, rows = 1;
  for (int i = 0; i < m->ntargets; i++) rows += !report_reviewed(m, m->targets[i]);
  if (rows == 1) return;
  char base_head[32], year_head[32];
  snprintf(base_head, sizeof base_head, "%d年", m->base);
  snprintf(year_head, sizeof year_head, "%d年目标", m->year);
  const char *head[] = {"指标", "单位", base_head, year_head, "目标值", "类型"};
  char **cells = cells_new(rows, cols, head);
  char **row = cells;
  for (int i = 0; i < m->ntargets; i++) {
    const Target *t = m->targets[i];
    if (report_reviewed(m, t)) continue;
    row += cols;
    const char *unit = t->ind->has_unit ? t->ind->unit.text : "";
    const Value *base = t->prior;
    row[0] = mem_strdup(t->ind->name);
    row[1] = mem_strdup(unit);
    if (base && base->fig.known)
      row[2] = render_figure(&base->fig, NULL, t->ind->decimals);
    else
      row[2] = base ? render_value(base) : mem_strdup("—");
    row[3] = render_target(t);
    row[4] = render_implied(t, &t->implied, 0);
    row[5] = mem_strdup(words_target_kind_zh(t->kind));
  }
  static const int right[] = {0, 0, 1, 0, 1, 0};
  char *title = mem_printf("%d年主要目标对应的目标值", m->year);
  doc_table(d, "各项目标对应的目标值如下：", title, cells, rows, cols, right);
  mem_free(title);
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
    row[2] = render_commit(c);
    row[3] = mem_strdup(c->ind ? c->ind->name : "");
  }
  static const int right[] = {1, 0, 0, 0};
  char *title = mem_printf("%d年主要任务中的量化指标", m->year);
  doc_table(d, "主要任务中的量化指标如下：", title, cells, rows, cols, right);
  mem_free(title);
}

/* A paragraph or a task: its lead (经济运行稳中提质。 / 1.高水平规划…。) and its prose. */
static void report_block(Doc *d, const Model *m, const Block *b, int *targets) {
  if (b->kind == BK_TARGETS) {
    if (!(*targets)++) report_targets(d, m);
    return;
  }
  char *text = joined_text(b), *lead = NULL;
  if (b->kind == BK_TASK) lead = mem_printf("%d.%s。", b->task->number, b->task->title);
  else if (b->lead) lead = mem_printf("%s。", b->lead);
  if (lead || text[0]) d->s->para(d->s, lead, text);
  mem_free(lead);
  mem_free(text);
}

/* One part of a model: its heading, its sections, and what its kind adds (the summary of
   main indicators and last year's execution in a review; the commitments in the tasks). */
static void report_part(Doc *d, const Model *m, const Part *part) {
  char num[16];
  int review = part->kind == PART_REVIEW, section = 0, summarised = 0, targets = 0;
  if (part->title) {
    char *head = mem_printf("%s、%s", render_chinese_number(++d->part, num), part->title);
    d->s->heading(d->s, 1, head);
    mem_free(head);
  }
  for (int i = 0; i < part->nsections; i++) {
    const Section *sec = part->sections[i];
    if (sec->title) {
      if (review && !summarised++) {
        report_summary(d, m);
        report_execution(d, m);
      }
      char *head = mem_printf("（%s）%s", render_chinese_number(++section, num), sec->title);
      d->s->heading(d->s, 2, head);
      mem_free(head);
    }
    for (int k = 0; k < sec->nblocks; k++) report_block(d, m, sec->blocks[k], &targets);
  }
  if (review && !summarised) {
    report_summary(d, m);
    report_execution(d, m);
  }
  if (part->kind == PART_TASKS) report_commitments(d, m);
}



void report_content(const Model *m, Sink *s) {
  Doc d = {s, 0, NULL, 0};
  if (m->title) s->title(s, m->title);
  if (m->date) {
    char *date = render_chinese_date(m->date);
    s->date(s, date);
    mem_free(date);
  }
  /* imported plans give figures and targets, never their prose */
  for (int i = 0; i < m->nparts; i++) report_part(&d, m, m->parts[i]);
  doc_appendix(&d);
}

int report_write(const Model *m, FILE *out, int markdown) {
  Sink *s = textsink_new(out, markdown);
  report_content(m, s);
  return s->finish(s);
}
