/* period.c: parsing, ordering and stepping periods. */
#include "runtime/period.h"

#include <stdio.h>
#include <stdlib.h>

/* How many sub-periods a year has, by kind. */
static int period_per_year(char kind) {
  return kind == 'H' ? 2 : kind == 'Q' ? 4 : kind == 'M' ? 12 : 1;
}

int period_parse(const char *s, Period *p) {
  int year = 0, i = 0;
  for (; i < 4; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    year = year * 10 + (s[i] - '0');
  }
  *p = (Period){year, 'Y', 0};
  if (s[4] == '\0') return 0;
  char k = s[4];
  if (k >= 'a' && k <= 'z') k = (char)(k - 'a' + 'A');
  if (k != 'H' && k != 'Q' && k != 'M') return -1;
  char *end;
  long sub = strtol(s + 5, &end, 10);
  if (end == s + 5 || *end != '\0' || sub < 1 || sub > period_per_year(k)) return -1;
  *p = (Period){year, k, (int)sub};
  return 0;
}

Period period_prev(Period p) {
  if (p.kind == 'Y') return (Period){p.year - 1, 'Y', 0};
  if (p.sub > 1) return (Period){p.year, p.kind, p.sub - 1};
  return (Period){p.year - 1, p.kind, period_per_year(p.kind)};
}

int period_cmp(Period a, Period b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.kind != b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.sub != b.sub) return a.sub < b.sub ? -1 : 1;
  return 0;
}

const char *period_format(Period p, char *buf) {
  if (p.kind == 'Y') snprintf(buf, 12, "%04d", p.year);
  else if (p.kind == 'M') snprintf(buf, 12, "%04dM%02d", p.year, p.sub);
  else snprintf(buf, 12, "%04d%c%d", p.year, p.kind, p.sub);
  return buf;
}
