/* load.c: the pipeline of one compile, pass after pass, and where sources come from. */
#include "model/load.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "syntax/front.h"
#include "model/bind.h"
#include "model/check.h"
#include "model/eval.h"

/* How deep imports may nest: a chain of yearly plans is a few files long; the limit keeps
   a hostile chain from exhausting the stack. */
#define LOAD_MAX_DEPTH 256

/* The import policy (docs/limits.md): a plan is untrusted input, so an import names a
   regular file ending in .fp, by a relative path that stays inside the import root (the
   main plan's folder, or --import-root), no larger than SOURCE_MAX_BYTES; devices, FIFOs,
   /proc and anything a symbolic link leads outside the root are refused before a byte is
   read, so nothing of a refused file ever reaches a diagnostic. Why an import is refused,
   with the words that finish "cannot import 'x': ": */
#define LOAD_REFUSALS(X)                                                                   \
  X(LR_ABSOLUTE, "an import is a path relative to the importing plan, not an absolute path") \
  X(LR_NOT_FP, "only plan files ending in .fp can be imported")                            \
  X(LR_OUTSIDE, "it is outside the plan's folder (name another folder with --import-root)") \
  X(LR_NOT_REGULAR, "it is not a regular file (a device, a FIFO, a folder)")               \
  X(LR_TOO_LARGE, "it is larger than 64 MiB")

typedef enum LoadRefusal {
  LR_NONE,
#define LOAD_REFUSAL_ENUM(e, words) e,
  LOAD_REFUSALS(LOAD_REFUSAL_ENUM)
#undef LOAD_REFUSAL_ENUM
} LoadRefusal;

static const char *load_refusal_words(LoadRefusal r) {
  static const char *const words[] = {
      [LR_NONE] = "",
#define LOAD_REFUSAL_WORDS(e, w) [e] = w,
      LOAD_REFUSALS(LOAD_REFUSAL_WORDS)
#undef LOAD_REFUSAL_WORDS
  };
  return words[r];
}

/* What the disk reader enforces while an import is read: ctx of the loader's own disk
   reader. */
typedef struct DiskPolicy {
  int importing;      /* the read is an import: the policy applies */
  char *root_real;    /* the import root's real path (NULL: not on disk) */
  LoadRefusal refused; /* why the last read was refused */
} DiskPolicy;

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
  char *root;       /* imports stay inside this folder: --import-root, or the main plan's */
  char *root_abs;   /* the same, absolute and normalized, for the check by name */
  DiskPolicy policy;
};

static Source *load_disk_read(void *ctx, const char *path, char **key);
static char *load_normalize(const char *path);

Loader *load_new(Diags *diags, const LoadReader *reader) {
  Loader *L = mem_calloc(sizeof *L);
  L->arena = arena_new();
  L->names = names_new(L->arena);
  L->diags = diags;
  L->reader = reader ? *reader : (LoadReader){load_disk_read, &L->policy};
  L->by_key = table_new(L->arena);
  return L;
}

void load_free(Loader *L) {
  if (!L) return;
  for (int i = 0; i < L->nmodels; i++) model_free(L->models[i]);
  mem_free(L->models);
  mem_free(L->root);
  mem_free(L->root_abs);
  free(L->policy.root_real); /* realpath's own */
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

/* path made absolute (against the working folder) and normalized, for comparing names. */
static char *load_absolute(const char *path) {
  if (path[0] == '/') return load_normalize(path);
  char *cwd = getcwd(NULL, 0);
  char *joined = mem_printf("%s/%s", cwd ? cwd : "", path);
  free(cwd); /* getcwd's own */
  char *abs = load_normalize(joined);
  mem_free(joined);
  return abs;
}

/* Whether the normalized absolute path lies inside the folder root (normalized too). */
static int load_inside(const char *root, const char *path) {
  size_t n = strlen(root);
  if (n == 1 && root[0] == '/') return path[0] == '/';
  return strncmp(path, root, n) == 0 && path[n] == '/';
}

/* Why the import written rel (at path) is refused by its name alone, or LR_NONE. */
static LoadRefusal load_check_name(const Loader *L, const char *rel, const char *path) {
  size_t n = strlen(rel);
  if (rel[0] == '/') return LR_ABSOLUTE;
  if (n < 4 || strcmp(rel + n - 3, ".fp") != 0) return LR_NOT_FP;
  char *abs = load_absolute(path);
  int inside = load_inside(L->root_abs, abs);
  mem_free(abs);
  return inside ? LR_NONE : LR_OUTSIDE;
}

/* The identity a reader would give path, found without reading it (its real path, or its
   normalized name for a file held in memory), to share a model before reading again. */
static char *load_guess_key(const char *path) {
  char *real = realpath(path, NULL);
  if (!real) return load_normalize(path);
  char *key = mem_strdup(real);
  free(real); /* realpath's own */
  return key;
}

/* The chain link loading key, or NULL. */
static const Chain *load_in_chain(const Chain *c, const char *key) {
  while (c && strcmp(c->key, key) != 0) c = c->up;
  return c;
}

/* Load each import of m, in file order: a file already loaded is shared (found by its
   identity before it is read again); a file that is being loaded (it imports itself,
   through others), that the import policy refuses or that cannot be read is one error at
   the import line. */
static void load_imports(Loader *L, Model *m, const Chain *here) {
  for (const Item *it = m->plan->imports; it; it = it->u.import.next) {
    const char *rel = it->u.import.path.text;
    Loc at = it->u.import.path.loc;
    Import imp = {.alias = it->u.import.alias.text, .path = rel, .loc = it->loc, .item = it};
    char *path = load_import_path(m->src->path, rel), *key = NULL;
    LoadRefusal why = load_check_name(L, rel, path);
    Source *src = NULL;
    const Chain *c = NULL;
    if (why == LR_NONE) {
      key = load_guess_key(path);
      c = load_in_chain(here, key);
      if (!c && !(imp.model = table_get(L->by_key, key))) {
        mem_free(key);
        key = NULL;
        L->policy.importing = 1;
        L->policy.refused = LR_NONE;
        src = L->reader.read(L->reader.ctx, path, &key);
        L->policy.importing = 0;
        why = src ? LR_NONE : L->policy.refused;
        if (src) c = load_in_chain(here, key);
      }
    }
    if (why != LR_NONE) {
      model_error(m, "C019", at, "cannot import '%s': %s", rel, load_refusal_words(why));
    } else if (c) {
      model_error(m, "C013", at, "import cycle: '%s' imports itself%s", rel,
                  c == here ? "" : " through the files that import it");
    } else if (imp.model) {
      /* loaded before: the same model serves every importer, and it was not read again */
    } else if (!src) {
      model_error(m, "C012", at, "cannot import '%s': %s", rel, strerror(errno));
    } else if (here->depth >= LOAD_MAX_DEPTH) {
      model_error(m, "C018", at, "cannot import '%s': imports nest more than %d files deep", rel,
                  LOAD_MAX_DEPTH);
    } else if ((imp.model = table_get(L->by_key, key))) {
      /* loaded before under the identity the reader gave */
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

void load_set_import_root(Loader *L, const char *dir) {
  mem_free(L->root);
  L->root = mem_strdup(dir);
}

Model *load_plan(Loader *L, const char *path) {
  if (!L->root) { /* the main plan's folder */
    const char *slash = strrchr(path, '/');
    L->root = slash ? mem_strndup(path, slash == path ? 1 : (size_t)(slash - path))
                    : mem_strdup(".");
  }
  mem_free(L->root_abs);
  L->root_abs = load_absolute(L->root);
  free(L->policy.root_real);
  L->policy.root_real = realpath(L->root, NULL);
  char *key = NULL;
  Source *src = L->reader.read(L->reader.ctx, path, &key);
  if (!src) return NULL;
  Model *m = load_source(L, src, key, NULL);
  mem_free(key);
  return m;
}

/* ---- readers ---- */

/* Read path from disk; with a policy (ctx) while an import is read, only a regular file
   no larger than SOURCE_MAX_BYTES whose real path lies inside the import root, opened
   without following a link and without blocking, so that a FIFO or a device is refused
   rather than waited on. */
static Source *load_disk_read(void *ctx, const char *path, char **key) {
  DiskPolicy *policy = ctx;
  int strict = policy && policy->importing;
  char *real = realpath(path, NULL);
  if (!real) return NULL;
  LoadRefusal why = LR_NONE;
  if (strict && !(policy->root_real && load_inside(policy->root_real, real))) why = LR_OUTSIDE;
  int fd = -1;
  struct stat st;
  if (why == LR_NONE) {
    fd = open(real, O_RDONLY | O_CLOEXEC | O_NOCTTY | (strict ? O_NOFOLLOW | O_NONBLOCK : 0));
    if (fd >= 0 && strict && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) why = LR_NOT_REGULAR;
    else if (fd >= 0 && strict && (size_t)st.st_size > SOURCE_MAX_BYTES) why = LR_TOO_LARGE;
  }
  Source *src = NULL;
  if (why == LR_NONE && fd >= 0) {
    if (strict) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    src = source_load_fd(fd, path);
    if (!src && strict && errno == EFBIG) why = LR_TOO_LARGE;
  }
  int saved = errno;
  if (fd >= 0) close(fd);
  if (src) *key = mem_strdup(real);
  free(real); /* realpath's own */
  if (policy) policy->refused = why;
  errno = why != LR_NONE ? EPERM : saved;
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
