/* lspindex.h: every name in a compiled plan and the files it imports, each with its place
   and the thing it means (an indicator, a commitment, a claim, an import): what the
   language server's definition, references, rename and hover stand on. The one place that
   reads references for the editor: what a name means comes from the model (the binder's
   Formula nodes, a target's and a commitment's indicator), its place from the syntax
   tree, since a bound reference keeps only the place of the whole p.gdp[2023]. */
#ifndef PLC_LSPINDEX_H
#define PLC_LSPINDEX_H

#include "model/model.h"

#define LSPINDEX_KINDS(X)                                                                  \
  X(LSYM_INDICATOR, "indicator")                                                           \
  X(LSYM_COMMIT, "commitment")                                                             \
  X(LSYM_CLAIM, "claim")                                                                   \
  X(LSYM_IMPORT, "import")

#define LSPINDEX_ENUM(e, name) e,
typedef enum LspSymKind { LSPINDEX_KINDS(LSPINDEX_ENUM) } LspSymKind;
#undef LSPINDEX_ENUM

/* One occurrence of a name: where it is written, and the definition it means. */
typedef struct LspOcc {
  Source *src;        /* the file it is written in */
  Loc loc;            /* the name's place (for p.gdp: gdp) */
  const char *text;   /* the name as written */
  LspSymKind kind;
  int is_def;         /* the definition itself */
  const void *target; /* an Indicator, Commit, Claim or Import */
  const Model *owner; /* the model that defines it */
  Source *def_src;    /* where it is defined */
  Loc def_loc;
  const char *file, *def_file; /* the two files' paths, normalised (lsppos_normalize) */
} LspOcc;

typedef struct LspIndex {
  LspOcc *v;
  int n, cap;
  char **files;       /* each file's normalised path, by its Source */
  const Source **srcs;
  int nfiles;
} LspIndex;

/* Every occurrence in root and in the plans it imports, in file order. */
void lspindex_build(LspIndex *x, const Model *root);
void lspindex_free(LspIndex *x);

/* The occurrence at (line, col) of the file at path (normalised), or NULL. */
const LspOcc *lspindex_at(const LspIndex *x, const char *path, int line, int col);

/* Whether two occurrences mean the same definition (compared by its file and place, so
   that indexes of different compiles agree). */
int lspindex_same(const LspOcc *a, const LspOcc *b);

const char *lspindex_kind_name(LspSymKind k);

#endif
