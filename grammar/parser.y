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
#include "runtime/mem.h"
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
    *b = *c->by;
    if (c->dir == CHG_DOWN) {
      const char *s = b->q.num.text;
      b->q.num = s[0] == '-' ? (Word){s + 1, b->q.num.loc} : parser_negative(P, b->q.num);
      if (b->rel == REL_RANGE) {
        RangeTop *top = arena_alloc(P->arena, sizeof *top);
        *top = *b->top;
        s = top->q.num.text;
        top->q.num = s[0] == '-' ? (Word){s + 1, top->q.num.loc} : parser_negative(P, top->q.num);
        Quantity lo = b->q; /* 下降1—2%: from −2% to −1% */
        b->q = top->q;
        top->q = lo;
        b->top = top;
      }
    }
    return b;
  }
  Word num = {c->dir == CHG_DOUBLED ? "100" : "0", c->word.loc};
  *b = (Bound){.rel = c->dir == CHG_NEGATIVE ? REL_UNDER : REL_EXACT,
               .q = build_quantity(num, (Word){"%", c->word.loc}, &c->loc), .loc = c->loc};
  return b;
}

#define N_(s) s

/* The words of the keyword tokens, as the lexer takes them (grammar/lexer.l): the English
   one first, then the Chinese one messages show beside it, then other spellings. For
   naming a token the way the user wrote it, and for suggesting a keyword for a typo. */
static const struct {
  yysymbol_kind_t sym;
  const char *words[16];
} token_words[] = {
    {YYSYMBOL_TITLE, {"title"}},         {YYSYMBOL_REGION, {"region"}},
    {YYSYMBOL_YEAR, {"year"}},           {YYSYMBOL_BASE, {"base"}},
    {YYSYMBOL_DATE, {"date"}},           {YYSYMBOL_STATUS, {"status"}},
    {YYSYMBOL_IMPORT, {"import"}},       {YYSYMBOL_AS, {"as"}},
    {YYSYMBOL_UNIT, {"unit"}},           {YYSYMBOL_INDICATOR, {"indicator"}},
    {YYSYMBOL_DECIMALS, {"decimals"}},   {YYSYMBOL_CATEGORY, {"category"}},
    {YYSYMBOL_MAIN, {"main"}},           {YYSYMBOL_TARGET, {"target"}},
    {YYSYMBOL_CLAIM, {"claim"}},         {YYSYMBOL_PART, {"part"}},
    {YYSYMBOL_SECTION, {"section"}},     {YYSYMBOL_PARA, {"para"}},
    {YYSYMBOL_TASK, {"task"}},           {YYSYMBOL_LEAD, {"lead"}},
    {YYSYMBOL_DUE, {"due"}},             {YYSYMBOL_COMMIT, {"commit"}},
    {YYSYMBOL_FOR, {"for"}},             {YYSYMBOL_VERB, {"verb"}},
    {YYSYMBOL_SHOW, {"show"}},
    {YYSYMBOL_TOLERANCE, {"tolerance"}}, {YYSYMBOL_FROM, {"from"}},
    {YYSYMBOL_STRETCH, {"stretch", "力争"}},
    {YYSYMBOL_FLASH, {"flash", "快报"}},
    {YYSYMBOL_OFFICIAL, {"official", "统计", "年报"}},
    {YYSYMBOL_REVISED, {"revised", "修订"}},
    {YYSYMBOL_DIRECTION, {NULL, "正向", "逆向", "适度", "higher", "lower", "band"}},
    {YYSYMBOL_SYNC, {"insync", "同步", "基本同步", "nearsync"}},
    {YYSYMBOL_ACTUAL, {"actual", "实际"}},
    {YYSYMBOL_ESTIMATE, {"estimate", "预计"}},
    {YYSYMBOL_PLAN, {"plan", "计划"}},
    {YYSYMBOL_EXPECTED, {"expected", "预期性"}},
    {YYSYMBOL_BINDING, {"binding", "约束性"}},
    {YYSYMBOL_ABOUT, {"about", "约"}},
    {YYSYMBOL_ATLEAST, {"atleast", "不少于", "至少", "不低于"}},
    {YYSYMBOL_OVER, {"over", "超过", "超", "突破", "高于"}},
    {YYSYMBOL_ATMOST, {"atmost", "不超过", "至多", "不高于", "控制在"}},
    {YYSYMBOL_UNDER, {"under", "低于", "不到"}},
    {YYSYMBOL_NEAR, {"near", "近", "接近"}},
    {YYSYMBOL_REACH, {"reach", "达到", "达", "增至", "降至", "提高到", "提升到", "增加到", "降到",
                      "降低到", "减少到", "raiseto", "lowerto"}},
    {YYSYMBOL_AROUND, {NULL, "左右"}},
    {YYSYMBOL_ABOVE, {NULL, "以上"}},
    {YYSYMBOL_BELOW, {NULL, "以下", "以内"}},
    {YYSYMBOL_UP, {"up", "增长", "提高", "提升", "增加", "年均增长", "annual", "上涨", "rise",
                   "实际增长", "realup", "名义增长", "nominalup", "同口径增长", "likeup", "增速"}},
    {YYSYMBOL_DOWN, {"down", "下降", "降低", "减少", "回落", "fall"}},
    {YYSYMBOL_FLAT, {"flat", "持平", "负增长", "negative"}},
    {YYSYMBOL_DOUBLED, {"doubled", "翻番"}},
    {YYSYMBOL_YOY, {"yoy", "同比"}},
    {YYSYMBOL_BASIS, {NULL, "现价", "当年价", "可比价"}},
    {YYSYMBOL_FLOW, {NULL, "当期", "累计"}},
    {YYSYMBOL_RANGE, {"to", "至"}},
};
enum { NTOKEN_WORDS = sizeof token_words / sizeof *token_words };

/* The tokens that are kinds of text rather than words, named in the message's language. */
static const struct {
  yysymbol_kind_t sym;
  const char *name;
} token_kinds[] = {
    {YYSYMBOL_YYEOF, N_("end of file")},      {YYSYMBOL_NL, N_("end of line")},
    {YYSYMBOL_IDENT, N_("name")},             {YYSYMBOL_NUMBER, N_("number")},
    {YYSYMBOL_PERIOD, N_("period")},          {YYSYMBOL_STRING, N_("string")},
    {YYSYMBOL_TEXT, N_("text")},              {YYSYMBOL_RANGE, N_("range separator")},
    {YYSYMBOL_BASIS, N_("price basis (现价 or 可比价)")},
    {YYSYMBOL_FLOW, N_("flow or stock (当期 or 累计)")},
    {YYSYMBOL_DIRECTION, N_("direction (正向, 逆向 or 适度)")},
};

/* The row of token_words for k, or -1. */
static int token_word_row(yysymbol_kind_t k) {
  for (int i = 0; i < NTOKEN_WORDS; i++)
    if (token_words[i].sym == k) return i;
  return -1;
}

/* Append how a message names token k as an alternative: a kind of token in the
   message's language, a keyword with both its spellings ('expected' (预期性)), or a
   punctuation mark in quotes. */
static void token_describe(Buf *b, yysymbol_kind_t k) {
  for (size_t i = 0; i < sizeof token_kinds / sizeof *token_kinds; i++)
    if (token_kinds[i].sym == k) {
      buf_add(b, diag_tr(token_kinds[i].name));
      return;
    }
  int row = token_word_row(k);
  if (row >= 0) {
    const char *en = token_words[row].words[0], *zh = token_words[row].words[1];
    if (en && zh) buf_printf(b, diag_tr("'%s' (%s)"), en, zh);
    else buf_printf(b, diag_tr("'%s'"), en ? en : zh);
    return;
  }
  const char *s = yysymbol_name(k); /* "'{'": Bison keeps the quotes of an alias */
  size_t len = strlen(s);
  if (len >= 2 && s[0] == '"' && s[len - 1] == '"') s++, len -= 2;
  if (len >= 2 && s[0] == '\'' && s[len - 1] == '\'') s++, len -= 2;
  char word[32];
  snprintf(word, sizeof word, "%.*s", (int)len, s);
  buf_printf(b, diag_tr("'%s'"), word);
}

/* The keyword nearest to the word typed among the spellings of the expected tokens. */
static const char *token_suggest(const char *typed, const yysymbol_kind_t *expected, int n) {
  const char *cands[64];
  int k = 0;
  for (int i = 0; i < n; i++) {
    int row = token_word_row(expected[i]);
    if (row < 0) continue;
    for (int w = 0; w < 16 && k < 64; w++)
      if (token_words[row].words[w]) cands[k++] = token_words[row].words[w];
  }
  return diag_nearest(typed, cands, k);
}

/* "unexpected X; expected A, B or C", with the word as the user wrote it, the keywords
   with both their spellings, and the keyword meant when the word is a typo of one; once
   per line (cascades after a first error on the same line are dropped). */
static int yyreport_syntax_error(const yypcontext_t *ctx, Parser *P) {
  const Loc *loc = yypcontext_location(ctx);
  build_failed_line(P, loc->first_line);
  if (diag_line_has_error(P->diags, P->src, loc->first_line)) return 0;
  Buf msg = {0};
  yysymbol_kind_t tok = yypcontext_token(ctx);
  /* the token as written, when it is a word: 增长, not 'up' */
  char *written = NULL;
  size_t n;
  const char *line = source_line(P->src, loc->first_line, &n);
  int from = loc->first_column - 1, to = loc->last_column - 1;
  int is_word = tok == YYSYMBOL_IDENT || tok == YYSYMBOL_NUMBER || tok == YYSYMBOL_PERIOD ||
                token_word_row(tok) >= 0;
  size_t a = 0;
  if (is_word && line && loc->last_line == loc->first_line && from < to) {
    a = utf8_offset(line, n, from);
    size_t b = utf8_offset(line, n, to);
    written = mem_strndup(line + a, b - a);
  }
  if (!written) {
    Buf what = {0};
    token_describe(&what, tok);
    buf_printf(&msg, diag_tr("unexpected %s"), buf_str(&what));
    buf_free(&what);
  } else if (tok == YYSYMBOL_IDENT) {
    buf_printf(&msg, diag_tr("unexpected name '%s'"), written);
  } else if (tok == YYSYMBOL_NUMBER) {
    buf_printf(&msg, diag_tr("unexpected number '%s'"), written);
    if (a > 0 && (unsigned char)line[a - 1] >= 0x80)
      buf_add(&msg, diag_tr(" (a digit cannot follow a Chinese character in a name)"));
  } else if (tok == YYSYMBOL_PERIOD) {
    buf_printf(&msg, diag_tr("unexpected period '%s'"), written);
  } else {
    buf_printf(&msg, diag_tr("unexpected '%s'"), written);
  }
  yysymbol_kind_t expected[YYNTOKENS];
  int ne = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
  int change = 0, relation = 0;
  for (int i = 0; i < ne; i++) {
    change |= expected[i] == YYSYMBOL_UP;
    relation |= expected[i] == YYSYMBOL_ABOUT;
  }
  if (change || relation) { /* a change or relation position: name the words that fit */
    Buf what = {0};
    if (relation)
      buf_add(&what, diag_tr("a figure, a relation (约, 超过, 不低于, 不超过, 控制在, 低于, 近, "
                             "达到, 提高到, 降到)"));
    if (relation && change) buf_add(&what, diag_tr(", "));
    if (change)
      buf_add(&what, diag_tr("a change (增长, 下降, 上涨, 回落, 增速, 涨幅, 实际增长, 名义增长, "
                             "同口径增长, 年均增长, 持平, 翻番, 负增长, 同比…)"));
    buf_printf(&msg, diag_tr("; expected %s"), buf_str(&what));
    buf_free(&what);
  } else if (ne > 0 && ne <= 8) {
    Buf list = {0};
    for (int i = 0; i < ne; i++) {
      if (i > 0) buf_add(&list, i == ne - 1 ? diag_tr(" or ") : diag_tr(", "));
      token_describe(&list, expected[i]);
    }
    buf_printf(&msg, diag_tr("; expected %s"), buf_str(&list));
    buf_free(&list);
  }
  const char *near = tok == YYSYMBOL_IDENT && written ? token_suggest(written, expected, ne) : NULL;
  if (near) buf_printf(&msg, diag_tr("; did you mean '%s'?"), near);
  front_error(P, "P001", *loc, "%s", buf_str(&msg));
  buf_free(&msg);
  mem_free(written);
  return 0;
}

static void yyerror(const YYLTYPE *loc, Parser *P, const char *msg) {
  front_error(P, "P001", *loc, "%s", msg);
}

const char *parser_token_name(int token) {
  return yysymbol_name(YYTRANSLATE(token));
}
