/* lspdoc.c: open documents, their compiles, and plc's places as the protocol's. */
#include "cmd/lspdoc.h"

#include <string.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "runtime/utf8.h"
#include "cmd/lsppos.h"

LspDoc *lspdoc_find(const LspDocs *ds, const char *path) {
  for (int i = 0; i < ds->n; i++)
    if (strcmp(ds->v[i]->path, path) == 0) return ds->v[i];
  return NULL;
}

LspDoc *lspdoc_by_uri(const LspDocs *ds, const char *uri) {
  for (int i = 0; i < ds->n; i++)
    if (strcmp(ds->v[i]->uri, uri) == 0) return ds->v[i];
  return NULL;
}

/* The path a URI stands for: a file: URI's file, else the URI itself as a name. */
static char *lspdoc_path(const char *uri) {
  char *p = lsppos_uri_path(uri);
  char *norm = lsppos_normalize(p ? p : uri);
  mem_free(p);
  return norm;
}

static void lspdoc_build_free(LspBuild *b) {
  if (!b) return;
  lspindex_free(&b->index);
  diag_free(&b->diags);
  load_free(b->loader);
  mem_free(b);
}

static void lspdoc_dirty_all(LspDocs *ds) {
  for (int i = 0; i < ds->n; i++) ds->v[i]->dirty = 1;
}

static void lspdoc_set_text(LspDoc *d, const char *text, size_t n) {
  mem_free(d->text);
  source_free(d->src);
  d->text = mem_strndup(text, n);
  d->n = n;
  d->src = source_from_string(d->path, text, n);
}

LspDoc *lspdoc_open(LspDocs *ds, const char *uri, const char *text, size_t n) {
  LspDoc *d = lspdoc_by_uri(ds, uri);
  if (!d) {
    d = mem_calloc(sizeof *d);
    d->uri = mem_strdup(uri);
    d->path = lspdoc_path(uri);
    if (ds->n == ds->cap) {
      ds->cap = ds->cap ? 2 * ds->cap : 8;
      ds->v = mem_realloc(ds->v, (size_t)ds->cap * sizeof *ds->v);
    }
    ds->v[ds->n++] = d;
  }
  lspdoc_set_text(d, text, n);
  lspdoc_dirty_all(ds);
  return d;
}

void lspdoc_change(LspDocs *ds, LspDoc *d, const char *text, size_t n) {
  lspdoc_set_text(d, text, n);
  lspdoc_dirty_all(ds);
}

/* The byte offset in d's text of an LSP Position; -1 when pos is not one. */
static long lspdoc_offset(LspDoc *d, const json_t *pos) {
  json_int_t l, c;
  if (json_unpack((json_t *)pos, "{s:I, s:I}", "line", &l, "character", &c) < 0 || l < 0 ||
      c < 0)
    return -1;
  if (l >= 100000000) return (long)d->n;
  size_t n = 0;
  const char *s = source_line(d->src, (int)l + 1, &n);
  if (!s) return (long)d->n; /* past the last line: the end */
  if (c > (json_int_t)n * 2 + 2) c = (json_int_t)n * 2 + 2;
  int col = lsppos_column(s, n, (int)c);
  return (long)((size_t)(s - d->src->text) + utf8_offset(s, n, col - 1));
}

int lspdoc_edit(LspDocs *ds, LspDoc *d, const json_t *range, const char *text, size_t n) {
  long a = lspdoc_offset(d, json_object_get(range, "start"));
  long b = lspdoc_offset(d, json_object_get(range, "end"));
  if (a < 0 || b < 0) return -1;
  if (b < a) {
    long t = a;
    a = b;
    b = t;
  }
  size_t len = (size_t)a + n + (d->n - (size_t)b);
  char *out = mem_alloc(len + 1);
  memcpy(out, d->text, (size_t)a);
  memcpy(out + a, text, n);
  memcpy(out + (size_t)a + n, d->text + b, d->n - (size_t)b);
  out[len] = '\0';
  lspdoc_set_text(d, out, len);
  mem_free(out);
  lspdoc_dirty_all(ds);
  return 0;
}

static void lspdoc_free(LspDoc *d) {
  lspdoc_build_free(d->build);
  source_free(d->src);
  mem_free(d->text);
  mem_free(d->path);
  mem_free(d->uri);
  mem_free(d);
}

void lspdoc_close(LspDocs *ds, LspDoc *d) {
  for (int i = 0; i < ds->n; i++) {
    if (ds->v[i] != d) continue;
    memmove(ds->v + i, ds->v + i + 1, (size_t)(ds->n - i - 1) * sizeof *ds->v);
    ds->n--;
    break;
  }
  lspdoc_free(d);
  lspdoc_dirty_all(ds); /* a plan that imported it now reads it from disk */
}

void lspdoc_free_all(LspDocs *ds) {
  for (int i = 0; i < ds->n; i++) lspdoc_free(ds->v[i]);
  mem_free(ds->v);
  memset(ds, 0, sizeof *ds);
}

LspBuild *lspdoc_build(LspDocs *ds, LspDoc *d) {
  if (d->build && !d->dirty) return d->build;
  lspdoc_build_free(d->build);
  LspBuild *b = mem_calloc(sizeof *b);
  diag_init(&b->diags);
  LoadFiles *files = load_files_new(1);
  for (int i = 0; i < ds->n; i++) load_files_add(files, ds->v[i]->path, ds->v[i]->text, ds->v[i]->n);
  LoadReader reader = load_files_reader(files);
  b->loader = load_new(&b->diags, &reader);
  b->model = load_plan(b->loader, d->path);
  load_files_free(files); /* every source holds its own copy */
  diag_sort(&b->diags);
  lspindex_build(&b->index, b->model);
  d->build = b;
  d->dirty = 0;
  return b;
}

char *lspdoc_uri(const LspDocs *ds, const char *path) {
  LspDoc *d = lspdoc_find(ds, path);
  return d ? mem_strdup(d->uri) : lsppos_path_uri(path);
}

/* An LSP Position for column col of line (both 1-based) of src. */
static json_t *lspdoc_pos(Source *src, int line, int col) {
  if (line < 1) line = col = 1;
  size_t n = 0;
  const char *s = src ? source_line(src, line, &n) : NULL;
  int ch = s ? lsppos_utf16(s, n, col) : col - 1;
  return json_pack("{s:i, s:i}", "line", line - 1, "character", ch < 0 ? 0 : ch);
}

json_t *lspdoc_range(Source *src, Loc loc) {
  int el = loc.last_line, ec = loc.last_column;
  if (el < loc.first_line || (el == loc.first_line && ec <= loc.first_column))
    el = loc.first_line, ec = loc.first_column + 1;
  return json_pack("{s:o, s:o}", "start", lspdoc_pos(src, loc.first_line, loc.first_column),
                   "end", lspdoc_pos(src, el, ec));
}

json_t *lspdoc_location(const LspDocs *ds, const char *file, Source *src, Loc loc) {
  char *uri = lspdoc_uri(ds, file);
  json_t *j = json_pack("{s:s, s:o}", "uri", uri, "range", lspdoc_range(src, loc));
  mem_free(uri);
  return j;
}

int lspdoc_position(LspDoc *d, const json_t *pos, int *line, int *col) {
  json_int_t l, c;
  if (json_unpack((json_t *)pos, "{s:I, s:I}", "line", &l, "character", &c) < 0 || l < 0 ||
      c < 0 || l > 100000000 || c > 100000000)
    return -1;
  *line = (int)l + 1;
  size_t n = 0;
  const char *s = source_line(d->src, *line, &n);
  *col = s ? lsppos_column(s, n, (int)c) : (int)c + 1;
  return 0;
}

json_t *lspdoc_text(const char *s) {
  size_t n = strlen(s), bad = utf8_invalid_at(s, n);
  if (bad == n) return json_stringn(s, n);
  Buf b = {0};
  while (n > 0) {
    buf_addn(&b, s, bad);
    if (bad == n) break;
    buf_add(&b, "\xEF\xBF\xBD");
    s += bad + 1;
    n -= bad + 1;
    bad = utf8_invalid_at(s, n);
  }
  buf_add(&b, "");
  json_t *j = json_stringn(b.s, b.n);
  buf_free(&b);
  return j;
}

static const char *lspdoc_level(DiagLevel l) {
  return l == DIAG_ERROR ? "error" : l == DIAG_WARNING ? "warning" : "note";
}

/* The import line of root through which src's diagnostics come: the import of that file,
   else the first import. */
static const Item *lspdoc_import_item(const Model *root, const Source *src) {
  const Item *first = NULL;
  for (int i = 0; i < root->nimports; i++) {
    const Import *imp = &root->imports[i];
    if (!first) first = imp->item;
    if (imp->model && imp->model->src == src) return imp->item;
  }
  return first;
}

json_t *lspdoc_diagnostics(const LspDocs *ds, LspDoc *d, int max) {
  json_t *list = json_array();
  LspBuild *b = d->build;
  Source *own = b && b->model ? b->model->src : d->src;
  for (int i = 0; b && i < b->diags.n && (int)json_array_size(list) < max; i++) {
    const Diag *g = &b->diags.v[i];
    if (g->level == DIAG_NOTE) continue;
    json_t *j;
    char *file = g->src ? lsppos_normalize(g->src->path) : NULL;
    int sev = g->level == DIAG_ERROR ? 1 : 2;
    if (g->src == own || (file && strcmp(file, d->path) == 0)) {
      j = json_pack("{s:o, s:i, s:s, s:s, s:o}", "range", lspdoc_range(g->src, g->loc),
                    "severity", sev, "code", g->code, "source", "plc", "message",
                    lspdoc_text(g->msg));
    } else {
      /* in a file this one imports (or about no file): at the import line */
      const Item *at = b->model ? lspdoc_import_item(b->model, g->src) : NULL;
      Loc loc = at ? at->loc : (Loc){1, 1, 1, 1};
      char *msg = g->src ? mem_printf("%s:%d:%d: %s: %s", g->src->path, g->loc.first_line,
                                      g->loc.first_column, lspdoc_level(g->level), g->msg)
                         : mem_strdup(g->msg);
      j = json_pack("{s:o, s:i, s:s, s:s, s:o}", "range", lspdoc_range(own, loc), "severity",
                    sev, "code", g->code, "source", "plc", "message", lspdoc_text(msg));
      mem_free(msg);
      if (g->src && file) {
        json_t *rel = json_pack("{s:o, s:o}", "location",
                                lspdoc_location(ds, file, g->src, g->loc), "message",
                                lspdoc_text(g->msg));
        json_object_set_new(j, "relatedInformation", json_pack("[o]", rel));
      }
    }
    /* its notes: the first definition of a duplicate, the members of a cycle */
    json_t *related = json_object_get(j, "relatedInformation");
    for (int k = i + 1; k < b->diags.n && b->diags.v[k].level == DIAG_NOTE; k++) {
      const Diag *note = &b->diags.v[k];
      if (!note->src) continue;
      if (!related) {
        related = json_array();
        json_object_set_new(j, "relatedInformation", related);
      }
      char *nf = lsppos_normalize(note->src->path);
      json_array_append_new(related,
                            json_pack("{s:o, s:o}", "location",
                                      lspdoc_location(ds, nf, note->src, note->loc), "message",
                                      lspdoc_text(note->msg)));
      mem_free(nf);
    }
    mem_free(file);
    if (j) json_array_append_new(list, j);
  }
  return json_pack("{s:s, s:o}", "uri", d->uri, "diagnostics", list);
}
