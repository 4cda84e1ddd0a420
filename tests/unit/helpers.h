/* helpers.h: running the front end over a string, for the Check tests. */
#ifndef PLC_TEST_HELPERS_H
#define PLC_TEST_HELPERS_H

#include <check.h>

#include "runtime/utf8.h"
#include "syntax/front.h"

/* A parsed string with everything it owns. */
typedef struct Parsed {
  Source *src;
  Arena *arena;
  Names *names;
  Diags diags;
  Plan *plan;
} Parsed;

Parsed *parse_text(const char *text);
void parsed_free(Parsed *p);

/* The tokens of text, one per line, as front_dump_tokens prints them (free it). */
char *lex_text_dump(const char *text, int *errors);

/* The i-th item of a parsed plan (0-based), or NULL. */
Item *nth_item(const Parsed *p, int i);

/* The diagnostics printed as text (free it). */
char *diags_text(Parsed *p);

Suite *lexer_suite(void);
Suite *parser_suite(void);
Suite *diag_suite(void);
Suite *model_suite(void);
Suite *load_suite(void);
Suite *render_suite(void);
Suite *suggest_suite(void);
Suite *units_suite(void);
Suite *docx_suite(void);
Suite *utf8_suite(void);
Suite *csv_suite(void);
Suite *lsppos_suite(void);
Suite *decimal_suite(void);

#endif
