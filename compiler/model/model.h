/* model.h: the checked, evaluated plan that every back end reads. Built from the syntax
   tree by check.c, filled in by eval.c; back ends read it and never compute. Everything
   lives in the model's arena; its exact numbers are freed by model_free. */
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
typedef struct Indicator Indicator;

/* An exact figure with the relation the source put around it (约, 超过, 以上, range). */
typedef struct Figure {
  int known;        /* v holds a number */
  Relation rel;
  mpq_t *v, *hi;    /* hi: the top of a range */
  int places;       /* decimals as written (for claims and rounding) */
  const char *prefix, *suffix; /* the relation words as written (超, 以上), for the report */
} Figure;

/* A change on the previous period, as stated: 增长 5.5% 左右, 下降 3.5%, 持平. */
typedef struct Delta {
  int present;
  ChangeDir dir;
  Figure by;        /* in percent or in points, per kind */
  UnitKind kind;    /* UK_PERCENT or UK_POINTS */
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
  const Expr *expr;    /* a formula (its own, or the indicator's) */
  const Item *item;    /* its line, or the indicator's line for a derived value */
  int derived;         /* made from the indicator's formula, not written */
  EvalState state;
} Value;

struct Indicator {
  Model *model;
  const Item *item;
  const char *id, *name;
  Unit unit;
  int has_unit;
  int decimals;
  const char *category;
  int main;
  Basis basis;
  Flow flow;
  const char *verb;
  const Expr *formula;
  Value **values;      /* sorted by period */
  int nvalues, cap;
};

typedef enum ExecStatus {
  EXEC_NONE,     /* no actual figure for the target's period yet */
  EXEC_MET,
  EXEC_NOT_MET,
  EXEC_QUALITATIVE /* a qualitative target: reported, not computed */
} ExecStatus;

typedef struct Target {
  const Item *item;
  Model *model;
  Indicator *ind;
  Period period;
  TargetKind kind;
  ValueForm form;      /* VF_BOUND, VF_CHANGE or VF_QUALITATIVE */
  Figure fig;          /* a level target, in the indicator's unit */
  Delta delta;         /* a change target */
  const char *text;
  Basis basis;
  Value *base;         /* the base-period value a change applies to */
  Figure implied;      /* the value the target implies, in the indicator's unit */
  const char *why_not; /* why no value is implied */
  ExecStatus exec;
  Value *actual;
  mpq_t *completion;   /* actual / implied, as a ratio (1 = 100%) */
} Target;

typedef enum ClaimVerdict {
  CLAIM_MATCH,     /* the stated figure is the computed one at its precision */
  CLAIM_ROUNDING,  /* it is not, but the rounding of the inputs can explain it */
  CLAIM_MISMATCH,  /* it is not, and rounding cannot explain it */
  CLAIM_UNKNOWN    /* the claim could not be computed (an error says why) */
} ClaimVerdict;

typedef struct Claim {
  const Item *item;
  const char *id;
  const char *label;
  Period period;
  Figure stated;
  Unit unit;           /* the stated figure's unit */
  mpq_t *computed;     /* in the stated unit */
  mpq_t *lo, *hi;      /* what the computation gives over the inputs' rounding */
  ClaimVerdict verdict;
} Claim;

typedef struct Task Task;

typedef struct Commit {
  const Item *item;
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
  int number;          /* 1, 2, … across the file */
  const char *section;
  const char *title, *lead, *due;
  Commit **commits;
  int ncommits, cap;
};

/* A placeholder of a text line, evaluated: a figure with its unit, or a commitment. */
typedef struct Filled {
  const TextPart *part;
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

typedef struct Import {
  const char *alias;
  const Item *item;
  Model *model;
} Import;

struct Model {
  Arena *arena;
  Names *names;
  Source *src;
  Plan *plan;
  Diags *diags;
  UnitTable *units;
  const char *title, *region, *date;
  DocStatus status;
  int year, base;
  Indicator **inds;
  int ninds, inds_cap;
  Table *by_id, *by_name; /* indicators by id and by display name */
  Table *commit_ids;      /* commitments by id */
  Table *claim_ids;       /* claims by id */
  Table *task_items;      /* tasks by their item (ast_item_key) */
  Table *filled_parts;    /* filled placeholders by their text part (ast_item_key) */
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
  Import *imports;
  int nimports;
  Target **reviewed;   /* imported targets, judged against this plan's actual figures */
  int nreviewed, reviewed_cap;
  mpq_t **nums;        /* every exact number, cleared by model_free */
  int nnums, nums_cap;
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

/* Add an imported plan (its model NULL when it could not be loaded). */
void model_add_import(Model *m, Import imp);

/* The indicator a reference names, here or through an import (ns), or NULL. */
Indicator *model_lookup(const Model *m, const Ref *r);

/* The same, reporting a name that is not known (with a suggestion) when report is set. */
Indicator *model_ref(Model *m, const Ref *r, int report);

/* Suggest the known name nearest to name ("did you mean"), or NULL. */
const char *model_suggest(const Model *m, const char *name);

/* Report at an item's or an expression's place in the model's file. */
#define model_error(m, code, loc, ...) \
  diag_report((m)->diags, DIAG_ERROR, code, (m)->src, loc, __VA_ARGS__)
#define model_warning(m, code, loc, ...) \
  diag_report((m)->diags, DIAG_WARNING, code, (m)->src, loc, __VA_ARGS__)
#define model_note(m, loc, ...) \
  diag_report((m)->diags, DIAG_NOTE, "N001", (m)->src, loc, __VA_ARGS__)

#endif
