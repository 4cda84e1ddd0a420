/* test_model.c: the value model and the checker: exact arithmetic, rounding, units,
   periods, formulas and cycles, targets and execution, claims, imports. */
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "model/load.h"
#include "helpers.h"

/* A plan loaded from memory (no file is written), with everything it owns. */
typedef struct Loaded {
  LoadFiles *files;
  Loader *loader;
  Diags diags;
  Model *m;
} Loaded;

/* Load main.fp with the given text, and another file of the same folder when given. */
static Loaded *load_files(const char *main_text, const char *other_name, const char *other) {
  Loaded *l = calloc(1, sizeof *l);
  l->files = load_files_new(0);
  load_files_add(l->files, "plans/main.fp", main_text, strlen(main_text));
  if (other) {
    char path[256];
    snprintf(path, sizeof path, "plans/%s", other_name);
    load_files_add(l->files, path, other, strlen(other));
  }
  diag_init(&l->diags);
  LoadReader reader = load_files_reader(l->files);
  l->loader = load_new(&l->diags, &reader);
  l->m = load_plan(l->loader, "plans/main.fp");
  ck_assert_ptr_nonnull(l->m);
  return l;
}

static Loaded *load(const char *text) {
  return load_files(text, NULL, NULL);
}

static void loaded_free(Loaded *l) {
  diag_free(&l->diags);
  load_free(l->loader);
  load_files_free(l->files);
  free(l);
}

/* The number of diagnostics with this code. */
static int count_code(const Loaded *l, const char *code) {
  int n = 0;
  for (int i = 0; i < l->diags.n; i++) n += strcmp(l->diags.v[i].code, code) == 0;
  return n;
}

/* The first diagnostic with this code. */
static const Diag *find_code(const Loaded *l, const char *code) {
  for (int i = 0; i < l->diags.n; i++)
    if (strcmp(l->diags.v[i].code, code) == 0) return &l->diags.v[i];
  ck_abort_msg("no diagnostic %s", code);
  return NULL;
}

/* The exact text of an indicator's value at a period. */
static char *value_text(const Loaded *l, const char *id, const char *period) {
  Indicator *ind = model_indicator(l->m, id);
  ck_assert_ptr_nonnull(ind);
  Period p;
  ck_assert_int_eq(period_parse(period, &p), 0);
  Value *v = indicator_value(ind, p);
  ck_assert_ptr_nonnull(v);
  ck_assert(v->fig.known);
  return dec_exact(*v->fig.v);
}

#define ck_value(l, id, period, expected) do { \
    char *s_ = value_text(l, id, period); ck_assert_str_eq(s_, expected); free(s_); } while (0)

START_TEST(point_one_plus_point_two) {
  mpq_t a, b;
  mpq_inits(a, b, NULL);
  dec_parse(a, "0.1");
  dec_parse(b, "0.2");
  mpq_add(a, a, b);
  dec_parse(b, "0.3");
  ck_assert(mpq_equal(a, b));
  mpq_clears(a, b, NULL);
}
END_TEST

START_TEST(rounding_half_up) {
  mpq_t q;
  mpq_init(q);
  const char *cases[][3] = {{"2.675", "2", "2.68"}, {"2.665", "2", "2.67"}, {"-2.675", "2", "-2.68"},
                            {"0.5", "0", "1"},      {"1.005", "2", "1.01"}, {"6018.30025", "2", "6018.30"},
                            {"0.004", "2", "0.00"}, {"99.95", "1", "100.0"}, {"7842", "0", "7842"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ck_assert_int_eq(dec_parse(q, cases[i][0]), 0);
    char *s = dec_format(q, atoi(cases[i][1]));
    ck_assert_str_eq(s, cases[i][2]);
    free(s);
  }
  ck_assert_int_lt(dec_parse(q, "1.2.3"), 0);
  ck_assert_int_lt(dec_parse(q, "5."), 0);
  mpq_clear(q);
}
END_TEST

START_TEST(gdp_times_growth) {
  Loaded *l = load("year 2024\nbase 2023\nindicator gdp \"地区生产总值\" 亿元 decimals 2\n"
                   "  2023 actual 5704.55\n  2024 plan = gdp[2023] * (1 + 5.5%)\n");
  ck_assert_int_eq(l->diags.n, 0);
  ck_value(l, "gdp", "2024", "6018.30025");
  loaded_free(l);
}
END_TEST

START_TEST(unit_conversions) {
  Loaded *l = load("indicator 住房 \"保障性住房\" 套\n  2023 actual 1.5万套\n"
                   "indicator 收入 \"收入\" 亿元\n  2023 actual 0.12万亿元\n"
                   "indicator 面积 \"面积\" 平方米\n  2023 actual 44 公顷\n"
                   "indicator 比 \"比\" % = 收入 / 收入\n");
  ck_assert_int_eq(l->diags.n, 0);
  ck_value(l, "住房", "2023", "15000");
  ck_value(l, "收入", "2023", "1200");
  ck_value(l, "面积", "2023", "440000");
  ck_value(l, "比", "2023", "100");
  loaded_free(l);
}
END_TEST

START_TEST(unit_errors) {
  Loaded *l = load("indicator a \"甲\" 亿元\n  2023 actual 1\n"
                   "indicator b \"乙\" 家\n  2023 actual 2\n"
                   "indicator c \"丙\" 亿美元\n  2023 actual 3\n"
                   "claim 2023 a + b = 1\nclaim 2023 a + c = 1\n"
                   "indicator d \"丁\" 亿元\n  2023 actual 5 家\n"
                   "indicator e \"戊\" 吨公里\n");
  ck_assert_int_eq(count_code(l, "C004"), 2);
  ck_assert_str_eq(find_code(l, "C004")->msg, "cannot add 元 and 家");
  ck_assert_int_eq(count_code(l, "C005"), 1);
  ck_assert_int_eq(count_code(l, "C003"), 1);
  loaded_free(l);
}
END_TEST

START_TEST(percent_and_points) {
  Loaded *l = load("indicator r \"比率\" % decimals 1\n  2022 actual 50\n  2023 actual 52.5\n"
                   "indicator d \"变化\" 个百分点 decimals 1\n  2023 actual = r[2023] - r[2022]\n"
                   "target r 2024 expected 提高 2 个百分点\n"
                   "indicator x \"x\" 亿元\n  2023 actual 10\n"
                   "target x 2024 expected 提高 2 个百分点\n");
  ck_value(l, "d", "2023", "2.5");
  ck_assert_int_eq(count_code(l, "C005"), 1); /* points on an indicator in 亿元 */
  char *s = dec_exact(*l->m->targets[0]->implied.v);
  ck_assert_str_eq(s, "54.5");
  free(s);
  loaded_free(l);
}
END_TEST

START_TEST(declared_units) {
  Loaded *l = load("unit 亩 = 1 平方米\nunit 标准间\nunit 公顷\n"
                   "indicator a \"甲\" 万标准间\n  2023 actual 1.2\n");
  ck_assert_int_eq(count_code(l, "C002"), 2); /* 亩 and 公顷 are known already */
  ck_value(l, "a", "2023", "1.2");
  loaded_free(l);
}
END_TEST

START_TEST(periods_and_previous) {
  Loaded *l = load("indicator q \"季度\" 亿元\n  2023Q4 actual 10\n  2024Q1 actual 12\n"
                   "  2024Q2 plan = prev(q) * 2\n"
                   "indicator m \"月度\" 亿元 = cumsum(n)\nindicator n \"n\" 亿元\n"
                   "  2024M01 actual 1\n  2024M02 actual 2\n  2024M03 actual 3\n");
  ck_assert_int_eq(l->diags.n, 0);
  ck_value(l, "q", "2024Q2", "24");
  ck_value(l, "m", "2024M03", "6");
  Period p;
  ck_assert_int_eq(period_parse("2024Q1", &p), 0);
  char buf[12];
  ck_assert_str_eq(period_format(period_prev(p), buf), "2023Q4");
  ck_assert_int_lt(period_parse("2024Q5", &p), 0);
  loaded_free(l);
}
END_TEST

/* Each way a planner writes a period, its canonical form and its Chinese label. */
START_TEST(periods_as_planners_write_them) {
  static const char *const cases[][3] = {
      {"2024", "2024", "2024年"},           {"2024年", "2024", "2024年"},
      {"2024年全年", "2024", "2024年"},     {"2024C12", "2024C12", "2024年"},
      {"2024年1—12月", "2024C12", "2024年"}, {"2024年一季度", "2024Q1", "2024年一季度"},
      {"2024年第一季度", "2024Q1", "2024年一季度"}, {"2024年1—3月", "2024C03", "2024年一季度"},
      {"2024年上半年", "2024H1", "2024年上半年"}, {"2024年下半年", "2024H2", "2024年下半年"},
      {"2024年前三季度", "2024C09", "2024年1—9月"}, {"2024年1-9月", "2024C09", "2024年1—9月"},
      {"2024年1至11月", "2024C11", "2024年1—11月"}, {"2024年9月", "2024M09", "2024年9月"},
      {"2024年9月末", "2024E09", "2024年9月末"}, {"2024年三季度末", "2024E09", "2024年9月末"},
      {"2024年末", "2024E12", "2024年末"},   {"2024年年底", "2024E12", "2024年末"},
      {"2024e03", "2024E03", "2024年3月末"}, {"2024年十二月", "2024M12", "2024年12月"},
      {"2024M01", "2024M01", "2024年1月"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    Period p;
    char buf[12], label[PERIOD_LABEL_MAX];
    ck_assert_msg(period_parse(cases[i][0], &p) == 0, "%s", cases[i][0]);
    ck_assert_str_eq(period_format(p, buf), cases[i][1]);
    ck_assert_str_eq(period_label(p, label), cases[i][2]);
  }
  static const char *const bad[] = {"2024年五季度", "2024年13月", "2024年2—9月", "2024C13",
                                    "2024E00", "2024年前五季度", "2024年9月初", "2024X1"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
    Period p;
    ck_assert_msg(period_parse(bad[i], &p) < 0, "%s", bad[i]);
  }
}
END_TEST

/* One total order: by year, by the month a period ends, a span before a point, the shorter
   span first; periods over the same months are equal; 同比 and the previous period. */
START_TEST(periods_in_time_order) {
  static const char *const order[] = {"2023", "2023E12", "2024M01", "2024M03", "2024Q1",
                                      "2024E03", "2024H1", "2024E06", "2024M09", "2024Q3",
                                      "2024C09", "2024E09", "2024M12", "2024Q4", "2024H2",
                                      "2024", "2024E12", "2025C03"};
  size_t n = sizeof order / sizeof *order;
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < n; j++) {
      Period a, b;
      period_parse(order[i], &a);
      period_parse(order[j], &b);
      int c = period_cmp(a, b);
      ck_assert_msg((i < j && c < 0) || (i == j && c == 0) || (i > j && c > 0), "%s vs %s",
                    order[i], order[j]);
    }
  static const char *const same[][2] = {{"2024Q1", "2024C03"}, {"2024H1", "2024C06"},
                                        {"2024", "2024C12"}, {"2024M01", "2024C01"}};
  for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
    Period a, b;
    period_parse(same[i][0], &a);
    period_parse(same[i][1], &b);
    ck_assert_int_eq(period_cmp(a, b), 0);
  }
  Period p;
  char buf[12];
  period_parse("2024C09", &p);
  ck_assert_str_eq(period_format(period_yoy(p), buf), "2023C09");
  ck_assert_str_eq(period_format(period_prev(p), buf), "2023C09");
  period_parse("2024E01", &p);
  ck_assert_str_eq(period_format(period_prev(p), buf), "2023E12");
  ck_assert_str_eq(period_format(period_yoy(p), buf), "2023E01");
  period_parse("2024Q3", &p);
  ck_assert_str_eq(period_format(period_yoy(p), buf), "2023Q3");
  ck_assert_str_eq(period_format(period_back(p, 2, 1), buf), "2023Q1");
  ck_assert(period_sub_annual(p));
  period_parse("2024C12", &p);
  ck_assert(!period_sub_annual(p));
}
END_TEST

/* growth() of a sub-annual period is on the same period of last year; chain() on the one
   just before; the year is its 1—12月 cumulative. */
START_TEST(growth_same_period_last_year) {
  Loaded *l = load("indicator g \"GDP\" 亿元\n  2023年一季度 actual 100\n  2023年1—12月 actual 400\n"
                   "  2024年一季度 actual 105\n  2024年上半年 actual 220\n  2024 actual 440\n"
                   "indicator r \"增速\" % = growth(g)\nindicator c \"环比\" % = chain(g)\n"
                   "claim 2024Q1 growth(g) = 5%\nclaim 2024 growth(g) = 10%\n"
                   "claim 2024 growth(g)[2024Q1] = 5%\n");
  ck_assert_int_eq(l->diags.n, 0);
  ck_value(l, "r", "2024Q1", "5");
  ck_value(l, "r", "2024", "10");
  ck_value(l, "g", "2023C12", "400");
  loaded_free(l);
  l = load("indicator q \"季度\" 亿元\n  2024Q1 actual 100\n  2024Q2 actual 110\n"
           "claim 2024Q2 chain(q) = 10%\nclaim 2024Q2 growth(q) = 1%\n");
  ck_assert_str_eq(find_code(l, "C006")->msg, "'q' has no value for 2023Q2");
  ck_assert_str_eq(find_code(l, "N001")->msg,
                   "growth() compares with the same period of last year");
  loaded_free(l);
}
END_TEST

START_TEST(names_undefined_and_duplicate) {
  Loaded *l = load("indicator 地区生产总值 \"GDP\" 亿元\n  2023 actual 1\n"
                   "claim 2023 地区生产总 = 1\n"
                   "indicator 地区生产总值 \"again\" 亿元\n");
  ck_assert_str_eq(find_code(l, "C001")->msg,
                   "no indicator is called '地区生产总'; did you mean '地区生产总值'?");
  ck_assert_int_eq(count_code(l, "C002"), 1);
  ck_assert_int_eq(count_code(l, "N001"), 1);
  loaded_free(l);
}
END_TEST

START_TEST(period_without_value) {
  Loaded *l = load("indicator a \"甲\" 亿元\n  2023 actual 1\nclaim 2023 a[2021] = 1\n"
                   "indicator b \"乙\" \n  2023 actual \"完成市下达目标\"\nclaim 2023 b = 1\n");
  ck_assert_int_eq(count_code(l, "C006"), 2);
  ck_assert_str_eq(find_code(l, "C006")->msg, "'a' has no value for 2021");
  loaded_free(l);
}
END_TEST

START_TEST(cycle_names_every_member) {
  Loaded *l = load("indicator a \"甲\" 亿元\n  2024 plan = b + 1亿元\n"
                   "indicator b \"乙\" 亿元\n  2024 plan = c * 2\n"
                   "indicator c \"丙\" 亿元\n  2024 plan = a - 1亿元\n");
  ck_assert_int_eq(count_code(l, "C007"), 1);
  ck_assert_str_eq(find_code(l, "C007")->msg,
                   "formula cycle: a[2024] → b[2024] → c[2024] → a[2024]");
  ck_assert_int_eq(count_code(l, "N001"), 2);
  ck_assert_int_eq(l->diags.errors, 1); /* no cascade */
  loaded_free(l);
}
END_TEST

START_TEST(targets_imply_values) {
  Loaded *l = load("year 2024\nbase 2023\n"
                   "indicator gdp \"地区生产总值\" 亿元 decimals 2\n  2023 actual 5704.55\n"
                   "indicator trade \"进出口总额\" 亿元\n  2023 actual 7842\n"
                   "indicator land \"建设用地\"\n  2023 actual 下降4.0%左右\n"
                   "indicator n \"载体\" 家\n  2023 actual 360\n"
                   "target gdp 2024 预期性 增长 5.5% 左右 可比价\n"
                   "target trade 2024 预期性 持平\n"
                   "target land 2024 约束性 下降 3.5%\n"
                   "target n 2024 预期性 380—390 家\n"
                   "target gdp 2024 约束性 \"完成市下达目标\"\n");
  ck_assert_int_eq(l->diags.n, 0);
  Target **t = l->m->targets;
  char *s = dec_format(*t[0]->implied.v, 2);
  ck_assert_str_eq(s, "6018.30");
  free(s);
  ck_assert_int_eq(t[0]->implied.rel, REL_ABOUT);
  ck_assert_int_eq(t[0]->basis, BASIS_COMPARABLE);
  s = dec_exact(*t[1]->implied.v);
  ck_assert_str_eq(s, "7842");
  free(s);
  ck_assert(!t[2]->implied.known);
  ck_assert_int_eq(t[3]->implied.rel, REL_RANGE);
  ck_assert_int_eq(t[4]->v.status, EXEC_QUALITATIVE);
  loaded_free(l);
}
END_TEST

START_TEST(execution_met_and_not_met) {
  Loaded *l = load("year 2023\nbase 2022\n"
                   "indicator a \"甲\" 亿元\n  2022 actual 100\n  2023 actual 106\n"
                   "indicator b \"乙\" 亿元\n  2022 actual 100\n  2023 estimate 104\n"
                   "indicator c \"丙\"\n  2023 actual 下降 4.0%\n"
                   "target a 2023 expected 增长 5%\n"
                   "target b 2023 expected 增长 5%\n"
                   "target c 2023 binding 下降 3.5%\n");
  Target **t = l->m->targets;
  ck_assert_int_eq(t[0]->v.status, EXEC_MET);
  ck_assert_int_eq(t[1]->v.status, EXEC_NOT_MET);
  ck_assert_int_eq(t[2]->v.status, EXEC_MET);
  char *s = dec_format(*t[0]->v.completion, 4);
  ck_assert_str_eq(s, "1.0095"); /* 106 / 105 */
  free(s);
  loaded_free(l);
}
END_TEST

START_TEST(claims_match_mismatch_rounding) {
  Loaded *l = load("indicator 企业 \"企业\" 万户\n  2023 actual 41\n"
                   "indicator 主体 \"商事主体\" 万户 decimals 1\n  2023 actual 58.6\n"
                   "claim \"约七成\" 2023 企业 / 主体 = 70%\n"
                   "claim \"占比\" 2023 企业 / 主体 = 71%\n"
                   "claim \"错\" 2023 企业 / 主体 = 75%\n"
                   "claim \"超\" 2023 企业 / 主体 = 超 60%\n");
  Claim **c = l->m->claims;
  ck_assert_int_eq(c[0]->verdict, CLAIM_MATCH);
  ck_assert_int_eq(c[1]->verdict, CLAIM_ROUNDING);
  ck_assert_int_eq(c[2]->verdict, CLAIM_MISMATCH);
  ck_assert_int_eq(c[3]->verdict, CLAIM_MATCH);
  ck_assert_int_eq(count_code(l, "W002"), 1);
  ck_assert_int_eq(count_code(l, "W001"), 1);
  ck_assert_str_eq(find_code(l, "W002")->msg,
                   "claim '占比' states 71% but the figures give 69.97% (70% at the stated "
                   "precision); the rounding of its inputs can explain it (69.05% to 70.88%)");
  ck_assert_int_eq(l->diags.errors, 0);
  loaded_free(l);
}
END_TEST

START_TEST(growth_from_stated_change) {
  Loaded *l = load("indicator 客流 \"客流量\" 亿人次 decimals 1\n  2023 actual 2.4 同比增长 45%\n"
                   "claim 2023 growth(客流) = 45%\n");
  ck_assert_int_eq(l->diags.n, 0);
  ck_assert_int_eq(l->m->claims[0]->verdict, CLAIM_MATCH);
  loaded_free(l);
}
END_TEST

START_TEST(imports_values_and_execution) {
  Loaded *l = load_files("year 2024\nbase 2023\nimport \"p2023.fp\" as p2023\n"
                         "indicator gdp \"地区生产总值\" 亿元 decimals 2\n  2023 actual 5704.55\n"
                         "indicator g \"增速\" % decimals 1 = growth(gdp)\n"
                         "claim 2023 p2023.gdp[2022] = 5400\n",
                         "p2023.fp",
                         "year 2023\nbase 2022\n"
                         "indicator gdp \"地区生产总值\" 亿元 decimals 2\n  2022 actual 5400\n"
                         "target gdp 2023 expected 增长 6% 左右\n");
  ck_assert_int_eq(l->diags.n, 0);
  char *s = value_text(l, "g", "2023");
  ck_assert_str_eq(s, "6091/1080"); /* 5704.55 / 5400 − 1, as a percent */
  free(s);
  ck_assert_int_eq(l->m->nreviewed, 1);
  /* 5704.55 on 5400 is 5.64%: short of 6% 左右 by less than the 0.5-point band */
  ck_assert_int_eq(l->m->reviewed[0]->v.status, EXEC_PARTLY);
  ck_assert_int_eq(l->m->claims[0]->verdict, CLAIM_MATCH);
  loaded_free(l);
}
END_TEST

START_TEST(import_cycle_and_missing_file) {
  Loaded *l = load_files("import \"other.fp\"\nimport \"absent.fp\"\n", "other.fp",
                         "import \"main.fp\"\n");
  ck_assert_int_eq(count_code(l, "C013"), 1);
  ck_assert_int_eq(count_code(l, "C012"), 1);
  ck_assert_str_eq(find_code(l, "C012")->msg,
                   "cannot import 'absent.fp': No such file or directory");
  loaded_free(l);
}
END_TEST

START_TEST(header_checks) {
  Loaded *l = load("year 2024\nyear 2025\nbase 2024\nstatus 完成\n");
  ck_assert_int_eq(count_code(l, "C014"), 1);
  ck_assert_int_eq(count_code(l, "C015"), 2);
  loaded_free(l);
}
END_TEST

START_TEST(placeholders_fill_from_the_model) {
  Loaded *l = load("year 2023\nbase 2022\n"
                   "indicator 企业 \"企业\" 万户\n  2023 actual 41\n"
                   "indicator 主体 \"主体\" 万户 decimals 1\n  2022 actual 50\n  2023 actual 58.6\n"
                   "indicator 跨境 \"跨境电商\"\n  2023 actual 同比增长 10倍\n"
                   "indicator 客流 \"客流\" 亿人次 decimals 1\n  2023 actual 2.4 同比增长 45%\n"
                   "indicator 收入 \"收入\" 亿元 decimals 0\n  2023 actual 约208\n"
                   "claim 占比 \"企业占比\" 2023 企业 / 主体 = 71%\n"
                   "para\n| {主体}{占比}{跨境}{growth(客流)}{收入}{主体[2022]}\n");
  ck_assert_int_eq(l->diags.errors, 0);
  Filled **f = l->m->filled;
  ck_assert_int_eq(l->m->nfilled, 6);
  char *s = dec_exact(*f[0]->v); /* the latest period up to the plan year */
  ck_assert_str_eq(s, "58.6");
  free(s);
  ck_assert_ptr_nonnull(f[1]->claim);
  ck_assert_ptr_nonnull(f[2]->delta);
  ck_assert_str_eq(f[2]->delta->unit, "倍");
  s = dec_exact(*f[2]->delta->by.v); /* 10倍 is +1000% */
  ck_assert_str_eq(s, "1000");
  free(s);
  ck_assert_ptr_nonnull(f[3]->delta); /* no 2022 level: the stated change */
  ck_assert_int_eq(f[4]->rel, REL_ABOUT);
  s = dec_exact(*f[5]->v);
  ck_assert_str_eq(s, "50");
  free(s);
  loaded_free(l);
}
END_TEST

START_TEST(implied_value_of_an_approximate_base_is_approximate) {
  Loaded *l = load("indicator 收入 \"收入\" 亿元 decimals 0\n  2023 actual 约208\n"
                   "target 收入 2024 expected 增长 1.8%\n");
  ck_assert_int_eq(l->m->targets[0]->implied.rel, REL_ABOUT);
  char *s = dec_exact(*l->m->targets[0]->implied.v);
  ck_assert_str_eq(s, "211.744");
  free(s);
  loaded_free(l);
}
END_TEST

Suite *model_suite(void) {
  Suite *s = suite_create("model");
  TCase *tc = tcase_create("numbers");
  tcase_add_test(tc, point_one_plus_point_two);
  tcase_add_test(tc, rounding_half_up);
  tcase_add_test(tc, gdp_times_growth);
  suite_add_tcase(s, tc);
  TCase *tu = tcase_create("units and periods");
  tcase_add_test(tu, unit_conversions);
  tcase_add_test(tu, unit_errors);
  tcase_add_test(tu, percent_and_points);
  tcase_add_test(tu, declared_units);
  tcase_add_test(tu, periods_and_previous);
  tcase_add_test(tu, periods_as_planners_write_them);
  tcase_add_test(tu, periods_in_time_order);
  tcase_add_test(tu, growth_same_period_last_year);
  suite_add_tcase(s, tu);
  TCase *tk = tcase_create("checks");
  tcase_add_test(tk, names_undefined_and_duplicate);
  tcase_add_test(tk, period_without_value);
  tcase_add_test(tk, cycle_names_every_member);
  tcase_add_test(tk, header_checks);
  suite_add_tcase(s, tk);
  TCase *te = tcase_create("evaluation");
  tcase_add_test(te, targets_imply_values);
  tcase_add_test(te, execution_met_and_not_met);
  tcase_add_test(te, claims_match_mismatch_rounding);
  tcase_add_test(te, growth_from_stated_change);
  tcase_add_test(te, imports_values_and_execution);
  tcase_add_test(te, import_cycle_and_missing_file);
  tcase_add_test(te, placeholders_fill_from_the_model);
  tcase_add_test(te, implied_value_of_an_approximate_base_is_approximate);
  suite_add_tcase(s, te);
  return s;
}
