/* test_suggest.c: "did you mean" (the distance, the nearness rule, units), the escaping of
   messages and the bounds on diagnostics (the error limit, one error per line). */
#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"
#include "model/load.h"
#include "helpers.h"

START_TEST(distance_counts_a_transposition_once) {
  ck_assert_int_eq(diag_distance("gpd", "gdp"), 1);
  ck_assert_int_eq(diag_distance("taregt", "target"), 1);
  ck_assert_int_eq(diag_distance("社灵", "社零"), 1);
  ck_assert_int_eq(diag_distance("亿元元", "亿元"), 1);
  ck_assert_int_eq(diag_distance("", "abc"), 3);
}
END_TEST

START_TEST(nearness_is_scaled_for_short_names) {
  ck_assert(diag_similar("社灵", "社零"));   /* two Chinese characters: one edit */
  ck_assert(diag_similar("gpd", "gdp"));
  ck_assert(diag_similar("亿", "亿元"));     /* cut short */
  ck_assert(diag_similar("亿元元", "亿元")); /* run on */
  ck_assert(diag_similar("忆元", "亿元"));   /* an input-method homophone */
  ck_assert(!diag_similar("水耗", "社零"));  /* nothing in common */
  ck_assert(!diag_similar("gdp", "gdp"));    /* the same name is no suggestion */
  ck_assert(!diag_similar("ab", "xy"));
  ck_assert(diag_similar("indicater", "indicator"));
  const char *cands[] = {"target", "task", NULL, "title"};
  ck_assert_str_eq(diag_nearest("taregt", cands, 4), "target");
  ck_assert_ptr_null(diag_nearest("zzzzzz", cands, 4));
}
END_TEST

START_TEST(units_suggested_for_misspellings) {
  LoadFiles *files = load_files_new(0);
  const char *text = "indicator a \"甲\" 亿元\n  2023 actual 1\nindicator b \"乙\" 万人\n";
  load_files_add(files, "u.fp", text, strlen(text));
  Diags d;
  diag_init(&d);
  LoadReader r = load_files_reader(files);
  Loader *L = load_new(&d, &r);
  Model *m = load_plan(L, "u.fp");
  ck_assert_ptr_nonnull(m);
  ck_assert_str_eq(model_suggest_unit(m, "亿元元"), "亿元");
  ck_assert_str_eq(model_suggest_unit(m, "忆元"), "亿元");
  ck_assert_str_eq(model_suggest_unit(m, "亿"), "亿元");
  ck_assert_str_eq(model_suggest_unit(m, "万仁"), "万人");
  ck_assert_ptr_null(model_suggest_unit(m, "光年光年光年"));
  diag_free(&d);
  load_free(L);
  load_files_free(files);
}
END_TEST

START_TEST(messages_are_escaped) {
  char *s = diag_escape("a\nb\x1b[31m\xff\xe2\x80\xae", 12);
  ck_assert_str_eq(s, "a<0a>b<1b>[31m<ff><U+202E>");
  mem_free(s);
  Diags d;
  diag_init(&d);
  diag_report(&d, DIAG_ERROR, "X001", NULL, (Loc){0}, "bad '%s'", "x\n::error::y");
  ck_assert_str_eq(d.v[0].msg, "bad 'x<0a>::error::y'");
  diag_free(&d);
}
END_TEST

START_TEST(error_limit_and_one_error_per_line) {
  Parsed *p = parse_text("indicator\nindicator\nindicator\n");
  ck_assert_int_eq(p->diags.errors, 3);
  parsed_free(p);
  Diags d;
  diag_init(&d);
  diag_set_limit(&d, 2);
  Source *src = source_from_string("t.fp", "x\ny\nz\nw\n", 8);
  for (int line = 1; line <= 4; line++) {
    diag_report(&d, DIAG_ERROR, "X001", src, (Loc){line, 1, line, 2}, "first");
    diag_report(&d, DIAG_NOTE, "N001", src, (Loc){line, 1, line, 2}, "its note");
    diag_report(&d, DIAG_ERROR, "X002", src, (Loc){line, 1, line, 2}, "second, same line");
    diag_report(&d, DIAG_NOTE, "N001", src, (Loc){line, 1, line, 2}, "the dropped one's note");
  }
  ck_assert_int_eq(d.errors, 2);
  ck_assert_int_eq(d.n, 4); /* two errors, each with its note */
  ck_assert_int_eq(d.dropped_errors, 4); /* lines 3 and 4: both of their errors */
  ck_assert(diag_stopped(&d));
  diag_free(&d);
  source_free(src);
}
END_TEST

Suite *suggest_suite(void) {
  Suite *s = suite_create("suggest");
  TCase *tc = tcase_create("suggest");
  tcase_add_test(tc, distance_counts_a_transposition_once);
  tcase_add_test(tc, nearness_is_scaled_for_short_names);
  tcase_add_test(tc, units_suggested_for_misspellings);
  tcase_add_test(tc, messages_are_escaped);
  tcase_add_test(tc, error_limit_and_one_error_per_line);
  suite_add_tcase(s, tc);
  return s;
}
