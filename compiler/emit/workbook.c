/* workbook.c: the workbook back end (libxlsxwriter). Four sheets — 主要指标 (the targets
   of the main indicators with the values they imply and a chart), 指标序列 (every
   indicator by period), 主要任务 (sections, tasks, commitments), 数据核查 (the claims
   and their verdicts) and, when imported plans set last year's targets, 上年目标执行. Derived cells are live Excel formulas over the cells they come from,
   each with plc's exact result cached (worksheet_write_formula_num), so that a reader that
   does not recalculate shows the right figure and one that does agrees with plc. Figures
   are stored in base units where that keeps formulas simple: a percent as a fraction
   shown with a % format. The workbook is written to a temporary file and renamed. */
#include <libgen.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "runtime/buf.h"
#include "runtime/decimal.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "emit/output.h"
#include "emit/render.h"
#include "emit/workbook.h"
#include "emit/xlformula.h"

#define SHEET_MAIN "主要指标"
#define SHEET_SERIES "指标序列"
#define SHEET_TASKS "主要任务"
#define SHEET_CHECKS "数据核查"
#define SHEET_EXEC "上年目标执行"
#define NSHEETS 5

/* The writer's state: the workbook, its formats, where each indicator's values are. */
typedef struct Xl {
  lxw_workbook *wb;
  const Model *m;
  lxw_error err;        /* the first error, and what was being written */
  char where[160];        /* what was being written (a cell's place): short, never a figure */
  lxw_format *head, *text, *wrap, *num[13], *pct[13];
  /* the series sheet: one row per indicator id, one column per period */
  const char **ids;
  int nids;
  Arena *arena;         /* for the table below */
  Table *rows;          /* id → its row on the series sheet */
  Period *periods;       /* the series sheet's columns, in order */
  int nperiods, periods_cap;
  int *width[NSHEETS];    /* display widths per sheet and column, for the column widths */
  int ncols[NSHEETS];
  const Target **listed;  /* the main sheet's targets, in its rows */
  int nlisted;
} Xl;

enum { WS_MAIN, WS_SERIES, WS_TASKS, WS_CHECKS, WS_EXEC };

/* Remember the first libxlsxwriter error and what was being written. */
static void xl_check(Xl *x, lxw_error e, const char *fmt, ...) {
  if (e == LXW_NO_ERROR || x->err != LXW_NO_ERROR) return;
  x->err = e;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(x->where, sizeof x->where, fmt, ap);
  va_end(ap);
}

/* Keep the widest display width of a column, so that CJK text fits. */
static void xl_measure(Xl *x, int sheet, int col, const char *s) {
  if (!s) return;
  if (col >= x->ncols[sheet]) {
    int n = col + 16;
    x->width[sheet] = mem_realloc(x->width[sheet], (size_t)n * sizeof *x->width[sheet]);
    memset(x->width[sheet] + x->ncols[sheet], 0, (size_t)(n - x->ncols[sheet]) * sizeof (int));
    x->ncols[sheet] = n;
  }
  int w = utf8_width(s, strlen(s));
  if (w > x->width[sheet][col]) x->width[sheet][col] = w;
}

static void xl_string(Xl *x, lxw_worksheet *ws, int sheet, int row, int col, const char *s,
                      lxw_format *f) {
  if (!s || !*s) { /* an empty cell keeps the table's borders */
    xl_check(x, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f ? f : x->text),
             "a blank at row %d, column %d", row + 1, col + 1);
    return;
  }
  xl_measure(x, sheet, col, s);
  xl_check(x, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f ? f : x->text),
           "text at row %d, column %d", row + 1, col + 1);
}

static void xl_too_large(Xl *x, lxw_worksheet *ws, int sheet, int row, int col);

static void xl_number(Xl *x, lxw_worksheet *ws, int sheet, int row, int col, double v,
                      lxw_format *f) {
  if (!isfinite(v)) { /* beyond what a spreadsheet number holds: words, never INF */
    xl_too_large(x, ws, sheet, row, col);
    return;
  }
  if (!f) f = x->text;
  xl_measure(x, sheet, col, "0000000000");
  xl_check(x, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f),
           "a number at row %d, column %d", row + 1, col + 1);
}

static void xl_formula(Xl *x, lxw_worksheet *ws, int sheet, int row, int col,
                       const char *formula, double cached, lxw_format *f) {
  if (!isfinite(cached)) {
    xl_too_large(x, ws, sheet, row, col);
    return;
  }
  xl_measure(x, sheet, col, "0000000000");
  xl_check(x, worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, formula, f, cached),
           "a formula at row %d, column %d", row + 1, col + 1);
}

static void xl_comment(Xl *x, lxw_worksheet *ws, int row, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* A cell's comment, formatted (never cut at a fixed size). */
static void xl_comment(Xl *x, lxw_worksheet *ws, int row, int col, const char *fmt, ...) {
  Buf text = {0};
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&text, fmt, ap);
  va_end(ap);
  xl_check(x, worksheet_write_comment(ws, (lxw_row_t)row, (lxw_col_t)col, buf_str(&text)),
           "a comment at row %d, column %d", row + 1, col + 1);
  buf_free(&text);
}

/* A figure no spreadsheet number can hold (beyond ±1.8×10³⁰⁸): said in words, with a
   note, so that the workbook never holds INF. */
static void xl_too_large(Xl *x, lxw_worksheet *ws, int sheet, int row, int col) {
  xl_string(x, ws, sheet, row, col, "超出表格数值范围", NULL);
  xl_comment(x, ws, row, col, "此数值超出电子表格可表示的范围（约1.8×10³⁰⁸），精确值见 plc --emit json");
}

/* The number format for d decimals, as a plain number or as a percent. */
static lxw_format *xl_format(Xl *x, int decimals, int percent) {
  if (decimals < 0) decimals = 2;
  if (decimals > 12) decimals = 12;
  lxw_format **slot = percent ? &x->pct[decimals] : &x->num[decimals];
  if (!*slot) {
    char digits[16] = "0", fmt[48];
    if (decimals > 0) {
      strcat(digits, ".");
      for (int i = 0; i < decimals; i++) strcat(digits, "0");
    }
    if (percent) /* a decline reads 下降: -0.762 shows 下降76.2% */
      snprintf(fmt, sizeof fmt, "%s%%;\"下降\"%s%%", digits, digits);
    else
      snprintf(fmt, sizeof fmt, "%s", digits);
    *slot = workbook_add_format(x->wb);
    format_set_num_format(*slot, fmt);
    format_set_border(*slot, LXW_BORDER_THIN);
  }
  return *slot;
}

/* An exact rational as the nearest double, for a cell (mpq_get_d truncates: 5704.55 would
   become 5704.549999999999; through decimal text, strtod rounds to nearest). */
static double xl_double(const mpq_t q) {
  char *s = dec_format(q, 17);
  double d = strtod(s, NULL);
  free(s);
  return d;
}

/* The canonical (base-unit) value of a figure in unit u as a double: 5.5 % is 0.055. */
static double xl_canonical(const mpq_t v, const Unit *u) {
  mpq_t s, t;
  mpq_inits(s, t, NULL);
  unit_scale(s, u);
  mpq_mul(t, v, s);
  double d = xl_double(t);
  mpq_clears(s, t, NULL);
  return d;
}

/* Whether an indicator's cells hold fractions shown as percents. */
static int xl_percent(const Indicator *ind) {
  return ind->has_unit && ind->unit.kind == UK_PERCENT;
}

/* A cell's value for an indicator's figure: the figure, or the fraction for a percent. */
static double xl_cell_value(const Indicator *ind, const mpq_t v) {
  return xl_percent(ind) ? xl_canonical(v, &ind->unit) : xl_double(v);
}

/* "A1"-style address of a cell, absolute, on a sheet: '指标序列'!$D$5. */
static void xl_address(char *buf, size_t n, const char *sheet, int row, int col) {
  char letters[8];
  int k = 0, c = col + 1;
  char rev[8];
  while (c > 0 && k < 7) {
    rev[k++] = (char)('A' + (c - 1) % 26);
    c = (c - 1) / 26;
  }
  for (int i = 0; i < k; i++) letters[i] = rev[k - 1 - i];
  letters[k] = '\0';
  if (sheet) snprintf(buf, n, "'%s'!$%s$%d", sheet, letters, row + 1);
  else snprintf(buf, n, "%s%d", letters, row + 1);
}

/* ---- the series sheet's layout: rows by indicator id, columns by period ---- */

static int xl_id_row(const Xl *x, const char *id) {
  void *row = table_get(x->rows, id);
  return row ? (int)(intptr_t)row : -1;
}

static int xl_period_col(const Xl *x, Period p) {
  for (int i = 0; i < x->nperiods; i++)
    if (period_cmp(x->periods[i], p) == 0) return i + 3;
  return -1;
}

static void xl_add_period(Xl *x, Period p) {
  if (xl_period_col(x, p) >= 0) return;
  if (x->nperiods == x->periods_cap) {
    x->periods_cap = x->periods_cap ? 2 * x->periods_cap : 16;
    x->periods = mem_realloc(x->periods, (size_t)x->periods_cap * sizeof *x->periods);
  }
  int i = x->nperiods++;
  while (i > 0 && period_cmp(x->periods[i - 1], p) > 0) {
    x->periods[i] = x->periods[i - 1];
    i--;
  }
  x->periods[i] = p;
}

/* Every indicator id of the model and its imports, imports first, and every period. */
static void xl_layout(Xl *x) {
  const Model *m = x->m;
  int cap = m->ninds + 1;
  for (int i = 0; i < m->nimports; i++)
    if (m->imports[i].model) cap += m->imports[i].model->ninds;
  x->ids = mem_calloc((size_t)cap * sizeof *x->ids);
  for (int pass = 0; pass <= m->nimports; pass++) {
    const Model *src = pass < m->nimports ? m->imports[pass].model : m;
    for (int i = 0; src && i < src->ninds; i++) {
      const Indicator *ind = src->inds[i];
      if (xl_id_row(x, ind->id) < 0) {
        x->ids[x->nids++] = ind->id;
        table_put(x->rows, ind->id, (void *)(intptr_t)x->nids);
      }
      for (int k = 0; k < ind->nvalues; k++) xl_add_period(x, ind->values[k]->period);
    }
  }
}

/* The indicator an id names, as this plan sees it (its own, else an import's). */
static const Indicator *xl_indicator(const Xl *x, const char *id) {
  const Indicator *ind = model_indicator(x->m, id);
  for (int i = 0; !ind && i < x->m->nimports; i++)
    if (x->m->imports[i].model) ind = model_indicator(x->m->imports[i].model, id);
  return ind;
}

/* ---- formulas: cells for the formula writer (xlformula.c) ---- */

/* The series cell of an indicator's computed figure at p (xlformula.h). */
static int xl_cell(void *ctx, const Indicator *ind, Period p, char *addr, size_t n) {
  const Xl *x = ctx;
  int row = xl_id_row(x, ind->id), col = xl_period_col(x, p);
  Value *v = indicator_value(ind, p);
  if (row < 0 || col < 0 || !v || !v->fig.known) return 0;
  xl_address(addr, n, SHEET_SERIES, row, col);
  return 1;
}

static char *xl_formula_text(Xl *x, const Formula *f, Period p, const Unit *to) {
  XlCells cells = {xl_cell, x};
  return f ? xlformula_text(f, p, to, &cells) : NULL;
}

/* ---- the sheets ---- */

/* The header row, frozen, and a page set up as a bureau prints it: A4 landscape, one
   page wide, the header repeated on every page. */
static void xl_header(Xl *x, lxw_worksheet *ws, int sheet, const char *const *cols, int n) {
  for (int c = 0; c < n; c++) xl_string(x, ws, sheet, 0, c, cols[c], x->head);
  worksheet_freeze_panes(ws, 1, 1);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9); /* A4 */
  worksheet_fit_to_pages(ws, 1, 0);
  xl_check(x, worksheet_repeat_rows(ws, 0, 0), "the print titles");
}

/* Where a line of a plan is, for comments: plan2024.fp:37 (in the writer's arena). */
static const char *xl_where(Xl *x, const Model *m, Loc loc) {
  char *copy = mem_strdup(m->path), *text = mem_printf("%s:%d", basename(copy), loc.first_line);
  const char *kept = arena_strdup(x->arena, text);
  mem_free(text);
  mem_free(copy);
  return kept;
}

static void xl_series(Xl *x, lxw_worksheet *ws) {
  const char **cols = mem_calloc((size_t)(x->nperiods + 3) * sizeof *cols);
  char (*names)[PERIOD_LABEL_MAX] = mem_calloc((size_t)(x->nperiods + 1) * sizeof *names);
  cols[0] = "指标";
  cols[1] = "单位";
  cols[2] = "类别";
  for (int i = 0; i < x->nperiods; i++) cols[i + 3] = period_label(x->periods[i], names[i]);
  xl_header(x, ws, WS_SERIES, cols, x->nperiods + 3);
  mem_free(cols);
  mem_free(names);
  for (int r = 0; r < x->nids; r++) {
    const Indicator *ind = xl_indicator(x, x->ids[r]);
    int row = r + 1;
    xl_string(x, ws, WS_SERIES, row, 0, ind->name, NULL);
    xl_string(x, ws, WS_SERIES, row, 1, ind->has_unit ? ind->unit.text : NULL, NULL);
    xl_string(x, ws, WS_SERIES, row, 2, ind->category, NULL);
    for (int c = 0; c < x->nperiods; c++) {
      Value *v = indicator_value(ind, x->periods[c]);
      if (!v) {
        xl_string(x, ws, WS_SERIES, row, c + 3, NULL, NULL);
        continue;
      }
      int col = c + 3;
      lxw_format *f = xl_format(x, ind->decimals >= 0 && !v->fig.text ? ind->decimals
                                                                       : v->fig.places,
                                xl_percent(ind));
      const char *where = xl_where(x, v->ind->model, v->loc);
      if (!v->fig.known) { /* a change or a statement: its words */
        char *s = render_value(v);
        xl_string(x, ws, WS_SERIES, row, col, s, NULL);
        free(s);
        continue;
      }
      double cached = xl_cell_value(ind, *v->fig.v);
      char *formula = xl_formula_text(x, v->formula, v->period, &ind->unit);
      if (formula) {
        xl_formula(x, ws, WS_SERIES, row, col, formula, cached, f);
        mem_free(formula);
        xl_comment(x, ws, row, col, "由公式计算（%s）", where);
      } else {
        xl_number(x, ws, WS_SERIES, row, col, cached, f);
        if (v->formula) {
          xl_comment(x, ws, row, col, "由 plc 计算（%s）", where);
        } else if (v->fig.prefix || v->fig.suffix ||
                   (v->fig.unit_text && ind->has_unit && strcmp(v->fig.unit_text, ind->unit.text))) {
          char *s = render_value(v);
          xl_comment(x, ws, row, col, "原文：%s（%s）", s, where);
          free(s);
        }
      }
    }
  }
}

static void xl_chart(Xl *x, lxw_worksheet *ws, const int *chart_rows, int nchart);

/* The main sheet: one row per target, base-year figure and implied value as formulas. */
static void xl_main(Xl *x, lxw_worksheet *ws) {
  const Model *m = x->m;
  char base_head[32], year_head[32];
  snprintf(base_head, sizeof base_head, "%d年", m->base);
  snprintf(year_head, sizeof year_head, "%d年目标", m->year);
  const char *cols[] = {"指标", "单位", base_head, year_head, "目标值", "类型", "执行情况"};
  xl_header(x, ws, WS_MAIN, cols, 7);
  int *chart_rows = mem_calloc(((size_t)m->ntargets + 1) * sizeof *chart_rows), nchart = 0;
  x->listed = mem_calloc(((size_t)m->ntargets + 1) * sizeof *x->listed);
  for (int i = 0; i < m->ntargets; i++) /* this year's; the base year's are on 上年目标执行 */
    if (!m->targets[i]->review) x->listed[x->nlisted++] = m->targets[i];
  for (int i = 0; i < x->nlisted; i++) {
    const Target *t = x->listed[i];
    const Indicator *ind = t->ind;
    int row = i + 1, pct = xl_percent(ind);
    int decimals = ind->decimals >= 0 ? ind->decimals : 2;
    lxw_format *f = xl_format(x, decimals, pct);
    const char *where = xl_where(x, m, t->loc);
    xl_string(x, ws, WS_MAIN, row, 0, ind->name, NULL);
    xl_string(x, ws, WS_MAIN, row, 1, ind->has_unit ? ind->unit.text : NULL, NULL);
    /* the base-year figure: a reference to the series sheet */
    Value *base = indicator_value(ind, period_prev(t->period));
    int srow = xl_id_row(x, ind->id), scol = base ? xl_period_col(x, base->period) : -1;
    if (base && base->fig.known && srow > 0 && scol > 0) {
      char addr[96], formula[128];
      xl_address(addr, sizeof addr, SHEET_SERIES, srow, scol);
      snprintf(formula, sizeof formula, "=%s", addr);
      xl_formula(x, ws, WS_MAIN, row, 2, formula, xl_cell_value(ind, *base->fig.v), f);
      xl_comment(x, ws, row, 2, "引自“%s”表（%s）", SHEET_SERIES,
                 xl_where(x, base->ind->model, base->loc));
    } else if (base) {
      char *s = render_value(base);
      xl_string(x, ws, WS_MAIN, row, 2, s, NULL);
      free(s);
    }
    char *target = render_target(t);
    xl_string(x, ws, WS_MAIN, row, 3, target, NULL);
    free(target);
    /* the implied value: a formula over the base-year cell */
    if (t->implied.known) {
      double cached = xl_cell_value(ind, *t->implied.v);
      char *formula = NULL;
      const Delta *d = &t->delta;
      if (t->form == VF_CHANGE && base && base->fig.known) {
        const char *pctv = d->as_written;
        if (d->dir == CHG_FLAT) formula = mem_printf("=C%d", row + 1);
        else if (d->dir == CHG_DOUBLED) formula = mem_printf("=C%d*2", row + 1);
        else if (d->kind == UK_POINTS)
          formula = mem_printf("=C%d%c%s/100", row + 1, d->dir == CHG_DOWN ? '-' : '+', pctv);
        else if (d->by.rel != REL_RANGE) {
          char *by = dec_exact(*d->by.v);
          formula = mem_printf("=C%d*(1%c%s/100)", row + 1, d->dir == CHG_DOWN ? '-' : '+', by);
          free(by);
        }
      }
      if (formula) {
        xl_formula(x, ws, WS_MAIN, row, 4, formula, cached, f);
        mem_free(formula);
        char *s = render_target(t);
        xl_comment(x, ws, row, 4, "%d年%s × %s%s%s（%s）", m->base, ind->name, s,
                   *words_basis_zh(t->basis) ? "，按" : "", words_basis_zh(t->basis), where);
        free(s);
      } else {
        xl_number(x, ws, WS_MAIN, row, 4, cached, f);
      }
      if (base && base->fig.known) chart_rows[nchart++] = row;
    } else if (t->why_not) {
      xl_string(x, ws, WS_MAIN, row, 4, "—", NULL);
      xl_comment(x, ws, row, 4, "无目标值：%s（%s）",
                 t->form == VF_QUALITATIVE ? "定性目标" : "缺少基期数值", where);
    }
    xl_string(x, ws, WS_MAIN, row, 5, words_target_kind_zh(t->kind), NULL);
    char *verdict = t->v.status == EXEC_NONE ? mem_strdup("") : render_verdict(&t->v);
    xl_string(x, ws, WS_MAIN, row, 6, verdict, NULL);
    mem_free(verdict);
  }
  /* the chart's data: the targets with both figures, in a block of their own */
  if (nchart > 0) xl_chart(x, ws, chart_rows, nchart);
  mem_free(chart_rows);
}

/* The chart of the main sheet and its data block, below the table. */
static void xl_chart(Xl *x, lxw_worksheet *ws, const int *chart_rows, int nchart) {
  const Model *m = x->m;
  int top = x->nlisted + 3;
  xl_string(x, ws, WS_MAIN, top, 0, "图表数据", x->head);
  char base_name[32], target_name[32];
  snprintf(base_name, sizeof base_name, "%d年", m->base);
  snprintf(target_name, sizeof target_name, "%d年目标值", m->year);
  xl_string(x, ws, WS_MAIN, top, 1, base_name, x->head);
  xl_string(x, ws, WS_MAIN, top, 2, target_name, x->head);
  for (int i = 0; i < nchart; i++) {
    int r = chart_rows[i], row = top + 1 + i;
    const Target *t = x->listed[r - 1];
    char formula[64];
    snprintf(formula, sizeof formula, "=A%d", r + 1);
    xl_check(x, worksheet_write_formula_str(ws, (lxw_row_t)row, 0, formula, x->text, t->ind->name),
             "the chart data at row %d", row + 1);
    lxw_format *f = xl_format(x, t->ind->decimals, xl_percent(t->ind));
    Value *base = indicator_value(t->ind, period_prev(t->period));
    snprintf(formula, sizeof formula, "=C%d", r + 1);
    xl_formula(x, ws, WS_MAIN, row, 1, formula, xl_cell_value(t->ind, *base->fig.v), f);
    snprintf(formula, sizeof formula, "=E%d", r + 1);
    xl_formula(x, ws, WS_MAIN, row, 2, formula, xl_cell_value(t->ind, *t->implied.v), f);
  }
  lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
  if (!chart) {
    xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the chart");
    return;
  }
  char title[128];
  snprintf(title, sizeof title, "主要指标：%d年与%d年目标值", m->base, m->year);
  chart_title_set_name(chart, title);
  for (int s = 1; s <= 2; s++) {
    lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
    chart_series_set_categories(series, SHEET_MAIN, (lxw_row_t)(top + 1), 0,
                                (lxw_row_t)(top + nchart), 0);
    chart_series_set_values(series, SHEET_MAIN, (lxw_row_t)(top + 1), (lxw_col_t)s,
                            (lxw_row_t)(top + nchart), (lxw_col_t)s);
    chart_series_set_name_range(series, SHEET_MAIN, (lxw_row_t)top, (lxw_col_t)s);
  }
  xl_check(x, worksheet_insert_chart(ws, (lxw_row_t)top, 4, chart), "the chart");
}

static void xl_tasks(Xl *x, lxw_worksheet *ws) {
  const Model *m = x->m;
  const char *cols[] = {"序号", "部分", "任务", "牵头单位", "完成时限", "量化指标", "目标",
                        "关联指标"};
  xl_header(x, ws, WS_TASKS, cols, 8);
  int row = 1;
  for (int i = 0; i < m->ntasks; i++) {
    const Task *t = m->tasks[i];
    int n = t->ncommits ? t->ncommits : 1;
    for (int k = 0; k < n; k++, row++) {
      xl_number(x, ws, WS_TASKS, row, 0, t->number, NULL);
      xl_string(x, ws, WS_TASKS, row, 1, t->section, NULL);
      xl_string(x, ws, WS_TASKS, row, 2, t->title, NULL);
      if (!t->ncommits) {
        xl_string(x, ws, WS_TASKS, row, 3, t->lead, NULL);
        xl_string(x, ws, WS_TASKS, row, 4, t->due, NULL);
        continue;
      }
      const Commit *c = t->commits[k];
      xl_string(x, ws, WS_TASKS, row, 3, c->lead, NULL);
      xl_string(x, ws, WS_TASKS, row, 4, c->due, NULL);
      xl_string(x, ws, WS_TASKS, row, 5, c->desc, NULL);
      char *s = c->form == VF_CHANGE ? render_delta(&c->delta, 1)
                                     : render_figure(&c->fig, c->has_unit ? c->unit.text : NULL, -1);
      xl_string(x, ws, WS_TASKS, row, 6, s, NULL);
      free(s);
      xl_string(x, ws, WS_TASKS, row, 7, c->ind ? c->ind->name : NULL, NULL);
    }
  }
}

/* The checks: each claim of the plan and of its imports, its computation as a formula. */
static void xl_checks(Xl *x, lxw_worksheet *ws) {
  const char *cols[] = {"核查项", "期间", "报告数值", "计算值", "按报告精度", "输入取整下限",
                        "输入取整上限", "结论", "位置"};
  xl_header(x, ws, WS_CHECKS, cols, 9);
  static const char *const verdicts[] = {"一致", "不一致，可由输入数据的取整解释",
                                         "不一致，不能由取整解释", "无法计算"};
  int row = 1;
  for (int pass = 0; pass <= x->m->nimports; pass++) {
    const Model *m = pass < x->m->nimports ? x->m->imports[pass].model : x->m;
    for (int i = 0; m && i < m->nclaims; i++, row++) {
      const Claim *c = m->claims[i];
      char pb[PERIOD_LABEL_MAX];
      const char *where = xl_where(x, m, c->loc);
      int pct = c->unit.kind == UK_PERCENT, d = c->stated.places;
      lxw_format *f = xl_format(x, d, pct), *f2 = xl_format(x, d + 2, pct);
      xl_string(x, ws, WS_CHECKS, row, 0, c->label ? c->label : c->id, NULL);
      xl_string(x, ws, WS_CHECKS, row, 1, period_label(c->period, pb), NULL);
      /* stated and computed in the claim's unit (a percent as its fraction) */
      xl_number(x, ws, WS_CHECKS, row, 2,
                pct ? xl_canonical(*c->stated.v, &c->unit) : xl_double(*c->stated.v), f);
      if (c->verdict != CLAIM_UNKNOWN) {
        double cached = pct ? xl_canonical(*c->computed, &c->unit) : xl_double(*c->computed);
        char *formula = xl_formula_text(x, c->formula, c->period, &c->unit);
        if (formula) {
          xl_formula(x, ws, WS_CHECKS, row, 3, formula, cached, f2);
          mem_free(formula);
          xl_comment(x, ws, row, 3, "由公式计算（%s）", where);
        } else {
          xl_number(x, ws, WS_CHECKS, row, 3, cached, f2);
        }
        char formula2[64];
        snprintf(formula2, sizeof formula2, "=ROUND(D%d,%d)", row + 1, pct ? d + 2 : d);
        mpq_t shown;
        mpq_init(shown);
        dec_round(shown, *c->computed, d);
        xl_formula(x, ws, WS_CHECKS, row, 4, formula2,
                   pct ? xl_canonical(shown, &c->unit) : xl_double(shown), f);
        xl_comment(x, ws, row, 4, "计算值按报告数值的精度四舍五入");
        mpq_clear(shown);
        xl_number(x, ws, WS_CHECKS, row, 5,
                  pct ? xl_canonical(*c->lo, &c->unit) : xl_double(*c->lo), f2);
        xl_number(x, ws, WS_CHECKS, row, 6,
                  pct ? xl_canonical(*c->hi, &c->unit) : xl_double(*c->hi), f2);
      }
      xl_string(x, ws, WS_CHECKS, row, 7, verdicts[c->verdict], NULL);
      xl_string(x, ws, WS_CHECKS, row, 8, where, NULL);
    }
  }
}

/* Last year's targets (in the plans this one imports) against this plan's figures. */
static void xl_execution(Xl *x, lxw_worksheet *ws) {
  const Model *m = x->m;
  const char *cols[] = {"指标", "上年目标", "目标值", "实际", "完成率", "完成程度",
                        "完成情况", "位置"};
  xl_header(x, ws, WS_EXEC, cols, 8);
  for (int i = 0; i < m->nreviewed; i++) {
    const Target *t = m->reviewed[i];
    const Indicator *ind = t->ind;
    int row = i + 1;
    lxw_format *f = xl_format(x, ind->decimals, xl_percent(ind));
    const char *where = xl_where(x, t->model, t->loc);
    xl_string(x, ws, WS_EXEC, row, 0, ind->name, NULL);
    char *s = render_target(t);
    xl_string(x, ws, WS_EXEC, row, 1, s, NULL);
    free(s);
    const Verdict *v = &t->v;
    if (t->implied.known) xl_number(x, ws, WS_EXEC, row, 2, xl_cell_value(ind, *t->implied.v), f);
    else xl_string(x, ws, WS_EXEC, row, 2, "—", NULL);
    if (v->actual && v->actual->fig.known) {
      xl_number(x, ws, WS_EXEC, row, 3, xl_cell_value(ind, *v->actual->fig.v), f);
    } else {
      s = v->actual ? render_value(v->actual) : mem_strdup("数据暂缺");
      xl_string(x, ws, WS_EXEC, row, 3, s, NULL);
      free(s);
    }
    /* the completion rate of a level, live over the two cells beside it */
    if (v->has_completion && !t->cumulative && v->actual && v->actual->fig.known) {
      char formula[64];
      snprintf(formula, sizeof formula, "=D%d/C%d", row + 1, row + 1);
      xl_formula(x, ws, WS_EXEC, row, 4, formula, xl_double(*v->completion), xl_format(x, 1, 1));
      xl_comment(x, ws, row, 4, "完成率＝实际÷目标值");
    } else {
      xl_string(x, ws, WS_EXEC, row, 4, "—", NULL);
    }
    s = v->has_gap || t->cumulative || t->form == VF_RELATION || (t->delta.present && v->has_achieved)
            ? render_achieved(t, v) : mem_strdup("");
    if (v->has_gap) {
      char *gap = render_measure(t, v);
      char *both = mem_printf("%s%s%s", s, *s ? "，" : "", gap);
      free(s);
      free(gap);
      s = both;
    }
    xl_string(x, ws, WS_EXEC, row, 5, s, NULL);
    free(s);
    s = render_verdict(v);
    xl_string(x, ws, WS_EXEC, row, 6, s, NULL);
    free(s);
    xl_string(x, ws, WS_EXEC, row, 7, where, NULL);
  }
}

/* Column widths from the widest text of each column (two cells per CJK character). */
static void xl_widths(Xl *x, lxw_worksheet *ws, int sheet) {
  for (int c = 0; c < x->ncols[sheet]; c++) {
    if (!x->width[sheet][c]) continue;
    double w = x->width[sheet][c] + 2;
    if (w > 60) w = 60;
    xl_check(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL),
             "the width of column %d", c + 1);
  }
}

/* The plan's date as a time, so that the same plan gives the same bytes. */
static time_t xl_created(const Model *m) {
  int y = 2000, mo = 1, d = 1;
  if (m->date) sscanf(m->date, "%d-%d-%d", &y, &mo, &d);
  struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d};
  time_t t = timegm(&tm);
  return t > 0 ? t : 1;
}

int workbook_write(const Model *m, const char *path, char *err, size_t errn) {
  /* libxlsxwriter reopens path by name when it closes the workbook, and keeps its own
     temporaries in tmpdir: both in path's folder, which output.c made private */
  char *dir_copy = mem_strdup(path);
  lxw_workbook_options opts = {.tmpdir = dirname(dir_copy)};
  Xl x = {.m = m};
  x.wb = workbook_new_opt(path, &opts);
  if (!x.wb) {
    snprintf(err, errn, diag_tr("cannot start the workbook %s"), path);
    mem_free(dir_copy);
    return -1;
  }
  x.head = workbook_add_format(x.wb);
  format_set_bold(x.head);
  format_set_bg_color(x.head, 0xDDEBF7);
  format_set_border(x.head, LXW_BORDER_THIN);
  x.text = workbook_add_format(x.wb);
  format_set_border(x.text, LXW_BORDER_THIN);
  char status[64];
  snprintf(status, sizeof status, "%s", words_doc_status_zh(m->status));
  lxw_doc_properties props = {.title = (char *)m->title, .subject = (char *)m->title,
                              .company = (char *)m->region, .status = status,
                              .comments = "plc", .created = xl_created(m)};
  xl_check(&x, workbook_set_properties(x.wb, &props), "the document properties");
  x.arena = arena_new();
  x.rows = table_new(x.arena);
  xl_layout(&x);
  lxw_worksheet *main_ws = workbook_add_worksheet(x.wb, SHEET_MAIN);
  lxw_worksheet *series_ws = workbook_add_worksheet(x.wb, SHEET_SERIES);
  lxw_worksheet *tasks_ws = workbook_add_worksheet(x.wb, SHEET_TASKS);
  lxw_worksheet *checks_ws = workbook_add_worksheet(x.wb, SHEET_CHECKS);
  lxw_worksheet *exec_ws = m->nreviewed ? workbook_add_worksheet(x.wb, SHEET_EXEC) : NULL;
  if (!main_ws || !series_ws || !tasks_ws || !checks_ws || (m->nreviewed && !exec_ws)) {
    xl_check(&x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the sheets");
  } else {
    xl_series(&x, series_ws);
    xl_main(&x, main_ws);
    xl_tasks(&x, tasks_ws);
    xl_checks(&x, checks_ws);
    xl_widths(&x, main_ws, WS_MAIN);
    xl_widths(&x, series_ws, WS_SERIES);
    xl_widths(&x, tasks_ws, WS_TASKS);
    xl_widths(&x, checks_ws, WS_CHECKS);
    if (exec_ws) {
      xl_execution(&x, exec_ws);
      xl_widths(&x, exec_ws, WS_EXEC);
    }
  }
  lxw_error closing = workbook_close(x.wb);
  xl_check(&x, closing, "the workbook file");
  free(x.ids);
  mem_free(x.periods);
  mem_free(x.listed);
  for (int i = 0; i < NSHEETS; i++) mem_free(x.width[i]);
  arena_free(x.arena);
  mem_free(dir_copy);
  if (x.err == LXW_NO_ERROR) return 0;
  snprintf(err, errn, diag_tr("cannot write %s: %s (while writing %s)"), path,
           lxw_strerror(x.err),
           x.where);
  return -1;
}
