/* words.h: the language's closed sets of words, each one table (an X-macro): what a word
   means is an enum from the scanner onward, and the table gives the name the JSON model
   uses and the word a report prints when the author wrote none. The words as the author
   wrote them travel beside the enums, only for printing and formatting. */
#ifndef PLC_WORDS_H
#define PLC_WORDS_H

/* X(enum, JSON name, Chinese word) */
#define WORDS_RELATIONS(X)                                                                 \
  X(REL_EXACT, "exact", "")      /* 5704.55, 达到/增至 385 */                               \
  X(REL_ABOUT, "about", "约")    /* 约208, 5.5% 左右 */                                    \
  X(REL_ATLEAST, "atleast", "不少于") /* 不少于, 至少, 不低于, 以上 */                     \
  X(REL_OVER, "over", "超过")    /* 超过, 超, 突破, 高于 */                                \
  X(REL_ATMOST, "atmost", "不超过") /* 不超过, 至多, 以下, 以内 */                          \
  X(REL_UNDER, "under", "低于")  /* 低于, 不到 */                                          \
  X(REL_NEAR, "near", "近")      /* 近, 接近: just below */                                \
  X(REL_RANGE, "range", "")      /* 1—2 个 */

#define WORDS_CHANGES(X)                                                                   \
  X(CHG_UP, "up", "增长")                                                                  \
  X(CHG_DOWN, "down", "下降")                                                              \
  X(CHG_FLAT, "flat", "持平")                                                              \
  X(CHG_DOUBLED, "doubled", "翻番")                                                        \
  X(CHG_NEGATIVE, "negative", "负增长") /* a decline by any amount: less than the base */ \
  X(CHG_ANNUAL, "annual", "年均增长") /* average annual growth from a base period (from) */

/* A figure's standing (its vintage). A period may hold figures of several standings; the
   latest standing is the one a verdict, a claim or a growth uses (model_standing). */
#define WORDS_STATUSES(X)                                                                  \
  X(ST_ACTUAL, "actual", "实际")                                                           \
  X(ST_ESTIMATE, "estimate", "预计")                                                       \
  X(ST_PLAN, "plan", "计划")                                                               \
  X(ST_FLASH, "flash", "快报")       /* the statistics bureau's flash figure */            \
  X(ST_OFFICIAL, "official", "统计") /* the annual statistics (统计, 年报) */               \
  X(ST_REVISED, "revised", "修订")   /* a revision (after a census: 同口径) */

/* What a value, target or commitment line gives. */
#define WORDS_FORMS(X)                                                                     \
  X(VF_BOUND, "figure", "")        /* a figure with its relation: 5704.55, 约208 */        \
  X(VF_CHANGE, "change", "")       /* only a change: 下降4.0%左右, 持平 */                  \
  X(VF_FORMULA, "formula", "")     /* = expr */                                            \
  X(VF_QUALITATIVE, "qualitative", "") /* "完成市下达目标" */                            \
  X(VF_RELATION, "relation", "")   /* 同步 gdp: growth in step with another indicator's */

#define WORDS_BASES(X)                                                                     \
  X(BASIS_NONE, NULL, "")                                                                  \
  X(BASIS_CURRENT, "current", "现价")      /* 现价, 当年价 */                               \
  X(BASIS_COMPARABLE, "comparable", "可比价")

#define WORDS_FLOWS(X)                                                                     \
  X(FLOW_NONE, NULL, "")                                                                   \
  X(FLOW_PERIOD, "period", "当期")                                                         \
  X(FLOW_CUMULATIVE, "cumulative", "累计")

/* Which way an indicator is better: 正向 higher, 逆向 lower (失业率, 能耗, PM2.5, 价格涨幅),
   适度 within a band around its target. */
#define WORDS_DIRECTIONS(X)                                                                \
  X(DIR_NONE, NULL, "")                                                                    \
  X(DIR_UP, "higher", "正向")                                                              \
  X(DIR_DOWN, "lower", "逆向")                                                             \
  X(DIR_BAND, "band", "适度")

#define WORDS_TARGET_KINDS(X)                                                              \
  X(TK_EXPECTED, "expected", "预期性")                                                     \
  X(TK_BINDING, "binding", "约束性")

/* part KIND "title": the kind is written in English, as a name */
#define WORDS_PART_KINDS(X)                                                                \
  X(PART_PLAIN, NULL, "")                                                                  \
  X(PART_REVIEW, "review", "")     /* last year's execution: the list of main results */   \
  X(PART_TARGETS, "targets", "")   /* this year's targets */                               \
  X(PART_TASKS, "tasks", "")       /* the tasks: the table of their commitments */

/* status 草案: the document's standing, written as either word */
#define WORDS_DOC_STATUSES(X)                                                              \
  X(DOC_NONE, NULL, "")                                                                    \
  X(DOC_DRAFT, "draft", "草案")                                                            \
  X(DOC_FINAL, "final", "正式")

#define WORDS_ENUM(e, name, zh) e,
typedef enum Relation { WORDS_RELATIONS(WORDS_ENUM) } Relation;
typedef enum ChangeDir { WORDS_CHANGES(WORDS_ENUM) } ChangeDir;
typedef enum ValueStatus { WORDS_STATUSES(WORDS_ENUM) } ValueStatus;
typedef enum ValueForm { WORDS_FORMS(WORDS_ENUM) } ValueForm;
typedef enum Basis { WORDS_BASES(WORDS_ENUM) } Basis;
typedef enum Flow { WORDS_FLOWS(WORDS_ENUM) } Flow;
typedef enum TargetKind { WORDS_TARGET_KINDS(WORDS_ENUM) } TargetKind;
typedef enum Direction { WORDS_DIRECTIONS(WORDS_ENUM) } Direction;
typedef enum PartKind { WORDS_PART_KINDS(WORDS_ENUM) } PartKind;
typedef enum DocStatus { WORDS_DOC_STATUSES(WORDS_ENUM) } DocStatus;
#undef WORDS_ENUM

/* The JSON names (NULL for the "none" members). */
const char *words_relation(Relation r);
const char *words_change(ChangeDir d);
const char *words_status(ValueStatus s);
const char *words_form(ValueForm f);
const char *words_basis(Basis b);
const char *words_flow(Flow f);
const char *words_target_kind(TargetKind k);
const char *words_direction(Direction d);

/* The Chinese words, for a report ("" for the "none" members). */
const char *words_basis_zh(Basis b);
const char *words_target_kind_zh(TargetKind k);
const char *words_direction_zh(Direction d);
const char *words_status_zh(ValueStatus s);
const char *words_doc_status_zh(DocStatus s);

/* A part kind or a document status from the word written; -1 when it is none of them. The
   list of known words, for a message, into *known. */
int words_part_kind(const char *word, const char **known);
int words_doc_status(const char *word, const char **known);

#endif
