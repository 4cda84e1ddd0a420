/* load.h: the pipeline, spelled out in one place: read a plan's source, parse it, load the
   plans it imports (relative to the importing file, each file once, a cycle an error),
   check it, bind every expression, evaluate. Sources come from disk, from memory (tests,
   an editor's open buffers) or from a reader the caller gives (a git revision). */
#ifndef PLC_LOAD_H
#define PLC_LOAD_H

#include "model/model.h"

/* Where sources come from. read gives the source at path (NULL, with errno set, when it
   cannot be read) and the file's identity in *key (a real path, for cycles and for
   loading each file once; the caller frees it with mem_free). */
typedef struct LoadReader {
  Source *(*read)(void *ctx, const char *path, char **key);
  void *ctx;
} LoadReader;

typedef struct Loader Loader;

/* A loader reporting into diags, reading through reader (NULL: from disk). */
Loader *load_new(Diags *diags, const LoadReader *reader);

/* Load the plan at path and everything it imports: parsed, checked, bound, evaluated. NULL
   (errno set) only when path itself cannot be read; every other trouble is a diagnostic. */
Model *load_plan(Loader *L, const char *path);

/* Let imports read files anywhere inside dir (by default: the main plan's folder). An
   import is a relative path to a regular .fp file inside it (docs/limits.md). */
void load_set_import_root(Loader *L, const char *dir);

/* Free every model, source and name the loader made. */
void load_free(Loader *L);

/* Plan files held in memory, read by name (paths compared after removing "./" and
   resolving ".."); with fallback set, names not held are read from disk. */
typedef struct LoadFiles LoadFiles;
LoadFiles *load_files_new(int fallback);
void load_files_add(LoadFiles *f, const char *name, const char *text, size_t n);
LoadReader load_files_reader(LoadFiles *f);
void load_files_free(LoadFiles *f);

/* The disk, as a reader. */
LoadReader load_disk_reader(void);

#endif
