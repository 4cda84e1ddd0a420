/* test_lsppos.c: the language server's columns: plc's character columns against the
   protocol's UTF-16 code units, after ASCII, CJK, characters outside the BMP and invalid
   bytes; file: URIs both ways. */
#include <string.h>

#include "runtime/mem.h"
#include "cmd/lsppos.h"
#include "helpers.h"

/* Column (1-based characters) ↔ UTF-16 offset on one line. */
static void both(const char *line, int col, int u16) {
  size_t n = strlen(line);
  ck_assert_int_eq(lsppos_utf16(line, n, col), u16);
  ck_assert_int_eq(lsppos_column(line, n, u16), col);
}

START_TEST(ascii) {
  both("gdp 2024", 1, 0);
  both("gdp 2024", 5, 4);
  both("gdp 2024", 9, 8); /* just past the end */
}
END_TEST

START_TEST(cjk) {
  /* 地区生产总值 is six characters in the Basic Multilingual Plane: one unit each */
  both("  | 地区生产总值{gdp}", 5, 4);
  both("  | 地区生产总值{gdp}", 11, 10);
  both("  | 地区生产总值{gdp}", 12, 11);
}
END_TEST

START_TEST(outside_bmp) {
  /* 𠮷 (U+20BB7) is one column and two UTF-16 units */
  both("𠮷野家{gdp}", 1, 0);
  both("𠮷野家{gdp}", 2, 2);
  both("𠮷野家{gdp}", 5, 5);
  both("a😀b", 3, 3);
  /* an offset inside the surrogate pair is the character's column */
  ck_assert_int_eq(lsppos_column("a😀b", strlen("a😀b"), 2), 2);
}
END_TEST

START_TEST(invalid_bytes_and_past_the_end) {
  both("a\xff" "b", 3, 2); /* an invalid byte: one column, one unit */
  ck_assert_int_eq(lsppos_utf16("ab", 2, 6), 5);
  ck_assert_int_eq(lsppos_column("ab", 2, 5), 6);
  ck_assert_int_eq(lsppos_utf16("", 0, 1), 0);
}
END_TEST

START_TEST(uris) {
  char *p = lsppos_uri_path("file:///tmp/a%20b/%E8%AE%A1%E5%88%92.fp");
  ck_assert_str_eq(p, "/tmp/a b/计划.fp");
  mem_free(p);
  p = lsppos_path_uri("/tmp/a b/计划.fp");
  ck_assert_str_eq(p, "file:///tmp/a%20b/%E8%AE%A1%E5%88%92.fp");
  mem_free(p);
  ck_assert_ptr_null(lsppos_uri_path("untitled:Untitled-1"));
  p = lsppos_normalize("/a/./b/../c.fp");
  ck_assert_str_eq(p, "/a/c.fp");
  mem_free(p);
}
END_TEST

Suite *lsppos_suite(void) {
  Suite *s = suite_create("lsppos");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, ascii);
  tcase_add_test(tc, cjk);
  tcase_add_test(tc, outside_bmp);
  tcase_add_test(tc, invalid_bytes_and_past_the_end);
  tcase_add_test(tc, uris);
  suite_add_tcase(s, tc);
  return s;
}
