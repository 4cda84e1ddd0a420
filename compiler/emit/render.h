/* render.h: figures as a Chinese report writes them (约208亿元, 增长5.5%左右, 1—2个),
   shared by the text report and the workbook. Every string is the caller's to free
   (mem_free). */
#ifndef PLC_RENDER_H
#define PLC_RENDER_H

#include "model/model.h"

/* A figure: its relation words as written, the number at `decimals` places (the written
   places when negative), and the unit: 超1300亿元. */
char *render_figure(const Figure *f, const char *unit, int decimals);

/* A change as written, with its word: 增长5.5%左右, 下降3.5%, 增长-2.0% (as written), 持平,
   负增长; without its word (with_word 0), signed: 45%, 10倍, 2个百分点, 下降3.5%, -2.0%. */
char *render_delta(const Delta *d, int with_word);

/* A value as the list of main indicators writes it after the name: 5704.55亿元,
   完成621.73亿元, 约208亿元, 下降4.0%左右, 完成市下达目标. */
char *render_value(const Value *v);

/* A target as the report writes it after the name: 增长5.5%左右, 持平, 完成市下达目标. */
char *render_target(const Target *t);

/* A target's stretch level (力争) as written: 增长6%, 8000亿元 (t->has_stretch). */
char *render_stretch(const Target *t);

/* The places a computed figure in unit is shown with: the indicator's decimals when it
   declares them, none for a count (家, 个, 套), else places. */
int render_places(const char *unit, int decimals, int places);

/* A placeholder, filled, standing alone: a computed decline reads 下降76.2%. (In a line,
   render_line also turns a change word before it to the sign: 增长{growth(x)} → 下降2.0%.) */
char *render_filled(const Filled *f);

/* A commitment's figure or change: 超过1100亿元, 6000套以上, 增长10%. */
char *render_commit(const Commit *c);

/* A whole text line of the outline: its prose with its placeholders filled. */
char *render_line(const Line *l);

/* A verdict's word (完成, 基本完成, 未完成, 数据暂缺, 定性目标). */
const char *render_exec(ExecStatus s);

/* The verdict as an execution table says it: 完成, or 完成（按现价测算） when a
   comparable-price target could only be judged on current-price levels. */
char *render_verdict(const Verdict *v);

/* The measure of a verdict: 完成率88.8% for amounts, 高于目标0.2个百分点 for rates and
   changes, — when there is none. */
char *render_measure(const Target *t, const Verdict *v);

/* The value a target implies as the tables show it: 约6018.30（可比价）, with the
   indicator's unit when with_unit; — when there is none. */
char *render_implied(const Target *t, const Figure *implied, int with_unit);

/* What was achieved, as judged: the change (增长6.2%), the total (累计…), both growths of
   a relation, or the figure; with its standing (（预计）, （快报）) unless it is 实际. */
char *render_achieved(const Target *t, const Verdict *v);

/* The n-th Chinese numeral (1 → 一, 12 → 十二) into buf (at least 16 bytes). */
const char *render_chinese_number(int n, char *buf);

/* A date as Chinese numerals: 2024-01 → 二〇二四年一月. */
char *render_chinese_date(const char *date);

#endif
