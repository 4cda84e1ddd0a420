/* diag.c: collecting and printing diagnostics. */
#include "syntax/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/json.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"

void diag_init(Diags *d) {
  memset(d, 0, sizeof *d);
}

void diag_free(Diags *d) {
  for (int i = 0; i < d->n; i++) mem_free(d->v[i].msg);
  mem_free(d->v);
  memset(d, 0, sizeof *d);
}

/* Append one diagnostic; the message is formatted into a heap string the list owns. */
void diag_report(Diags *d, DiagLevel level, const char *code, Source *src, Loc loc,
                 const char *fmt, ...) {
  if (d->n == d->cap) {
    int cap = d->cap ? d->cap * 2 : 16;
    d->v = mem_realloc(d->v, (size_t)cap * sizeof *d->v);
    d->cap = cap;
  }
  va_list ap;
  va_start(ap, fmt);
  Buf b = {0};
  buf_vprintf(&b, fmt, ap);
  va_end(ap);
  char *msg = buf_take(&b);
  d->v[d->n++] = (Diag){level, code, src, loc, msg};
  if (level == DIAG_ERROR) {
    d->errors++;
    d->last_src = src;
    d->last_line = loc.first_line;
  } else if (level == DIAG_WARNING) {
    d->warnings++;
  }
}

int diag_line_has_error(const Diags *d, const Source *src, int line) {
  return d->errors > 0 && d->last_src == src && d->last_line == line;
}

static const char *diag_level_name(DiagLevel level) {
  switch (level) {
  case DIAG_ERROR: return "error";
  case DIAG_WARNING: return "warning";
  default: return "note";
  }
}

/* Print one source character for the quoted line; return the cells it took. */
static int diag_put_char(FILE *out, const char *s, int len) {
  if (len < 0 || (len == 1 && (unsigned char)s[0] < 0x20 && s[0] != '\t')) {
    fprintf(out, "<%02x>", (unsigned char)s[0]);
    return 4;
  }
  fwrite(s, 1, (size_t)len, out);
  return s[0] == '\t' ? 0 : utf8_width(s, (size_t)len);
}

/* The quoted source line and the caret under loc, as gcc prints them. */
static void diag_print_excerpt(FILE *out, Source *src, Loc loc) {
  size_t n;
  const char *line = source_line(src, loc.first_line, &n);
  if (!line) return;
  int last = loc.first_column + 1;
  if (loc.last_line == loc.first_line && loc.last_column > loc.first_column)
    last = loc.last_column;
  char *caret = mem_alloc(4 * n + 8); /* a character takes at most 4 cells (<ff>) */
  size_t k = 0;
  int gutter = fprintf(out, "%5d | ", loc.first_line) - 2;
  int col = 1;
  for (size_t i = 0; i < n; col++) {
    int32_t cp;
    int len = utf8_decode(line + i, n - i, &cp);
    int w = diag_put_char(out, line + i, len);
    if (col < loc.first_column) {
      if (line[i] == '\t') caret[k++] = '\t';
      for (int j = 0; j < w; j++) caret[k++] = ' ';
    } else if (col < last) {
      for (int j = 0; j < (w ? w : 1); j++)
        caret[k++] = col == loc.first_column && j == 0 ? '^' : '~';
    }
    i += len < 0 ? 1 : (size_t)len;
  }
  if (col <= loc.first_column) caret[k++] = '^'; /* past the end of the line */
  fprintf(out, "\n%*s| %.*s\n", gutter, "", (int)k, caret);
  mem_free(caret);
}

/* A group to sort: a diagnostic with the notes after it, and where it sorts. */
typedef struct Group {
  int first, n;  /* its diagnostics: v[first .. first+n) */
  int file_rank; /* the index of its file's first diagnostic */
} Group;

static const Diags *sorting; /* qsort has no context argument */

static int diag_group_cmp(const void *pa, const void *pb) {
  const Group *a = pa, *b = pb;
  const Diag *x = &sorting->v[a->first], *y = &sorting->v[b->first];
  if (a->file_rank != b->file_rank) return a->file_rank - b->file_rank;
  if (x->loc.first_line != y->loc.first_line) return x->loc.first_line - y->loc.first_line;
  if (x->loc.first_column != y->loc.first_column)
    return x->loc.first_column - y->loc.first_column;
  return a->first - b->first; /* stable */
}

void diag_sort(Diags *d) {
  if (d->n < 2) return;
  Group *groups = mem_alloc((size_t)d->n * sizeof *groups);
  Diag *sorted = mem_alloc((size_t)d->n * sizeof *sorted);
  int ng = 0;
  Source **files = mem_alloc((size_t)d->n * sizeof *files); /* each file once, in order */
  int *ranks = mem_alloc((size_t)d->n * sizeof *ranks), nfiles = 0;
  for (int i = 0; i < d->n; i++) {
    if (d->v[i].level == DIAG_NOTE && ng > 0) {
      groups[ng - 1].n++;
      continue;
    }
    int rank = i, k = 0;
    while (k < nfiles && files[k] != d->v[i].src) k++;
    if (k < nfiles) rank = ranks[k];
    else files[nfiles] = d->v[i].src, ranks[nfiles++] = i;
    groups[ng++] = (Group){i, 1, rank};
  }
  sorting = d;
  qsort(groups, (size_t)ng, sizeof *groups, diag_group_cmp);
  int k = 0;
  for (int g = 0; g < ng; g++)
    for (int i = 0; i < groups[g].n; i++) sorted[k++] = d->v[groups[g].first + i];
  memcpy(d->v, sorted, (size_t)k * sizeof *sorted);
  mem_free(files);
  mem_free(ranks);
  mem_free(groups);
  mem_free(sorted);
}

void diag_print_text(Diags *d, FILE *out) {
  for (int i = 0; i < d->n; i++) {
    const Diag *g = &d->v[i];
    if (g->src)
      fprintf(out, "%s:%d:%d: ", g->src->path, g->loc.first_line, g->loc.first_column);
    else
      fputs("plc: ", out);
    fprintf(out, "%s: %s [%s]\n", diag_level_name(g->level), g->msg ? g->msg : "?",
            g->code);
    if (g->src && g->loc.first_line > 0) diag_print_excerpt(out, g->src, g->loc);
  }
}

void diag_print_json(const Diags *d, FILE *out) {
  fputs("[", out);
  for (int i = 0; i < d->n; i++) {
    const Diag *g = &d->v[i];
    fputs(i ? ",\n " : "\n ", out);
    fputs("{\"file\": ", out);
    json_string(out, g->src ? g->src->path : NULL);
    fprintf(out, ", \"line\": %d, \"column\": %d, \"end_line\": %d, \"end_column\": %d",
            g->loc.first_line, g->loc.first_column, g->loc.last_line, g->loc.last_column);
    fprintf(out, ", \"severity\": \"%s\", \"code\": \"%s\", \"message\": ",
            diag_level_name(g->level), g->code);
    json_string(out, g->msg);
    fputs("}", out);
  }
  fputs(d->n ? "\n]\n" : "]\n", out);
}
