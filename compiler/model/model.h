/* model.h: the checked, bound, evaluated plan that every back end reads. Built from the
   syntax tree by check.c, its expressions bound by bind.c, its figures computed by eval.c;
   back ends read it and never compute, and never read the syntax tree: every place is a
   Loc, every text line of the document is in the outline (parts → sections → paragraphs
   and tasks → lines). Everything lives in the model's arena; its exact numbers are freed
   by model_free. */
#ifndef PLC_MODEL_H
#define PLC_MODEL_H

#include <gmp.h>

#include "runtime/arena.h"
#include "runtime/names.h"
#include "runtime/period.h"
#include "runtime/table.h"
#include "runtime/units.h"
#include "syntax/ast.h"
#include "syntax/diag.h"

typedef struct Model Model;

/* Indicators by display name: indexed only when a name that is no id is looked up (most
   plans name indicators by id; hashing every display name cost a probe per indicator), up
   to the indicators known then, in their order, so the first of equal names keeps it. */
typedef struct ModelNames {
  Table *table;
  int done; /* indicators indexed so far */
} ModelNames;

/* How many units the checker remembers by spelling. */
#define MODEL_UNIT_SEEN 16
typedef struct Indicator Indicator;

/* The formula functions, one table: X(enum, name, fewest arguments, most (-1: any)). */
#define MODEL_FUNCTIONS(X)                                                                 \
  X(FN_GROWTH, "growth", 1, 1) /* change on the same period of last year (同比), in % */    \
  X(FN_CHAIN, "chain", 1, 1)   /* change on the period just before (环比), in % */         \
  X(FN_SHARE, "share", 2, 2)   /* a as a percent of b */                                   \
  X(FN_RATE, "rate", 2, 2)     /* completion: actual as a percent of target */             \
  X(FN_PREV, "prev", 1, 1)     /* the previous period's value */                           \
  X(FN_CUMSUM, "cumsum", 1, 1) /* the total of an indicator up to the period */            \
  X(FN_SUM, "sum", 1, -1)      /* the sum of its arguments */

/* Evaluating a formula carries a shift: how far back its references are read. The low
   part counts previous periods (prev, chain), each MODEL_SHIFT_YEAR a whole year (growth). */
#define MODEL_SHIFT_YEAR 0x10000

#define MODEL_FN_ENUM(e, name, lo, hi) e,
typedef enum Function { MODEL_FUNCTIONS(MODEL_FN_ENUM) FN_COUNT } Function;
#undef MODEL_FN_ENUM

typedef enum FormulaOp {
  FX_NUM,   /* a number with its unit */
  FX_REF,   /* an indicator, at the period computed or at a period of its own */
  FX_NEG,
  FX_ADD, FX_SUB, FX_MUL, FX_DIV,
  FX_CALL,  /* a function of the table above */
  FX_PAREN  /* kept so that a spreadsheet formula keeps the author's parentheses */
} FormulaOp;

/* An expression after binding: every name, unit, period and function resolved once, and
   the unit of its result known. The evaluator and the workbook's formula writer read it
   and look nothing up. */
typedef struct Formula {
  FormulaOp op;
  Loc loc;
  Unit unit;             /* of the result */
  const char *text;      /* FX_NUM: the number as written, ASCII digits */
  mpq_t *num;            /* FX_NUM: its value, in unit */
  Indicator *ind;        /* FX_REF */
  int at;                /* FX_REF: 1 when a period is named (gdp[2023]) */
  Period period;         /* FX_REF, when at */
  Function fn;           /* FX_CALL */
  int depth;             /* nesting below this node, for the evaluator's bound */
  struct Formula *a, *b; /* operands; a for FX_NEG and FX_PAREN */
  struct Formula **args; /* FX_CALL */
  int nargs;
} Formula;

/* A function's name, and the number of arguments it takes (hi -1: any). */
const char *model_function_name(Function fn);
void model_function_arity(Function fn, int *lo, int *hi);

/* An exact figure with the relation the source put around it (约, 超过, 以上, range). */
typedef struct Figure {
  int known;        /* v holds a number */
  Relation rel;
  mpq_t *v, *hi;    /* hi: the top of a range; NULL when rel is not REL_RANGE */
  int places;       /* decimals as written (for claims and rounding) */
  const char *prefix, *suffix; /* the relation words as written (超, 以上), for the report */
  const char *text, *hi_text;  /* a written figure's number(s) as written (1.3, "-2.0"); NULL
                                  for a computed one */
  const char *unit_text;       /* the unit as written after it (万亿斤), or NULL */
} Figure;

/* A change on the previous period, as stated: 增长 5.5% 左右, 下降 3.5%, 持平. */
typedef struct Delta {
  int present;
  ChangeDir dir;
  Figure by;        /* in percent, in points, or an amount in the indicator's unit, per kind */
  UnitKind kind;    /* UK_PERCENT, UK_POINTS, or UK_PLAIN for an amount (增加1000亿元) */
  Basis basis;      /* the price basis of a growth rate: 可比价 (real) or 现价 (nominal) */
  const char *word; /* the change word as written (增长, 下降, 翻番) */
  const char *unit; /* the unit as written (%, 个百分点, 倍): 10倍 is by = 1000 (%) */
  const char *as_written; /* the figure as written, before 倍 became % */
  int times;        /* written in 倍: by holds the percent it means */
} Delta;

typedef enum EvalState { EV_TODO, EV_BUSY, EV_DONE } EvalState;

typedef struct Value {
  Indicator *ind;
  Period period;
  ValueStatus status;
  ValueForm form;
  Figure fig;          /* in the indicator's unit; known once evaluated for formulas */
  Delta delta;         /* the stated change (a change-only value, or 同比增长 45%) */
  const char *text;    /* a qualitative value */
  Basis basis;         /* its own, else its indicator's */
  Flow flow;
  const char *verb;    /* the report's word before the figure (完成), or NULL */
  const Formula *formula; /* a formula (its own, or the indicator's), bound */
  const Item *item;    /* its line, or the indicator's line for a derived value (model only) */
  Loc loc;             /* the same line's place, for back ends */
  int derived;         /* made from the indicator's formula, not written */
  int superseded;      /* a figure of a later standing exists for the same period */
  EvalState state;
} Value;

struct Indicator {
  Model *model;
  const Item *item;
  Loc loc;
  const char *id, *name;
  Unit unit;
  int has_unit;
  int decimals;
  const char *category;
  int main;
  Basis basis;
  Flow flow;
  Direction direction; /* which way is better; DIR_NONE: higher, unless a target says */
  const char *verb;
  const Formula *formula;
  Indicator *first;    /* the first indicator its formula names: it gives the periods */
  int derived;         /* its formula's values have their slots (bind.c) */
  Value **values;      /* sorted by period */
  int nvalues, cap;
};

typedef enum ExecStatus {
  EXEC_NONE,     /* no actual figure for the target's period yet: 数据暂缺 */
  EXEC_MET,      /* 完成 */
  EXEC_NOT_MET,  /* 未完成 */
  EXEC_QUALITATIVE, /* a qualitative target: reported, not computed (定性目标) */
  EXEC_PARTLY    /* 基本完成: short of a 左右 target, within its tolerance band */
} ExecStatus;

/* How a verdict was reached, for every output to say the same. Its numbers are made when
   written: each is NULL until its has_ flag (other_change: `other`) says it is set. */
typedef struct Verdict {
  ExecStatus status;
  int nominal;         /* a comparable-price target judged on current-price levels */
  int has_gap;         /* gap: achieved − target, in 个百分点 (rates and changes) … */
  int gap_in_unit;     /* … or in the indicator's unit (a ceiling on an amount) */
  mpq_t *gap;
  int has_achieved;    /* achieved: the change reached, in % (or 个百分点, or an amount) */
  mpq_t *achieved;
  int has_completion;  /* completion: actual ÷ target level (amounts) */
  mpq_t *completion;
  Value *actual;       /* the figure judged (its standing says which vintage) */
  Value *other;        /* a relation target: the other indicator's figure */
  mpq_t *other_change; /* its change, in % */
} Verdict;

/* A target's stretch level (力争), judged on its own. */
typedef struct Stretch {
  Figure fig;          /* the stretch level or change as written */
  Delta delta;
  Figure implied;
  Verdict v;
} Stretch;

typedef struct Target {
  const Item *item;
  Loc loc;
  Model *model;
  Indicator *ind;
  Period period;
  TargetKind kind;
  ValueForm form;      /* VF_BOUND, VF_CHANGE, VF_RELATION or VF_QUALITATIVE */
  Figure fig;          /* a level target, in the indicator's unit */
  Delta delta;         /* a change target */
  const char *text;
  Basis basis;         /* of a growth target: its own, else its indicator's */
  Direction direction; /* which way is better for this target (a ceiling is DIR_DOWN) */
  Indicator *with;     /* VF_RELATION: growth in step with this indicator's */
  Relation sync;       /* REL_EXACT 同步, REL_ABOUT 基本同步 */
  int has_from;        /* a multi-year target: its base period */
  Period from;
  int cumulative;      /* a total over the years from `from` to the period (累计) */
  Value *base;         /* the base-period value a change applies to */
  Value *prior;        /* the same period a year before: the base-year figure the tables
                          show beside the target (for a change from an earlier year, not
                          its base) */
  Figure implied;      /* the value the target implies, in the indicator's unit */
  const char *why_not; /* why no value is implied */
  Verdict v;           /* how the actual figure does against it */
  int has_stretch;     /* 力争: a stretch level beside the target, judged apart */
  Stretch *stretch;    /* … its figures, when has_stretch (few targets have one) */
  int review;          /* a target of its own plan's base year: judged in its execution
                          table, not listed among the plan year's targets */
} Target;

typedef enum ClaimVerdict {
  CLAIM_MATCH,     /* the stated figure is the computed one at its precision */
  CLAIM_ROUNDING,  /* it is not, but the rounding of the inputs can explain it */
  CLAIM_MISMATCH,  /* it is not, and rounding cannot explain it */
  CLAIM_UNKNOWN    /* the claim could not be computed (an error says why) */
} ClaimVerdict;

typedef struct Claim {
  const Item *item;
  Loc loc;
  const char *id;
  const char *label;
  Period period;
  Figure stated;
  Loc stated_loc;
  Unit unit;           /* the stated figure's unit */
  const Formula *formula;
  mpq_t *computed;     /* in the stated unit */
  mpq_t *lo, *hi;      /* what the computation gives over the inputs' rounding */
  ClaimVerdict verdict;
} Claim;

typedef struct Task Task;

typedef struct Commit {
  const Item *item;
  Loc loc;
  Task *task;
  const char *id, *desc;
  ValueForm form;      /* VF_BOUND or VF_CHANGE */
  Figure fig;
  Delta delta;
  Unit unit;
  int has_unit;
  Indicator *ind;      /* for */
  const char *lead, *due;
} Commit;

struct Task {
  const Item *item;
  Loc loc;
  int number;          /* 1, 2, … across the file */
  const char *section;
  const char *title, *lead, *due;
  Commit **commits;
  int ncommits, cap;
};

/* A placeholder of a text line, bound and evaluated: a figure with its unit, a stated
   change, a statement, a commitment or a claim. */
typedef struct Filled {
  Loc loc;                /* the placeholder's text, between its braces */
  const Expr *expr;       /* its expression (model only: bind.c reads it) */
  const Formula *formula; /* a figure's formula; NULL for a commitment or a claim */
  Indicator *first;    /* the first indicator it names: a period left out is its latest */
  const Figure *figure; /* the value's own figure, for its relation words */
  int known;
  mpq_t *v;
  Unit unit;
  int decimals;
  Relation rel;
  const Commit *commit;
  const Claim *claim;  /* a claim: its stated figure */
  const Delta *delta;  /* a change the source states (同比增长 45%, 10倍) */
  const char *text;    /* a qualitative value */
} Filled;

/* ---- the document's outline: parts → sections → blocks (paragraphs, tasks) → lines ---- */

/* A piece of a text line: literal prose, or a filled placeholder. */
typedef struct Piece {
  const char *text;    /* NULL for a placeholder */
  const Filled *filled;
} Piece;

/* One text line (| …) of a paragraph or a task. */
typedef struct Line {
  Loc loc;
  Piece *pieces;
  int npieces;
} Line;

typedef enum BlockKind {
  BK_PARA,    /* para "lead": prose */
  BK_TASK,    /* a numbered task: its title, prose and commitments */
  BK_TARGETS  /* where a targets part lists its targets (the first target line) */
} BlockKind;

typedef struct Block {
  BlockKind kind;
  Loc loc;
  const char *lead;    /* BK_PARA: the lead sentence, or NULL */
  Task *task;          /* BK_TASK */
  Line **lines;
  int nlines, cap;
} Block;

/* A section (（一）…) of a part; blocks before a part's first section are in a section
   without a title. */
typedef struct Section {
  Loc loc;
  const char *title;   /* NULL for the untitled lead-in of a part */
  Block **blocks;
  int nblocks, cap;
} Section;

typedef struct Part {
  Loc loc;
  PartKind kind;
  const char *title;
  Section **sections;
  int nsections, cap;
} Part;

typedef struct Import {
  const char *alias;
  const char *path;    /* as written */
  Loc loc;
  const Item *item;
  Model *model;        /* NULL when it could not be loaded */
} Import;

/* A unit the plan declares: unit 宗, unit 公顷 = 10000 平方米. */
typedef struct UnitDecl {
  const char *name;
  const char *factor, *of; /* the definition as written, or NULL */
  Loc loc;
} UnitDecl;

struct Model {
  Arena *arena;
  Names *names;
  Source *src;
  Plan *plan;
  Diags *diags;
  UnitTable *units;
  const char *path;    /* the file, as named on the command line or in an import */
  const char *title, *region, *date;
  DocStatus status;
  int year, base;
  Indicator **inds;
  int ninds, inds_cap;
  Table *by_id;           /* indicators by id */
  ModelNames *by_name;    /* … and by display name, indexed on first need */
  Table *commit_ids;      /* commitments by id */
  Table *claim_ids;       /* claims by id */
  Target **targets;
  int ntargets, targets_cap;
  Claim **claims;
  int nclaims, claims_cap;
  Task **tasks;
  int ntasks, tasks_cap;
  Commit **commits;
  int ncommits, commits_cap;
  Filled **filled;
  int nfilled, filled_cap;
  Part **parts;        /* the outline, in document order */
  int nparts, parts_cap;
  UnitDecl **unitdecls;
  int nunitdecls, unitdecls_cap;
  Import *imports;
  int nimports;
  Target **reviewed;   /* the year under review's targets (imported, or this plan's for its
                          base year), judged against this plan's figures */
  mpq_t *tol_points;   /* the 基本完成 band of 左右 rates and changes, in 个百分点 (0.5) */
  mpq_t *tol_percent;  /* … of 左右 amounts, in % of the target (5) */
  int nreviewed, reviewed_cap;
  mpq_t **nums;        /* every exact number, in chunks (nums_cap of them), cleared by
                          model_free */
  int nnums, nums_cap;
  /* the checker's memory of what it read last: the indicator a value line belongs to,
     and units by their interned spelling (a large plan writes the same few thousands of
     times) */
  Indicator *last_ind;
  struct { const char *text; Unit unit; } unit_seen[MODEL_UNIT_SEEN];
};

Model *model_new(Source *src, Plan *plan, Arena *arena, Names *names, Diags *diags);
void model_free(Model *m);

/* A fresh exact number (0) owned by the model. */
mpq_t *model_num(Model *m);

/* Append p to the growable array *v of *n elements and *cap capacity, in m's arena. */
void model_push(Model *m, void *v, int *n, int *cap, void *p);

/* The indicator with this id (or else this display name) in m, or NULL. */
Indicator *model_indicator(const Model *m, const char *id);

/* The value of ind at period p: its own, else the same indicator's in m's imports. */
Value *indicator_value(const Indicator *ind, Period p);

/* A standing's rank: plan < estimate < flash < actual < official < revised. */
int model_standing(ValueStatus s);

/* Insert v into ind's values, in period order (a later standing supersedes an earlier). */
void model_add_value(Model *m, Indicator *ind, Value *v);

/* Add an imported plan (its model NULL when it could not be loaded). */
void model_add_import(Model *m, Import imp);

/* The indicator a reference names, here or through an import (ns), or NULL. */
Indicator *model_lookup(const Model *m, const Ref *r);

/* The same, reporting a name that is not known (with a suggestion) when report is set. */
Indicator *model_ref(Model *m, const Ref *r, int report);

/* Whether what m says of the indicator id may be incomplete because of an error already
   reported: a line about it was skipped for a syntax error, or an import failed. Errors
   about its missing values are then cascades, not reported. */
int model_incomplete(const Model *m, const char *id);

/* Suggest the known name nearest to name ("did you mean"), or NULL: an id, or the id of
   the display name that is near (diag_similar says what near is). */
const char *model_suggest(const Model *m, const char *name);

/* Suggest the known unit nearest to an unknown one (亿元元, 忆元 and 亿 give 亿元), or
   NULL: for "unknown unit" errors, which should then not advise declaring the misspelling. */
const char *model_suggest_unit(const Model *m, const char *unit);

/* Report a unit that is not known (C003): the known unit it misspells, else how to
   declare it. */
void model_unknown_unit(Model *m, const char *unit, Loc loc);

/* A unit's base units for a message ("元/人", "a bare number"), in m's arena. */
const char *model_describe_unit(Model *m, const Unit *u);

/* The places a number is shown with: an indicator's declared decimals, else the figure's
   own (as written, or as computed). */
int model_places(const Indicator *ind, const Figure *f);

/* Report at an item's or an expression's place in the model's file. */
#define model_error(m, code, loc, ...) \
  diag_report((m)->diags, DIAG_ERROR, code, (m)->src, loc, __VA_ARGS__)
#define model_warning(m, code, loc, ...) \
  diag_report((m)->diags, DIAG_WARNING, code, (m)->src, loc, __VA_ARGS__)
#define model_note(m, loc, ...) \
  diag_report((m)->diags, DIAG_NOTE, "N001", (m)->src, loc, __VA_ARGS__)

#endif
