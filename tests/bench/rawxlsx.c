/* rawxlsx.c: the bench's workbook baseline: libxlsxwriter alone, writing the cells of a
   workbook plc wrote (read from scripts/xlsx-cells.py's listing: numbers, formulas with
   their cached values, strings, formatted blanks, comments, sheet by sheet, in the file's
   order) with one format; in constant_memory mode when plc streamed that workbook.
   Prints the CPU seconds of the writing alone (the listing is read first, not counted). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <xlsxwriter.h>

#include "runtime/buf.h"
#include "runtime/mem.h"

typedef struct Cell {
  char kind; /* S n s f b c */
  int row, col;
  double num;
  char *text;
} Cell;

/* The field, unescaped in place (\t \n \\). */
static char *unescape(char *s) {
  char *w = s;
  for (char *r = s; *r; r++) {
    if (*r == '\\' && r[1]) {
      r++;
      *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
    } else {
      *w++ = *r;
    }
  }
  *w = '\0';
  return s;
}

static double cpu_seconds(void) {
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return (double)(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         (double)(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fputs("usage: bench_rawxlsx CELLS.tsv OUT.xlsx\n", stderr);
    return 2;
  }
  FILE *in = fopen(argv[1], "r");
  if (!in) {
    perror(argv[1]);
    return 2;
  }
  Cell *cells = NULL;
  size_t n = 0, cap = 0;
  char *line = NULL;
  size_t line_cap = 0;
  ssize_t len;
  int streamed = 0;
  while ((len = getline(&line, &line_cap, in)) > 0) {
    if (line[len - 1] == '\n') line[len - 1] = '\0';
    if (line[0] == 'M') { /* plc streamed it */
      streamed = 1;
      continue;
    }
    if (n == cap) {
      cap = cap ? 2 * cap : 1024;
      cells = mem_realloc(cells, cap * sizeof *cells);
    }
    Cell *c = &cells[n++];
    memset(c, 0, sizeof *c);
    c->kind = line[0];
    char *f[5] = {0};
    int k = 0;
    for (char *p = line, *tab; k < 5; k++) {
      f[k] = p;
      if (!(tab = strchr(p, '\t'))) break;
      *tab = '\0';
      p = tab + 1;
    }
    if (c->kind == 'S') {
      c->text = mem_strdup(unescape(f[1]));
      continue;
    }
    c->row = atoi(f[1]);
    c->col = atoi(f[2]);
    if (c->kind == 'n' || c->kind == 'f') c->num = strtod(f[3], NULL);
    if (c->kind == 's' || c->kind == 'c') c->text = mem_strdup(unescape(f[3]));
    if (c->kind == 'f') c->text = mem_strdup(unescape(f[4]));
  }
  free(line); /* getline's own buffer */
  fclose(in);

  double t0 = cpu_seconds();
  lxw_workbook_options opts = {.constant_memory = streamed ? LXW_TRUE : LXW_FALSE};
  lxw_workbook *wb = workbook_new_opt(argv[2], &opts);
  if (!wb) {
    fprintf(stderr, "bench_rawxlsx: cannot start %s\n", argv[2]);
    return 1;
  }
  /* a border, as plc's cells have: a format equal to the default one is never given its
     index, so libxlsxwriter would hash it again for every cell (a fifth of the time) */
  lxw_format *fmt = workbook_add_format(wb);
  if (fmt) format_set_border(fmt, LXW_BORDER_THIN);
  lxw_worksheet *ws = NULL;
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    Cell *c = &cells[i];
    lxw_error e = LXW_NO_ERROR;
    if (c->kind == 'S') ws = workbook_add_worksheet(wb, c->text);
    else if (!ws) bad++;
    else if (c->kind == 'n') e = worksheet_write_number(ws, c->row, c->col, c->num, fmt);
    else if (c->kind == 's') e = worksheet_write_string(ws, c->row, c->col, c->text, fmt);
    else if (c->kind == 'f')
      e = worksheet_write_formula_num(ws, c->row, c->col, c->text, fmt, c->num);
    else if (c->kind == 'b') e = worksheet_write_blank(ws, c->row, c->col, fmt);
    else if (c->kind == 'c') e = worksheet_write_comment(ws, c->row, c->col, c->text);
    if (e != LXW_NO_ERROR) bad++;
  }
  if (workbook_close(wb) != LXW_NO_ERROR) bad++;
  double t = cpu_seconds() - t0;
  printf("rawxlsx: %zu cells in %.3f s CPU, %d errors\n", n, t, bad);
  for (size_t i = 0; i < n; i++) mem_free(cells[i].text);
  mem_free(cells);
  return bad ? 1 : 0;
}
