/* load.c: the pipeline of one compile, pass after pass, and where sources come from. */
#include "model/load.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "syntax/front.h"
#include "model/bind.h"
#include "model/check.h"
#include "model/eval.h"

/* How deep imports may nest: a chain of yearly plans is a few files long; the limit keeps
   a hostile chain from exhausting the stack. */
#define LOAD_MAX_DEPTH 256

/* The files being loaded, innermost first, for import cycles. */
typedef struct Chain {
  const char *key;
  const struct Chain *up;
  int depth;
} Chain;

struct Loader {
  Arena *arena;     /* every model's and syntax tree's nodes */
  Names *names;
  Diags *diags;
  LoadReader reader;
  Table *by_key;    /* a file's identity → its model, so that each file loads once */
  Model **models;   /* every model, for load_free */
  int nmodels, cap;
};

Loader *load_new(Diags *diags, const LoadReader *reader) {
  Loader *L = mem_calloc(sizeof *L);
  L->arena = arena_new();
  L->names = names_new(L->arena);
  L->diags = diags;
  L->reader = reader ? *reader : load_disk_reader();
  L->by_key = table_new(L->arena);
  return L;
}

void load_free(Loader *L) {
  if (!L) return;
  for (int i = 0; i < L->nmodels; i++) model_free(L->models[i]);
  mem_free(L->models);
  arena_free(L->arena);
  mem_free(L);
}

static Model *load_source(Loader *L, Source *src, const char *key, const Chain *up);

/* The path of an import: relative to the importing file's folder. */
static char *load_import_path(const char *importer, const char *rel) {
  if (rel[0] == '/') return mem_strdup(rel);
  const char *slash = strrchr(importer, '/');
  if (!slash) return mem_strdup(rel);
  return mem_printf("%.*s/%s", (int)(slash - importer), importer, rel);
}

/* Load each import of m, in file order: a file already loaded is shared; a file that is
   being loaded (it imports itself, through others) or that cannot be read is an error at
   the import line. */
static void load_imports(Loader *L, Model *m, const Chain *here) {
  for (const Item *it = m->plan->items; it; it = it->next) {
    if (it->kind != IT_IMPORT) continue;
    const char *rel = it->u.import.path.text;
    Import imp = {.alias = it->u.import.alias.text, .path = rel, .loc = it->loc, .item = it};
    char *path = load_import_path(m->src->path, rel), *key = NULL;
    Source *src = L->reader.read(L->reader.ctx, path, &key);
    const Chain *c = here;
    while (src && c && strcmp(c->key, key) != 0) c = c->up;
    if (!src) {
      model_error(m, "C012", it->u.import.path.loc, "cannot import '%s': %s", rel,
                  strerror(errno));
    } else if (c) {
      model_error(m, "C013", it->u.import.path.loc, "import cycle: '%s' imports itself%s", rel,
                  c == here ? "" : " through the files that import it");
    } else if (here->depth >= LOAD_MAX_DEPTH) {
      model_error(m, "C018", it->u.import.path.loc,
                  "cannot import '%s': imports nest more than %d files deep", rel,
                  LOAD_MAX_DEPTH);
    } else if ((imp.model = table_get(L->by_key, key))) {
      source_free(src); /* loaded before: the same model serves every importer */
      src = NULL;
    } else {
      imp.model = load_source(L, src, key, here);
      src = NULL;
    }
    source_free(src);
    mem_free(key);
    mem_free(path);
    model_add_import(m, imp);
  }
}

/* The passes over one source, in order: parse; load the plans it imports (each through
   these same passes); check the declarations into the model and its outline; bind every
   expression; evaluate. */
static Model *load_source(Loader *L, Source *src, const char *key, const Chain *up) {
  Plan *plan = front_parse(src, L->arena, L->names, L->diags);
  Model *m = model_new(src, plan, L->arena, L->names, L->diags);
  const char *k = arena_strdup(L->arena, key);
  table_put(L->by_key, k, m);
  if (L->nmodels == L->cap) {
    L->cap = L->cap ? 2 * L->cap : 8;
    L->models = mem_realloc(L->models, (size_t)L->cap * sizeof *L->models);
  }
  L->models[L->nmodels++] = m;
  Chain here = {k, up, up ? up->depth + 1 : 0};
  load_imports(L, m, &here);
  check_model(m);
  bind_model(m);
  eval_model(m);
  return m;
}

Model *load_plan(Loader *L, const char *path) {
  char *key = NULL;
  Source *src = L->reader.read(L->reader.ctx, path, &key);
  if (!src) return NULL;
  Model *m = load_source(L, src, key, NULL);
  mem_free(key);
  return m;
}

/* ---- readers ---- */

static Source *load_disk_read(void *ctx, const char *path, char **key) {
  (void)ctx;
  char *real = realpath(path, NULL);
  if (!real) return NULL;
  Source *src = source_load(path);
  if (src) *key = mem_strdup(real);
  int saved = errno;
  free(real); /* realpath's own */
  errno = saved;
  return src;
}

LoadReader load_disk_reader(void) {
  return (LoadReader){load_disk_read, NULL};
}

typedef struct File {
  char *name, *text;
  size_t n;
} File;

struct LoadFiles {
  File *v;
  int n, cap;
  int fallback;
};

/* A path with "." and "x/.." segments removed: "./a/../b.fp" is "b.fp". */
static char *load_normalize(const char *path) {
  Buf b = {0};
  size_t *starts = mem_alloc((strlen(path) + 2) * sizeof *starts);
  int depth = 0;
  if (path[0] == '/') buf_add(&b, "/");
  for (const char *p = path; *p;) {
    const char *end = strchr(p, '/');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if (n == 0 || (n == 1 && p[0] == '.')) {
      /* nothing */
    } else if (n == 2 && p[0] == '.' && p[1] == '.' && depth > 0) {
      b.n = starts[--depth];
      b.s[b.n] = '\0';
    } else {
      starts[depth++] = b.n;
      if (b.n && b.s[b.n - 1] != '/') buf_add(&b, "/");
      buf_addn(&b, p, n);
    }
    p += n + (end ? 1 : 0);
  }
  mem_free(starts);
  return buf_take(&b);
}

LoadFiles *load_files_new(int fallback) {
  LoadFiles *f = mem_calloc(sizeof *f);
  f->fallback = fallback;
  return f;
}

void load_files_add(LoadFiles *f, const char *name, const char *text, size_t n) {
  if (f->n == f->cap) {
    f->cap = f->cap ? 2 * f->cap : 8;
    f->v = mem_realloc(f->v, (size_t)f->cap * sizeof *f->v);
  }
  f->v[f->n++] = (File){load_normalize(name), mem_strndup(text, n), n};
}

static Source *load_files_read(void *ctx, const char *path, char **key) {
  LoadFiles *f = ctx;
  char *name = load_normalize(path);
  for (int i = f->n - 1; i >= 0; i--) { /* the latest text of a name wins */
    if (strcmp(f->v[i].name, name) != 0) continue;
    *key = name;
    return source_from_string(path, f->v[i].text, f->v[i].n);
  }
  mem_free(name);
  if (f->fallback) return load_disk_read(NULL, path, key);
  errno = ENOENT;
  return NULL;
}

LoadReader load_files_reader(LoadFiles *f) {
  return (LoadReader){load_files_read, f};
}

void load_files_free(LoadFiles *f) {
  if (!f) return;
  for (int i = 0; i < f->n; i++) {
    mem_free(f->v[i].name);
    mem_free(f->v[i].text);
  }
  mem_free(f->v);
  mem_free(f);
}
