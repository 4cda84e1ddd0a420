/* test_lexer.c: the scanner: numbers and magnitudes, full-width forms, strings, comments,
   keywords, text lines, positions in characters, invalid UTF-8. */
#include <stdlib.h>
#include <string.h>

#include "helpers.h"

/* Assert that text scans to exactly the expected dump, with this many errors. */
#define ck_lex(text, expected, nerrors) do { \
    int errors_ = -1; \
    char *got_ = lex_text_dump(text, &errors_); \
    ck_assert_str_eq(got_, expected); \
    ck_assert_int_eq(errors_, nerrors); \
    free(got_); } while (0)

START_TEST(number_with_magnitude_unit) {
  ck_lex("1.5万套\n",
         "number 1.5 @1:1-1:4\n"
         "name 万套 @1:4-1:6\n"
         "end of line @1:6-2:1\n", 0);
}
END_TEST

START_TEST(fullwidth_digits_percent_parens) {
  ck_lex("（５．５％）",
         "'(' @1:1-1:2\n"
         "number 5.5 @1:2-1:5\n"
         "'%' @1:5-1:6\n"
         "')' @1:6-1:7\n"
         "end of line @1:7-1:7\n", 0);
}
END_TEST

START_TEST(fullwidth_identifier_is_normalised) {
  int e;
  char *a = lex_text_dump("ＧＤＰ", &e);
  ck_assert_ptr_nonnull(strstr(a, "name GDP @1:1-1:4"));
  free(a);
}
END_TEST

START_TEST(period_tokens) {
  ck_lex("2024Q1 2024M03",
         "period 2024Q1 @1:1-1:7\n"
         "period 2024M03 @1:8-1:15\n"
         "end of line @1:15-1:15\n", 0);
}
END_TEST

START_TEST(chinese_keywords_around_figures) {
  ck_lex("约208亿元 增长5.5%左右",
         "'about' 约 @1:1-1:2\n"
         "number 208 @1:2-1:5\n"
         "name 亿元 @1:5-1:7\n"
         "'up' 增长 @1:8-1:10\n"
         "number 5.5 @1:10-1:13\n"
         "'%' @1:13-1:14\n"
         "'左右' 左右 @1:14-1:16\n"
         "end of line @1:16-1:16\n", 0);
}
END_TEST

START_TEST(unit_then_relation_word_is_split) {
  ck_lex("6000套以上",
         "number 6000 @1:1-1:5\n"
         "name 套 @1:5-1:6\n"
         "'以上' 以上 @1:6-1:8\n"
         "end of line @1:8-1:8\n", 0);
}
END_TEST

START_TEST(relation_word_kept_in_a_name) {
  /* not after a number: a name may end in 以上 */
  ck_lex("规模以上", "name 规模以上 @1:1-1:5\nend of line @1:5-1:5\n", 0);
}
END_TEST

START_TEST(yoy_growth_splits) {
  ck_lex("同比增长45%",
         "'yoy' 同比 @1:1-1:3\n"
         "'up' 增长 @1:3-1:5\n"
         "number 45 @1:5-1:7\n"
         "'%' @1:7-1:8\n"
         "end of line @1:8-1:8\n", 0);
}
END_TEST

START_TEST(range_dash) {
  ck_lex("1—2个",
         "number 1 @1:1-1:2\n"
         "range separator — @1:2-1:3\n"
         "number 2 @1:3-1:4\n"
         "name 个 @1:4-1:5\n"
         "end of line @1:5-1:5\n", 0);
}
END_TEST

START_TEST(string_with_escapes) {
  ck_lex("\"a\\\"b\\\\c（草案）\"",
         "string a\"b\\c（草案） @1:1-1:14\n"
         "end of line @1:14-1:14\n", 0);
}
END_TEST

START_TEST(unterminated_string_is_one_error) {
  ck_lex("title \"abc\nyear 2024\n",
         "'title' title @1:1-1:6\n"
         "string abc @1:7-1:11\n"
         "end of line @1:11-2:1\n"
         "'year' year @2:1-2:5\n"
         "number 2024 @2:6-2:10\n"
         "end of line @2:10-3:1\n", 1);
}
END_TEST

START_TEST(unknown_escape) {
  int e;
  free(lex_text_dump("\"a\\qb\"", &e));
  ck_assert_int_eq(e, 1);
}
END_TEST

START_TEST(comments_are_not_tokens) {
  ck_lex("# 注释\nyear 2024 # 尾注\n",
         "'year' year @2:1-2:5\n"
         "number 2024 @2:6-2:10\n"
         "end of line @2:15-3:1\n", 0);
}
END_TEST

START_TEST(comments_are_kept_in_the_tree) {
  Parsed *p = parse_text("# 注释\nyear 2024 # 尾注\n");
  Comment *c = p->plan->comments;
  ck_assert_ptr_nonnull(c);
  ck_assert_str_eq(c->text.text, " 注释");
  ck_assert_int_eq(c->own_line, 1);
  ck_assert_ptr_nonnull(c->next);
  ck_assert_str_eq(c->next->text.text, " 尾注");
  ck_assert_int_eq(c->next->own_line, 0);
  ck_assert_int_eq(c->next->text.loc.first_column, 11);
  parsed_free(p);
}
END_TEST

START_TEST(invalid_utf8_byte) {
  ck_lex("a \xff b",
         "name a @1:1-1:2\n"
         "name b @1:5-1:6\n"
         "end of line @1:6-1:6\n", 1);
}
END_TEST

START_TEST(invalid_utf8_inside_string_has_its_column) {
  Parsed *p = parse_text("title \"福田\xc3(\"\n");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].code, "L001");
  ck_assert_int_eq(p->diags.v[0].loc.first_column, 10);
  parsed_free(p);
}
END_TEST

START_TEST(truncated_sequence_is_one_error) {
  int e;
  free(lex_text_dump("名\xe5\x90", &e));
  ck_assert_int_eq(e, 1);
  Parsed *p = parse_text("# 名\xe5\x90");
  ck_assert_int_eq(p->diags.errors, 1);
  ck_assert_str_eq(p->diags.v[0].msg, "invalid UTF-8 bytes 0xe5 0x90");
  ck_assert_int_eq(p->diags.v[0].loc.first_column, 4);
  parsed_free(p);
}
END_TEST

START_TEST(byte_order_mark_is_skipped) {
  ck_lex("\xef\xbb\xbfyear 2024",
         "'year' year @1:1-1:5\n"
         "number 2024 @1:6-1:10\n"
         "end of line @1:10-1:10\n", 0);
}
END_TEST

START_TEST(text_line_with_placeholders) {
  ck_lex("| 达{x[2023]}，{{括号}}\n",
         "'|' | @1:1-1:3\n"
         "text 达 @1:3-1:4\n"
         "'{' @1:4-1:5\n"
         "name x @1:5-1:6\n"
         "'[' @1:6-1:7\n"
         "number 2023 @1:7-1:11\n"
         "']' @1:11-1:12\n"
         "'}' @1:12-1:13\n"
         "text ， @1:13-1:14\n"
         "text { @1:14-1:16\n"
         "text 括号 @1:16-1:18\n"
         "text } @1:18-1:20\n"
         "end of line @1:20-2:1\n", 0);
}
END_TEST

START_TEST(text_line_keeps_hash_and_quotes) {
  ck_lex("| “十大”#1\n", "'|' | @1:1-1:3\ntext “十大”#1 @1:3-1:9\nend of line @1:9-2:1\n", 0);
}
END_TEST

START_TEST(unclosed_placeholder) {
  int e;
  free(lex_text_dump("| a{x\nyear 2024\n", &e));
  ck_assert_int_eq(e, 1);
}
END_TEST

START_TEST(stray_punctuation_is_one_error) {
  ck_lex("@@@ x", "name x @1:5-1:6\nend of line @1:6-1:6\n", 1);
}
END_TEST

START_TEST(unexpected_unicode_punctuation) {
  ck_lex("‘x", "name x @1:2-1:3\nend of line @1:3-1:3\n", 1);
}
END_TEST

START_TEST(chinese_quotes_are_one_error_and_a_string) {
  ck_lex("“示例” x", "string 示例 @1:1-1:5\nname x @1:6-1:7\nend of line @1:7-1:7\n", 1);
}
END_TEST

START_TEST(nul_in_string_is_an_error) {
  Source *src = source_from_string("t.fp", "title \"a\0b\"\n", 12);
  Arena *arena = arena_new();
  Diags diags;
  diag_init(&diags);
  front_count_tokens(src, arena, names_new(arena), &diags);
  ck_assert_int_eq(diags.errors, 1);
  ck_assert_str_eq(diags.v[0].code, "L004");
  diag_free(&diags);
  arena_free(arena);
  source_free(src);
}
END_TEST

START_TEST(crlf_and_cr_end_lines) {
  ck_lex("x\r\ny\rz", "name x @1:1-1:2\nend of line @1:2-2:1\nname y @2:1-2:2\n"
                       "end of line @2:2-3:1\nname z @3:1-3:2\nend of line @3:2-3:2\n", 0);
}
END_TEST

START_TEST(number_too_long) {
  char s[5000];
  memset(s, '7', 4097);
  s[4097] = '\0';
  int e;
  free(lex_text_dump(s, &e));
  ck_assert_int_eq(e, 1);
}
END_TEST

START_TEST(control_character) {
  int e;
  free(lex_text_dump("x\x01y", &e));
  ck_assert_int_eq(e, 1);
}
END_TEST

START_TEST(mixed_ascii_and_cjk_name) {
  ck_lex("万元GDP建设用地 c1",
         "name 万元GDP建设用地 @1:1-1:10\n"
         "name c1 @1:11-1:13\n"
         "end of line @1:13-1:13\n", 0);
}
END_TEST

START_TEST(fullwidth_space_and_comma) {
  ck_lex("a　b，c",
         "name a @1:1-1:2\n"
         "name b @1:3-1:4\n"
         "',' @1:4-1:5\n"
         "name c @1:5-1:6\n"
         "end of line @1:6-1:6\n", 0);
}
END_TEST

START_TEST(nul_byte_does_not_stop_the_scan) {
  Source *src = source_from_string("t.fp", "year 2024\0", 10);
  Arena *arena = arena_new();
  Names *names = names_new(arena);
  Diags d;
  diag_init(&d);
  Plan *plan = front_parse(src, arena, names, &d);
  ck_assert_ptr_nonnull(plan);
  ck_assert_int_ge(d.errors, 1);
  ck_assert_str_eq(d.v[0].code, "L004");
  diag_free(&d);
  arena_free(arena);
  source_free(src);
}
END_TEST

/* Names that differ in one byte, at each place of keys from one to twenty bytes, are
   different names; each is found again as the same pointer (the table compares short keys
   in whole words, long ones by memcmp). */
START_TEST(names_differing_in_one_byte) {
  Arena *arena = arena_new();
  Names *names = names_new(arena);
  const char *seen[21][21] = {{0}};
  char key[21];
  for (int pass = 0; pass < 2; pass++)
    for (size_t n = 1; n <= 20; n++)
      for (size_t at = 0; at <= n; at++) { /* at == n: the key unchanged */
        memset(key, 'a', n);
        if (at < n) key[at] = 'b';
        const char *r = names_intern(names, key, n);
        ck_assert(strlen(r) == n && memcmp(r, key, n) == 0);
        if (pass == 0) {
          for (size_t other = 0; other < at; other++) ck_assert_ptr_ne(r, seen[n][other]);
          seen[n][at] = r;
        } else {
          ck_assert_ptr_eq(r, seen[n][at]);
        }
      }
  arena_free(arena);
}
END_TEST

Suite *lexer_suite(void) {
  Suite *s = suite_create("lexer");
  TCase *tc = tcase_create("tokens");
  tcase_add_test(tc, number_with_magnitude_unit);
  tcase_add_test(tc, names_differing_in_one_byte);
  tcase_add_test(tc, fullwidth_digits_percent_parens);
  tcase_add_test(tc, fullwidth_identifier_is_normalised);
  tcase_add_test(tc, period_tokens);
  tcase_add_test(tc, chinese_keywords_around_figures);
  tcase_add_test(tc, unit_then_relation_word_is_split);
  tcase_add_test(tc, relation_word_kept_in_a_name);
  tcase_add_test(tc, yoy_growth_splits);
  tcase_add_test(tc, range_dash);
  tcase_add_test(tc, string_with_escapes);
  tcase_add_test(tc, unterminated_string_is_one_error);
  tcase_add_test(tc, unknown_escape);
  tcase_add_test(tc, comments_are_not_tokens);
  tcase_add_test(tc, comments_are_kept_in_the_tree);
  tcase_add_test(tc, invalid_utf8_byte);
  tcase_add_test(tc, invalid_utf8_inside_string_has_its_column);
  tcase_add_test(tc, truncated_sequence_is_one_error);
  tcase_add_test(tc, byte_order_mark_is_skipped);
  tcase_add_test(tc, text_line_with_placeholders);
  tcase_add_test(tc, text_line_keeps_hash_and_quotes);
  tcase_add_test(tc, unclosed_placeholder);
  tcase_add_test(tc, stray_punctuation_is_one_error);
  tcase_add_test(tc, unexpected_unicode_punctuation);
  tcase_add_test(tc, chinese_quotes_are_one_error_and_a_string);
  tcase_add_test(tc, nul_in_string_is_an_error);
  tcase_add_test(tc, crlf_and_cr_end_lines);
  tcase_add_test(tc, number_too_long);
  tcase_add_test(tc, control_character);
  tcase_add_test(tc, mixed_ascii_and_cjk_name);
  tcase_add_test(tc, fullwidth_space_and_comma);
  tcase_add_test(tc, nul_byte_does_not_stop_the_scan);
  suite_add_tcase(s, tc);
  return s;
}
