/* diag.h: diagnostics in gcc/clang form, each with a stable code; text or JSON. */
#ifndef PLC_DIAG_H
#define PLC_DIAG_H

#include <stdio.h>

#include "syntax/source.h"

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

typedef struct Diag {
  DiagLevel level;
  const char *code;   /* stable code, e.g. "L001"; docs/diagnostics.md lists them */
  Source *src;        /* NULL for a diagnostic about no file (usage) */
  Loc loc;
  char *msg;
} Diag;

typedef struct Diags {
  Diag *v;
  int n, cap;
  int errors, warnings;
  Source *last_src;    /* where the last error was, to drop cascades on the same line */
  int last_line;
} Diags;

void diag_init(Diags *d);
void diag_free(Diags *d);

/* Record a diagnostic at loc of src. */
void diag_report(Diags *d, DiagLevel level, const char *code, Source *src, Loc loc,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Whether an error has already been reported on this line of src. */
int diag_line_has_error(const Diags *d, const Source *src, int line);

/* Order the diagnostics by file (in the order files first appear), line and column;
   a note stays after the diagnostic it belongs to. */
void diag_sort(Diags *d);

/* Print every diagnostic as gcc does: file:line:col: level: message [code], source, caret. */
void diag_print_text(Diags *d, FILE *out);

/* Print every diagnostic as a JSON array (docs/diagnostics.md gives the fields). */
void diag_print_json(const Diags *d, FILE *out);

#endif
