/* test_utf8.c: display widths as Chinese readers see them, and the narrow rule. */
#include <string.h>
#include <utf8proc.h>

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

/* utf8_decode agrees with utf8proc_iterate on every lead and second byte, each third and
   fourth byte at the edges of the ranges, and every length cut short. */
START_TEST(decode_agrees_with_utf8proc) {
  static const unsigned char edge[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0,
                                       0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF4, 0xF5, 0xFF};
  for (unsigned a = 0; a < 256; a++) /* a third byte matters after E0, a fourth after F0 */
    for (unsigned b = 0; b < 256; b++)
      for (size_t c = 0; c < (a >= 0xE0 ? sizeof edge : 1); c++)
        for (size_t d = 0; d < (a >= 0xF0 ? sizeof edge : 1); d++)
          for (size_t n = 1; n <= 4; n++) {
            unsigned char s[4] = {(unsigned char)a, (unsigned char)b, edge[c], edge[d]};
            utf8proc_int32_t want;
            utf8proc_ssize_t len = utf8proc_iterate(s, (utf8proc_ssize_t)n, &want);
            int32_t got;
            int k = utf8_decode((const char *)s, n, &got);
            int ok = len < 1 ? k == -1 : k == len && got == want;
            if (!ok) ck_abort_msg("%02x %02x %02x %02x (%zu): %d", a, b, edge[c], edge[d], n, k);
          }
}
END_TEST

/* Columns and the first invalid byte, across the eight-byte ASCII runs. */
START_TEST(cols_and_invalid_bytes) {
  const char *s = "indicator i_1 \"第1个指标\" 亿元";
  ck_assert_int_eq(utf8_cols(s, strlen(s)), 24);
  ck_assert_int_eq(utf8_cols("abcdefghij\xE4\xB8", 12), 12); /* a cut character: two */
  ck_assert_int_eq(utf8_cols("\xFF\xFE" "abcdefgh\xE4\xB8\xAD", 13), 11);
  ck_assert_int_eq(utf8_cols("abcdefgh\tij", 11), 11);
  ck_assert_uint_eq(utf8_invalid_at("abcdefghijklmnop中q\xC0\x80", 22), 20);
  ck_assert_uint_eq(utf8_invalid_at("abcdefghijklmnop中q", 20), 20);
  ck_assert_uint_eq(utf8_invalid_at("abc\xED\xA0\x80", 6), 3); /* a surrogate */
}
END_TEST

/* The clean prefix ends at the first control character (not tab, not newline) or invalid
   byte, wherever it falls in the eight-byte words: checked against a byte-at-a-time
   reference over every position of each bad byte in a run of text. */
START_TEST(clean_prefix_stops_at_controls_and_bad_bytes) {
  static const unsigned char bad[] = {0x00, 0x01, 0x08, 0x0B, 0x0D, 0x1F, 0x7F, 0x80, 0xC0, 0xFF};
  static const unsigned char good[] = {'\t', '\n', ' ', '~', 0x20};
  char s[40];
  for (size_t at = 0; at < 24; at++) {
    for (size_t b = 0; b < sizeof bad + sizeof good; b++) {
      memcpy(s, "abcdefgh中文ijklmnopqrstuvwxyz0123", 37);
      size_t n = 36;
      if (at >= 8 && at < 14) continue; /* inside 中文 */
      s[at] = (char)(b < sizeof bad ? bad[b] : good[b - sizeof bad]);
      size_t want = n;
      for (size_t i = 0; i < n && want == n;) {
        unsigned char c = (unsigned char)s[i];
        int32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len < 0 || (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) want = i;
        else i += (size_t)len;
      }
      ck_assert_msg(utf8_clean_prefix(s, n) == want, "byte %02x at %zu: %zu, not %zu",
                    (unsigned char)s[at], at, utf8_clean_prefix(s, n), want);
    }
  }
  ck_assert_uint_eq(utf8_clean_prefix("ab\tc\nd\xE4\xB8\xAD", 9), 9);
}
END_TEST

Suite *utf8_suite(void) {
  Suite *s = suite_create("utf8");
  TCase *tc = tcase_create("widths");
  tcase_add_test(tc, ambiguous_wide_by_default);
  tcase_add_test(tc, narrow_rule_on_request);
  tcase_add_test(tc, decode_agrees_with_utf8proc);
  tcase_add_test(tc, cols_and_invalid_bytes);
  tcase_add_test(tc, clean_prefix_stops_at_controls_and_bad_bytes);
  suite_add_tcase(s, tc);
  return s;
}
