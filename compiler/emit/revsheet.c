/* revsheet.c: the 修订对照表 workbook (libxlsxwriter). */
#include "emit/revsheet.h"

#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "emit/output.h"

/* The columns: heading and width. */
static const struct {
  const char *head;
  double width;
} cols[] = {{"序号", 5},  {"类别", 10}, {"修改", 6},   {"项目", 26}, {"原稿", 40},
            {"修改稿", 40}, {"说明", 30}, {"原稿位置", 20}, {"修改稿位置", 20}};
enum { C_NO, C_KIND, C_OP, C_ITEM, C_OLD, C_NEW, C_NOTE, C_OLDAT, C_NEWAT, NCOLS };

typedef struct Sheet {
  lxw_workbook *wb;
  lxw_worksheet *ws;
  lxw_format *title, *head, *text, *del, *ins, *plain;
  lxw_error err;
} Sheet;

/* The lines a text takes in a column of this width when wrapped (a Chinese character is
   two widths of a digit): the row's height, since a spreadsheet does not grow rows for
   wrapped text it did not lay out itself. */
static int lines_in(const char *text, double width) {
  if (!text) return 1;
  int cells = utf8_width(text, strlen(text));
  int per = (int)width - 1 > 1 ? (int)width - 1 : 1;
  return cells / per + 1;
}

static void check(Sheet *s, lxw_error e) {
  if (e != LXW_NO_ERROR && s->err == LXW_NO_ERROR) s->err = e;
}

static void cell(Sheet *s, int row, int col, const char *text, lxw_format *f) {
  check(s, worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, text ? text : "",
                                  f ? f : s->text));
}

/* A prose cell with its edits marked: the deleted runs struck through in 原稿, the
   inserted runs underlined in 修改稿, both in red (keep: the op not shown on this side). */
static void marked(Sheet *s, int row, int col, const DiffChange *c, char hide) {
  lxw_rich_string_tuple *parts = mem_calloc((size_t)(c->nspans + 1) * sizeof *parts);
  lxw_rich_string_tuple **list = mem_calloc((size_t)(c->nspans + 2) * sizeof *list);
  int n = 0;
  for (int i = 0; i < c->nspans; i++) {
    if (c->spans[i].op == hide || !c->spans[i].text[0]) continue;
    parts[n].format = c->spans[i].op == '=' ? s->plain : c->spans[i].op == '-' ? s->del : s->ins;
    parts[n].string = (char *)c->spans[i].text;
    list[n] = &parts[n];
    n++;
  }
  if (n >= 2)
    check(s, worksheet_write_rich_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, list, s->text));
  else
    cell(s, row, col, n ? parts[0].string : "", NULL);
  mem_free(parts);
  mem_free(list);
}

static void place(Sheet *s, int row, int col, const char *file, int line) {
  if (!line) {
    cell(s, row, col, "", NULL);
    return;
  }
  char *t = mem_printf("%s:%d", file, line);
  cell(s, row, col, t, NULL);
  mem_free(t);
}

int revsheet_write(const Diff *d, const char *path, const char *old_label,
                   const char *new_label, char *err, size_t errn) {
  char *dir = output_dir(path, NULL), *stem = output_stem(path);
  Outputs *o = output_begin(dir, stem, err, errn);
  mem_free(stem);
  if (!o) {
    mem_free(dir);
    return -1;
  }
  const char *slash = strrchr(path, '/');
  const char *staged = output_stage(o, slash ? slash + 1 : path);
  lxw_workbook_options opts = {.tmpdir = dir};
  Sheet s = {0};
  s.wb = workbook_new_opt(staged, &opts);
  if (!s.wb) {
    snprintf(err, errn, "cannot start the workbook %s", staged);
    output_abort(o);
    mem_free(dir);
    return -1;
  }
  s.title = workbook_add_format(s.wb);
  format_set_bold(s.title);
  format_set_font_size(s.title, 14);
  s.head = workbook_add_format(s.wb);
  format_set_bold(s.head);
  format_set_bg_color(s.head, 0xDDEBF7);
  format_set_border(s.head, LXW_BORDER_THIN);
  format_set_text_wrap(s.head);
  s.text = workbook_add_format(s.wb);
  format_set_border(s.text, LXW_BORDER_THIN);
  format_set_text_wrap(s.text);
  format_set_align(s.text, LXW_ALIGN_VERTICAL_TOP);
  s.plain = workbook_add_format(s.wb);
  s.del = workbook_add_format(s.wb);
  format_set_font_color(s.del, LXW_COLOR_RED);
  format_set_font_strikeout(s.del);
  s.ins = workbook_add_format(s.wb);
  format_set_font_color(s.ins, LXW_COLOR_RED);
  format_set_underline(s.ins, LXW_UNDERLINE_SINGLE);
  s.ws = workbook_add_worksheet(s.wb, "修订对照表");
  if (!s.ws) s.err = LXW_ERROR_MEMORY_MALLOC_FAILED;
  else {
    /* printed as bureaus print it: A4 landscape, one page wide, the header on every page */
    worksheet_set_landscape(s.ws);
    worksheet_set_paper(s.ws, 9);
    worksheet_fit_to_pages(s.ws, 1, 0);
    check(&s, worksheet_repeat_rows(s.ws, 3, 3));
    check(&s, worksheet_write_string(s.ws, 0, 0, "修订对照表", s.title));
    char *from = mem_printf("原稿：%s    修改稿：%s", old_label ? old_label : diff_old_path(d),
                            new_label ? new_label : diff_new_path(d));
    check(&s, worksheet_write_string(s.ws, 1, 0, from, NULL));
    mem_free(from);
    for (int c = 0; c < NCOLS; c++) {
      cell(&s, 3, c, cols[c].head, s.head);
      check(&s, worksheet_set_column(s.ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, NULL));
    }
    worksheet_freeze_panes(s.ws, 4, 0);
    int row = 4;
    for (int i = 0; i < diff_count(d); i++, row++) {
      const DiffChange *c = diff_change(d, i);
      check(&s, worksheet_write_number(s.ws, (lxw_row_t)row, C_NO, i + 1, s.text));
      cell(&s, row, C_KIND, diff_kind_zh(c->kind), NULL);
      cell(&s, row, C_OP, diff_op_zh(c->op), NULL);
      cell(&s, row, C_ITEM, c->item, NULL);
      if (c->nspans) {
        marked(&s, row, C_OLD, c, '+');
        marked(&s, row, C_NEW, c, '-');
      } else {
        cell(&s, row, C_OLD, c->old, NULL);
        cell(&s, row, C_NEW, c->new_, NULL);
      }
      char *note = mem_printf("%s%s%s", c->detail ? c->detail : "",
                              c->detail && c->consequence ? "；" : "",
                              c->consequence ? "随其他修改而变化" : "");
      cell(&s, row, C_NOTE, note, NULL);
      int lines = 1;
      const char *texts[] = {c->item, c->old, c->new_, note};
      const int at[] = {C_ITEM, C_OLD, C_NEW, C_NOTE};
      for (int k = 0; k < 4; k++) {
        int n = lines_in(texts[k], cols[at[k]].width);
        if (n > lines) lines = n;
      }
      check(&s, worksheet_set_row(s.ws, (lxw_row_t)row, 15.0 * (lines < 20 ? lines : 20), NULL));
      place(&s, row, C_OLDAT, c->old_file, c->old_line);
      place(&s, row, C_NEWAT, c->new_file, c->new_line);
      mem_free(note);
    }
    if (diff_count(d) == 0) cell(&s, row, C_ITEM, "两稿含义相同，没有修改", NULL);
    check(&s, worksheet_autofilter(s.ws, 3, 0, (lxw_row_t)(row > 4 ? row - 1 : 4), NCOLS - 1));
  }
  check(&s, workbook_close(s.wb));
  mem_free(dir);
  if (s.err != LXW_NO_ERROR) {
    snprintf(err, errn, "cannot write %s: %s", path, lxw_strerror(s.err));
    output_abort(o);
    return -1;
  }
  return output_commit(o, err, errn);
}
