/* test_diag.c: how diagnostics are printed: gcc's form, carets under CJK text, JSON. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

START_TEST(gcc_form_with_caret) {
  Parsed *p = parse_text("year @\n");
  char *out = diags_text(p);
  ck_assert_str_eq(out, "t.fp:1:6: error: unexpected character '@' [L003]\n"
                        "    1 | year @\n"
                        "      |      ^\n");
  free(out);
  parsed_free(p);
}
END_TEST

START_TEST(caret_lines_up_under_cjk) {
  /* "地区" takes six cells: the caret stands under the '@' after it */
  Parsed *p = parse_text("title \"地区\" @\n");
  char *out = diags_text(p);
  ck_assert_str_eq(out, "t.fp:1:12: error: unexpected character '@' [L003]\n"
                        "    1 | title \"地区\" @\n"
                        "      |              ^\n");
  free(out);
  parsed_free(p);
}
END_TEST

START_TEST(tilde_spans_wide_characters) {
  Parsed *p = parse_text("title “福”\n");
  char *out = diags_text(p);
  ck_assert_ptr_nonnull(strstr(out, "    1 | title “福”\n      |       ^"));
  free(out);
  parsed_free(p);
}
END_TEST

START_TEST(tabs_are_kept_in_the_caret_line) {
  Parsed *p = parse_text("\tyear @\n");
  char *out = diags_text(p);
  ck_assert_ptr_nonnull(strstr(out, "      | \t     ^\n"));
  free(out);
  parsed_free(p);
}
END_TEST

START_TEST(caret_at_end_of_line) {
  Parsed *p = parse_text("year\n");
  char *out = diags_text(p);
  ck_assert_str_eq(out, "t.fp:1:5: error: unexpected end of line; expected number [P001]\n"
                        "    1 | year\n"
                        "      |     ^\n");
  free(out);
  parsed_free(p);
}
END_TEST

START_TEST(json_diagnostics) {
  Parsed *p = parse_text("year \"x\n");
  char *buf = NULL;
  size_t n = 0;
  FILE *out = open_memstream(&buf, &n);
  diag_print_json(&p->diags, out);
  fclose(out);
  ck_assert_str_eq(buf, "[\n {\"file\": \"t.fp\", \"line\": 1, \"column\": 6, \"end_line\": 1, "
                        "\"end_column\": 8, \"severity\": \"error\", \"code\": \"L002\", "
                        "\"message\": \"string not closed with '\\\"' before the end of the "
                        "line\"}\n]\n");
  free(buf);
  parsed_free(p);
}
END_TEST

START_TEST(utf8_widths) {
  ck_assert_int_eq(utf8_width("地区GDP", strlen("地区GDP")), 7);
  ck_assert_int_eq(utf8_cols("地区GDP", strlen("地区GDP")), 5);
  ck_assert_int_eq(utf8_cols("a\xff", 2), 2);
  ck_assert_int_eq((int)utf8_invalid_at("ab\xe5\x90", 4), 2);
}
END_TEST

Suite *diag_suite(void) {
  Suite *s = suite_create("diag");
  TCase *tc = tcase_create("print");
  tcase_add_test(tc, gcc_form_with_caret);
  tcase_add_test(tc, caret_lines_up_under_cjk);
  tcase_add_test(tc, tilde_spans_wide_characters);
  tcase_add_test(tc, tabs_are_kept_in_the_caret_line);
  tcase_add_test(tc, caret_at_end_of_line);
  tcase_add_test(tc, json_diagnostics);
  tcase_add_test(tc, utf8_widths);
  suite_add_tcase(s, tc);
  return s;
}
