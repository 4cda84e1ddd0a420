/* workbook.c: the workbook back end (libxlsxwriter). Four sheets — 主要指标 (the targets
   of the main indicators with the values they imply and a chart), 指标序列 (every
   indicator by period), 主要任务 (sections, tasks, commitments), 数据核查 (the claims
   and their verdicts) and, when imported plans set last year's targets, 上年目标执行. Derived cells are live Excel formulas over the cells they come from,
   each with plc's exact result cached (worksheet_write_formula_num), so that a reader that
   does not recalculate shows the right figure and one that does agrees with plc. Figures
   are stored in base units where that keeps formulas simple: a percent as a fraction
   shown with a % format. The workbook is written to a temporary file and renamed.
   A large workbook (XL_STREAM_CELLS) is streamed: every sheet is written row by row, in
   order, libxlsxwriter keeping one row of each in memory, and the provenance a comment
   would give goes to a last sheet, 数据来源. Every libxlsxwriter error is kept (xl_check)
   and fails the write. */
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
#define SHEET_PROV "数据来源"
#define NSHEETS 6

/* From about this many cells on (xl_cells()), the workbook is streamed: libxlsxwriter's
   constant_memory mode writes each row to a temporary file as the next one starts, strings
   inline, and each derived cell's provenance is a row of the sheet 数据来源 instead of a
   comment (a comment is a VML shape libxlsxwriter keeps in memory to the end, and costs
   more to write than the cell). Below it the workbook is kept in memory as before (about
   250 bytes a cell: 5 MiB here), its bytes unchanged, and a comment shows provenance where
   the reader looks. Real plans are far below it (the flagship has about 1 100 cells, a
   district's plan a few hundred indicators); a plan of about 800 indicators reaches it,
   where thousands of comments no longer help a reader and memory starts to tell. */
#define XL_STREAM_CELLS 20000

/* A streamed workbook's charts draw at most this many targets (its first ones): a chart of
   thousands of bars cannot be read, and its points are kept in memory and written twice
   (the range and the cache). */
#define XL_CHART_MAX 50

/* The writer's state: the workbook, its formats, where each indicator's values are. */
typedef struct Xl {
  lxw_workbook *wb;
  const Model *m;
  lxw_error err;        /* the first error, and what was being written */
  char where[160];        /* what was being written (a cell's place): short, never a figure */
  lxw_format *head, *text, *wrap, *title, *unit, *section;
  struct { char *key; lxw_format *f; } fmts[96]; /* number formats by their code */
  int nfmts;
  lxw_format *plain[13][2]; /* xl_format's: by decimals, and percent or not */
  int pcol0;            /* the series sheet's first period column (after 类别, if any) */
  /* the series sheet: one row per indicator id, one column per period */
  const char **ids;
  const Indicator **inds; /* the indicator of each row, as this plan sees it (xl_indicator) */
  int nids;
  struct { const Indicator *ind; int row; } *slots; /* every indicator's row, by address */
  size_t nslots;          /* a power of two, at least twice the indicators */
  Arena *arena;         /* for the table below */
  Table *rows;          /* id → its row on the series sheet */
  Period *periods;       /* the series sheet's columns, in order */
  int nperiods, periods_cap;
  int *width[NSHEETS];    /* display widths per sheet and column, for the column widths */
  int ncols[NSHEETS];
  int fixed[NSHEETS];     /* a sheet that set its own column widths */
  const Target **listed;  /* the main sheet's targets, in its rows */
  int nlisted;
  int stream;           /* constant_memory: rows in order, provenance on SHEET_PROV */
  lxw_worksheet *prov;  /* the provenance sheet (streaming only) */
  int prov_row;         /* its next row */
  Buf here[2];          /* xl_where's two buffers, used in turn */
  unsigned nhere;
  const Model *here_model; /* the model whose file name is in here_base */
  Buf here_base;
  Buf note;             /* xl_note_of's text */
} Xl;

enum { WS_MAIN, WS_SERIES, WS_TASKS, WS_CHECKS, WS_EXEC, WS_PROV };

/* Each sheet's name, by its WS_ index. */
static const char *const xl_sheet_names[NSHEETS] = {SHEET_MAIN, SHEET_SERIES, SHEET_TASKS,
                                                    SHEET_CHECKS, SHEET_EXEC, SHEET_PROV};

/* Every sheet is a 附表: its title (row 1), its unit (row 2), its header (row 3), then the
   data. */
enum { TITLE_ROW = 0, UNIT_ROW = 1, HEAD_ROW = 2, FIRST_ROW = 3 };

/* Remember the first libxlsxwriter error and what was being written. */
static void xl_check(Xl *x, lxw_error e, const char *fmt, ...) {
  if (e == LXW_NO_ERROR || x->err != LXW_NO_ERROR) return;
  x->err = e;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(x->where, sizeof x->where, fmt, ap);
  va_end(ap);
}

/* The widest a column is made (xl_widths): a width measured beyond it changes nothing. */
#define XL_WIDTH_MAX 36

/* The widest display width kept for a column so far (growing the table as needed). */
static int *xl_width_of(Xl *x, int sheet, int col) {
  if (col >= x->ncols[sheet]) {
    int n = col + 16;
    x->width[sheet] = mem_realloc(x->width[sheet], (size_t)n * sizeof *x->width[sheet]);
    memset(x->width[sheet] + x->ncols[sheet], 0, (size_t)(n - x->ncols[sheet]) * sizeof (int));
    x->ncols[sheet] = n;
  }
  return &x->width[sheet][col];
}

/* Keep the widest display width of a column, so that CJK text fits. Text no wider than
   its bytes (a character is never wider than its UTF-8 bytes) is measured only when it
   could widen the column, and a column already at its widest is not measured again. */
static void xl_measure(Xl *x, int sheet, int col, const char *s) {
  if (!s) return;
  int *kept = xl_width_of(x, sheet, col);
  if (*kept + 2 >= XL_WIDTH_MAX) return;
  size_t n = strlen(s);
  if (n <= (size_t)*kept) return;
  int w = utf8_width(s, n);
  if (w > *kept) *kept = w;
}

/* A number's width as a cell shows it, about: its digits at two places, and a sign. The
   text is made only when its bound (the integer digits, a sign, ".00 ") could widen the
   column. */
static void xl_measure_number(Xl *x, int sheet, int col, double v) {
  int kept = *xl_width_of(x, sheet, col), bound = 5 + (v < 0);
  if (kept + 2 >= XL_WIDTH_MAX) return;
  for (double a = fabs(v) + 1; a >= 10 && bound <= kept; a /= 10) bound++;
  if (bound <= kept) return;
  char buf[48];
  snprintf(buf, sizeof buf, "%.2f ", v);
  xl_measure(x, sheet, col, buf);
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
  xl_measure_number(x, sheet, col, v);
  xl_check(x, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f),
           "a number at row %d, column %d", row + 1, col + 1);
}

static void xl_formula(Xl *x, lxw_worksheet *ws, int sheet, int row, int col,
                       const char *formula, double cached, lxw_format *f) {
  if (!isfinite(cached)) {
    xl_too_large(x, ws, sheet, row, col);
    return;
  }
  xl_measure_number(x, sheet, col, cached);
  xl_check(x, worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col, formula, f, cached),
           "a formula at row %d, column %d", row + 1, col + 1);
}

static void xl_comment(Xl *x, lxw_worksheet *ws, int sheet, int row, int col, const char *fmt,
                       ...) __attribute__((format(printf, 6, 7)));
static void xl_address(char *buf, size_t n, const char *sheet, int row, int col);

/* A cell's provenance: its comment, or when the workbook is streamed a row of 数据来源 —
   the sheet, the cell, the same words. */
static void xl_note(Xl *x, lxw_worksheet *ws, int sheet, int row, int col, const char *text) {
  if (x->stream) {
    char addr[32];
    xl_address(addr, sizeof addr, NULL, row, col);
    int r = x->prov_row++;
    xl_string(x, x->prov, WS_PROV, r, 0, xl_sheet_names[sheet], NULL);
    xl_string(x, x->prov, WS_PROV, r, 1, addr, NULL);
    xl_string(x, x->prov, WS_PROV, r, 2, text, NULL);
  } else {
    xl_check(x, worksheet_write_comment(ws, (lxw_row_t)row, (lxw_col_t)col, text),
             "a comment at row %d, column %d", row + 1, col + 1);
  }
}

/* A cell's provenance, formatted (never cut at a fixed size): xl_note. */
static void xl_comment(Xl *x, lxw_worksheet *ws, int sheet, int row, int col, const char *fmt,
                       ...) {
  Buf text = {0};
  va_list ap;
  va_start(ap, fmt);
  buf_vprintf(&text, fmt, ap);
  va_end(ap);
  xl_note(x, ws, sheet, row, col, buf_str(&text));
  buf_free(&text);
}

static void xl_note_of(Xl *x, lxw_worksheet *ws, int sheet, int row, int col, ...)
    __attribute__((sentinel));

/* A cell's provenance made of pieces (NULL ends them), without printf: the notes every
   derived cell of a large plan has. */
static void xl_note_of(Xl *x, lxw_worksheet *ws, int sheet, int row, int col, ...) {
  Buf *b = &x->note;
  buf_clear(b);
  va_list ap;
  va_start(ap, col);
  for (const char *s; (s = va_arg(ap, const char *));) buf_add(b, s);
  va_end(ap);
  xl_note(x, ws, sheet, row, col, buf_str(b));
}

/* A whole number as text in buf (at least 24 bytes): 2023, -5. */
static const char *xl_int(char *buf, long v) {
  char rev[24];
  int n = 0;
  unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
  do rev[n++] = (char)('0' + u % 10); while ((u /= 10) > 0);
  if (v < 0) rev[n++] = '-';
  for (int i = 0; i < n; i++) buf[i] = rev[n - 1 - i];
  buf[n] = '\0';
  return buf;
}

/* A figure no spreadsheet number can hold (beyond ±1.8×10³⁰⁸): said in words, with a
   note, so that the workbook never holds INF. */
static void xl_too_large(Xl *x, lxw_worksheet *ws, int sheet, int row, int col) {
  xl_string(x, ws, sheet, row, col, "超出表格数值范围", NULL);
  xl_comment(x, ws, sheet, row, col, "此数值超出电子表格可表示的范围（约1.8×10³⁰⁸），精确值见 plc --emit json");
}

/* The cell format of a number format code (0.00, 0.0%, "约"0.00"（可比价）"): 宋体, a thin
   border, centred vertically; one per code. */
static lxw_format *xl_numfmt(Xl *x, const char *code) {
  for (int i = 0; i < x->nfmts; i++)
    if (strcmp(x->fmts[i].key, code) == 0) return x->fmts[i].f;
  lxw_format *f = workbook_add_format(x->wb);
  if (!f) { /* a cell without it takes the default format; the run fails anyway */
    xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "a number format");
    return NULL;
  }
  format_set_num_format(f, code);
  format_set_border(f, LXW_BORDER_THIN);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, 11);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  if (x->nfmts < (int)(sizeof x->fmts / sizeof *x->fmts)) {
    x->fmts[x->nfmts].key = arena_strdup(x->arena, code);
    x->fmts[x->nfmts++].f = f;
  }
  return f;
}

/* The number format for d decimals, as a plain number or as a percent, with the words a
   figure carries around it (约 before, （可比价） after) kept in the format, so the cell
   stays a number: "约"0.00"（可比价）". */
static lxw_format *xl_format_words(Xl *x, int decimals, int percent, const char *before,
                                   const char *after) {
  if (decimals < 0) decimals = 2;
  if (decimals > 12) decimals = 12;
  Buf code = {0};
  for (int neg = 0; neg < (percent ? 2 : 1); neg++) { /* a decline reads 下降: 下降76.2% */
    if (neg) buf_add(&code, ";");
    if ((before && *before) || neg)
      buf_printf(&code, "\"%s%s\"", before ? before : "", neg ? "下降" : "");
    buf_add(&code, "0");
    if (decimals > 0) buf_add(&code, ".");
    for (int i = 0; i < decimals; i++) buf_add(&code, "0");
    if (percent) buf_add(&code, "%");
    if (after && *after) buf_printf(&code, "\"%s\"", after);
  }
  lxw_format *f = xl_numfmt(x, buf_str(&code));
  buf_free(&code);
  return f;
}

/* The plain number format for d decimals, as a number or a percent (kept by its two keys:
   most cells take one of these). */
static lxw_format *xl_format(Xl *x, int decimals, int percent) {
  if (decimals < 0) decimals = 2;
  if (decimals > 12) decimals = 12;
  lxw_format **f = &x->plain[decimals][percent != 0];
  if (!*f) *f = xl_format_words(x, decimals, percent, NULL, NULL);
  return *f;
}

/* An exact rational as the nearest double, for a cell (mpq_get_d truncates: 5704.55 would
   become 5704.549999999999; through decimal text, strtod rounds to nearest). */
static double xl_double(const mpq_t q) {
  /* the common case first: a decimal of at most 17 places (the denominator divides 10¹⁷)
     whose numerator and denominator are exact doubles; IEEE division rounds their
     quotient to nearest, as strtod rounds the same exact decimal */
  mpz_srcptr num = mpq_numref(q), den = mpq_denref(q);
  const unsigned long exact = 1UL << 53;
  if (mpz_size(num) <= 1 && mpz_size(den) == 1 && sizeof(unsigned long) >= 8) {
    unsigned long n = mpz_get_ui(num), d = mpz_get_ui(den); /* |num|, den: one limb each */
    if (n <= exact && d <= exact && 100000000000000000UL % d == 0) {
      double v = (double)n; /* exact */
      return (mpz_sgn(num) < 0 ? -v : v) / (double)d;
    }
  }
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
  char digits[24];
  size_t nd = strlen(xl_int(digits, row + 1));
  size_t need = (sheet ? strlen(sheet) + 5 : 0) + (size_t)k + nd + 1, at = 0;
  if (need > n) { /* never for the sizes used here: cut, as snprintf cuts */
    if (sheet) snprintf(buf, n, "'%s'!$%s$%s", sheet, letters, digits);
    else snprintf(buf, n, "%s%s", letters, digits);
    return;
  }
  if (sheet) { /* '指标序列'!$D$5 */
    buf[at++] = '\'';
    memcpy(buf + at, sheet, strlen(sheet));
    at += strlen(sheet);
    memcpy(buf + at, "'!$", 3);
    at += 3;
  }
  memcpy(buf + at, letters, (size_t)k);
  at += (size_t)k;
  if (sheet) buf[at++] = '$';
  memcpy(buf + at, digits, nd + 1);
}

/* ---- the series sheet's layout: rows by indicator id, columns by period ---- */

static int xl_id_row(const Xl *x, const char *id) {
  void *row = table_get(x->rows, id);
  return row ? (int)(intptr_t)row : -1;
}

/* The slot of ind in the table of indicators by address (open addressing). */
static size_t xl_ind_slot(const Xl *x, const Indicator *ind) {
  size_t i = (size_t)(((uintptr_t)ind >> 4) * 0x9E3779B97F4A7C15ull) & (x->nslots - 1);
  while (x->slots[i].ind && x->slots[i].ind != ind) i = (i + 1) & (x->nslots - 1);
  return i;
}

/* The series row of an indicator (of the plan or of an import): by its address, which a
   formula's reference holds, else by its id. */
static int xl_ind_row(const Xl *x, const Indicator *ind) {
  if (x->nslots) {
    size_t i = xl_ind_slot(x, ind);
    if (x->slots[i].ind) return x->slots[i].row;
  }
  return xl_id_row(x, ind->id);
}

static int xl_period_col(const Xl *x, Period p) {
  for (int i = 0; i < x->nperiods; i++)
    if (period_cmp(x->periods[i], p) == 0) return i + x->pcol0;
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

static const Indicator *xl_indicator(const Xl *x, const char *id);

/* Every indicator id of the model and its imports, imports first, and every period; the
   period columns start after 类别, or after 单位 when no indicator has a category. */
static void xl_layout(Xl *x) {
  const Model *m = x->m;
  x->pcol0 = 2;
  int cap = m->ninds + 1;
  for (int i = 0; i < m->nimports; i++)
    if (m->imports[i].model) cap += m->imports[i].model->ninds;
  x->ids = mem_calloc((size_t)cap * sizeof *x->ids);
  for (x->nslots = 16; x->nslots < 2 * (size_t)cap; x->nslots *= 2) continue;
  x->slots = mem_calloc(x->nslots * sizeof *x->slots);
  for (int pass = 0; pass <= m->nimports; pass++) {
    const Model *src = pass < m->nimports ? m->imports[pass].model : m;
    for (int i = 0; src && i < src->ninds; i++) {
      const Indicator *ind = src->inds[i];
      int row = xl_id_row(x, ind->id);
      if (row < 0) {
        row = FIRST_ROW + x->nids;
        table_put(x->rows, ind->id, (void *)(intptr_t)row);
        x->ids[x->nids++] = ind->id;
      }
      size_t slot = xl_ind_slot(x, ind);
      x->slots[slot].ind = ind;
      x->slots[slot].row = row;
      if (ind->category && *ind->category) x->pcol0 = 3;
      for (int k = 0; k < ind->nvalues; k++) xl_add_period(x, ind->values[k]->period);
    }
  }
  x->inds = mem_calloc(((size_t)x->nids + 1) * sizeof *x->inds);
  for (int r = 0; r < x->nids; r++) x->inds[r] = xl_indicator(x, x->ids[r]);
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
  int row = xl_ind_row(x, ind), col = xl_period_col(x, p);
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

/* A header or footer text with its & doubled (& starts a code there). */
static char *xl_hf_text(const char *s) {
  Buf b = {0};
  for (; s && *s; s++) buf_add(&b, *s == '&' ? "&&" : (char[]){*s, 0});
  if (!b.s) buf_add(&b, "");
  return buf_take(&b);
}

/* A sheet as a 附表: the title across the table (小标宋 or 黑体, centred), the unit line at
   its right, the header row (frozen, repeated on every printed page), A4 landscape one page
   wide, the plan's title in the page header and 第 N 页，共 M 页 in the footer. */
static void xl_sheet_top(Xl *x, lxw_worksheet *ws, int sheet, const char *title,
                         const char *unit, const char *const *cols, int n) {
  xl_check(x, worksheet_merge_range(ws, TITLE_ROW, 0, TITLE_ROW, (lxw_col_t)(n - 1), title,
                                    x->title), "the title of sheet %d", sheet + 1);
  xl_check(x, worksheet_set_row(ws, TITLE_ROW, 30, NULL), "the title's height");
  if (n > 1)
    xl_check(x, worksheet_merge_range(ws, UNIT_ROW, 0, UNIT_ROW, (lxw_col_t)(n - 1),
                                      unit ? unit : "", x->unit), "the unit line");
  for (int c = 0; c < n; c++) xl_string(x, ws, sheet, HEAD_ROW, c, cols[c], x->head);
  worksheet_freeze_panes(ws, FIRST_ROW, 1);
  worksheet_set_landscape(ws);
  worksheet_set_paper(ws, 9); /* A4 */
  worksheet_set_margins(ws, 0.6, 0.6, 0.8, 0.8);
  worksheet_fit_to_pages(ws, 1, 0);
  worksheet_center_horizontally(ws);
  xl_check(x, worksheet_repeat_rows(ws, HEAD_ROW, HEAD_ROW), "the print titles");
  char *plan = xl_hf_text(x->m->title ? x->m->title : ""), *what = xl_hf_text(title);
  char *head = mem_printf("&L&\"宋体\"&9%s&R&\"宋体\"&9%s", plan, what);
  if (strlen(head) > 250) { /* Excel's limit is 255 characters */
    mem_free(head);
    head = mem_printf("&R&\"宋体\"&9%s", what);
  }
  if (strlen(head) <= 250) xl_check(x, worksheet_set_header(ws, head), "the page header");
  xl_check(x, worksheet_set_footer(ws, "&C&\"宋体\"&10第 &P 页，共 &N 页"), "the page footer");
  mem_free(head);
  mem_free(plan);
  mem_free(what);
}

/* The region and the words a title starts with: 福田区 (or nothing). */
static const char *xl_region(const Xl *x) {
  return x->m->region ? x->m->region : "";
}

/* A year's header with the status its figures share: 2023年预计, 2023年实际; just 2023年
   when they differ or there are none. */
static char *xl_year_head(const char *label, const ValueStatus *st, int n) {
  int same = n > 0;
  for (int i = 1; i < n; i++) same &= st[i] == st[0];
  return mem_printf("%s%s", label, same ? words_status_zh(st[0]) : "");
}

/* Where a line of a plan is, for comments: plan2024.fp:37. It lives in one of two buffers
   taken in turn, so it stays valid until the second call after this one (a row needs at
   most two at once); the memory does not grow with the plan. */
static const char *xl_where(Xl *x, const Model *m, Loc loc) {
  if (m != x->here_model) { /* the file's name, once per run of the same model */
    char *copy = mem_strdup(m->path);
    buf_clear(&x->here_base);
    buf_add(&x->here_base, basename(copy));
    mem_free(copy);
    x->here_model = m;
  }
  Buf *b = &x->here[x->nhere++ & 1];
  buf_clear(b);
  buf_add(b, buf_str(&x->here_base));
  char line[24];
  buf_add(b, ":");
  buf_add(b, xl_int(line, loc.first_line));
  return buf_str(b);
}

/* The series sheet: indicators by period, numbers only; what a period states in words
   (增长22%, 完成市下达目标) goes to 说明; a filter on the header. */
static void xl_series(Xl *x, lxw_worksheet *ws) {
  int ncols = x->pcol0 + x->nperiods + 1, note = ncols - 1;
  const char **cols = mem_calloc((size_t)ncols * sizeof *cols);
  char **names = mem_calloc((size_t)(x->nperiods + 1) * sizeof *names);
  ValueStatus *st = mem_calloc((size_t)(x->nids + 1) * sizeof *st);
  cols[0] = "指标";
  cols[1] = "单位";
  if (x->pcol0 == 3) cols[2] = "类别";
  for (int i = 0; i < x->nperiods; i++) {
    char pb[PERIOD_LABEL_MAX], *label = mem_strdup(period_label(x->periods[i], pb));
    int n = 0;
    for (int r = 0; r < x->nids; r++) {
      Value *v = indicator_value(x->inds[r], x->periods[i]);
      if (v && v->fig.known) st[n++] = v->status;
    }
    names[i] = xl_year_head(label, st, n);
    mem_free(label);
    cols[x->pcol0 + i] = names[i];
  }
  cols[note] = "说明";
  char *title = mem_printf("附表2　%s主要指标数据", xl_region(x));
  xl_sheet_top(x, ws, WS_SERIES, title, "单位：见各行", cols, ncols);
  mem_free(title);
  for (int i = 0; i < x->nperiods; i++) mem_free(names[i]);
  mem_free(names);
  mem_free(cols);
  mem_free(st);
  for (int r = 0; r < x->nids; r++) {
    const Indicator *ind = x->inds[r];
    int row = FIRST_ROW + r;
    Buf words = {0};
    xl_string(x, ws, WS_SERIES, row, 0, ind->name, NULL);
    xl_string(x, ws, WS_SERIES, row, 1, ind->has_unit ? ind->unit.text : NULL, NULL);
    if (x->pcol0 == 3) xl_string(x, ws, WS_SERIES, row, 2, ind->category, NULL);
    for (int c = 0; c < x->nperiods; c++) {
      Value *v = indicator_value(ind, x->periods[c]);
      int col = x->pcol0 + c;
      if (!v || !v->fig.known) { /* nothing, or words: the cell stays empty */
        xl_string(x, ws, WS_SERIES, row, col, NULL, xl_format(x, 0, 0));
        if (v) {
          char pb[12], *s = render_value(v);
          period_format(v->period, pb);
          buf_printf(&words, "%s%s%s：%s", words.n ? "；" : "", pb,
                     v->period.kind == 'Y' ? "年" : "", s);
          free(s);
        }
        continue;
      }
      lxw_format *f = xl_format(x, ind->decimals >= 0 && !v->fig.text ? ind->decimals
                                                                       : v->fig.places,
                                xl_percent(ind));
      const char *where = xl_where(x, v->ind->model, v->loc);
      double cached = xl_cell_value(ind, *v->fig.v);
      char *formula = xl_formula_text(x, v->formula, v->period, &ind->unit);
      if (formula) {
        xl_formula(x, ws, WS_SERIES, row, col, formula, cached, f);
        mem_free(formula);
        xl_note_of(x, ws, WS_SERIES, row, col, "由公式计算（", where, "）", (char *)NULL);
      } else {
        xl_number(x, ws, WS_SERIES, row, col, cached, f);
        if (v->formula) {
          xl_comment(x, ws, WS_SERIES, row, col, "由 plc 计算（%s）", where);
        } else if (v->fig.prefix || v->fig.suffix ||
                   (v->fig.unit_text && ind->has_unit && strcmp(v->fig.unit_text, ind->unit.text))) {
          char *s = render_value(v);
          xl_comment(x, ws, WS_SERIES, row, col, "原文：%s（%s）", s, where);
          free(s);
        }
      }
    }
    xl_string(x, ws, WS_SERIES, row, note, buf_str(&words), x->wrap);
    buf_free(&words);
  }
  xl_check(x, worksheet_autofilter(ws, HEAD_ROW, 0, (lxw_row_t)(FIRST_ROW + x->nids - 1),
                                   (lxw_col_t)note), "the filter");
}

static void xl_charts(Xl *x, lxw_worksheet *ws, int top, int rate_col, int base_col,
                      int value_col);

/* A target's change as a number for its cell: the rate as a fraction (5.5% → 0.055,
   下降3.5% → −0.035, 持平 → 0, 翻番 → 1), or the points (个百分点); 0 when it has none. */
static int xl_rate(const Target *t, double *v, int *points, int *places) {
  const Delta *d = &t->delta;
  if (t->form != VF_CHANGE || !d->present) return 0;
  /* the rate drives =C*(1+E) over the base-year column (t->prior): an amount (增加1000亿元)
     is no rate, and a change from an earlier year (年均增长 … from 2020) is not over that
     column; their implied values are written as numbers */
  if (d->kind == UK_PLAIN || t->base != t->prior) return 0;
  *points = d->kind == UK_POINTS;
  *places = 1;
  if (d->dir == CHG_FLAT) {
    *v = 0;
    return 1;
  }
  if (d->dir == CHG_DOUBLED) {
    *v = 1;
    return 1;
  }
  if (!d->by.known || d->by.rel == REL_RANGE) return 0;
  double by = xl_double(*d->by.v);
  *places = d->times ? 0 : d->by.places > 1 ? d->by.places : 1;
  *v = (d->dir == CHG_DOWN ? -by : by) / (*points ? 1 : 100);
  return 1;
}

/* The digits of a number at places decimals, as dec_format writes it, at most: a sign,
   the integer digits (of |v| + 1, with room for the rounding), the point and the places. */
static int xl_number_width_bound(double v, int places) {
  int w = 2; /* a sign, and the first digit */
  for (double a = fabs(v) * (1 + 1e-9) + 1; a >= 10; a /= 10) w++;
  return w + (places > 0 ? 1 + places : 0);
}

/* At least the display width of render_figure(f, NULL, decimals) (a figure's words and
   digits), from v, its value as a double (the top of a range is read from f): so that the
   figure is rendered only when it could widen its column. */
static int xl_figure_width_bound(const Figure *f, int decimals, double v) {
  int places = f->text ? f->places : decimals; /* render_figure's, without a unit */
  int w = xl_number_width_bound(v, places);
  if (f->prefix) /* the words as written, or (written in English) at most 不少于 */
    w += (unsigned char)f->prefix[0] >= 0x80 ? utf8_width(f->prefix, strlen(f->prefix)) : 6;
  if (f->rel == REL_RANGE && f->hi) w += 2 + xl_number_width_bound(xl_double(*f->hi), places);
  if (f->suffix) w += (int)strlen(f->suffix); /* never wider than its bytes */
  return w;
}

/* The main sheet (附表1): one row per target — the base-year figure (a reference to the
   series sheet), the target in planners' words, its growth rate as a number, the value it
   implies as a formula over those two (edit the rate, the value follows), with 约 and the
   price basis in the number format; then two charts. */
static void xl_main(Xl *x, lxw_worksheet *ws) {
  const Model *m = x->m;
  int has_exec = 0, has_note = 0, n_st = 0;
  ValueStatus *st = mem_calloc(((size_t)m->ntargets + 1) * sizeof *st);
  const char *units[64];
  int ucount[64] = {0}, nunits = 0;
  x->listed = mem_calloc(((size_t)m->ntargets + 1) * sizeof *x->listed);
  for (int i = 0; i < m->ntargets; i++) /* this year's; the base year's are on 上年目标执行 */
    if (!m->targets[i]->review) x->listed[x->nlisted++] = m->targets[i];
  for (int i = 0; i < x->nlisted; i++) {
    const Target *t = x->listed[i];
    const Value *base = t->prior;
    has_exec |= t->v.status != EXEC_NONE && t->v.status != EXEC_QUALITATIVE;
    if (base && !base->fig.known) has_note = 1;
    if (t->why_not) has_note = 1;
    if (base && base->fig.known) st[n_st++] = base->status;
    const char *u = t->ind->has_unit ? t->ind->unit.text : NULL;
    if (!u) continue;
    int k = 0;
    while (k < nunits && strcmp(units[k], u) != 0) k++;
    if (k == nunits && nunits < 64) units[nunits++] = u;
    if (k < 64) ucount[k]++;
  }
  char base_label[16], year_head[32];
  snprintf(base_label, sizeof base_label, "%d年", m->base);
  snprintf(year_head, sizeof year_head, "%d年目标", m->year);
  char *base_head = xl_year_head(base_label, st, n_st);
  char *value_head = mem_printf("%d年目标值", m->year);
  mem_free(st);
  enum { C_NAME, C_UNIT, C_BASE, C_TARGET, C_RATE, C_VALUE, C_KIND };
  const char *cols[9] = {"指标", "单位", base_head, year_head, "目标增速", value_head, "类型"};
  int ncols = 7, c_exec = -1, c_note = -1;
  if (has_exec) cols[c_exec = ncols++] = "执行情况";
  if (has_note) cols[c_note = ncols++] = "说明";
  int top_unit = 0;
  for (int k = 1; k < nunits; k++)
    if (ucount[k] > ucount[top_unit]) top_unit = k;
  char *unit = nunits == 0 ? mem_strdup("")
               : nunits == 1 ? mem_printf("单位：%s", units[0])
                             : mem_printf("单位：%s（另注明者除外）", units[top_unit]);
  char *title = mem_printf("附表1　%s%d年国民经济和社会发展主要指标计划%s%s%s", xl_region(x),
                           m->year, m->status == DOC_DRAFT ? "（" : "",
                           m->status == DOC_DRAFT ? words_doc_status_zh(m->status) : "",
                           m->status == DOC_DRAFT ? "）" : "");
  xl_sheet_top(x, ws, WS_MAIN, title, unit, cols, ncols);
  mem_free(title);
  mem_free(unit);
  mem_free(base_head);
  mem_free(value_head);
  for (int i = 0; i < x->nlisted; i++) {
    const Target *t = x->listed[i];
    const Indicator *ind = t->ind;
    int row = FIRST_ROW + i, pct = xl_percent(ind);
    int decimals = ind->decimals >= 0 ? ind->decimals : 2;
    lxw_format *f = xl_format(x, decimals, pct);
    const char *where = xl_where(x, m, t->loc);
    Buf note = {0};
    xl_string(x, ws, WS_MAIN, row, C_NAME, ind->name, NULL);
    xl_string(x, ws, WS_MAIN, row, C_UNIT, ind->has_unit ? ind->unit.text : NULL, NULL);
    /* the base-year figure: a reference to the series sheet; words go to 说明 */
    const Value *base = t->prior;
    int srow = xl_ind_row(x, ind), scol = base ? xl_period_col(x, base->period) : -1;
    if (base && base->fig.known && srow > 0 && scol > 0) {
      char addr[96], formula[128];
      xl_address(addr, sizeof addr, SHEET_SERIES, srow, scol);
      snprintf(formula, sizeof formula, "=%s", addr);
      xl_formula(x, ws, WS_MAIN, row, C_BASE, formula, xl_cell_value(ind, *base->fig.v), f);
      xl_note_of(x, ws, WS_MAIN, row, C_BASE, "引自“" SHEET_SERIES "”表（",
                 xl_where(x, base->ind->model, base->loc), "）", (char *)NULL);
    } else {
      xl_string(x, ws, WS_MAIN, row, C_BASE, NULL, f);
      if (base) {
        char *s = render_value(base);
        buf_printf(&note, "%d年%s", m->base, s);
        free(s);
      }
    }
    char *target = render_target(t); /* the cell, and the implied value's note */
    xl_string(x, ws, WS_MAIN, row, C_TARGET, target, NULL);
    /* the rate, a number the implied value reads */
    double rate = 0;
    int points = 0, places = 1, has_rate = xl_rate(t, &rate, &points, &places);
    if (has_rate) {
      lxw_format *rf = points ? xl_format_words(x, places, 0, NULL, "个百分点")
                              : xl_format(x, places, 1);
      xl_number(x, ws, WS_MAIN, row, C_RATE, rate, rf);
    } else {
      xl_string(x, ws, WS_MAIN, row, C_RATE, NULL, xl_format(x, 1, 1));
    }
    /* the implied value: =C*(1+E), or =C+E/100 for points of a percent */
    if (t->implied.known) {
      double cached = xl_cell_value(ind, *t->implied.v);
      const char *basis = words_basis_zh(t->basis);
      char *after = *basis ? mem_printf("（%s）", basis) : NULL;
      lxw_format *vf = xl_format_words(x, decimals, pct,
                                       t->implied.rel == REL_ABOUT ? "约" : NULL, after);
      char *formula = NULL;
      if (has_rate && base && base->fig.known) {
        char r1[24];
        xl_int(r1, row + 1);
        Buf fb = {0};
        if (!points || pct) {
          buf_add(&fb, "=C");
          buf_add(&fb, r1);
          buf_add(&fb, points ? "+E" : "*(1+E");
          buf_add(&fb, r1);
          buf_add(&fb, points ? "/100" : ")");
          formula = buf_take(&fb);
        }
      }
      /* 约6018.30（可比价） must fit, not ###: measured when it could widen the column */
      int bound = xl_figure_width_bound(&t->implied, decimals, pct ? cached * 100 : cached) +
                  (t->implied.rel == REL_ABOUT ? 2 : 0) + (after ? utf8_width(after, strlen(after)) : 0);
      if (bound > *xl_width_of(x, WS_MAIN, C_VALUE)) {
        char *fig = render_figure(&t->implied, NULL, decimals);
        char *shown = mem_printf("%s%s%s", t->implied.rel == REL_ABOUT ? "约" : "", fig,
                                 after ? after : "");
        xl_measure(x, WS_MAIN, C_VALUE, shown);
        mem_free(shown);
        mem_free(fig);
      }
      if (formula) {
        xl_formula(x, ws, WS_MAIN, row, C_VALUE, formula, cached, vf);
        mem_free(formula);
        char year[24];
        xl_int(year, m->base);
        xl_note_of(x, ws, WS_MAIN, row, C_VALUE, year, "年", ind->name, " × (1 + 目标增速)；目标：",
                   target, *basis ? "，按" : "", basis, "（", where, "）", (char *)NULL);
      } else {
        xl_number(x, ws, WS_MAIN, row, C_VALUE, cached, vf);
      }
      mem_free(after);
    } else {
      xl_string(x, ws, WS_MAIN, row, C_VALUE, NULL, f);
      if (t->why_not)
        buf_printf(&note, "%s无目标值（%s）", note.n ? "；" : "",
                   t->form == VF_QUALITATIVE ? "定性目标" : "缺少基期数值");
    }
    xl_string(x, ws, WS_MAIN, row, C_KIND, words_target_kind_zh(t->kind), NULL);
    if (c_exec >= 0) {
      char *verdict = t->v.status == EXEC_NONE ? mem_strdup("") : render_verdict(&t->v);
      xl_string(x, ws, WS_MAIN, row, c_exec, verdict, NULL);
      mem_free(verdict);
    }
    if (c_note >= 0) xl_string(x, ws, WS_MAIN, row, c_note, buf_str(&note), x->wrap);
    buf_free(&note);
    free(target);
  }
  xl_charts(x, ws, FIRST_ROW + x->nlisted + 1, C_RATE, C_BASE, C_VALUE);
}

/* A chart series' cached points, filled here: libxlsxwriter caches 0 for a formula cell,
   and a viewer that does not recalculate would draw no bars. ignore_cache keeps it from
   filling them again. */
static void xl_cache(lxw_series_range *r, const double *v, const char *const *s, int n) {
  if (!r || !r->data_cache) return;
  for (int i = 0; i < n; i++) {
    lxw_series_data_point *p = mem_calloc(sizeof *p);
    if (s) {
      p->is_string = 1;
      p->string = mem_strdup(s[i]);
    } else if (v[i] != v[i]) { /* NaN: no figure */
      p->no_data = 1;
    } else {
      p->number = v[i];
    }
    STAILQ_INSERT_TAIL(r->data_cache, p, list_pointers);
  }
  r->num_data_points = (uint16_t)n;
  r->has_string_cache = s != NULL;
  r->ignore_cache = 1;
}

/* The main sheet's charts, below the table. The growth rates of the targets on one %
   axis; the amounts only beside amounts of the same unit and scale (the largest such
   group: 5704.55 and 7842 亿元 together, never 208 亿元 beside them, where it would vanish),
   base year against target, from a data block of live references. */
static void xl_charts(Xl *x, lxw_worksheet *ws, int top, int rate_col, int base_col,
                      int value_col) {
  const Model *m = x->m;
  int n = x->nlisted, first = -1, last = -1;
  double *rates = mem_calloc(((size_t)n + 1) * sizeof *rates);
  const char **names = mem_calloc(((size_t)n + 1) * sizeof *names);
  for (int i = 0; i < n; i++) {
    int points = 0, places = 1;
    names[i] = x->listed[i]->ind->name;
    if (xl_rate(x->listed[i], &rates[i], &points, &places) && !points) {
      if (first < 0) first = i;
      last = i;
    } else {
      rates[i] = NAN;
    }
  }
  int chart_row = top;
  lxw_row_t breaks[2] = {(lxw_row_t)top, 0}; /* the charts on a page of their own (copied) */
  xl_check(x, worksheet_set_h_pagebreaks(ws, breaks), "the page break before the charts");
  /* the amounts: group by unit and order of magnitude, take the largest group */
  int *group = mem_calloc(((size_t)n + 1) * sizeof *group), best = -1, best_n = 0;
  for (int i = 0; i < n; i++) {
    const Target *t = x->listed[i];
    const Value *base = t->prior;
    group[i] = -1;
    if (!t->ind->has_unit || xl_percent(t->ind) || !t->implied.known || !base ||
        !base->fig.known || xl_ind_row(x, t->ind) < 0)
      continue;
    double b = xl_double(*base->fig.v);
    group[i] = 0; /* the order of magnitude */
    for (; b >= 10; b /= 10) group[i]++;
  }
  /* how many targets share each (unit, magnitude): counted in one pass through a table,
     then the first target of the largest group, as a pairwise count would pick it */
  Table *counts = table_new(x->arena);
  const char **keys = mem_calloc(((size_t)n + 1) * sizeof *keys);
  for (int i = 0; i < n; i++) {
    if (group[i] < 0) continue;
    char *key = mem_printf("%d|%s", group[i], x->listed[i]->ind->unit.text);
    keys[i] = arena_strdup(x->arena, key);
    mem_free(key);
    int *c = table_get(counts, keys[i]);
    if (!c) {
      c = arena_alloc(x->arena, sizeof *c);
      *c = 0;
      table_put(counts, keys[i], c);
    }
    (*c)++;
  }
  for (int i = 0; i < n; i++) {
    if (group[i] < 0) continue;
    int k = *(int *)table_get(counts, keys[i]);
    if (k > best_n) best_n = k, best = i;
  }
  mem_free(keys);
  if (x->stream && best_n > XL_CHART_MAX) best_n = XL_CHART_MAX;
  if (best_n >= 2) {
    const char *unit = x->listed[best]->ind->unit.text;
    ValueStatus *st = mem_calloc((size_t)best_n * sizeof *st);
    int nst = 0;
    for (int i = 0; i < n && nst < best_n; i++)
      if (group[i] == group[best] && strcmp(x->listed[i]->ind->unit.text, unit) == 0)
        st[nst++] = x->listed[i]->prior->status;
    char label[16];
    snprintf(label, sizeof label, "%d年", m->base);
    char *base_name = xl_year_head(label, st, nst), *target_name = mem_printf("%d年目标值", m->year);
    mem_free(st);
    xl_string(x, ws, WS_MAIN, top, 0, "图表数据", x->head);
    xl_string(x, ws, WS_MAIN, top, 1, base_name, x->head);
    xl_string(x, ws, WS_MAIN, top, 2, target_name, x->head);
    double *bv = mem_calloc((size_t)best_n * sizeof *bv), *tv = mem_calloc((size_t)best_n * sizeof *tv);
    const char **cat = mem_calloc((size_t)best_n * sizeof *cat);
    int k = 0;
    for (int i = 0; i < n && k < best_n; i++) {
      const Target *t = x->listed[i];
      if (group[i] != group[best] || strcmp(t->ind->unit.text, unit) != 0) continue;
      int row = top + 1 + k, r = FIRST_ROW + i;
      Value *base = indicator_value(t->ind, period_yoy(t->period));
      lxw_format *f = xl_format(x, t->ind->decimals, 0);
      cat[k] = t->ind->name;
      bv[k] = xl_double(*base->fig.v);
      tv[k] = xl_double(*t->implied.v);
      xl_string(x, ws, WS_MAIN, row, 0, t->ind->name, NULL);
      char formula[64];
      snprintf(formula, sizeof formula, "=%c%d", 'A' + base_col, r + 1);
      xl_formula(x, ws, WS_MAIN, row, 1, formula, bv[k], f);
      snprintf(formula, sizeof formula, "=%c%d", 'A' + value_col, r + 1);
      xl_formula(x, ws, WS_MAIN, row, 2, formula, tv[k], f);
      k++;
    }
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
    if (chart) {
      char *title = mem_printf("%d年与%d年目标值（%s）", m->base, m->year, unit);
      chart_title_set_name(chart, title);
      mem_free(title);
      for (int s = 1; s <= 2; s++) {
        lxw_chart_series *series = chart_add_series(chart, NULL, NULL);
        if (!series) {
          xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the chart");
          break;
        }
        chart_series_set_categories(series, SHEET_MAIN, (lxw_row_t)(top + 1), 0,
                                    (lxw_row_t)(top + best_n), 0);
        chart_series_set_values(series, SHEET_MAIN, (lxw_row_t)(top + 1), (lxw_col_t)s,
                                (lxw_row_t)(top + best_n), (lxw_col_t)s);
        chart_series_set_name(series, s == 1 ? base_name : target_name);
        xl_cache(series->categories, NULL, cat, best_n);
        xl_cache(series->values, s == 1 ? bv : tv, NULL, best_n);
      }
      chart_axis_set_name(chart->y_axis, unit);
      chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
      chart_row = top + best_n + 2;
      xl_check(x, worksheet_insert_chart(ws, (lxw_row_t)chart_row, 0, chart), "the chart");
      chart_row += 16; /* the next one under it: beside it, it would widen the print */
    } else {
      xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the chart");
    }
    mem_free(bv);
    mem_free(tv);
    mem_free(cat);
    mem_free(base_name);
    mem_free(target_name);
  }
  /* the growth rates, read straight from the table's rate column */
  if (x->stream && first >= 0 && last - first + 1 > XL_CHART_MAX) last = first + XL_CHART_MAX - 1;
  if (first >= 0 && last > first) {
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_BAR);
    lxw_chart_series *series = chart ? chart_add_series(chart, NULL, NULL) : NULL;
    if (series) {
      char *title = mem_printf("%d年主要指标目标增速", m->year);
      chart_title_set_name(chart, title);
      mem_free(title);
      chart_series_set_categories(series, SHEET_MAIN, (lxw_row_t)(FIRST_ROW + first), 0,
                                  (lxw_row_t)(FIRST_ROW + last), 0);
      chart_series_set_values(series, SHEET_MAIN, (lxw_row_t)(FIRST_ROW + first),
                              (lxw_col_t)rate_col, (lxw_row_t)(FIRST_ROW + last),
                              (lxw_col_t)rate_col);
      chart_series_set_name(series, "目标增速");
      chart_series_set_labels(series);
      chart_series_set_labels_num_format(series, "0.0%");
      xl_cache(series->categories, NULL, names + first, last - first + 1);
      xl_cache(series->values, rates + first, NULL, last - first + 1);
      chart_axis_set_num_format(chart->x_axis, "0%");
      double low = 0;
      for (int i = first; i <= last; i++)
        if (rates[i] == rates[i] && rates[i] < low) low = rates[i];
      if (low < 0) /* room left of the lowest bar for its label */
        chart_axis_set_min(chart->x_axis, -0.02 * (double)(int)(-low / 0.02 + 2));
      chart_axis_set_reverse(chart->y_axis); /* the table's order, top down */
      chart_axis_set_label_position(chart->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
      chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
      xl_check(x, worksheet_insert_chart(ws, (lxw_row_t)chart_row, 0, chart), "the chart");
    } else {
      xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the chart");
    }
  }
  mem_free(group);
  mem_free(rates);
  mem_free(names);
}

/* A task's number and title merged down its n rows from first. In memory this comes before
   the cells (merging writes a blank over the first cell); streamed, after its last row:
   the rows above are written already, so libxlsxwriter only records the range (its blanks
   for those rows are refused, and its blank in the last row is the one written there). */
static void xl_task_merges(Xl *x, lxw_worksheet *ws, const Task *t, int first, int n,
                           lxw_format *num) {
  xl_check(x, worksheet_merge_range(ws, (lxw_row_t)first, 0, (lxw_row_t)(first + n - 1), 0, "",
                                    num), "task %d", t->number);
  xl_check(x, worksheet_merge_range(ws, (lxw_row_t)first, 1, (lxw_row_t)(first + n - 1), 1, "",
                                    x->wrap), "task %d", t->number);
}

/* The tasks sheet (附表3): a row per section (（一）…), then each task with its
   commitments, its number and title merged down its rows; columns nobody filled in
   (牵头单位, 完成时限) are left out. Fixed column widths and wrapped text keep it legible
   printed one page wide. */
static void xl_tasks(Xl *x, lxw_worksheet *ws) {
  const Model *m = x->m;
  int has_lead = 0, has_due = 0;
  for (int i = 0; i < m->ntasks; i++) {
    const Task *t = m->tasks[i];
    has_lead |= t->lead != NULL;
    has_due |= t->due != NULL;
    for (int k = 0; k < t->ncommits; k++) {
      has_lead |= t->commits[k]->lead != NULL;
      has_due |= t->commits[k]->due != NULL;
    }
  }
  const char *cols[7] = {"序号", "任务", "量化指标", "目标", "关联指标"};
  static const double widths[7] = {6, 30, 30, 16, 22};
  int ncols = 5, c_lead = -1, c_due = -1;
  if (has_lead) cols[c_lead = ncols++] = "牵头单位";
  if (has_due) cols[c_due = ncols++] = "完成时限";
  char *title = mem_printf("附表3　%s%d年主要任务量化指标", xl_region(x), m->year);
  xl_sheet_top(x, ws, WS_TASKS, title, "", cols, ncols);
  mem_free(title);
  for (int c = 0; c < ncols; c++)
    xl_check(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
                                     c < 5 ? widths[c] : c == c_lead ? 16 : 12, NULL),
             "the width of column %d", c + 1);
  x->fixed[WS_TASKS] = 1;
  int row = FIRST_ROW, nsection = 0;
  const char *section = NULL;
  lxw_format *num = xl_format(x, 0, 0);
  for (int i = 0; i < m->ntasks; i++) {
    const Task *t = m->tasks[i];
    if (t->section && (!section || strcmp(section, t->section) != 0)) {
      char cn[16];
      char *head = mem_printf("（%s）%s", render_chinese_number(++nsection, cn), t->section);
      xl_check(x, worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row,
                                        (lxw_col_t)(ncols - 1), head, x->section),
               "the section at row %d", row + 1);
      mem_free(head);
      section = t->section;
      row++;
    }
    int n = t->ncommits ? t->ncommits : 1, first = row;
    if (n > 1 && !x->stream) xl_task_merges(x, ws, t, first, n, num);
    for (int k = 0; k < n; k++, row++) {
      const Commit *c = t->ncommits ? t->commits[k] : NULL;
      /* a row as high as its most wrapped cell (LibreOffice does not grow it) */
      int lines = 1;
      const char *texts[3] = {c ? c->desc : NULL, c && c->ind ? c->ind->name : NULL,
                              n == 1 ? t->title : NULL};
      static const int at[3] = {2, 4, 1};
      for (int j = 0; j < 3; j++) {
        int w = texts[j] ? utf8_width(texts[j], strlen(texts[j])) : 0;
        int room = (int)widths[at[j]] - 1, l = (w + room - 1) / room;
        if (l > lines) lines = l;
      }
      if (lines > 1)
        xl_check(x, worksheet_set_row(ws, (lxw_row_t)row, 14.5 * lines, NULL),
                 "the height of row %d", row + 1);
      if (k == 0) {
        xl_number(x, ws, WS_TASKS, row, 0, t->number, num);
        xl_string(x, ws, WS_TASKS, row, 1, t->title, x->wrap);
      } else if (x->stream) { /* the merged cells' blanks, in their rows' turn */
        xl_string(x, ws, WS_TASKS, row, 0, NULL, num);
        xl_string(x, ws, WS_TASKS, row, 1, NULL, x->wrap);
      }
      xl_string(x, ws, WS_TASKS, row, 2, c ? c->desc : NULL, x->wrap);
      char *s = !c ? NULL
                : c->form == VF_CHANGE ? render_delta(&c->delta, 1)
                : render_figure(&c->fig, c->has_unit ? c->unit.text : NULL, -1);
      xl_string(x, ws, WS_TASKS, row, 3, s, x->wrap);
      free(s);
      xl_string(x, ws, WS_TASKS, row, 4, c && c->ind ? c->ind->name : NULL, x->wrap);
      if (c_lead >= 0) xl_string(x, ws, WS_TASKS, row, c_lead, c && c->lead ? c->lead : t->lead, x->wrap);
      if (c_due >= 0) xl_string(x, ws, WS_TASKS, row, c_due, c && c->due ? c->due : t->due, x->wrap);
    }
    if (n > 1 && x->stream) xl_task_merges(x, ws, t, first, n, num);
  }
}

/* The checks (附表4): each claim of the plan and of its imports, its computation as a
   formula. */
static void xl_checks(Xl *x, lxw_worksheet *ws) {
  const char *cols[] = {"核查项", "期间", "报告数值", "计算值", "按报告精度", "输入取整下限",
                        "输入取整上限", "结论", "位置"};
  char *title = mem_printf("附表4　%s%d年计划数据核查", xl_region(x), x->m->year);
  xl_sheet_top(x, ws, WS_CHECKS, title, "", cols, 9);
  mem_free(title);
  static const char *const verdicts[] = {"一致", "不一致，可由输入数据的取整解释",
                                         "不一致，不能由取整解释", "无法计算"};
  int row = FIRST_ROW;
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
          xl_comment(x, ws, WS_CHECKS, row, 3, "由公式计算（%s）", where);
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
        xl_comment(x, ws, WS_CHECKS, row, 4, "计算值按报告数值的精度四舍五入");
        mpq_clear(shown);
        xl_number(x, ws, WS_CHECKS, row, 5,
                  pct ? xl_canonical(*c->lo, &c->unit) : xl_double(*c->lo), f2);
        xl_number(x, ws, WS_CHECKS, row, 6,
                  pct ? xl_canonical(*c->hi, &c->unit) : xl_double(*c->hi), f2);
      } else {
        for (int k = 3; k <= 6; k++) xl_string(x, ws, WS_CHECKS, row, k, NULL, f);
      }
      xl_string(x, ws, WS_CHECKS, row, 7, verdicts[c->verdict], NULL);
      xl_string(x, ws, WS_CHECKS, row, 8, where, NULL);
    }
  }
}

/* Last year's targets (附表5, from the plans this one imports) against this plan's
   figures; an actual in words goes to 说明. */
static void xl_execution(Xl *x, lxw_worksheet *ws) {
  const Model *m = x->m;
  const char *cols[] = {"指标", "上年目标", "目标值", "实际", "完成率", "完成程度",
                        "完成情况", "说明", "位置"};
  int year = m->nreviewed ? m->reviewed[0]->period.year : m->base;
  char *title = mem_printf("附表5　%s%d年计划主要目标执行情况", xl_region(x), year);
  xl_sheet_top(x, ws, WS_EXEC, title, "", cols, 9);
  mem_free(title);
  for (int i = 0; i < m->nreviewed; i++) {
    const Target *t = m->reviewed[i];
    const Indicator *ind = t->ind;
    int row = FIRST_ROW + i;
    lxw_format *f = xl_format(x, ind->decimals, xl_percent(ind));
    const char *where = xl_where(x, t->model, t->loc);
    xl_string(x, ws, WS_EXEC, row, 0, ind->name, NULL);
    char *s = render_target(t);
    xl_string(x, ws, WS_EXEC, row, 1, s, NULL);
    free(s);
    const Verdict *v = &t->v;
    if (t->implied.known) xl_number(x, ws, WS_EXEC, row, 2, xl_cell_value(ind, *t->implied.v), f);
    else xl_string(x, ws, WS_EXEC, row, 2, NULL, f);
    char *note = NULL;
    if (v->actual && v->actual->fig.known) {
      xl_number(x, ws, WS_EXEC, row, 3, xl_cell_value(ind, *v->actual->fig.v), f);
    } else {
      xl_string(x, ws, WS_EXEC, row, 3, NULL, f);
      note = v->actual ? render_value(v->actual) : mem_strdup("数据暂缺");
    }
    /* the completion rate of a level, live over the two cells beside it */
    if (v->has_completion && !t->cumulative && v->actual && v->actual->fig.known) {
      char formula[64];
      snprintf(formula, sizeof formula, "=D%d/C%d", row + 1, row + 1);
      xl_formula(x, ws, WS_EXEC, row, 4, formula, xl_double(*v->completion), xl_format(x, 1, 1));
      xl_comment(x, ws, WS_EXEC, row, 4, "完成率＝实际÷目标值");
    } else {
      xl_string(x, ws, WS_EXEC, row, 4, NULL, xl_format(x, 1, 1));
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
    xl_string(x, ws, WS_EXEC, row, 7, note, x->wrap);
    free(note);
    xl_string(x, ws, WS_EXEC, row, 8, where, NULL);
  }
}

/* Column widths from the widest text of each column (two cells per CJK character), at
   most 36: longer text wraps. A sheet that set its own widths keeps them. */
static void xl_widths(Xl *x, lxw_worksheet *ws, int sheet) {
  if (x->fixed[sheet]) return;
  for (int c = 0; c < x->ncols[sheet]; c++) {
    if (!x->width[sheet][c]) continue;
    double w = x->width[sheet][c] + 2;
    if (w > XL_WIDTH_MAX) w = XL_WIDTH_MAX;
    xl_check(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL),
             "the width of column %d", c + 1);
  }
}

/* A new format in 宋体 or 黑体 at size pt, centred vertically; NULL (the error kept) when
   libxlsxwriter has no memory for it. */
static lxw_format *xl_new_format(Xl *x, const char *font, double pt) {
  lxw_format *f = workbook_add_format(x->wb);
  if (!f) {
    xl_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the formats");
    return NULL;
  }
  format_set_font_name(f, font);
  format_set_font_size(f, pt);
  return f;
}

/* The formats every sheet shares: the title (方正小标宋简体 16 pt), the unit line (宋体, at
   the right), the header (黑体, centred, shaded), text and section rows, all with thin
   borders and wrapping; 0, or -1 when one could not be made. */
static int xl_formats(Xl *x) {
  if (!(x->title = xl_new_format(x, "方正小标宋简体", 16))) return -1;
  format_set_align(x->title, LXW_ALIGN_CENTER);
  format_set_align(x->title, LXW_ALIGN_VERTICAL_CENTER);
  if (!(x->unit = xl_new_format(x, "宋体", 10))) return -1;
  format_set_align(x->unit, LXW_ALIGN_RIGHT);
  if (!(x->head = xl_new_format(x, "黑体", 11))) return -1;
  format_set_align(x->head, LXW_ALIGN_CENTER);
  format_set_align(x->head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(x->head);
  format_set_bg_color(x->head, 0xF2F2F2);
  format_set_border(x->head, LXW_BORDER_THIN);
  if (!(x->text = xl_new_format(x, "宋体", 11))) return -1;
  format_set_align(x->text, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(x->text, LXW_BORDER_THIN);
  if (!(x->wrap = xl_new_format(x, "宋体", 11))) return -1;
  format_set_align(x->wrap, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(x->wrap);
  format_set_border(x->wrap, LXW_BORDER_THIN);
  if (!(x->section = xl_new_format(x, "黑体", 11))) return -1;
  format_set_align(x->section, LXW_ALIGN_VERTICAL_CENTER);
  format_set_bg_color(x->section, 0xF2F2F2);
  format_set_border(x->section, LXW_BORDER_THIN);
  return 0;
}

/* The plan's date as a time, so that the same plan gives the same bytes. */
static time_t xl_created(const Model *m) {
  int y = 2000, mo = 1, d = 1;
  if (m->date) sscanf(m->date, "%d-%d-%d", &y, &mo, &d);
  struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d};
  time_t t = timegm(&tm);
  return t > 0 ? t : 1;
}

/* About how many cells (and comments) the workbook holds: the size that decides whether it
   is streamed (XL_STREAM_CELLS) and how much memory to reserve for it. */
static size_t xl_cells(const Xl *x) {
  const Model *m = x->m;
  return (size_t)x->nids * ((size_t)x->nperiods + 8) + (size_t)m->ntargets * 16 +
         ((size_t)m->ncommits + (size_t)m->ntasks) * 10 + (size_t)m->nclaims * 12 +
         (size_t)m->nreviewed * 12;
}

/* libxlsxwriter does not check every allocation: when memory runs out while it builds a
   sheet, it dies of SIGSEGV. So before it starts, plc asks once for about as much memory
   as the workbook's cells will take (measured: ~150 bytes a cell, comments included; twice
   that, and a margin) and gives it back: when there is not that much to be had, the run
   ends as every out-of-memory does — "plc: out of memory", exit 2 — instead of a signal.
   Streamed, libxlsxwriter holds one row of each sheet (and the merged ranges, the chart's
   points): a row's worth and the margin. */
static void xl_reserve(const Xl *x) {
  size_t cells = x->stream ? (size_t)x->nperiods + 16 : xl_cells(x);
  size_t bytes = cells * 320 + (8u << 20);
  mem_free(mem_alloc(bytes));
}

/* Everything the writer holds but the workbook itself (whatever of it was made). */
static void xl_free(Xl *x) {
  free(x->ids);
  mem_free(x->inds);
  mem_free(x->slots);
  mem_free(x->periods);
  mem_free(x->listed);
  for (int i = 0; i < NSHEETS; i++) mem_free(x->width[i]);
  buf_free(&x->here[0]);
  buf_free(&x->here[1]);
  buf_free(&x->here_base);
  buf_free(&x->note);
  arena_free(x->arena);
}

int workbook_write(const Model *m, const char *path, char *err, size_t errn) {
  /* libxlsxwriter reopens path by name when it closes the workbook, and keeps its own
     temporaries in tmpdir (the streamed sheets' rows too): both in path's folder, which
     output.c made private, so they go when the run's outputs are committed or abandoned */
  char *dir_copy = mem_strdup(path);
  Xl x = {.m = m};
  x.arena = arena_new();
  x.rows = table_new(x.arena);
  xl_layout(&x);
  x.stream = xl_cells(&x) >= XL_STREAM_CELLS;
  lxw_workbook_options opts = {.tmpdir = dirname(dir_copy),
                               .constant_memory = x.stream ? LXW_TRUE : LXW_FALSE};
  x.wb = workbook_new_opt(path, &opts);
  if (!x.wb) {
    snprintf(err, errn, diag_tr("cannot start the workbook %s"), path);
    xl_free(&x);
    mem_free(dir_copy);
    return -1;
  }
  int formats = xl_formats(&x);
  char status[64];
  snprintf(status, sizeof status, "%s", words_doc_status_zh(m->status));
  lxw_doc_properties props = {.title = (char *)m->title, .subject = (char *)m->title,
                              .company = (char *)m->region, .status = status,
                              .comments = "plc", .created = xl_created(m)};
  xl_check(&x, workbook_set_properties(x.wb, &props), "the document properties");
  xl_reserve(&x);
  lxw_worksheet *main_ws = workbook_add_worksheet(x.wb, SHEET_MAIN);
  lxw_worksheet *series_ws = workbook_add_worksheet(x.wb, SHEET_SERIES);
  lxw_worksheet *tasks_ws = workbook_add_worksheet(x.wb, SHEET_TASKS);
  lxw_worksheet *checks_ws = workbook_add_worksheet(x.wb, SHEET_CHECKS);
  lxw_worksheet *exec_ws = m->nreviewed ? workbook_add_worksheet(x.wb, SHEET_EXEC) : NULL;
  x.prov = x.stream ? workbook_add_worksheet(x.wb, SHEET_PROV) : NULL;
  if (formats != 0 || !main_ws || !series_ws || !tasks_ws || !checks_ws ||
      (m->nreviewed && !exec_ws) || (x.stream && !x.prov)) {
    xl_check(&x, LXW_ERROR_MEMORY_MALLOC_FAILED, "the sheets");
  } else {
    if (x.prov) {
      static const char *const cols[] = {"工作表", "单元格", "来源"};
      xl_sheet_top(&x, x.prov, WS_PROV, "数据来源（各计算单元格的公式与出处）", "", cols, 3);
      x.prov_row = FIRST_ROW;
    }
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
    if (x.prov) xl_widths(&x, x.prov, WS_PROV);
  }
  lxw_error closing = workbook_close(x.wb);
  xl_check(&x, closing, "the workbook file");
  xl_free(&x);
  mem_free(dir_copy);
  if (x.err == LXW_NO_ERROR) return 0;
  snprintf(err, errn, diag_tr("cannot write %s: %s (while writing %s)"), path,
           lxw_strerror(x.err),
           x.where);
  return -1;
}
