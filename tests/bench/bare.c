/* bare.c: the bench's anchor: parse a plan with plc's grammar stripped of its actions
   (build/bench/bare.l and bare.y, made by scripts/bare-grammar.py), reading the file the
   way plc does; prints the tokens' count and any syntax errors (the generated plans have
   none, so the anchor parses what plc parses). */
#include <stdio.h>

#include "bare.tab.h"
#define YYSTYPE BARESTYPE
#define YYLTYPE BARELTYPE
#include "bare.lex.h"
#include "runtime/mem.h"
#include "syntax/source.h"

long bare_errors;

void *bare_alloc(size_t n) { return mem_alloc(n); }
void *bare_realloc(void *p, size_t n) { return mem_realloc(p, n); }
void bare_free(void *p) { mem_free(p); }

int main(int argc, char **argv) {
  if (argc != 2) {
    fputs("usage: bench_bare PLAN.fp\n", stderr);
    return 2;
  }
  Source *src = source_load(argv[1]);
  if (!src) {
    perror(argv[1]);
    return 2;
  }
  int lht = 0;
  yyscan_t scanner;
  barelex_init_extra(&lht, &scanner);
  bare_scan_bytes(src->text, (int)src->len, scanner);
  bareparse(scanner);
  barelex_destroy(scanner);
  printf("bare: %zu bytes, %ld syntax errors\n", src->len, bare_errors);
  source_free(src);
  return bare_errors ? 1 : 0;
}
