/* test_utf8.c: display widths as Chinese readers see them, and the narrow rule. */
#include <string.h>

#include "helpers.h"

#define W(s) utf8_width(s, strlen(s))

START_TEST(ambiguous_wide_by_default) {
  ck_assert_int_eq(W("“总部+基地”"), 13);           /* “ ” two columns each */
  ck_assert_int_eq(W("——…·"), 8);
  ck_assert_int_eq(W("①×°"), 6);
  ck_assert_int_eq(W("地区GDP"), 7);                 /* wide and narrow as before */
  ck_assert_int_eq(W("ａ１"), 4);                     /* fullwidth */
  ck_assert_int_eq(W("e\xCC\x81"), 1);               /* a combining mark stays zero */
  ck_assert_int_eq(utf8_char_width(0x2014), 2);
  ck_assert_int_eq(utf8_char_width(0xE000), 2);      /* private use is ambiguous */
  ck_assert_int_eq(utf8_char_width(0x2015), 2);
  ck_assert_int_eq(utf8_char_width(0x2012), 1);      /* figure dash: not ambiguous */
  ck_assert_int_eq(utf8_char_width('A'), 1);
}
END_TEST

START_TEST(narrow_rule_on_request) {
  utf8_set_ambiguous_wide(0);
  ck_assert_int_eq(W("“总部+基地”"), 11);
  ck_assert_int_eq(W("——…·"), 4);
  ck_assert_int_eq(W("地区GDP"), 7);
  utf8_set_ambiguous_wide(1);
  ck_assert_int_eq(W("——"), 4);
}
END_TEST

Suite *utf8_suite(void) {
  Suite *s = suite_create("utf8");
  TCase *tc = tcase_create("widths");
  tcase_add_test(tc, ambiguous_wide_by_default);
  tcase_add_test(tc, narrow_rule_on_request);
  suite_add_tcase(s, tc);
  return s;
}
