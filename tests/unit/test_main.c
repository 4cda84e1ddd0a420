/* test_main.c: the Check runner for every unit suite, and the helpers they share. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "runtime/mem.h"

Parsed *parse_text(const char *text) {
  Parsed *p = calloc(1, sizeof *p);
  p->src = source_from_string("t.fp", text, strlen(text));
  p->arena = arena_new();
  p->names = names_new(p->arena);
  diag_init(&p->diags);
  p->plan = front_parse(p->src, p->arena, p->names, &p->diags);
  return p;
}

void parsed_free(Parsed *p) {
  diag_free(&p->diags);
  arena_free(p->arena);
  source_free(p->src);
  free(p);
}

char *lex_text_dump(const char *text, int *errors) {
  Source *src = source_from_string("t.fp", text, strlen(text));
  Arena *arena = arena_new();
  Names *names = names_new(arena);
  Diags diags;
  diag_init(&diags);
  char *buf = NULL;
  size_t n = 0;
  FILE *out = open_memstream(&buf, &n);
  front_dump_tokens(src, arena, names, &diags, out);
  fclose(out);
  if (errors) *errors = diags.errors;
  diag_free(&diags);
  arena_free(arena);
  source_free(src);
  return buf;
}

Item *nth_item(const Parsed *p, int i) {
  Item *it = p->plan->items;
  while (it && i-- > 0) it = it->next;
  return it;
}

char *diags_text(Parsed *p) {
  char *buf = NULL;
  size_t n = 0;
  FILE *out = open_memstream(&buf, &n);
  diag_print_text(&p->diags, out);
  fclose(out);
  return buf;
}

int main(void) {
  mem_init();
  SRunner *sr = srunner_create(lexer_suite());
  srunner_add_suite(sr, parser_suite());
  srunner_add_suite(sr, diag_suite());
  srunner_add_suite(sr, model_suite());
  srunner_add_suite(sr, load_suite());
  srunner_add_suite(sr, render_suite());
  srunner_add_suite(sr, suggest_suite());
  srunner_add_suite(sr, units_suite());
  srunner_add_suite(sr, docx_suite());
  srunner_add_suite(sr, utf8_suite());
  srunner_add_suite(sr, csv_suite());
  srunner_add_suite(sr, lsppos_suite());
  srunner_add_suite(sr, decimal_suite());
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
