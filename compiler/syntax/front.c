/* front.c: running the scanner and the parser over one source. */
#include "syntax/front.h"

#include "parser.tab.h" /* before lexer.h, which uses its types */
#include "lexer.h"

/* Set up a parser state over src. */
static void front_init(Parser *p, Source *src, Arena *arena, Names *names, Diags *diags) {
  *p = (Parser){.arena = arena, .names = names, .diags = diags, .src = src};
  p->plan = arena_alloc(arena, sizeof *p->plan);
  p->plan->src = src;
  p->line = p->col = 1;
  yylex_init_extra(p, &p->scanner); /* the scanner reads src through YY_INPUT (lexer.l) */
}

Plan *front_parse(Source *src, Arena *arena, Names *names, Diags *diags) {
  Parser p;
  front_init(&p, src, arena, names, diags);
  yyparse(&p);
  yylex_destroy(p.scanner);
  return p.plan;
}

long front_count_tokens(Source *src, Arena *arena, Names *names, Diags *diags) {
  Parser p;
  front_init(&p, src, arena, names, diags);
  YYSTYPE v;
  YYLTYPE loc;
  long n = 0;
  while (lex_scan(&v, &loc, p.scanner) != 0) n++;
  yylex_destroy(p.scanner);
  return n;
}

void front_dump_tokens(Source *src, Arena *arena, Names *names, Diags *diags, FILE *out) {
  Parser p;
  front_init(&p, src, arena, names, diags);
  YYSTYPE v;
  YYLTYPE loc;
  int tok;
  while ((tok = lex_scan(&v, &loc, p.scanner)) != 0) {
    const char *name = parser_token_name(tok);
    fprintf(out, "%s", name);
    if (tok > 255 && tok != NL && tok != PH_OPEN && tok != PH_CLOSE) /* tokens with a word */
      fprintf(out, " %s", v.word.text);
    fprintf(out, " @%d:%d-%d:%d\n", loc.first_line, loc.first_column, loc.last_line,
            loc.last_column);
  }
  yylex_destroy(p.scanner);
}
