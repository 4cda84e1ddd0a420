/* parser.y: the plan language's grammar. A pure parser with locations. The language is
   line-oriented: every statement is one line, and a line with an error is skipped whole
   (error NL), so every syntax error of a file is reported in one run. Lines that belong to
   an earlier one (values to their indicator, text to its para or task, commitments to
   their task) are attached here, as they are read. */
%code requires {
#include "syntax/front.h"

/* A keyword as written and what it means (a ValueStatus or a Relation). */
typedef struct Keyword {
  Word w;
  int code;
} Keyword;
}

%code provides {
int lex_scan(YYSTYPE *lval, YYLTYPE *lloc, void *scanner);
/* A token's name as messages print it. */
const char *parser_token_name(int token);
}

%code {
#include <string.h>

#include "runtime/utf8.h"

static int yylex(YYSTYPE *lval, YYLTYPE *lloc, Parser *P) {
  return lex_scan(lval, lloc, P->scanner);
}
static void yyerror(const YYLTYPE *loc, Parser *P, const char *msg);
static Item *stmt(Parser *P, ItemKind kind, const Loc *loc, Word keyword);
static void attrs_allow(Parser *P, const Attrs *a, unsigned allowed, const char *where);
static Attrs *attrs_add(Parser *P, Attrs *acc, Attrs *one);
static Attrs *attr_new(Parser *P, Attrs one);
static Expr *expr_new(Parser *P, ExprKind kind, const Loc *loc, Expr *a, Expr *b);
static Bound *bound_new(Parser *P, Relation rel, Word prefix, Quantity q, Word suffix,
                        const Loc *loc);
static Change *change_new(Parser *P, Change c);
static Date *date_new(Parser *P, Date d);
static Relation bound_merge(Parser *P, Keyword prefix, Keyword suffix);
static Quantity quantity(Word num, Word unit, const Loc *loc);
static Item *attach(Parser *P, Item *it, Item *owner, const char *code, const char *what);
}

%define api.pure full
%define api.location.type {Loc}
%define parse.error custom
%locations
%param {Parser *P}
%expect 0

%union {
  Word word;
  Quantity q;
  Bound *bound;   /* figures, changes and dates by pointer: the value stack copies */
  Change *change; /* every value it shifts, so the union is kept small */
  Expr *expr;
  Attrs *attrs; /* by pointer: the parser's value stack copies every value it shifts */
  Ref ref;
  Date *date;
  struct { TextPart *head, *tail; } text;
  struct { Expr **v; int n, cap; } args;
  Keyword kw;
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
%token <word> ACTUAL "'actual'" ESTIMATE "'estimate'" PLAN "'plan'"
%token <word> EXPECTED "'expected'" BINDING "'binding'" BASIS "price basis" FLOW "flow or stock"
%token <word> ABOUT "'about'" ATLEAST "'atleast'" OVER "'over'" ATMOST "'atmost'"
%token <word> UNDER "'under'" NEAR "'near'" REACH "'reach'"
%token <word> AROUND "'左右'" ABOVE "'以上'" BELOW "'以下'"
%token <word> UP "'up'" DOWN "'down'" FLAT "'flat'" DOUBLED "'doubled'" YOY "'yoy'"

%left '+' '-'
%left '*' '/'
%precedence NEG

%type <word> opt_string opt_ident name kind unit period
%type <kw> status prefix suffix
%type <q> quantity equantity opt_unit
%type <bound> bound
%type <change> change change_core
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
  : TITLE STRING                  { stmt(P, IT_TITLE, &@$, $1)->u.str.text = $2; }
  | REGION STRING                 { stmt(P, IT_REGION, &@$, $1)->u.str.text = $2; }
  | STATUS name                   { stmt(P, IT_STATUS, &@$, $1)->u.str.text = $2; }
  | YEAR NUMBER                   { stmt(P, IT_YEAR, &@$, $1)->u.year.num = $2; }
  | BASE NUMBER                   { stmt(P, IT_BASE, &@$, $1)->u.year.num = $2; }
  | DATE date                     { stmt(P, IT_DATE, &@$, $1)->u.date = *$2; }
  | IMPORT STRING                 { stmt(P, IT_IMPORT, &@$, $1)->u.import.path = $2; }
  | IMPORT STRING AS IDENT        { Item *it = stmt(P, IT_IMPORT, &@$, $1);
                                    it->u.import.path = $2; it->u.import.alias = $4; }
  | UNIT IDENT                    { stmt(P, IT_UNIT, &@$, $1)->u.unit.name = $2; }
  | UNIT IDENT '=' quantity       { Item *it = stmt(P, IT_UNIT, &@$, $1);
                                    it->u.unit.name = $2; it->u.unit.def = $4; }
  | INDICATOR IDENT opt_string opt_unit attrs opt_formula
                                  { Item *it = stmt(P, IT_INDICATOR, &@$, $1);
                                    it->u.ind.id = $2; it->u.ind.name = $3; it->u.ind.unit = $4;
                                    it->u.ind.attrs = ast_attrs($5); it->u.ind.formula = $6;
                                    attrs_allow(P, $5, ATTR_DECIMALS | ATTR_CATEGORY | ATTR_MAIN
                                                | ATTR_BASIS | ATTR_FLOW | ATTR_VERB, "an indicator");
                                    P->indicator = it; }
  | period status bound attrs     { Item *it = stmt(P, IT_VALUE, &@$, $1);
                                    it->u.value.period = $1; it->u.value.status_word = $2.w;
                                    it->u.value.status = (ValueStatus)$2.code;
                                    it->u.value.form = VF_BOUND; it->u.value.bound = $3;
                                    it->u.value.attrs = ast_attrs($4);
                                    attrs_allow(P, $4, ATTR_BASIS | ATTR_FLOW | ATTR_CHANGE | ATTR_VERB, "a value");
                                    attach(P, it, P->indicator, "P002", "a value line"); }
  | period status change attrs    { Item *it = stmt(P, IT_VALUE, &@$, $1);
                                    it->u.value.period = $1; it->u.value.status_word = $2.w;
                                    it->u.value.status = (ValueStatus)$2.code;
                                    it->u.value.form = VF_CHANGE; it->u.value.change = $3;
                                    it->u.value.attrs = ast_attrs($4);
                                    attrs_allow(P, $4, ATTR_BASIS | ATTR_FLOW | ATTR_VERB, "a value");
                                    attach(P, it, P->indicator, "P002", "a value line"); }
  | period status '=' expr attrs  { Item *it = stmt(P, IT_VALUE, &@$, $1);
                                    it->u.value.period = $1; it->u.value.status_word = $2.w;
                                    it->u.value.status = (ValueStatus)$2.code;
                                    it->u.value.form = VF_FORMULA; it->u.value.expr = $4;
                                    it->u.value.attrs = ast_attrs($5);
                                    attrs_allow(P, $5, ATTR_BASIS | ATTR_FLOW, "a value");
                                    attach(P, it, P->indicator, "P002", "a value line"); }
  | period status STRING attrs    { Item *it = stmt(P, IT_VALUE, &@$, $1);
                                    it->u.value.period = $1; it->u.value.status_word = $2.w;
                                    it->u.value.status = (ValueStatus)$2.code;
                                    it->u.value.form = VF_QUALITATIVE; it->u.value.text = $3;
                                    it->u.value.attrs = ast_attrs($4);
                                    attrs_allow(P, $4, ATTR_VERB, "a qualitative value");
                                    attach(P, it, P->indicator, "P002", "a value line"); }
  | TARGET ref period kind bound attrs
                                  { Item *it = stmt(P, IT_TARGET, &@$, $1);
                                    it->u.target.ind = $2; it->u.target.period = $3;
                                    it->u.target.form = VF_BOUND; it->u.target.bound = $5;
                                    Attrs *a = $6 ? $6 : attr_new(P, (Attrs){0});
                                    a->kind = $4; a->has |= ATTR_KIND; it->u.target.attrs = a;
                                    attrs_allow(P, a, ATTR_BASIS | ATTR_KIND, "a target"); }
  | TARGET ref period kind change attrs
                                  { Item *it = stmt(P, IT_TARGET, &@$, $1);
                                    it->u.target.ind = $2; it->u.target.period = $3;
                                    it->u.target.form = VF_CHANGE; it->u.target.change = $5;
                                    Attrs *a = $6 ? $6 : attr_new(P, (Attrs){0});
                                    a->kind = $4; a->has |= ATTR_KIND; it->u.target.attrs = a;
                                    attrs_allow(P, a, ATTR_BASIS | ATTR_KIND, "a target"); }
  | TARGET ref period kind STRING attrs
                                  { Item *it = stmt(P, IT_TARGET, &@$, $1);
                                    it->u.target.ind = $2; it->u.target.period = $3;
                                    it->u.target.form = VF_QUALITATIVE; it->u.target.text = $5;
                                    Attrs *a = $6 ? $6 : attr_new(P, (Attrs){0});
                                    a->kind = $4; a->has |= ATTR_KIND; it->u.target.attrs = a;
                                    attrs_allow(P, a, ATTR_KIND, "a qualitative target"); }
  | CLAIM opt_ident opt_string period expr '=' bound
                                  { Item *it = stmt(P, IT_CLAIM, &@$, $1);
                                    it->u.claim.id = $2; it->u.claim.label = $3;
                                    it->u.claim.period = $4; it->u.claim.expr = $5;
                                    it->u.claim.stated = $7; }
  | PART opt_ident STRING         { Item *it = stmt(P, IT_PART, &@$, $1);
                                    it->u.part.kind = $2; it->u.part.title = $3;
                                    P->section = NULL; }
  | SECTION STRING                { Item *it = stmt(P, IT_SECTION, &@$, $1);
                                    it->u.str.text = $2; P->section = it; }
  | PARA opt_string               { Item *it = stmt(P, IT_PARA, &@$, $1);
                                    it->u.para.title = $2; it->parent = P->section;
                                    P->holder = it; }
  | BAR text                      { Item *it = stmt(P, IT_TEXT, &@$, $1);
                                    it->u.text.parts = $2.head;
                                    attach(P, it, P->holder, "P003", "a text line"); }
  | TASK STRING attrs             { Item *it = stmt(P, IT_TASK, &@$, $1);
                                    it->u.task.title = $2; it->u.task.attrs = ast_attrs($3);
                                    attrs_allow(P, $3, ATTR_LEAD | ATTR_DUE, "a task");
                                    it->parent = P->section; P->holder = P->task = it; }
  | COMMIT opt_ident STRING bound attrs
                                  { Item *it = stmt(P, IT_COMMIT, &@$, $1);
                                    it->u.commit.id = $2; it->u.commit.desc = $3;
                                    it->u.commit.form = VF_BOUND; it->u.commit.bound = $4;
                                    it->u.commit.attrs = ast_attrs($5);
                                    attrs_allow(P, $5, ATTR_FOR | ATTR_LEAD | ATTR_DUE, "a commitment");
                                    attach(P, it, P->task, "P004", "a commitment"); }
  | COMMIT opt_ident STRING change attrs
                                  { Item *it = stmt(P, IT_COMMIT, &@$, $1);
                                    it->u.commit.id = $2; it->u.commit.desc = $3;
                                    it->u.commit.form = VF_CHANGE; it->u.commit.change = $4;
                                    it->u.commit.attrs = ast_attrs($5);
                                    attrs_allow(P, $5, ATTR_FOR | ATTR_LEAD | ATTR_DUE, "a commitment");
                                    attach(P, it, P->task, "P004", "a commitment"); }
  ;

opt_string : %empty { $$ = (Word){0}; } | STRING ;
opt_ident  : %empty { $$ = (Word){0}; } | IDENT ;
name       : IDENT | STRING ;
period     : NUMBER | PERIOD ;
status     : ACTUAL                   { $$ = (Keyword){$1, ST_ACTUAL}; }
           | ESTIMATE                 { $$ = (Keyword){$1, ST_ESTIMATE}; }
           | PLAN                     { $$ = (Keyword){$1, ST_PLAN}; }
           ;
kind       : EXPECTED | BINDING ;

date
  : NUMBER '-' NUMBER             { $$ = date_new(P, (Date){.year = $1, .month = $3, .loc = @$}); }
  | NUMBER '-' NUMBER '-' NUMBER  { $$ = date_new(P, (Date){.year = $1, .month = $3, .day = $5,
                                                            .loc = @$}); }
  | STRING                        { $$ = date_new(P, (Date){.str = $1, .loc = @$}); }
  ;

unit
  : IDENT
  | '%'                           { $$ = (Word){"%", @$}; }
  | IDENT '/' IDENT               { char *t = arena_alloc(P->arena, strlen($1.text) + strlen($3.text) + 2);
                                    strcat(strcat(strcpy(t, $1.text), "/"), $3.text);
                                    $$ = (Word){names_intern(P->names, t, strlen(t)), @$}; }
  ;

opt_unit
  : %empty                        { $$ = (Quantity){0}; }
  | unit                          { $$ = quantity((Word){0}, $1, &@$); }
  ;

quantity
  : NUMBER                        { $$ = quantity($1, (Word){0}, &@$); }
  | NUMBER unit                   { $$ = quantity($1, $2, &@$); }
  ;

equantity
  : NUMBER                        { $$ = quantity($1, (Word){0}, &@$); }
  | NUMBER IDENT                  { $$ = quantity($1, $2, &@$); }
  | NUMBER '%'                    { $$ = quantity($1, (Word){"%", @2}, &@$); }
  ;

prefix
  : ABOUT                         { $$ = (Keyword){$1, REL_ABOUT}; }
  | ATLEAST                       { $$ = (Keyword){$1, REL_ATLEAST}; }
  | OVER                          { $$ = (Keyword){$1, REL_OVER}; }
  | ATMOST                        { $$ = (Keyword){$1, REL_ATMOST}; }
  | UNDER                         { $$ = (Keyword){$1, REL_UNDER}; }
  | NEAR                          { $$ = (Keyword){$1, REL_NEAR}; }
  | REACH                         { $$ = (Keyword){$1, REL_EXACT}; }
  ;

suffix
  : AROUND                        { $$ = (Keyword){$1, REL_ABOUT}; }
  | ABOVE                         { $$ = (Keyword){$1, REL_ATLEAST}; }
  | BELOW                         { $$ = (Keyword){$1, REL_ATMOST}; }
  ;

bound
  : quantity                      { $$ = bound_new(P, REL_EXACT, (Word){0}, $1, (Word){0}, &@$); }
  | quantity suffix               { $$ = bound_new(P, (Relation)$2.code, (Word){0}, $1, $2.w, &@$); }
  | prefix quantity               { $$ = bound_new(P, (Relation)$1.code, $1.w, $2, (Word){0}, &@$); }
  | prefix quantity suffix        { $$ = bound_new(P, bound_merge(P, $1, $3), $1.w, $2, $3.w, &@$); }
  | quantity RANGE quantity       { $$ = bound_new(P, REL_RANGE, (Word){0}, $1, (Word){0}, &@$);
                                    $$->sep = $2; $$->hi = $3; }
  ;

change
  : change_core
  | YOY change_core               { $$ = $2; $$->yoy = $1; $$->loc = @$; }
  ;

change_core
  : UP bound                      { $$ = change_new(P, (Change){.dir = CHG_UP, .word = $1, .by = *$2,
                                                                .loc = @$}); }
  | DOWN bound                    { $$ = change_new(P, (Change){.dir = CHG_DOWN, .word = $1, .by = *$2,
                                                                .loc = @$}); }
  | FLAT                          { $$ = change_new(P, (Change){.dir = CHG_FLAT, .word = $1, .loc = @$}); }
  | DOUBLED                       { $$ = change_new(P, (Change){.dir = CHG_DOUBLED, .word = $1,
                                                                .loc = @$}); }
  ;

attrs
  : %empty                        { $$ = NULL; }
  | attrs attr                    { $$ = attrs_add(P, $1, $2); }
  ;

attr
  : DECIMALS NUMBER               { $$ = attr_new(P, (Attrs){.has = ATTR_DECIMALS, .decimals = {$2.text, @$}, .loc = @$}); }
  | CATEGORY name                 { $$ = attr_new(P, (Attrs){.has = ATTR_CATEGORY, .category = {$2.text, @$}, .loc = @$}); }
  | MAIN                          { $$ = attr_new(P, (Attrs){.has = ATTR_MAIN, .main = $1, .loc = @$}); }
  | BASIS                         { $$ = attr_new(P, (Attrs){.has = ATTR_BASIS, .basis = $1, .loc = @$}); }
  | FLOW                          { $$ = attr_new(P, (Attrs){.has = ATTR_FLOW, .flow = $1, .loc = @$}); }
  | change                        { $$ = attr_new(P, (Attrs){.has = ATTR_CHANGE, .change = $1, .loc = @$}); }
  | LEAD STRING                   { $$ = attr_new(P, (Attrs){.has = ATTR_LEAD, .lead = {$2.text, @$}, .loc = @$}); }
  | DUE date                      { $$ = attr_new(P, (Attrs){.has = ATTR_DUE, .due = $2, .loc = @$}); }
  | FOR ref                       { $$ = attr_new(P, (Attrs){.has = ATTR_FOR, .target = $2, .loc = @$}); }
  | VERB STRING                   { $$ = attr_new(P, (Attrs){.has = ATTR_VERB, .verb = {$2.text, @$}, .loc = @$}); }
  ;

opt_formula
  : %empty                        { $$ = NULL; }
  | '=' expr                      { $$ = $2; }
  ;

ref
  : IDENT                         { $$ = (Ref){.name = $1, .loc = @$}; }
  | IDENT '.' IDENT               { $$ = (Ref){.ns = $1, .name = $3, .loc = @$}; }
  ;

expr
  : expr '+' expr                 { $$ = expr_new(P, EX_ADD, &@$, $1, $3); }
  | expr '-' expr                 { $$ = expr_new(P, EX_SUB, &@$, $1, $3); }
  | expr '*' expr                 { $$ = expr_new(P, EX_MUL, &@$, $1, $3); }
  | expr '/' expr                 { $$ = expr_new(P, EX_DIV, &@$, $1, $3); }
  | '-' expr %prec NEG            { $$ = expr_new(P, EX_NEG, &@$, $2, NULL); }
  | '(' expr ')'                  { $$ = expr_new(P, EX_PAREN, &@$, $2, NULL); }
  | equantity                     { $$ = expr_new(P, EX_NUM, &@$, NULL, NULL); $$->num = $1; }
  | ref                           { $$ = expr_new(P, EX_REF, &@$, NULL, NULL); $$->ref = $1; }
  | ref '[' period ']'            { $$ = expr_new(P, EX_AT, &@$, NULL, NULL);
                                    $$->ref = $1; $$->period = $3; }
  | IDENT '(' args ')'            { $$ = expr_new(P, EX_CALL, &@$, NULL, NULL);
                                    $$->fn = $1; $$->args = $3.v; $$->nargs = $3.n; }
  ;

args
  : %empty                        { $$.v = NULL; $$.n = $$.cap = 0; }
  | arglist
  ;

arglist
  : expr                          { $$.cap = 4; $$.n = 1;
                                    $$.v = arena_alloc(P->arena, 4 * sizeof *$$.v); $$.v[0] = $1; }
  | arglist ',' expr              { $$ = $1;
                                    if ($$.n == $$.cap) {
                                      $$.v = arena_grow(P->arena, $$.v, $$.n * sizeof *$$.v,
                                                        2 * $$.cap * sizeof *$$.v);
                                      $$.cap *= 2;
                                    }
                                    $$.v[$$.n++] = $3; }
  ;

text
  : %empty                        { $$.head = $$.tail = NULL; }
  | text TEXT                     { TextPart *t = arena_alloc(P->arena, sizeof *t); t->text = $2;
                                    $$ = $1; if ($$.tail) $$.tail->next = t; else $$.head = t;
                                    $$.tail = t; }
  | text PH_OPEN expr PH_CLOSE    { TextPart *t = arena_alloc(P->arena, sizeof *t); t->expr = $3;
                                    t->text.loc = (Loc){@2.first_line, @2.first_column,
                                                        @4.last_line, @4.last_column};
                                    $$ = $1; if ($$.tail) $$.tail->next = t; else $$.head = t;
                                    $$.tail = t; }
  ;

%%

/* Start an item for the statement just read. */
static Item *stmt(Parser *P, ItemKind kind, const Loc *loc, Word keyword) {
  Item *it = ast_item(P->arena, P->plan, kind, *loc);
  it->keyword = keyword;
  if (kind != IT_VALUE && kind != IT_TEXT && kind != IT_COMMIT) P->recovering = 0;
  /* a value line continues its indicator; text and commitments continue their holder */
  if (kind != IT_VALUE && kind != IT_INDICATOR) P->indicator = NULL;
  if (kind != IT_TEXT && kind != IT_COMMIT && kind != IT_PARA && kind != IT_TASK) {
    P->holder = NULL;
    P->task = NULL;
  }
  if (kind == IT_PARA) P->task = NULL;
  return it;
}

/* Tie a line to the line it belongs to, or say that there is none above it. */
static Item *attach(Parser *P, Item *it, Item *owner, const char *code, const char *what) {
  static const char *const after[] = {
      ['2'] = "an 'indicator' line", ['3'] = "a 'para' or 'task' line", ['4'] = "a 'task' line"};
  if (!owner && !P->recovering) /* after a bad line, its owner may be what failed */
    front_error(P, code, it->loc, "%s must follow %s", what, after[(unsigned char)code[3]]);
  it->parent = owner;
  return it;
}

/* The attribute names, for messages, in the order of their bits. */
static const char *const attr_names[] = {"decimals", "category", "main", "price basis",
                                         "flow or stock", "change", "lead", "due", "for",
                                         "kind", "verb"};

/* The location of the attribute with this bit. */
static Loc attr_loc(const Attrs *a, unsigned bit) {
  switch (bit) {
  case ATTR_DECIMALS: return a->decimals.loc;
  case ATTR_CATEGORY: return a->category.loc;
  case ATTR_MAIN: return a->main.loc;
  case ATTR_BASIS: return a->basis.loc;
  case ATTR_FLOW: return a->flow.loc;
  case ATTR_CHANGE: return a->change->loc;
  case ATTR_LEAD: return a->lead.loc;
  case ATTR_DUE: return a->due->loc;
  case ATTR_FOR: return a->target.loc;
  case ATTR_VERB: return a->verb.loc;
  default: return a->kind.loc;
  }
}

/* Complain about each attribute that this kind of line does not take. */
static void attrs_allow(Parser *P, const Attrs *a, unsigned allowed, const char *where) {
  for (unsigned i = 0; a && i < sizeof attr_names / sizeof *attr_names; i++) {
    unsigned bit = 1u << i;
    if ((a->has & bit) && !(allowed & bit))
      front_error(P, "P005", attr_loc(a, bit), "%s does not take a %s attribute", where,
                  attr_names[i]);
  }
}

/* One attribute, kept in the arena. */
static Attrs *attr_new(Parser *P, Attrs one) {
  Attrs *a = arena_alloc(P->arena, sizeof *a);
  *a = one;
  return a;
}

/* Add one attribute to a line's set; an attribute written twice is an error. */
static Attrs *attrs_add(Parser *P, Attrs *acc, Attrs *one) {
  if (!acc) return one;
  unsigned bit = one->has;
  if (acc->has & bit) {
    unsigned i = 0;
    while (!(bit & (1u << i))) i++;
    front_error(P, "P006", attr_loc(one, bit), "%s is given twice on this line", attr_names[i]);
    return acc;
  }
  acc->has |= bit;
  switch (bit) {
  case ATTR_DECIMALS: acc->decimals = one->decimals; break;
  case ATTR_CATEGORY: acc->category = one->category; break;
  case ATTR_MAIN: acc->main = one->main; break;
  case ATTR_BASIS: acc->basis = one->basis; break;
  case ATTR_FLOW: acc->flow = one->flow; break;
  case ATTR_CHANGE: acc->change = one->change; break;
  case ATTR_LEAD: acc->lead = one->lead; break;
  case ATTR_DUE: acc->due = one->due; break;
  case ATTR_FOR: acc->target = one->target; break;
  case ATTR_VERB: acc->verb = one->verb; break;
  default: break;
  }
  acc->loc.last_line = one->loc.last_line;
  acc->loc.last_column = one->loc.last_column;
  return acc;
}

static Expr *expr_new(Parser *P, ExprKind kind, const Loc *loc, Expr *a, Expr *b) {
  Expr *e = arena_alloc(P->arena, sizeof *e);
  e->kind = kind;
  e->loc = *loc;
  e->a = a;
  e->b = b;
  return e;
}

static Quantity quantity(Word num, Word unit, const Loc *loc) {
  return (Quantity){num, unit, *loc};
}

/* A figure with its relation, in the arena. */
static Bound *bound_new(Parser *P, Relation rel, Word prefix, Quantity q, Word suffix,
                        const Loc *loc) {
  Bound *b = arena_alloc(P->arena, sizeof *b);
  *b = (Bound){.rel = rel, .prefix = prefix, .q = q, .suffix = suffix, .loc = *loc};
  return b;
}

/* A change, in the arena. */
static Change *change_new(Parser *P, Change c) {
  Change *p = arena_alloc(P->arena, sizeof *p);
  *p = c;
  return p;
}

/* A date, in the arena. */
static Date *date_new(Parser *P, Date d) {
  Date *p = arena_alloc(P->arena, sizeof *p);
  *p = d;
  return p;
}

/* Whether a relation says "more" (+1), "less" (-1) or neither (0). */
static int rel_direction(Relation r) {
  switch (r) {
  case REL_ATLEAST: case REL_OVER: return 1;
  case REL_ATMOST: case REL_UNDER: case REL_NEAR: return -1;
  default: return 0;
  }
}

/* The relation of a figure with words on both sides (超过 100 以上): the one before it,
   unless the word after says "about"; words pointing opposite ways are an error. */
static Relation bound_merge(Parser *P, Keyword prefix, Keyword suffix) {
  Relation a = (Relation)prefix.code, b = (Relation)suffix.code;
  if (rel_direction(a) * rel_direction(b) < 0)
    front_error(P, "P007", suffix.w.loc, "'%s' contradicts '%s' before the figure",
                suffix.w.text, prefix.w.text);
  return a == REL_EXACT ? b : a;
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
  char msg[512], name[64];
  yysymbol_kind_t tok = yypcontext_token(ctx);
  int len = snprintf(msg, sizeof msg, "unexpected %s",
                     tok == YYSYMBOL_YYEOF ? "end of file" : token_name(tok, name, sizeof name));
  if (tok == YYSYMBOL_IDENT || tok == YYSYMBOL_NUMBER) { /* name the word itself */
    size_t n;
    const char *line = source_line(P->src, loc->first_line, &n);
    int from = loc->first_column - 1, to = loc->last_column - 1;
    if (line && loc->last_line == loc->first_line && from < to) {
      size_t a = utf8_offset(line, n, from), b = utf8_offset(line, n, to);
      len += snprintf(msg + len, sizeof msg - (size_t)len, " '%.*s'", (int)(b - a), line + a);
      if (tok == YYSYMBOL_NUMBER && a > 0 && (unsigned char)line[a - 1] >= 0x80)
        len += snprintf(msg + len, sizeof msg - (size_t)len,
                         " (a digit cannot follow a Chinese character in a name)");
    }
  }
  yysymbol_kind_t expected[6];
  int n = yypcontext_expected_tokens(ctx, expected, 6);
  if (n > 0 && n <= 5) {
    len += snprintf(msg + len, sizeof msg - (size_t)len, "; expected ");
    for (int i = 0; i < n && len < (int)sizeof msg; i++)
      len += snprintf(msg + len, sizeof msg - (size_t)len, "%s%s",
                      i == 0 ? "" : i == n - 1 ? " or " : ", ",
                      token_name(expected[i], name, sizeof name));
  }
  front_error(P, "P001", *loc, "%s", msg);
  return 0;
}

static void yyerror(const YYLTYPE *loc, Parser *P, const char *msg) {
  front_error(P, "P001", *loc, "%s", msg);
}

const char *parser_token_name(int token) {
  return yysymbol_name(YYTRANSLATE(token));
}
