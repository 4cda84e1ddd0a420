/* period.h: plan periods as planners use them: discrete periods (the year 2024, the
   quarter 2024Q1, the half 2024H1, the month 2024M03), cumulative periods from the start
   of the year (1—9月: 2024C09) and points in time (9月末: 2024E09), written in a compact
   ASCII form or as Chinese reports write them (2024年1—9月, 2024年一季度, 2024年9月末), in
   one total order, with the previous period and the same period of last year. */
#ifndef PLC_PERIOD_H
#define PLC_PERIOD_H

typedef struct Period {
  int year;
  char kind; /* 'Y' year, 'H' half, 'Q' quarter, 'M' month, 'C' 1—N月, 'E' end of month N */
  int sub;   /* 1-based half, quarter or month; the last month for 'C' and 'E'; 0 for 'Y' */
} Period;

/* The longest period label period_label writes, with its NUL. */
#define PERIOD_LABEL_MAX 40

/* Read a period: "2023", "2024Q1", "2024H2", "2024M03", "2024C09" (1—9月), "2024E09" (9月
   末), or the Chinese forms 2024年, 2024年全年, 2024年一季度, 2024年第一季度, 2024年上半年,
   2024年前三季度, 2024年1—9月, 2024年9月, 2024年9月末, 2024年三季度末, 2024年末; -1 when
   the text is not a period. */
int period_parse(const char *s, Period *p);

/* The period before p, of the same kind (2024Q1 → 2023Q4, 2024E01 → 2023E12); a
   cumulative period has none of its kind before it in the year, so its previous period is
   the same period of last year. */
Period period_prev(Period p);

/* The same period of the previous year (2024C09 → 2023C09): what 同比 compares with. */
Period period_yoy(Period p);

/* p moved back: prevs previous periods (period_prev), then years whole years. */
Period period_back(Period p, int prevs, int years);

/* The total order: by year, then by the month the period ends, then a span before a point
   in time (9月 before 9月末), then the shorter span first (9月, 三季度, 1—9月; 12月, 四季度,
   下半年, 全年). Periods covering the same months are equal: 2024Q1 = 2024C03 (一季度 =
   1—3月), 2024H1 = 2024C06, 2024 = 2024C12 (全年 = 1—12月), 2024M01 = 2024C01. */
int period_cmp(Period a, Period b);

/* Whether p covers less than its year, or is a point in time. */
int period_sub_annual(Period p);

/* The period as text, canonical ASCII ("2024", "2024Q1", "2024M03", "2024C09",
   "2024E09"), in buf of at least 12 bytes. */
const char *period_format(Period p, char *buf);

/* The period as a Chinese report labels it, in buf of PERIOD_LABEL_MAX bytes: 2024年,
   2024年一季度, 2024年上半年, 2024年1—9月, 2024年3月, 2024年9月末, 2024年末. */
const char *period_label(Period p, char *buf);

#endif
