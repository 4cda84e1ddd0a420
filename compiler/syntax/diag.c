/* diag.c: collecting, bounding, translating, escaping and printing diagnostics. */
#include "syntax/diag.h"

#include <libintl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/json.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"

/* The quoted line shows at most this many cells, around the column; a message at most
   DIAG_MESSAGE bytes (a plan's text quoted in it is cut with …). */
enum { DIAG_WINDOW = 100, DIAG_BEFORE = 40, DIAG_MESSAGE = 400 };

/* A line with an error, in the set Diags.lines (open addressing). */
struct DiagLine {
  const Source *src;
  int line;
};

void diag_init(Diags *d) {
  memset(d, 0, sizeof *d);
  d->limit = DIAG_ERROR_LIMIT;
}

void diag_free(Diags *d) {
  for (int i = 0; i < d->n; i++) mem_free(d->v[i].msg);
  mem_free(d->v);
  mem_free(d->lines);
  memset(d, 0, sizeof *d);
}

void diag_set_limit(Diags *d, int limit) {
  d->limit = limit < 0 ? 0 : limit;
}

int diag_stopped(const Diags *d) {
  return d->dropped_errors > 0;
}

const char *diag_tr(const char *msgid) {
  return dgettext(DIAG_DOMAIN, msgid);
}

/* The slot of (src, line) in the set: where it is, or the empty one where it would go. */
static size_t diag_line_slot(const Diags *d, const Source *src, int line) {
  size_t mask = (size_t)d->lines_cap - 1;
  size_t h = ((uintptr_t)src >> 4) * 31u + (size_t)line * 2654435761u;
  for (size_t i = h & mask;; i = (i + 1) & mask)
    if (!d->lines[i].src || (d->lines[i].src == src && d->lines[i].line == line)) return i;
}

int diag_line_has_error(const Diags *d, const Source *src, int line) {
  if (!src || line <= 0 || d->nlines == 0) return 0;
  return d->lines[diag_line_slot(d, src, line)].src != NULL;
}

/* Add (src, line) to the set of lines with an error. */
static void diag_line_add(Diags *d, const Source *src, int line) {
  if (2 * (d->nlines + 1) > d->lines_cap) {
    DiagLine *old = d->lines;
    int oldcap = d->lines_cap;
    d->lines_cap = oldcap ? 2 * oldcap : 64;
    d->lines = mem_calloc((size_t)d->lines_cap * sizeof *d->lines);
    for (int i = 0; i < oldcap; i++)
      if (old[i].src) d->lines[diag_line_slot(d, old[i].src, old[i].line)] = old[i];
    mem_free(old);
  }
  size_t k = diag_line_slot(d, src, line);
  if (!d->lines[k].src) {
    d->lines[k] = (DiagLine){src, line};
    d->nlines++;
  }
}

/* Whether cp must not reach a terminal or a log raw: a control character, or one that
   reorders or hides text (bidirectional overrides, line and paragraph separators). */
static int diag_hostile(int32_t cp) {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029 || cp == 0x200e ||
         cp == 0x200f || cp == 0x061c;
}

/* The escape of one character (len < 0: a byte that is not UTF-8) into out, or 0 when the
   character is printed as it is. */
static int diag_escape_char(const char *s, int len, int32_t cp, char out[16]) {
  if (len < 0) return snprintf(out, 16, "<%02x>", (unsigned char)s[0]);
  if (!diag_hostile(cp)) return 0;
  if (cp < 0x100) return snprintf(out, 16, "<%02x>", (unsigned)cp);
  return snprintf(out, 16, "<U+%04X>", (unsigned)cp);
}

char *diag_escape(const char *s, size_t n) {
  Buf b = {0};
  buf_addn(&b, "", 0);
  for (size_t i = 0; i < n;) {
    int32_t cp = 0;
    int len = utf8_decode(s + i, n - i, &cp);
    char esc[16];
    if (diag_escape_char(s + i, len, cp, esc)) buf_add(&b, esc);
    else buf_addn(&b, s + i, (size_t)len);
    i += len < 0 ? 1 : (size_t)len;
  }
  return buf_take(&b);
}

/* Append one diagnostic; the message is translated, formatted and escaped into a heap
   string the list owns. */
void diag_report(Diags *d, DiagLevel level, const char *code, Source *src, Loc loc,
                 const char *fmt, ...) {
  if (level == DIAG_NOTE && d->dropping) return;
  if (level == DIAG_ERROR) {
    if (src && diag_line_has_error(d, src, loc.first_line)) {
      d->dropping = 1; /* a cascade of the line's first error */
      return;
    }
    if (d->limit > 0 && d->errors >= d->limit) {
      d->dropped_errors++;
      d->dropping = 1;
      return;
    }
  } else if (level == DIAG_WARNING && d->limit > 0 && d->warnings >= d->limit) {
    d->dropped_warnings++;
    d->dropping = 1;
    return;
  }
  if (level != DIAG_NOTE) d->dropping = 0;
  if (d->n == d->cap) {
    int cap = d->cap ? d->cap * 2 : 16;
    d->v = mem_realloc(d->v, (size_t)cap * sizeof *d->v);
    d->cap = cap;
  }
  va_list ap;
  va_start(ap, fmt);
  Buf b = {0};
  buf_vprintf(&b, diag_tr(fmt), ap);
  va_end(ap);
  char *msg = diag_escape(buf_str(&b), b.n);
  buf_free(&b);
  size_t len = strlen(msg);
  if (len > DIAG_MESSAGE) { /* keep the head and the tail, cut at character boundaries */
    size_t head = DIAG_MESSAGE / 2, tail = len - DIAG_MESSAGE / 4;
    while (head > 0 && ((unsigned char)msg[head] & 0xc0) == 0x80) head--;
    while (tail < len && ((unsigned char)msg[tail] & 0xc0) == 0x80) tail++;
    char *cut = mem_printf("%.*s…%s", (int)head, msg, msg + tail);
    mem_free(msg);
    msg = cut;
  }
  d->v[d->n++] = (Diag){level, code, src, loc, msg};
  if (level == DIAG_ERROR) {
    d->errors++;
    d->last_src = src;
    d->last_line = loc.first_line;
    if (src && loc.first_line > 0) diag_line_add(d, src, loc.first_line);
  } else if (level == DIAG_WARNING) {
    d->warnings++;
  }
}

#define N_(s) s

void diag_fold_imported(Diags *d, const Source *main) {
  static const char *const one = N_("%d warning in the imported plan %s (plc check %s lists it)"),
                           *const many =
                               N_("%d warnings in the imported plan %s (plc check %s lists them)");
  int k = 0, warnings = 0;
  Source **files = mem_alloc((size_t)(d->n + 1) * sizeof *files);
  int *counts = mem_alloc((size_t)(d->n + 1) * sizeof *counts), nfiles = 0, skipping = 0;
  for (int i = 0; i < d->n; i++) {
    Diag *g = &d->v[i];
    if (g->level == DIAG_NOTE && skipping) {
      mem_free(g->msg);
      continue;
    }
    skipping = g->level == DIAG_WARNING && g->src && g->src != main;
    if (skipping) {
      int f = 0;
      while (f < nfiles && files[f] != g->src) f++;
      if (f == nfiles) files[nfiles] = g->src, counts[nfiles++] = 0;
      counts[f]++;
      mem_free(g->msg);
      continue;
    }
    if (g->level == DIAG_WARNING) warnings++;
    d->v[k++] = *g;
  }
  d->n = k;
  d->warnings = warnings;
  for (int f = 0; f < nfiles; f++) {
    const char *path = files[f]->path;
    d->dropping = 0;
    diag_report(d, DIAG_NOTE, "N002", NULL, (Loc){0}, counts[f] == 1 ? one : many, counts[f],
                path, path);
  }
  mem_free(files);
  mem_free(counts);
}

/* The level's word, translated. */
static const char *diag_level_name(DiagLevel level) {
  switch (level) {
  case DIAG_ERROR: return diag_tr("error");
  case DIAG_WARNING: return diag_tr("warning");
  default: return diag_tr("note");
  }
}

/* The level's word in JSON: never translated. */
static const char *diag_level_key(DiagLevel level) {
  return level == DIAG_ERROR ? "error" : level == DIAG_WARNING ? "warning" : "note";
}

/* Print one source character for the quoted line; return the cells it took. */
static int diag_put_char(FILE *out, const char *s, int len, int32_t cp) {
  char esc[16];
  int k = s[0] == '\t' ? 0 : diag_escape_char(s, len, cp, esc);
  if (k) {
    fputs(esc, out);
    return k;
  }
  fwrite(s, 1, (size_t)len, out);
  return s[0] == '\t' ? 0 : utf8_width(s, (size_t)len);
}

/* The cells a source character takes in the quoted line (a tab: one, as a space would). */
static int diag_char_cells(const char *s, int len, int32_t cp) {
  char esc[16];
  if (s[0] == '\t') return 1;
  int k = diag_escape_char(s, len, cp, esc);
  return k ? k : utf8_width(s, (size_t)len);
}

/* The quoted source line and the caret under loc, as gcc prints them; a line wider than
   DIAG_WINDOW cells is cut to a window around the column, with … where it was cut. */
static void diag_print_excerpt(FILE *out, Source *src, Loc loc) {
  size_t n;
  const char *line = source_line(src, loc.first_line, &n);
  if (!line) return;
  int last = loc.first_column + 1;
  if (loc.last_line == loc.first_line && loc.last_column > loc.first_column)
    last = loc.last_column;
  /* where each column starts, in cells */
  int total = 0, caret_cell = -1, col = 1;
  for (size_t i = 0; i < n; col++) {
    int32_t cp = 0;
    int len = utf8_decode(line + i, n - i, &cp);
    if (col == loc.first_column) caret_cell = total;
    total += diag_char_cells(line + i, len, cp);
    i += len < 0 ? 1 : (size_t)len;
  }
  if (caret_cell < 0) caret_cell = total;
  int from = 0, to = total; /* the cells shown: [from, to) */
  if (total > DIAG_WINDOW) {
    from = caret_cell - DIAG_BEFORE;
    if (from > total - DIAG_WINDOW) from = total - DIAG_WINDOW;
    if (from < 0) from = 0;
    to = from + DIAG_WINDOW;
  }
  char *caret = mem_alloc((size_t)DIAG_WINDOW + 16 + n);
  size_t k = 0;
  int gutter = fprintf(out, "%5d | ", loc.first_line) - 2;
  if (from > 0) {
    fputs("…", out);
    caret[k++] = ' ';
  }
  int cell = 0, cut_end = 0;
  col = 1;
  for (size_t i = 0; i < n; col++) {
    int32_t cp = 0;
    int len = utf8_decode(line + i, n - i, &cp);
    int w = diag_char_cells(line + i, len, cp);
    if (cell >= from && cell + w <= to) {
      diag_put_char(out, line + i, len, cp);
      if (col < loc.first_column) {
        if (line[i] == '\t') caret[k++] = '\t';
        else for (int j = 0; j < w; j++) caret[k++] = ' ';
      } else if (col < last) {
        for (int j = 0; j < (w ? w : 1); j++)
          caret[k++] = col == loc.first_column && j == 0 ? '^' : '~';
      }
    } else if (cell + w > to) {
      cut_end = 1;
      break;
    }
    cell += w;
    i += len < 0 ? 1 : (size_t)len;
  }
  if (cut_end) fputs("…", out);
  if (!cut_end && col <= loc.first_column) caret[k++] = '^'; /* past the end of the line */
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

/* The message that ends a run cut at the error limit, in *msg (free it). */
static char *diag_stop_message(const Diags *d) {
  return mem_printf(diag_tr("too many errors; stopping (%d more not shown; "
                            "--error-limit=0 shows every error)"),
                    d->dropped_errors);
}

void diag_print_text(Diags *d, FILE *out) {
  for (int i = 0; i < d->n; i++) {
    const Diag *g = &d->v[i];
    if (g->src) {
      char *path = diag_escape(g->src->path, strlen(g->src->path));
      if (g->loc.first_line > 0)
        fprintf(out, "%s:%d:%d: ", path, g->loc.first_line, g->loc.first_column);
      else
        fprintf(out, "%s: ", path);
      mem_free(path);
    } else {
      fputs("plc: ", out);
    }
    fprintf(out, "%s: %s [%s]\n", diag_level_name(g->level), g->msg ? g->msg : "?",
            g->code);
    if (g->src && g->loc.first_line > 0) diag_print_excerpt(out, g->src, g->loc);
  }
  if (d->dropped_warnings > 0)
    fprintf(out, "plc: %s: %s [D002]\n", diag_level_name(DIAG_NOTE),
            diag_tr("more warnings than the error limit; the rest are not shown"));
  if (d->dropped_errors > 0) {
    char *msg = diag_stop_message(d);
    fprintf(out, "plc: %s: %s [D001]\n", diag_level_name(DIAG_ERROR), msg);
    mem_free(msg);
  }
}

/* One JSON object of the array. */
static void diag_json_one(FILE *out, const char *path, Loc loc, const char *severity,
                          const char *code, const char *msg) {
  fputs("{\"file\": ", out);
  char *clean = path ? diag_escape(path, strlen(path)) : NULL;
  json_write_string(out, clean);
  mem_free(clean);
  fprintf(out, ", \"line\": %d, \"column\": %d, \"end_line\": %d, \"end_column\": %d",
          loc.first_line, loc.first_column, loc.last_line, loc.last_column);
  fprintf(out, ", \"severity\": \"%s\", \"code\": \"%s\", \"message\": ", severity, code);
  json_write_string(out, msg);
  fputs("}", out);
}

void diag_print_json(const Diags *d, FILE *out) {
  fputs("[", out);
  int k = 0;
  for (int i = 0; i < d->n; i++, k++) {
    const Diag *g = &d->v[i];
    fputs(k ? ",\n " : "\n ", out);
    diag_json_one(out, g->src ? g->src->path : NULL, g->loc, diag_level_key(g->level),
                  g->code, g->msg);
  }
  if (d->dropped_warnings > 0) {
    fputs(k++ ? ",\n " : "\n ", out);
    diag_json_one(out, NULL, (Loc){0}, "note", "D002",
                  diag_tr("more warnings than the error limit; the rest are not shown"));
  }
  if (d->dropped_errors > 0) {
    char *msg = diag_stop_message(d);
    fputs(k++ ? ",\n " : "\n ", out);
    diag_json_one(out, NULL, (Loc){0}, "error", "D001", msg);
    mem_free(msg);
  }
  fputs(k ? "\n]\n" : "]\n", out);
}

/* Characters of s, decoded (at most max); their number. */
static int diag_chars(const char *s, int32_t *out, int max) {
  int n = 0;
  for (size_t i = 0, len = strlen(s); i < len && n < max;) {
    int k = utf8_decode(s + i, len - i, &out[n++]);
    i += k < 0 ? 1 : (size_t)k;
  }
  return n;
}

int diag_distance(const char *a, const char *b) {
  enum { MAX = 64 };
  int32_t ca[MAX], cb[MAX];
  int na = diag_chars(a, ca, MAX), nb = diag_chars(b, cb, MAX);
  static int d[MAX + 1][MAX + 1]; /* single-threaded: no stack frame of 17 KB */
  for (int i = 0; i <= na; i++) d[i][0] = i;
  for (int j = 0; j <= nb; j++) d[0][j] = j;
  for (int i = 1; i <= na; i++)
    for (int j = 1; j <= nb; j++) {
      int best = d[i - 1][j - 1] + (ca[i - 1] != cb[j - 1]);
      if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && ca[i - 1] == cb[j - 2] && ca[i - 2] == cb[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1; /* a transposition costs one: gpd → gdp */
      d[i][j] = best;
    }
  return d[na][nb];
}

int diag_similar(const char *typed, const char *known) {
  int32_t c[64];
  int n = diag_chars(typed, c, 64), k = diag_chars(known, c, 64);
  int d = diag_distance(typed, known);
  if (d == 0 || d >= (n > k ? n : k)) return 0;
  /* a short name: one edit (社灵 → 社零, gpd → gdp); longer ones a few */
  int allowed = n <= 1 ? 0 : n <= 4 ? 1 : n <= 8 ? 2 : 3;
  /* a name cut short or run on by a character or two: 亿 → 亿元, 亿元元 → 亿元 */
  size_t tn = strlen(typed), kn = strlen(known);
  size_t shorter = tn < kn ? tn : kn;
  if (d <= 2 && n >= 1 && strncmp(typed, known, shorter) == 0) return 1;
  return d <= allowed;
}

const char *diag_nearest(const char *typed, const char *const *cands, int n) {
  const char *best = NULL;
  int best_d = 1 << 30;
  for (int i = 0; i < n; i++) {
    if (!cands[i] || !diag_similar(typed, cands[i])) continue;
    int d = diag_distance(typed, cands[i]);
    if (d < best_d) best_d = d, best = cands[i];
  }
  return best;
}
