/* front.h: the front end: source text → tokens → syntax tree, with diagnostics. */
#ifndef PLC_FRONT_H
#define PLC_FRONT_H

#include <stdio.h>

#include "runtime/arena.h"
#include "runtime/names.h"
#include "syntax/ast.h"
#include "syntax/diag.h"
#include "syntax/source.h"

/* At least the scanner's count of rules (grammar/lexer.l checks it). */
#define FRONT_RULES 160

/* The state the scanner and the parser share while reading one file. */
typedef struct Parser {
  Arena *arena;
  Names *names;
  Diags *diags;
  Source *src;
  Plan *plan;
  void *scanner;
  /* scanner: the position of the next character, and what the line holds so far */
  int line, col;
  size_t input_at;  /* the bytes of src given to the scanner so far */
  int line_has_token;
  int after_number; /* the last token was a number, so 套以上 is unit 套 then 以上 */
  /* scanner: for each keyword rule, the interned spelling it matched last, so that a
     keyword is compared with it, not hashed again */
  struct {
    const char *text;
    size_t n;
  } spelling[FRONT_RULES];
  /* parser: the items that later lines attach to */
  Item *indicator; /* value lines belong to it */
  Item *holder;    /* text lines belong to it (a para or a task) */
  Item *task;      /* commitments belong to it */
  Item *section;   /* tasks and paras belong to it */
  int recovering;  /* the last statement line was skipped as an error */
} Parser;

/* Parse src into a plan allocated in arena; diagnostics go to diags. Never NULL. */
Plan *front_parse(Source *src, Arena *arena, Names *names, Diags *diags);

/* Scan src and count its tokens, building nothing else (the bench's baseline). */
long front_count_tokens(Source *src, Arena *arena, Names *names, Diags *diags);

/* Print the tokens of src, one per line ("NAME text @line:col"), for tests. */
void front_dump_tokens(Source *src, Arena *arena, Names *names, Diags *diags, FILE *out);

/* Report a diagnostic at loc in the file being parsed (used by scanner and parser). */
#define front_error(P, code, loc, ...) \
  diag_report((P)->diags, DIAG_ERROR, code, (P)->src, loc, __VA_ARGS__)

#endif
