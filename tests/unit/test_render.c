/* test_render.c: figures, changes and dates in the report's words. */
#include <stdlib.h>
#include <string.h>

#include "runtime/decimal.h"
#include "emit/render.h"
#include "helpers.h"

#define ck_render(expr, expected) do { \
    char *s_ = (expr); ck_assert_str_eq(s_, expected); free(s_); } while (0)

START_TEST(chinese_numbers_and_dates) {
  char buf[16];
  ck_assert_str_eq(render_chinese_number(1, buf), "一");
  ck_assert_str_eq(render_chinese_number(10, buf), "十");
  ck_assert_str_eq(render_chinese_number(12, buf), "十二");
  ck_assert_str_eq(render_chinese_number(20, buf), "二十");
  ck_assert_str_eq(render_chinese_number(22, buf), "二十二");
  ck_render(render_chinese_date("2024-01"), "二〇二四年一月");
  ck_render(render_chinese_date("2023-12-31"), "二〇二三年十二月三十一日");
  ck_render(render_chinese_date("二〇二四年一月"), "二〇二四年一月");
}
END_TEST

START_TEST(figures_in_the_authors_words) {
  mpq_t v, hi;
  mpq_inits(v, hi, NULL);
  dec_parse(v, "1300");
  Figure f = {.known = 1, .rel = REL_OVER, .v = &v, .hi = &hi, .places = 0, .prefix = "超"};
  ck_render(render_figure(&f, "亿元", -1), "超1300亿元");
  dec_parse(v, "6018.30025");
  f = (Figure){.known = 1, .rel = REL_ABOUT, .v = &v, .hi = &hi, .places = 5};
  ck_render(render_figure(&f, "亿元", 2), "6018.30亿元");
  dec_parse(v, "1");
  dec_parse(hi, "2");
  f = (Figure){.known = 1, .rel = REL_RANGE, .v = &v, .hi = &hi};
  ck_render(render_figure(&f, "个", -1), "1—2个");
  dec_parse(v, "6000");
  f = (Figure){.known = 1, .rel = REL_ATLEAST, .v = &v, .hi = &hi, .suffix = "以上"};
  ck_render(render_figure(&f, "套", -1), "6000套以上");
  dec_parse(v, "5.5");
  Delta d = {.present = 1, .dir = CHG_UP, .word = "增长", .unit = "%", .as_written = "5.5",
             .by = {.known = 1, .rel = REL_ABOUT, .v = &v, .hi = &hi, .places = 1,
                    .suffix = "左右"}};
  ck_render(render_delta(&d, 1), "增长5.5%左右");
  ck_render(render_delta(&d, 0), "5.5%左右");
  d = (Delta){.present = 1, .dir = CHG_FLAT, .word = "持平"};
  ck_render(render_delta(&d, 1), "持平");
  mpq_clears(v, hi, NULL);
}
END_TEST

/* Written figures keep their own magnitude and places; computed ones get the display
   places, and counts none; a decline reads 下降; English spellings print in Chinese. */
START_TEST(figures_as_written_and_signed_changes) {
  mpq_t v, hi;
  mpq_inits(v, hi, NULL);
  dec_parse(v, "13000");
  Figure f = {.known = 1, .rel = REL_EXACT, .v = &v, .hi = &hi, .places = 0, .text = "1.3",
              .unit_text = "万亿斤"};
  ck_render(render_figure(&f, "亿斤", 2), "1.3万亿斤");
  ck_render(render_figure(&f, NULL, 2), "13000"); /* in a table's column unit */
  dec_parse(v, "400");
  f = (Figure){.known = 1, .rel = REL_EXACT, .v = &v, .hi = &hi, .places = 0, .text = "400"};
  ck_render(render_figure(&f, "亿元", 2), "400亿元");
  dec_parse(v, "283");
  f = (Figure){.known = 1, .rel = REL_EXACT, .v = &v, .hi = &hi, .places = 2};
  ck_render(render_figure(&f, "家", -1), "283家");
  ck_render(render_figure(&f, "万家", -1), "283.00万家");
  ck_render(render_figure(&f, "家", 1), "283.0家");
  f.prefix = "about";
  f.rel = REL_ABOUT;
  ck_render(render_figure(&f, "家", -1), "约283家");
  dec_parse(v, "2.0");
  Delta d = {.present = 1, .dir = CHG_DOWN, .word = "下降", .unit = "%", .as_written = "2.0",
             .by = {.known = 1, .rel = REL_ABOUT, .v = &v, .hi = &hi, .places = 1,
                    .suffix = "左右"}};
  ck_render(render_delta(&d, 1), "下降2.0%左右");
  ck_render(render_delta(&d, 0), "下降2.0%左右");
  d.dir = CHG_UP;
  d.word = "增长";
  d.as_written = "-2.0";
  ck_render(render_delta(&d, 1), "增长-2.0%左右");
  ck_render(render_delta(&d, 0), "-2.0%左右");
  d.word = "up";
  d.as_written = "2.0";
  ck_render(render_delta(&d, 1), "增长2.0%左右");
  d = (Delta){.present = 1, .dir = CHG_NEGATIVE, .word = "negative"};
  ck_render(render_delta(&d, 1), "负增长");
  ck_render(render_delta(&d, 0), "负增长");
  ck_assert_int_eq(render_places("套", -1, 2), 0);
  ck_assert_int_eq(render_places("万套", -1, 2), 2);
  ck_assert_int_eq(render_places("套", 1, 2), 1);
  mpq_clears(v, hi, NULL);
}
END_TEST

Suite *render_suite(void) {
  Suite *s = suite_create("render");
  TCase *tc = tcase_create("words");
  tcase_add_test(tc, chinese_numbers_and_dates);
  tcase_add_test(tc, figures_in_the_authors_words);
  tcase_add_test(tc, figures_as_written_and_signed_changes);
  suite_add_tcase(s, tc);
  return s;
}
