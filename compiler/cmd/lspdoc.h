/* lspdoc.h: the language server's open documents, each compiled from the editor's
   buffers (an import open in the editor is read from its buffer, any other from disk),
   and the protocol's ranges and diagnostics made from plc's places. */
#ifndef PLC_LSPDOC_H
#define PLC_LSPDOC_H

#include <jansson.h>

#include "model/load.h"
#include "cmd/lspindex.h"

/* One compile of a document: its diagnostics, model and names. */
typedef struct LspBuild {
  Diags diags;
  Loader *loader;
  Model *model;   /* NULL when the document could not be read */
  LspIndex index;
} LspBuild;

typedef struct LspDoc {
  char *uri;      /* as the client wrote it */
  char *path;     /* the file's path, normalised */
  char *text;
  size_t n;
  Source *src;    /* the text, for positions */
  int dirty;      /* changed (or an open file changed) since the last compile */
  LspBuild *build;
} LspDoc;

typedef struct LspDocs {
  LspDoc **v;
  int n, cap;
} LspDocs;

/* The open document of this path (normalised) or URI, or NULL. */
LspDoc *lspdoc_find(const LspDocs *ds, const char *path);
LspDoc *lspdoc_by_uri(const LspDocs *ds, const char *uri);

/* Open (or reopen) a document with its text; every open document is dirty after it. */
LspDoc *lspdoc_open(LspDocs *ds, const char *uri, const char *text, size_t n);

/* Replace a document's text; every open document is dirty after it (one may import it). */
void lspdoc_change(LspDocs *ds, LspDoc *d, const char *text, size_t n);

/* Replace the text within range (an LSP Range, in UTF-16 positions) by text; -1 when range
   is not a range. Every open document is dirty after it. */
int lspdoc_edit(LspDocs *ds, LspDoc *d, const json_t *range, const char *text, size_t n);

/* Close a document and free it. */
void lspdoc_close(LspDocs *ds, LspDoc *d);
void lspdoc_free_all(LspDocs *ds);

/* Compile d if it is dirty, from every open buffer; its build after it. */
LspBuild *lspdoc_build(LspDocs *ds, LspDoc *d);

/* The URI of a file: the open document's own, else a file: URI (the caller frees it). */
char *lspdoc_uri(const LspDocs *ds, const char *path);

/* s as a JSON string, each byte that is not UTF-8 (an imported file read from disk may hold
   such bytes, and messages and names quote them) replaced by U+FFFD: jansson takes UTF-8
   only. */
json_t *lspdoc_text(const char *s);

/* An LSP Range for loc in src (an empty loc: the character at its start). */
json_t *lspdoc_range(Source *src, Loc loc);

/* A Location: the URI of file with the range of loc in src. */
json_t *lspdoc_location(const LspDocs *ds, const char *file, Source *src, Loc loc);

/* The line (1-based) and column (1-based) of an LSP Position in d; -1 when pos is not one. */
int lspdoc_position(LspDoc *d, const json_t *pos, int *line, int *col);

/* The diagnostics of d's last compile as a publishDiagnostics params object: its own, with
   their notes as related information, and those of the files it imports at the import
   line; at most max. */
json_t *lspdoc_diagnostics(const LspDocs *ds, LspDoc *d, int max);

#endif
