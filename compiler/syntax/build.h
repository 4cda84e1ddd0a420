/* build.h: the grammar's constructors. Each action of grammar/parser.y is one call here:
   it makes the item of a statement, ties a line to the line it belongs to (a value to its
   indicator, text to its para or task, a commitment to its task), and checks what only the
   grammar's context knows (an attribute a statement does not take, a part's kind). */
#ifndef PLC_BUILD_H
#define PLC_BUILD_H

#include "syntax/ast.h"
#include "syntax/front.h"

/* A call's arguments as the parser collects them. */
typedef struct Args {
  Expr **v;
  int n, cap;
} Args;

/* A text line's pieces as the parser collects them. */
typedef struct Pieces {
  TextPart *head, *tail;
} Pieces;

/* Statements, one per kind of line. */
void build_header(Parser *P, const Loc *loc, ItemKind kind, Word keyword, Word value);
void build_date(Parser *P, const Loc *loc, Word keyword, const Date *date);
void build_import(Parser *P, const Loc *loc, Word keyword, Word path, Word alias);
void build_unit(Parser *P, const Loc *loc, Word keyword, Word name, const Quantity *def);
void build_indicator(Parser *P, const Loc *loc, Word keyword, Word id, Word name,
                     Quantity unit, const Attrs *attrs, Expr *formula);
void build_value(Parser *P, const Loc *loc, Word period, Keyword status, Given given,
                 const Attrs *attrs);
void build_target(Parser *P, const Loc *loc, Word keyword, Ref ind, Word period, Keyword kind,
                  Given given, const Attrs *attrs);
void build_claim(Parser *P, const Loc *loc, Word keyword, Word id, Word label, Word period,
                 Expr *expr, const Bound *stated);
void build_part(Parser *P, const Loc *loc, Word keyword, Word kind, Word title);
void build_section(Parser *P, const Loc *loc, Word keyword, Word title);
void build_para(Parser *P, const Loc *loc, Word keyword, Word lead);
void build_text(Parser *P, const Loc *loc, Word bar, Pieces pieces);
void build_task(Parser *P, const Loc *loc, Word keyword, Word title, const Attrs *attrs);
void build_tolerance(Parser *P, const Loc *loc, Word keyword, Quantity q);
void build_commit(Parser *P, const Loc *loc, Word keyword, Word id, Word what, Given given,
                  const Attrs *attrs);

/* After a syntax error on line: remember what the skipped line would have defined (an
   indicator's id, a unit's name) or given values to (the indicator of a value line), so
   that later errors about those names stay silent; and forget the indicator or task a
   skipped line would have replaced, so later lines do not attach to the one before. */
void build_failed_line(Parser *P, int line);

/* Whether name is one that a line skipped for a syntax error would have defined or given
   values to. */
int build_failed(const Plan *p, const char *name);

/* The parts of a line. */
Quantity build_quantity(Word num, Word unit, const Loc *loc);
Word build_unit_ratio(Parser *P, const Loc *loc, Word over, Word under); /* 微克/立方米 */
Bound *build_bound(Parser *P, const Loc *loc, Keyword prefix, Quantity q, Keyword suffix);
Bound *build_range(Parser *P, const Loc *loc, Quantity lo, Word sep, Quantity hi);
Change *build_change(Parser *P, const Loc *loc, Word yoy, Keyword dir, const Bound *by);
Date *build_ymd(Parser *P, const Loc *loc, Word year, Word month, Word day);
Date *build_date_string(Parser *P, const Loc *loc, Word text);
Attrs *build_attr(Parser *P, Attrs one);
Attrs *build_attrs(Parser *P, Attrs *acc, Attrs *one);
Ref build_ref(const Loc *loc, Word ns, Word name);

/* Expressions. */
Expr *build_expr(Parser *P, ExprKind kind, const Loc *loc, Expr *a, Expr *b);
Expr *build_number(Parser *P, const Loc *loc, Quantity q);
Expr *build_name(Parser *P, const Loc *loc, Ref ref, const Word *period); /* gdp, gdp[2023] */
Expr *build_call(Parser *P, const Loc *loc, Word fn, Args args);
Args build_arg(Parser *P, Args args, Expr *e);

/* Text: a literal run, or a placeholder {expr} between the braces at open and close. */
Pieces build_piece(Parser *P, Pieces pieces, Word text, Expr *expr, const Loc *open,
                   const Loc *close);

#endif
