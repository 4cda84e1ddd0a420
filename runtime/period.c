/* period.c: parsing, ordering, stepping and labelling periods. */
#include "runtime/period.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How many sub-periods a year has, by kind. */
static int period_per_year(char kind) {
  return kind == 'H' ? 2 : kind == 'Q' ? 4 : kind == 'Y' ? 1 : 12;
}

/* Skip the word w at *s; 1 when it was there. */
static int skip(const char **s, const char *w) {
  size_t n = strlen(w);
  if (strncmp(*s, w, n) != 0) return 0;
  *s += n;
  return 1;
}

/* A small number at *s: ASCII digits, or Chinese numerals up to 十二; -1 when none. */
static int read_num(const char **s) {
  static const char *const zh[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  const char *t = *s;
  if (*t >= '0' && *t <= '9') {
    int n = 0;
    for (int i = 0; i < 2 && *t >= '0' && *t <= '9'; i++) n = n * 10 + (*t++ - '0');
    *s = t;
    return n;
  }
  int n = 0;
  if (skip(&t, "十")) n = 10;
  else if (skip(&t, "两")) n = 2;
  for (int i = 0; i < 9 && n % 10 == 0 && n <= 10; i++)
    if (skip(&t, zh[i])) n += i + 1;
  if (n == 0) return -1;
  *s = t;
  return n;
}

/* The Chinese forms after "2024年"; -1 when s is none of them. */
static int period_parse_zh(const char *s, int year, Period *p) {
  int n;
  *p = (Period){year, 'Y', 0};
  if (*s == '\0' || strcmp(s, "全年") == 0) return 0;
  if (strcmp(s, "末") == 0 || strcmp(s, "底") == 0 || strcmp(s, "年末") == 0 ||
      strcmp(s, "年底") == 0) {
    *p = (Period){year, 'E', 12};
    return 0;
  }
  if (strcmp(s, "上半年") == 0 || strcmp(s, "下半年") == 0) {
    *p = (Period){year, 'H', strcmp(s, "上半年") == 0 ? 1 : 2};
    return 0;
  }
  if (skip(&s, "前")) { /* 前三季度 */
    if ((n = read_num(&s)) < 1 || n > 4 || !skip(&s, "季度") || *s) return -1;
    *p = (Period){year, 'C', 3 * n};
    return 0;
  }
  skip(&s, "第");
  if ((n = read_num(&s)) < 0) return -1;
  if (skip(&s, "季度") || skip(&s, "季")) { /* 一季度, 三季度末 */
    if (n < 1 || n > 4) return -1;
    if (*s == '\0') *p = (Period){year, 'Q', n};
    else if (strcmp(s, "末") == 0 || strcmp(s, "底") == 0) *p = (Period){year, 'E', 3 * n};
    else return -1;
    return 0;
  }
  if (n == 1 && (skip(&s, "—") || skip(&s, "–") || skip(&s, "-") || skip(&s, "~") ||
                 skip(&s, "～") || skip(&s, "至"))) { /* 1—9月 */
    if ((n = read_num(&s)) < 1 || n > 12 || !skip(&s, "月") || *s) return -1;
    *p = (Period){year, 'C', n};
    return 0;
  }
  if (n < 1 || n > 12 || !skip(&s, "月")) return -1;
  if (*s == '\0') *p = (Period){year, 'M', n};
  else if (strcmp(s, "末") == 0 || strcmp(s, "底") == 0) *p = (Period){year, 'E', n};
  else return -1;
  return 0;
}

int period_parse(const char *s, Period *p) {
  int year = 0, i = 0;
  for (; i < 4; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    year = year * 10 + (s[i] - '0');
  }
  *p = (Period){year, 'Y', 0};
  if (s[4] == '\0') return 0;
  const char *rest = s + 4;
  if (skip(&rest, "年")) return period_parse_zh(rest, year, p);
  char k = s[4];
  if (k >= 'a' && k <= 'z') k = (char)(k - 'a' + 'A');
  if (k == '\0' || !strchr("HQMCE", k)) return -1;
  char *end;
  long sub = strtol(s + 5, &end, 10);
  if (end == s + 5 || *end != '\0' || sub < 1 || sub > period_per_year(k)) return -1;
  *p = (Period){year, k, (int)sub};
  return 0;
}

Period period_prev(Period p) {
  if (p.kind == 'Y' || p.kind == 'C') return period_yoy(p);
  if (p.sub > 1) return (Period){p.year, p.kind, p.sub - 1};
  return (Period){p.year - 1, p.kind, period_per_year(p.kind)};
}

Period period_yoy(Period p) {
  return (Period){p.year - 1, p.kind, p.sub};
}

Period period_back(Period p, int prevs, int years) {
  for (int i = 0; i < prevs; i++) p = period_prev(p);
  p.year -= years;
  return p;
}

/* The first and last month a period covers (a point in time: its month, twice). */
static void period_span(Period p, int *from, int *to) {
  int per = 12 / period_per_year(p.kind);
  switch (p.kind) {
  case 'Y': *from = 1; *to = 12; break;
  case 'C': *from = 1; *to = p.sub; break;
  case 'E': *from = *to = p.sub; break;
  default: *to = p.sub * per; *from = *to - per + 1; break;
  }
}

int period_cmp(Period a, Period b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  int af, at, bf, bt;
  period_span(a, &af, &at);
  period_span(b, &bf, &bt);
  if (at != bt) return at < bt ? -1 : 1;
  int ap = a.kind == 'E', bp = b.kind == 'E';
  if (ap != bp) return ap < bp ? -1 : 1;
  if (af != bf) return af > bf ? -1 : 1; /* the shorter span first */
  return 0;
}

int period_sub_annual(Period p) {
  return period_cmp(p, (Period){p.year, 'Y', 0}) != 0;
}

const char *period_format(Period p, char *buf) {
  if (p.kind == 'Y') snprintf(buf, 12, "%04d", p.year);
  else if (p.kind == 'M' || p.kind == 'C' || p.kind == 'E')
    snprintf(buf, 12, "%04d%c%02d", p.year, p.kind, p.sub);
  else snprintf(buf, 12, "%04d%c%d", p.year, p.kind, p.sub);
  return buf;
}

const char *period_label(Period p, char *buf) {
  static const char *const q[] = {"", "一", "二", "三", "四"};
  int y = p.year;
  if (p.kind == 'C' && p.sub == 3) p = (Period){y, 'Q', 1};
  if (p.kind == 'C' && p.sub == 6) p = (Period){y, 'H', 1};
  if (p.kind == 'C' && p.sub == 12) p = (Period){y, 'Y', 0};
  if (p.kind == 'C' && p.sub == 1) p = (Period){y, 'M', 1};
  switch (p.kind) {
  case 'Y': snprintf(buf, PERIOD_LABEL_MAX, "%d年", y); break;
  case 'H': snprintf(buf, PERIOD_LABEL_MAX, "%d年%s半年", y, p.sub == 1 ? "上" : "下"); break;
  case 'Q': snprintf(buf, PERIOD_LABEL_MAX, "%d年%s季度", y, q[p.sub]); break;
  case 'M': snprintf(buf, PERIOD_LABEL_MAX, "%d年%d月", y, p.sub); break;
  case 'C': snprintf(buf, PERIOD_LABEL_MAX, "%d年1—%d月", y, p.sub); break;
  case 'E':
    if (p.sub == 12) snprintf(buf, PERIOD_LABEL_MAX, "%d年末", y);
    else snprintf(buf, PERIOD_LABEL_MAX, "%d年%d月末", y, p.sub);
    break;
  default: snprintf(buf, PERIOD_LABEL_MAX, "%d", y); break;
  }
  return buf;
}
