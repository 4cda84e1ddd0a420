/* test_csv.c: the CSV back end on a plan from memory: fields quoted as RFC 4180 has it,
   numbers apart from their words, the series in long form, the series file's name. */
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"
#include "model/load.h"
#include "emit/csv.h"
#include "helpers.h"

static const char plan[] =
    "year 2024\nbase 2023\n"
    "indicator gdp \"地区生产总值,现价\" 亿元 decimals 2\n"
    "  2023 estimate 5704.55\n"
    "indicator 水耗 \"万元GDP水耗\"\n"
    "  2023 estimate \"完成\\\"市\\\"下达目标\"\n"
    "target gdp 2024 预期性 增长 5.5% 左右 可比价\n"
    "target 水耗 2024 约束性 下降 3.5%\n";

START_TEST(quoted_and_numeric) {
  LoadFiles *files = load_files_new(0);
  load_files_add(files, "t.fp", plan, strlen(plan));
  LoadReader r = load_files_reader(files);
  Diags diags;
  diag_init(&diags);
  Loader *L = load_new(&diags, &r);
  Model *m = load_plan(L, "t.fp");
  ck_assert_ptr_nonnull(m);
  char *main_csv = csv_main(m), *series = csv_series(m);
  ck_assert(strncmp(main_csv, "\xEF\xBB\xBF指标,单位,2023年,", 24) == 0);
  /* the comma in the name quotes it; the figure and its words in their own columns */
  ck_assert_ptr_nonnull(strstr(main_csv, "\r\n\"地区生产总值,现价\",亿元,5704.55,预计,5704.55亿元,"
                                         "增长5.5%左右,5.5,%,6018.30,约,可比价,预期性\r\n"));
  ck_assert_ptr_nonnull(strstr(main_csv, ",下降3.5%,-3.5,%,,,,约束性\r\n"));
  ck_assert_ptr_nonnull(strstr(series, "\r\n\"地区生产总值,现价\",gdp,亿元,,2023年,预计,5704.55,"));
  ck_assert_int_eq(diags.errors, 0);
  /* a quote inside a field is doubled */
  ck_assert_ptr_nonnull(strstr(series, ",预计,,\"完成\"\"市\"\"下达目标\"\r\n"));
  mem_free(main_csv);
  mem_free(series);
  load_free(L);
  load_files_free(files);
  diag_free(&diags);
}
END_TEST

START_TEST(series_path) {
  char *p = csv_series_path("plans/plan2024.csv");
  ck_assert_str_eq(p, "plans/plan2024-series.csv");
  mem_free(p);
}
END_TEST

Suite *csv_suite(void) {
  Suite *s = suite_create("csv");
  TCase *tc = tcase_create("csv");
  tcase_add_test(tc, quoted_and_numeric);
  tcase_add_test(tc, series_path);
  suite_add_tcase(s, tc);
  return s;
}
