/* lspfeat.h: what the language server answers about a compiled document: hover,
   definition, references, rename, completion, the outline and quick fixes. Each takes the
   document compiled (lspdoc_build) and a place in plc's terms (1-based line and column),
   and gives the protocol's result as JSON. */
#ifndef PLC_LSPFEAT_H
#define PLC_LSPFEAT_H

#include <jansson.h>

#include "cmd/lspdoc.h"

/* Hover: a Markdown description of the indicator, claim, commitment or import at the
   place; JSON null when there is none. */
json_t *lspfeat_hover(LspDocs *ds, LspDoc *d, int line, int col);

/* The Location of the definition of the name at the place, or null. */
json_t *lspfeat_definition(LspDocs *ds, LspDoc *d, int line, int col);

/* Every Location of the name at the place, in every open document's compile (its
   definition too when decl). */
json_t *lspfeat_references(LspDocs *ds, LspDoc *d, int line, int col, int decl);

/* A WorkspaceEdit renaming the id at the place to name; NULL with *why set when it cannot
   (no id there, or name is not an id). */
json_t *lspfeat_rename(LspDocs *ds, LspDoc *d, int line, int col, const char *name,
                       const char **why);

/* The range and text of the id at the place (prepareRename), or null. */
json_t *lspfeat_prepare_rename(LspDocs *ds, LspDoc *d, int line, int col);

/* Completion items for the place: after "alias." the imported plan's indicators; else
   indicators, commitments, claims, keywords, relation and change words, units, periods
   and functions. */
json_t *lspfeat_completion(LspDocs *ds, LspDoc *d, int line, int col);

/* The outline as DocumentSymbols: parts → sections → tasks → commitments; indicators,
   targets, claims where they stand. */
json_t *lspfeat_symbols(LspDocs *ds, LspDoc *d);

/* Quick fixes for the given diagnostics: each "did you mean 'X'?" replaces the name. */
json_t *lspfeat_code_actions(LspDocs *ds, LspDoc *d, const json_t *diagnostics);

/* Whether this build can format (plc fmt's fmt_plan is linked in). */
int lspfeat_can_format(void);

/* The TextEdits that give d the canonical layout of plc fmt: one edit of the whole text,
   none when it is canonical already; NULL with *why set when it cannot (syntax errors). */
json_t *lspfeat_format(LspDocs *ds, LspDoc *d, const char **why);

#endif
