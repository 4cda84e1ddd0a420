/* period.h: plan periods: years now (2023), with quarters (2024Q1), halves (2024H1) and
   months (2024M03) in the same order, and the previous period of each. */
#ifndef PLC_PERIOD_H
#define PLC_PERIOD_H

typedef struct Period {
  int year;
  char kind; /* 'Y', 'H', 'Q' or 'M' */
  int sub;   /* 1-based half, quarter or month; 0 for a year */
} Period;

/* Read "2023", "2024Q1", "2024H2", "2024M03"; -1 when the text is not a period. */
int period_parse(const char *s, Period *p);

/* The period before p, of the same kind (2024Q1 → 2023Q4). */
Period period_prev(Period p);

/* Order: by year, then kind, then sub-period; 0 when equal. */
int period_cmp(Period a, Period b);

/* The period as text, canonical ("2024Q1", "2024M03"), in buf of at least 12 bytes. */
const char *period_format(Period p, char *buf);

#endif
