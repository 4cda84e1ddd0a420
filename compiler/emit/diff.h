/* diff.h: what changed in meaning between two evaluated models of a plan: indicators,
   values with their consequences, targets and the values they imply, claims, the outline,
   tasks and commitments matched by content (not by number), and prose at the character
   level. Comments and layout are not in the model, so they are never a change. The
   changes print as a Chinese 修订说明 (text or Markdown) and as JSON (docs/diff.md);
   revsheet.h writes them as a workbook. */
#ifndef PLC_DIFF_H
#define PLC_DIFF_H

#include <stdio.h>

#include "model/model.h"

/* X(enum, JSON name, Chinese heading): the kinds of change, in the order they print. */
#define DIFF_KINDS(X)                                                                      \
  X(DK_HEADER, "header", "文件信息")                                                       \
  X(DK_INDICATOR, "indicator", "指标")                                                     \
  X(DK_VALUE, "value", "指标数值")                                                         \
  X(DK_TARGET, "target", "主要目标")                                                       \
  X(DK_EXECUTION, "execution", "上年目标执行情况")                                         \
  X(DK_CLAIM, "claim", "数字核对")                                                         \
  X(DK_OUTLINE, "outline", "篇章结构")                                                     \
  X(DK_TASK, "task", "主要任务")                                                           \
  X(DK_COMMIT, "commit", "量化指标")                                                       \
  X(DK_PROSE, "prose", "文字")

/* X(enum, JSON name, Chinese word, sign) */
#define DIFF_OPS(X)                                                                        \
  X(DIFF_ADDED, "added", "新增", "+")                                                      \
  X(DIFF_REMOVED, "removed", "删除", "-")                                                  \
  X(DIFF_CHANGED, "changed", "修改", "~")

#define DIFF_ENUM(e, ...) e,
typedef enum DiffKind { DIFF_KINDS(DIFF_ENUM) DK_COUNT } DiffKind;
typedef enum DiffOp { DIFF_OPS(DIFF_ENUM) } DiffOp;
#undef DIFF_ENUM

/* A piece of a text at the character level: kept ('='), deleted ('-') or inserted ('+'). */
typedef struct DiffSpan {
  char op;
  const char *text;
} DiffSpan;

/* One change in meaning. Strings are the diff's own. */
typedef struct DiffChange {
  DiffKind kind;
  DiffOp op;
  const char *item;      /* what changed: 地区生产总值 2024年目标 */
  const char *old, *new_; /* as the report writes it, before and after; NULL when absent */
  const char *detail;    /* what follows from it: 目标值 约6018.30 → 约6046.82亿元（可比价） */
  int consequence;       /* none of its own lines changed: it follows from other changes */
  const char *old_file, *new_file;
  int old_line, new_line; /* 0 when absent */
  DiffSpan *spans;       /* prose: the text at the character level */
  int nspans;
} DiffChange;

typedef struct Diff Diff;

/* Compare two models (and the plans they import, pairwise by alias). */
Diff *diff_models(const Model *old, const Model *new_);
void diff_free(Diff *d);

/* The changes, in print order (by kind, then by place in the new file). */
int diff_count(const Diff *d);
const DiffChange *diff_change(const Diff *d, int i);
const char *diff_old_path(const Diff *d);
const char *diff_new_path(const Diff *d);

/* The words of a kind and an op. */
const char *diff_kind_name(DiffKind k);
const char *diff_kind_zh(DiffKind k);
const char *diff_op_name(DiffOp op);
const char *diff_op_zh(DiffOp op);
const char *diff_op_sign(DiffOp op);

/* The 修订说明: grouped by kind, one line per change, prose as marked hunks ([-删-]{+增+}
   in text, ~~删~~**增** in Markdown). Labels override the file names in the heading. */
void diff_write_text(const Diff *d, FILE *out, int markdown, const char *old_label,
                     const char *new_label);

/* The changes as JSON (docs/diff.md). */
void diff_write_json(const Diff *d, FILE *out, const char *old_label, const char *new_label);

/* The marked hunks of a prose change, context around each cut to `context` characters,
   as text (markdown 0) or Markdown (1); the caller frees it with mem_free. */
char *diff_hunks(const DiffChange *c, int context, int markdown);

#endif
