/* parser.y: the plan language's grammar. A pure parser with locations. The language is
   line-oriented: every statement is one line, and a line with an error is skipped whole
   (error NL), so every syntax error of a file is reported in one run. Each action is one
   call to a constructor of syntax/build.c, which also ties lines that belong to an earlier
   one (values to their indicator, text to its para or task, commitments to their task). */
%code requires {
#include "syntax/build.h"
}

%code provides {
int lex_scan(YYSTYPE *lval, YYLTYPE *lloc, void *scanner);
/* A token's name as messages print it. */
const char *parser_token_name(int token);
}

%code {
#include <string.h>

#include "runtime/buf.h"
#include "runtime/utf8.h"

static int yylex(YYSTYPE *lval, YYLTYPE *lloc, Parser *P) {
  return lex_scan(lval, lloc, P->scanner);
}
static void yyerror(const YYLTYPE *loc, Parser *P, const char *msg);
static Expr *parser_at_period(Expr *e, Word period);
static Word parser_negative(Parser *P, Word num);
static Bound *parser_signed(Parser *P, const Change *c);
}

%define api.pure full
%define api.location.type {Loc}
%define parse.error custom
%locations
%param {Parser *P}
%expect 0

%union {
  Word word;
  Keyword kw;     /* a word of a closed set and its meaning (syntax/words.h) */
  Quantity q;
  Bound *bound;   /* figures, changes and dates by pointer: the value stack copies */
  Change *change; /* every value it shifts, so the union is kept small */
  Expr *expr;
  Attrs *attrs;
  Ref ref;
  Date *date;
  Pieces text;
  Args args;
}

%token NL "end of line"
%token PH_OPEN "'{'" PH_CLOSE "'}'"
%token <word> IDENT "name" NUMBER "number" PERIOD "period" STRING "string" TEXT "text"
%token <word> BAR "'|'" RANGE "range separator"
%token <word> TITLE "'title'" REGION "'region'" YEAR "'year'" BASE "'base'" DATE "'date'"
%token <word> STATUS "'status'" IMPORT "'import'" AS "'as'" UNIT "'unit'"
%token <word> INDICATOR "'indicator'" DECIMALS "'decimals'" CATEGORY "'category'" MAIN "'main'"
%token <word> TARGET "'target'" CLAIM "'claim'" PART "'part'" SECTION "'section'" PARA "'para'"
%token <word> TASK "'task'" LEAD "'lead'" DUE "'due'" COMMIT "'commit'" FOR "'for'"
%token <word> VERB "'verb'"
%token <word> SHOW "'show'" TOLERANCE "'tolerance'" FROM "'from'" STRETCH "'力争'"
%token <kw> ACTUAL "'actual'" ESTIMATE "'estimate'" PLAN "'plan'"
%token <kw> FLASH "'快报'" OFFICIAL "'统计'" REVISED "'修订'" DIRECTION "direction" SYNC "'同步'"
%token <kw> EXPECTED "'expected'" BINDING "'binding'" BASIS "price basis" FLOW "flow or stock"
%token <kw> ABOUT "'about'" ATLEAST "'atleast'" OVER "'over'" ATMOST "'atmost'"
%token <kw> UNDER "'under'" NEAR "'near'" REACH "'reach'"
%token <kw> AROUND "'左右'" ABOVE "'以上'" BELOW "'以下'"
%token <kw> UP "'up'" DOWN "'down'" FLAT "'flat'" DOUBLED "'doubled'"
%token <word> YOY "'yoy'"

%left '+' '-'
%left '*' '/'
%precedence NEG

%type <word> opt_string opt_ident name unit period
%type <kw> status kind prefix suffix move level
%type <q> quantity equantity opt_unit
%type <bound> bound
%type <change> change
%type <expr> expr opt_formula
%type <attrs> attrs attr
%type <ref> ref
%type <date> date
%type <text> text
%type <args> args arglist

%%

file
  : %empty
  | file line
  ;

line
  : NL
  | stmt NL
  | error NL                      { yyerrok; P->recovering = 1; }
  ;

stmt
  : TITLE STRING                  { build_header(P, &@$, IT_TITLE, $1, $2); }
  | REGION STRING                 { build_header(P, &@$, IT_REGION, $1, $2); }
  | STATUS name                   { build_header(P, &@$, IT_STATUS, $1, $2); }
  | YEAR NUMBER                   { build_header(P, &@$, IT_YEAR, $1, $2); }
  | BASE NUMBER                   { build_header(P, &@$, IT_BASE, $1, $2); }
  | DATE date                     { build_date(P, &@$, $1, $2); }
  | IMPORT STRING                 { build_import(P, &@$, $1, $2, (Word){0}); }
  | IMPORT STRING AS IDENT        { build_import(P, &@$, $1, $2, $4); }
  | TOLERANCE quantity            { build_tolerance(P, &@$, $1, $2); }
  | UNIT IDENT                    { build_unit(P, &@$, $1, $2, NULL); }
  | UNIT IDENT '=' quantity       { build_unit(P, &@$, $1, $2, &$4); }
  | INDICATOR IDENT opt_string opt_unit attrs opt_formula
                                  { build_indicator(P, &@$, $1, $2, $3, $4, $5, $6); }
  | period status bound attrs     { build_value(P, &@$, $1, $2, (Given){VF_BOUND, .bound = $3}, $4); }
  | period status change attrs    { build_value(P, &@$, $1, $2, (Given){VF_CHANGE, .change = $3}, $4); }
  | period status '=' expr attrs  { build_value(P, &@$, $1, $2, (Given){VF_FORMULA, .expr = $4}, $5); }
  | period status STRING attrs    { build_value(P, &@$, $1, $2, (Given){VF_QUALITATIVE, .text = $3}, $4); }
  | TARGET ref period kind bound attrs
                                  { build_target(P, &@$, $1, $2, $3, $4, (Given){VF_BOUND, .bound = $5}, $6); }
  | TARGET ref period kind change attrs
                                  { build_target(P, &@$, $1, $2, $3, $4, (Given){VF_CHANGE, .change = $5}, $6); }
  | TARGET ref period kind SYNC ref attrs
                                  { build_target(P, &@$, $1, $2, $3, $4, (Given){VF_RELATION, .with = $6, .sync = $5}, $7); }
  | TARGET ref period kind STRING attrs
                                  { build_target(P, &@$, $1, $2, $3, $4, (Given){VF_QUALITATIVE, .text = $5}, $6); }
  | CLAIM opt_ident opt_string period expr '=' bound
                                  { build_claim(P, &@$, $1, $2, $3, $4, $5, $7); }
  | CLAIM opt_ident opt_string period expr '=' change
                                  { build_claim(P, &@$, $1, $2, $3, $4, $5, parser_signed(P, $7)); }
  | PART opt_ident STRING         { build_part(P, &@$, $1, $2, $3); }
  | SECTION STRING                { build_section(P, &@$, $1, $2); }
  | PARA opt_string               { build_para(P, &@$, $1, $2); }
  | BAR text                      { build_text(P, &@$, $1, $2); }
  | TASK STRING attrs             { build_task(P, &@$, $1, $2, $3); }
  | COMMIT opt_ident STRING bound attrs
                                  { build_commit(P, &@$, $1, $2, $3, (Given){VF_BOUND, .bound = $4}, $5); }
  | COMMIT opt_ident STRING change attrs
                                  { build_commit(P, &@$, $1, $2, $3, (Given){VF_CHANGE, .change = $4}, $5); }
  ;

opt_string : %empty { $$ = (Word){0}; } | STRING ;
opt_ident  : %empty { $$ = (Word){0}; } | IDENT ;
name       : IDENT | STRING ;
period     : NUMBER | PERIOD ;
status     : ACTUAL | ESTIMATE | PLAN | FLASH | OFFICIAL | REVISED ;
kind       : EXPECTED | BINDING ;

date
  : NUMBER '-' NUMBER             { $$ = build_ymd(P, &@$, $1, $3, (Word){0}); }
  | NUMBER '-' NUMBER '-' NUMBER  { $$ = build_ymd(P, &@$, $1, $3, $5); }
  | STRING                        { $$ = build_date_string(P, &@$, $1); }
  ;

unit
  : IDENT
  | '%'                           { $$ = (Word){"%", @$}; }
  | IDENT '/' IDENT               { $$ = build_unit_ratio(P, &@$, $1, $3); }
  ;

opt_unit
  : %empty                        { $$ = (Quantity){0}; }
  | unit                          { $$ = build_quantity((Word){0}, $1, &@$); }
  ;

quantity
  : NUMBER                        { $$ = build_quantity($1, (Word){0}, &@$); }
  | NUMBER unit                   { $$ = build_quantity($1, $2, &@$); }
  | '-' NUMBER                    { $$ = build_quantity(parser_negative(P, $2), (Word){0}, &@$); }
  | '-' NUMBER unit               { $$ = build_quantity(parser_negative(P, $2), $3, &@$); }
  ;

equantity
  : NUMBER                        { $$ = build_quantity($1, (Word){0}, &@$); }
  | NUMBER IDENT                  { $$ = build_quantity($1, $2, &@$); }
  | NUMBER '%'                    { $$ = build_quantity($1, (Word){"%", @2}, &@$); }
  ;

prefix : ABOUT | ATLEAST | OVER | ATMOST | UNDER | NEAR | REACH ;
suffix : AROUND | ABOVE | BELOW ;

bound
  : quantity                      { $$ = build_bound(P, &@$, (Keyword){0}, $1, (Keyword){0}); }
  | quantity suffix               { $$ = build_bound(P, &@$, (Keyword){0}, $1, $2); }
  | prefix quantity               { $$ = build_bound(P, &@$, $1, $2, (Keyword){0}); }
  | prefix quantity suffix        { $$ = build_bound(P, &@$, $1, $2, $3); }
  | quantity RANGE quantity       { $$ = build_range(P, &@$, $1, $2, $3); }
  ;

move  : UP | DOWN ;       /* a change by an amount */
level : FLAT | DOUBLED ;  /* a change that is its own amount */

change
  : move bound                    { $$ = build_change(P, &@$, (Word){0}, $1, $2); }
  | YOY move bound                { $$ = build_change(P, &@$, $1, $2, $3); }
  | level                         { $$ = build_change(P, &@$, (Word){0}, $1, NULL); }
  | YOY level                     { $$ = build_change(P, &@$, $1, $2, NULL); }
  ;

attrs
  : %empty                        { $$ = NULL; }
  | attrs attr                    { $$ = build_attrs(P, $1, $2); }
  ;

attr
  : DECIMALS NUMBER               { $$ = build_attr(P, (Attrs){.has = ATTR_DECIMALS, .decimals = {$2.text, @$}, .loc = @$}); }
  | CATEGORY name                 { $$ = build_attr(P, (Attrs){.has = ATTR_CATEGORY, .category = {$2.text, @$}, .loc = @$}); }
  | MAIN                          { $$ = build_attr(P, (Attrs){.has = ATTR_MAIN, .main = $1, .loc = @$}); }
  | BASIS                         { $$ = build_attr(P, (Attrs){.has = ATTR_BASIS, .basis = $1, .loc = @$}); }
  | FLOW                          { $$ = build_attr(P, (Attrs){.has = ATTR_FLOW, .flow = $1, .loc = @$}); }
  | change                        { $$ = build_attr(P, (Attrs){.has = ATTR_CHANGE, .change = $1, .loc = @$}); }
  | LEAD STRING                   { $$ = build_attr(P, (Attrs){.has = ATTR_LEAD, .lead = {$2.text, @$}, .loc = @$}); }
  | DUE date                      { $$ = build_attr(P, (Attrs){.has = ATTR_DUE, .due = $2, .loc = @$}); }
  | FOR ref                       { $$ = build_attr(P, (Attrs){.has = ATTR_FOR, .target = $2, .loc = @$}); }
  | VERB STRING                   { $$ = build_attr(P, (Attrs){.has = ATTR_VERB, .verb = {$2.text, @$}, .loc = @$}); }
  | SHOW unit                     { $$ = build_attr(P, (Attrs){.has = ATTR_SHOW, .show = {$2.text, @$}, .loc = @$}); }
  | DIRECTION                     { $$ = build_attr(P, (Attrs){.has = ATTR_DIRECTION, .direction = $1, .loc = @$}); }
  | FROM period                   { $$ = build_attr(P, (Attrs){.has = ATTR_FROM, .from = $2, .loc = @$}); }
  | STRETCH bound                 { $$ = build_attr(P, (Attrs){.has = ATTR_STRETCH, .stretch = $2, .loc = @$}); }
  | STRETCH change                { $$ = build_attr(P, (Attrs){.has = ATTR_STRETCH, .stretch_change = $2, .loc = @$}); }
  ;

opt_formula
  : %empty                        { $$ = NULL; }
  | '=' expr                      { $$ = $2; }
  ;

ref
  : IDENT                         { $$ = build_ref(&@$, (Word){0}, $1); }
  | IDENT '.' IDENT               { $$ = build_ref(&@$, $1, $3); }
  ;

expr
  : expr '+' expr                 { $$ = build_expr(P, EX_ADD, &@$, $1, $3); }
  | expr '-' expr                 { $$ = build_expr(P, EX_SUB, &@$, $1, $3); }
  | expr '*' expr                 { $$ = build_expr(P, EX_MUL, &@$, $1, $3); }
  | expr '/' expr                 { $$ = build_expr(P, EX_DIV, &@$, $1, $3); }
  | '-' expr %prec NEG            { $$ = build_expr(P, EX_NEG, &@$, $2, NULL); }
  | '(' expr ')'                  { $$ = build_expr(P, EX_PAREN, &@$, $2, NULL); }
  | equantity                     { $$ = build_number(P, &@$, $1); }
  | ref                           { $$ = build_name(P, &@$, $1, NULL); }
  | ref '[' period ']'            { $$ = build_name(P, &@$, $1, &$3); }
  | IDENT '(' args ')'            { $$ = build_call(P, &@$, $1, $3); }
  | IDENT '(' args ')' '[' period ']'
                                  { $$ = parser_at_period(build_call(P, &@$, $1, $3), $6); }
  ;

args
  : %empty                        { $$ = (Args){0}; }
  | arglist
  ;

arglist
  : expr                          { $$ = build_arg(P, (Args){0}, $1); }
  | arglist ',' expr              { $$ = build_arg(P, $1, $3); }
  ;

text
  : %empty                        { $$ = (Pieces){0}; }
  | text TEXT                     { $$ = build_piece(P, $1, $2, NULL, NULL, NULL); }
  | text PH_OPEN expr PH_CLOSE    { $$ = build_piece(P, $1, (Word){0}, $3, &@2, &@4); }
  ;

%%

/* growth(gdp)[2024Q1]: a function at a period is the function of its references at that
   period, growth(gdp[2024Q1]); a reference that names its own period keeps it. (Deeper
   than the binder allows, it is left for the binder to report.) */
static Expr *parser_at_period(Expr *e, Word period) {
  if (!e || e->depth > 1000) return e;
  if (e->kind == EX_REF) {
    e->kind = EX_AT;
    e->period = period;
  }
  parser_at_period(e->a, period);
  parser_at_period(e->b, period);
  for (int i = 0; i < e->nargs; i++) parser_at_period(e->args[i], period);
  return e;
}

/* −n: a figure written with its sign (增长-2.0%, = -11.8%). */
static Word parser_negative(Parser *P, Word num) {
  size_t n = strlen(num.text);
  char *t = arena_alloc(P->arena, n + 2);
  t[0] = '-';
  memcpy(t + 1, num.text, n + 1);
  return (Word){t, num.loc};
}

/* A claim's stated change as a signed figure: = 下降11.8% states −11.8%; 增长 5% states
   5%. A change without an amount (持平, 翻番, 负增长) states 0%, 100%, or less than 0%. */
static Bound *parser_signed(Parser *P, const Change *c) {
  Bound *b = arena_alloc(P->arena, sizeof *b);
  if (c->dir == CHG_UP || c->dir == CHG_DOWN) {
    *b = c->by;
    if (c->dir == CHG_DOWN) {
      const char *s = b->q.num.text;
      b->q.num = s[0] == '-' ? (Word){s + 1, b->q.num.loc} : parser_negative(P, b->q.num);
      if (b->rel == REL_RANGE) {
        s = b->hi.num.text;
        b->hi.num = s[0] == '-' ? (Word){s + 1, b->hi.num.loc} : parser_negative(P, b->hi.num);
        Quantity lo = b->q; /* 下降1—2%: from −2% to −1% */
        b->q = b->hi;
        b->hi = lo;
      }
    }
    return b;
  }
  Word num = {c->dir == CHG_DOUBLED ? "100" : "0", c->word.loc};
  *b = (Bound){.rel = c->dir == CHG_NEGATIVE ? REL_UNDER : REL_EXACT,
               .q = build_quantity(num, (Word){"%", c->word.loc}, &c->loc), .loc = c->loc};
  return b;
}

/* A token's name for a message, without the quotes Bison keeps around aliases. */
static const char *token_name(yysymbol_kind_t k, char *buf, size_t n) {
  const char *s = yysymbol_name(k);
  size_t len = strlen(s);
  if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
    snprintf(buf, n, "%.*s", (int)(len - 2), s + 1);
    return buf;
  }
  return s;
}

/* "unexpected X; expected A, B or C", once per line (cascades after a first error on the
   same line are dropped). */
static int yyreport_syntax_error(const yypcontext_t *ctx, Parser *P) {
  const Loc *loc = yypcontext_location(ctx);
  if (diag_line_has_error(P->diags, P->src, loc->first_line)) return 0;
  char name[64];
  Buf msg = {0};
  yysymbol_kind_t tok = yypcontext_token(ctx);
  buf_printf(&msg, "unexpected %s",
             tok == YYSYMBOL_YYEOF ? "end of file" : token_name(tok, name, sizeof name));
  if (tok == YYSYMBOL_IDENT || tok == YYSYMBOL_NUMBER) { /* name the word itself */
    size_t n;
    const char *line = source_line(P->src, loc->first_line, &n);
    int from = loc->first_column - 1, to = loc->last_column - 1;
    if (line && loc->last_line == loc->first_line && from < to) {
      size_t a = utf8_offset(line, n, from), b = utf8_offset(line, n, to);
      buf_printf(&msg, " '%.*s'", (int)(b - a), line + a);
      if (tok == YYSYMBOL_NUMBER && a > 0 && (unsigned char)line[a - 1] >= 0x80)
        buf_add(&msg, " (a digit cannot follow a Chinese character in a name)");
    }
  }
  yysymbol_kind_t expected[YYNTOKENS];
  int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
  int change = 0, relation = 0;
  for (int i = 0; i < n; i++) {
    change |= expected[i] == YYSYMBOL_UP;
    relation |= expected[i] == YYSYMBOL_ABOUT;
  }
  if (change || relation) { /* a change or relation position: name the words that fit */
    buf_add(&msg, "; expected ");
    if (relation)
      buf_printf(&msg, "a figure, a relation (约, 超过, 不低于, 不超过, 控制在, 低于, 近, 达到, 提高到, "
                       "降到)%s", change ? ", " : "");
    if (change)
      buf_add(&msg, "a change (增长, 下降, 上涨, 回落, 增速, 涨幅, 实际增长, 名义增长, "
                    "同口径增长, 年均增长, 持平, 翻番, 负增长, 同比…)");
    if (n <= 8)
      for (int i = 0; i < n; i++)
        if (expected[i] == YYSYMBOL_STRING) buf_add(&msg, " or a string");
  } else if (n > 0 && n <= 8) {
    buf_add(&msg, "; expected ");
    for (int i = 0; i < n; i++)
      buf_printf(&msg, "%s%s", i == 0 ? "" : i == n - 1 ? " or " : ", ",
                 token_name(expected[i], name, sizeof name));
  }
  front_error(P, "P001", *loc, "%s", buf_str(&msg));
  buf_free(&msg);
  return 0;
}

static void yyerror(const YYLTYPE *loc, Parser *P, const char *msg) {
  front_error(P, "P001", *loc, "%s", msg);
}

const char *parser_token_name(int token) {
  return yysymbol_name(YYTRANSLATE(token));
}
