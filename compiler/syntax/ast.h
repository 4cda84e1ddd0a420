/* ast.h: the syntax tree of a plan file. Every node keeps its location and the words the
   author wrote, so that a formatter and a semantic diff can rebuild the text from it.
   All nodes live in the plan's arena. */
#ifndef PLC_AST_H
#define PLC_AST_H

#include <stdio.h>

#include "runtime/arena.h"
#include "syntax/source.h"
#include "syntax/words.h"

/* A word of the source with its place: a name, a number's text, a keyword as spelled. */
typedef struct Word {
  const char *text; /* NULL when absent; names are interned, numbers are ASCII digits */
  Loc loc;
} Word;

/* A word of a closed set (words.h) as written, and what it means: the enum's value. */
typedef struct Keyword {
  Word w;
  int code;
} Keyword;

/* A number with its unit as written: 1.5万套 is {"1.5", "万套"}; unit.text may be NULL. */
typedef struct Quantity {
  Word num;
  Word unit; /* "亿元", "%", "个百分点", "微克/立方米" */
  Loc loc;
} Quantity;

/* A quantity with the relation the author put around it: 超过1100亿元, 6000套以上, 1—2个. */
/* The high end of a range and the separator written before it (1—2个). */
typedef struct RangeTop {
  Quantity q;
  Word sep;
} RangeTop;

typedef struct Bound {
  Relation rel;
  Word prefix, suffix; /* the relation words as written ("超过", "以上"), if any */
  Quantity q;          /* the value, or the low end of a range */
  const RangeTop *top; /* a range's high end; NULL unless rel is REL_RANGE (few figures are
                          ranges: inline, it was a third of every figure's node) */
  int ceiling;         /* 控制在, 不超过, 以下, 以内: a ceiling, lower is better */
  Loc loc;
} Bound;

/* A change against the previous period: 增长5.5%左右, 下降4.0%, 持平, 同比翻番. */
typedef struct Change {
  ChangeDir dir;
  Word yoy;  /* "同比" / "yoy" when written */
  Word word; /* "增长", "下降", "持平", "翻番", ... */
  const Bound *by; /* an empty bound for flat and doubled (shared, never NULL) */
  Loc loc;
} Change;

/* A reference to an indicator, a commitment or a claim, optionally through an import. */
typedef struct Ref {
  Word ns;   /* import alias, or NULL text */
  Word name;
  Loc loc;
} Ref;

typedef enum ExprKind {
  EX_NUM,  /* a quantity */
  EX_REF,  /* gdp: the indicator at the period being computed */
  EX_AT,   /* gdp[2023] */
  EX_NEG,
  EX_ADD, EX_SUB, EX_MUL, EX_DIV,
  EX_CALL, /* growth(x), share(a, b), prev(x), cumsum(x), sum(...) */
  EX_PAREN /* kept so the formatter writes the parentheses back */
} ExprKind;

typedef struct Expr {
  ExprKind kind;
  Loc loc;
  Quantity num;         /* EX_NUM */
  Ref ref;              /* EX_REF, EX_AT */
  Word period;          /* EX_AT */
  Word fn;              /* EX_CALL */
  struct Expr *a, *b;   /* operands */
  struct Expr **args;   /* EX_CALL */
  int nargs;
  int depth;            /* 1 + the deepest operand's: bounds the recursion of later passes */
} Expr;

/* Optional attributes that follow a line's main part; `has` says which were written. */
enum {
  ATTR_DECIMALS = 1 << 0, /* decimals 2 */
  ATTR_CATEGORY = 1 << 1, /* category 主要指标 */
  ATTR_MAIN = 1 << 2,     /* main */
  ATTR_BASIS = 1 << 3,    /* 现价 / 可比价 */
  ATTR_FLOW = 1 << 4,     /* 当期 / 累计 */
  ATTR_CHANGE = 1 << 5,   /* 同比增长 45% */
  ATTR_LEAD = 1 << 6,     /* lead "区发展改革局" */
  ATTR_DUE = 1 << 7,      /* due 2024-12 */
  ATTR_FOR = 1 << 8,      /* for 战新增加值 */
  ATTR_VERB = 1 << 9,     /* verb "完成": the report's word before the figure */
  ATTR_DIRECTION = 1 << 10, /* 正向 / 逆向 / 适度 */
  ATTR_FROM = 1 << 11,    /* from 2020: the base period of a multi-year target */
  ATTR_STRETCH = 1 << 12, /* 力争 5.5%: the stretch level beside a target */
  ATTR_SHOW = 1 << 13     /* show 万元: an indicator in 万元/人 shown as 万元 (人均GDP) */
};

typedef struct Date {
  Word year, month, day; /* text NULL when absent */
  Word str;              /* a date written as a string */
  Loc loc;
} Date;

typedef struct Attrs {
  unsigned has;
  Word decimals, category, main, lead, verb;
  Word show;            /* the unit an indicator's figures are shown in (show 万元) */
  Keyword basis, flow; /* code: a Basis, a Flow */
  Keyword direction;    /* code: a Direction */
  Word from;            /* a period */
  const Bound *stretch; /* 力争 and a figure … */
  const Change *stretch_change; /* … or a change */
  const Change *change; /* by pointer: most lines have no attributes, and an empty set */
  const Date *due;      /* should be small */
  Ref target; /* for */
  Loc loc;
} Attrs;

/* A piece of a text line: literal text, or a placeholder {expr}. */
typedef struct TextPart {
  Word text; /* literal when expr is NULL */
  Expr *expr;
  struct TextPart *next;
} TextPart;

typedef enum ItemKind {
  IT_TITLE, IT_REGION, IT_YEAR, IT_BASE, IT_DATE, IT_STATUS, /* the header */
  IT_IMPORT,    /* import "plan2023.fp" as p2023 */
  IT_UNIT,      /* unit 宗 / unit 公顷 = 10000 平方米 */
  IT_INDICATOR, /* indicator gdp "地区生产总值" 亿元 decimals 2 */
  IT_VALUE,     /* 2023 actual 5704.55 (belongs to the indicator above it) */
  IT_TARGET,    /* target gdp 2024 预期性 增长 5.5% 左右 */
  IT_CLAIM,     /* claim 企业占比 "企业占比" 2023 企业 / 商事主体 = 71% */
  IT_PART,      /* part review "2023年国民经济和社会发展计划执行情况" */
  IT_SECTION,   /* section "经济发展质量持续向好" */
  IT_PARA,      /* para "经济运行稳中提质" */
  IT_TEXT,      /* | prose with {placeholders} (belongs to the para or task above) */
  IT_TASK,      /* task "高水平规划建设河套深港科技创新合作区" */
  IT_COMMIT,    /* commit c1 "战略性新兴产业增加值" 超过 1100 亿元 */
  IT_TOLERANCE  /* tolerance 0.5 个百分点: the band of 基本完成 for 左右 targets */
} ItemKind;

/* What a value, target or commitment line gives, by form: a figure with its relation, a
   change, a formula, or a qualitative statement. */
typedef struct Given {
  ValueForm form;
  const Bound *bound;   /* VF_BOUND */
  const Change *change; /* VF_CHANGE */
  Expr *expr;           /* VF_FORMULA */
  Word text;            /* VF_QUALITATIVE */
  Ref with;             /* VF_RELATION: the other indicator */
  Keyword sync;         /* VF_RELATION: 同步 (code REL_EXACT) or 基本同步 (REL_ABOUT) */
} Given;

typedef struct Item Item;

/* What a target line gives that is neither a figure nor a change: a qualitative target's
   statement, or a relation's other indicator (most targets have neither, so it is a node of
   its own rather than part of every target). */
typedef struct TargetOther {
  Word text;    /* VF_QUALITATIVE */
  Ref with;     /* VF_RELATION */
  Keyword sync; /* VF_RELATION: 同步 (REL_EXACT) or 基本同步 (REL_ABOUT) */
} TargetOther;

struct Item {
  ItemKind kind;
  Loc loc;      /* the whole line */
  Item *next;   /* the next item in file order */
  Item *parent; /* value → indicator, text → para/task, commit → task, task → section */
  Word keyword; /* the statement keyword or first token as written */
  union {
    struct { Word text; } str;       /* title, region, status, section, part title */
    struct { Word num; } year;       /* year, base */
    Date date;
    struct { Word path, alias; Item *next; } import; /* next: the next import line */
    struct { Word name; Quantity def; } unit;
    struct { Word id, name; Quantity unit; const Attrs *attrs; Expr *formula; } ind;
    struct {
      Word period;
      ValueStatus status;
      Word status_word;
      ValueForm form;
      union { const Bound *bound; const Change *change; }; /* by form */
      Expr *expr;
      Word text;
      const Attrs *attrs;
    } value;
    struct {
      Ref ind;
      Word period;
      Keyword kind; /* code: a TargetKind */
      ValueForm form;
      union { /* by form */
        const Bound *bound;
        const Change *change;
        const TargetOther *other; /* VF_RELATION, VF_QUALITATIVE */
      };
      const Attrs *attrs;
    } target;
    struct { Word id, label, period; Expr *expr; const Bound *stated; } claim;
    struct { Quantity q; } tol;
    struct { Word kind; PartKind code; Word title; } part;
    struct { Word title; } para;
    struct { TextPart *parts; } text;
    struct { Word title; const Attrs *attrs; } task;
    struct {
      Word id, desc;
      ValueForm form;
      union { const Bound *bound; const Change *change; }; /* by form */
      const Attrs *attrs;
    } commit;
  } u;
};

/* A comment: its text after '#', and whether it stood alone on its line. */
typedef struct Comment {
  Word text;
  int own_line;
  struct Comment *next;
} Comment;

/* One parsed plan file. */
typedef struct Plan {
  Source *src;
  Item *items, *last;
  Item *imports, *last_import; /* the import lines, chained (the loader reads only them) */
  Comment *comments, *last_comment;
  int nitems;
  struct Table *failed; /* names a line skipped for a syntax error would have defined or
                           given values to (build_failed): later errors about them are
                           cascades; NULL when no line failed */
} Plan;

/* Append an item of the given kind at loc; it is zeroed, and only as large as its kind
   needs (a title line does not pay for a value's fields). */
Item *ast_item(Arena *a, Plan *p, ItemKind kind, Loc loc);

/* A line's attributes, or the one empty set that lines without any share. */
const Attrs *ast_attrs(const Attrs *attrs);

/* Print the tree as one line per item, for tests and `plc --emit ast`. */
void ast_dump(const Plan *p, FILE *out);

const char *ast_item_kind_name(ItemKind k);

#endif
