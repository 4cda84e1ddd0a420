/* diag.h: diagnostics in gcc/clang form, each with a stable code; text or JSON. Messages
   are translated in one place (diag_report looks its format up in the message catalogue),
   bounded (an error limit, at most one error per line, the quoted line cut to a window)
   and clean (a control character or a byte that is not UTF-8, from the plan or a path,
   is printed as <0a>, never raw). */
#ifndef PLC_DIAG_H
#define PLC_DIAG_H

#include <stdio.h>

#include "syntax/source.h"

/* The message catalogue's name (po/plc.pot, share/locale/LANG/LC_MESSAGES/plc.mo). */
#define DIAG_DOMAIN "plc"

/* How many errors are printed before "too many errors; stopping" by default. */
#define DIAG_ERROR_LIMIT 50

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

typedef struct Diag {
  DiagLevel level;
  const char *code;   /* stable code, e.g. "L001"; docs/diagnostics.md lists them */
  Source *src;        /* NULL for a diagnostic about no file (usage) */
  Loc loc;
  char *msg;          /* translated, and escaped: no control character, valid UTF-8 */
  /* a scanner diagnostic of bad bytes (L001, L004) or stray characters (L003), which later
     runs on its line join: what it shows, so the message can be made again in any language */
  struct {
    unsigned char bytes[6];
    int nbytes;
    size_t total, more;   /* bytes in the run; bad bytes elsewhere on the line */
    char text[40];        /* L003: the characters shown */
    int cols, cut;        /* their columns; whether more followed */
  } run;
} Diag;

typedef struct DiagLine DiagLine;

typedef struct Diags {
  Diag *v;
  int n, cap;
  int errors, warnings; /* the ones kept (and printed) */
  int limit;            /* errors kept at most (0: no limit); DIAG_ERROR_LIMIT by default */
  int dropped_errors;   /* errors past the limit, not kept */
  int dropped_warnings; /* warnings past the limit, not kept */
  int dropping;         /* the last error or warning was dropped: so are its notes */
  Source *last_src;     /* where the last error was */
  int last_line;
  DiagLine *lines;      /* the lines that have an error: a set of (src, line) */
  int nlines, lines_cap;
} Diags;

void diag_init(Diags *d);
void diag_free(Diags *d);

/* Keep at most limit errors (0: all of them). */
void diag_set_limit(Diags *d, int limit);

/* Whether errors were dropped at the limit: a caller may stop early. */
int diag_stopped(const Diags *d);

/* Record a diagnostic at loc of src. fmt is looked up in the message catalogue first (so
   every call site's message is translated here); the message is then escaped. A second
   error on a line that has one is dropped, as are errors past the limit. */
void diag_report(Diags *d, DiagLevel level, const char *code, Source *src, Loc loc,
                 const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* msgid translated in the message catalogue (for messages built in pieces). */
const char *diag_tr(const char *msgid) __attribute__((format_arg(1)));

/* Text as messages and the quoted line show it: control characters, bytes that are not
   UTF-8 and characters that reorder or hide text as <0a>, <ff>, <U+202E>. Free it. */
char *diag_escape(const char *s, size_t n);

/* The Damerau distance between two names, in characters (a transposition costs one). */
int diag_distance(const char *a, const char *b);

/* Whether known is close enough to typed to suggest it: one edit for a name of up to four
   characters (two-character Chinese ids: 社灵 → 社零), two up to eight, three beyond; a
   name cut short or run on by one or two characters (亿 → 亿元, 亿元元 → 亿元). */
int diag_similar(const char *typed, const char *known);

/* The candidate nearest to typed among n (NULL entries skipped) that is similar, or NULL. */
const char *diag_nearest(const char *typed, const char *const *cands, int n);

/* Whether an error has already been reported on this line of src. */
int diag_line_has_error(const Diags *d, const Source *src, int line);

/* Fold the warnings of files other than main (imported plans) into one note per file
   saying how many there are; the warnings count is then main's alone (for -Werror). */
void diag_fold_imported(Diags *d, const Source *main);

/* Order the diagnostics by file (in the order files first appear), line and column;
   a note stays after the diagnostic it belongs to. */
void diag_sort(Diags *d);

/* Print every diagnostic as gcc does: file:line:col: level: message [code], source, caret;
   then "too many errors; stopping" when errors were dropped. */
void diag_print_text(Diags *d, FILE *out);

/* Print every diagnostic as a JSON array (docs/diagnostics.md gives the fields). */
void diag_print_json(const Diags *d, FILE *out);

#endif
