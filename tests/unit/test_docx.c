/* test_docx.c: the Word sink driven by hand: the package it zips, its XML escaped, its
   page and fonts as GB/T 9704 sets them, a failed write reported with no file left. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "emit/docx.h"
#include "helpers.h"

/* The text of one part of the zip at path (free it), or NULL. */
static char *zip_part(const char *path, const char *name) {
  int ze;
  zip_t *za = zip_open(path, ZIP_RDONLY, &ze);
  if (!za) return NULL;
  zip_stat_t st;
  char *text = NULL;
  if (zip_stat(za, name, 0, &st) == 0) {
    zip_file_t *f = zip_fopen(za, name, 0);
    text = calloc(1, st.size + 1);
    if (f && zip_fread(f, text, st.size) != (zip_int64_t)st.size) text[0] = '\0';
    if (f) zip_fclose(f);
  }
  zip_close(za);
  return text;
}

/* A small report written through the sink into dir/t.docx; the sink's finish result. */
static int write_sample(const char *path, char *err, size_t errn) {
  Sink *s = docx_sink_new(path, "2024-01", err, errn);
  s->title(s, "关于福田区2024年计划草案的报告");
  s->date(s, "二〇二四年一月");
  s->heading(s, 1, "一、2023年计划执行情况");
  s->heading(s, 2, "（一）经济运行");
  s->para(s, "经济运行稳中提质。", "地区生产总值增长5.5%左右 & 税收<超>“预期”\x01。");
  s->line(s, "——地区生产总值5704.55亿元；");
  s->end_lines(s);
  s->heading(s, 3, "1.推进产业升级");
  s->appendix(s, "附表");
  s->heading(s, 1, "附表1 各项目标对应的目标值");
  static const char *const cells[] = {"指标", "目标值", "地区生产总值", "约6018.30（可比价）",
                                      "R&D", ""};
  static const int right[] = {0, 1};
  SinkTable t = {NULL, cells, 3, 2, right};
  s->table(s, &t);
  return s->finish(s);
}

START_TEST(package_parts_and_page) {
  char dir[] = "/tmp/plc-docx-XXXXXX", path[64], err[256] = "";
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/t.docx", dir);
  ck_assert_int_eq(write_sample(path, err, sizeof err), 0);
  char *doc = zip_part(path, "word/document.xml");
  ck_assert_ptr_nonnull(doc);
  /* escaped, the control character replaced, nothing lost */
  ck_assert_ptr_nonnull(strstr(doc, "5.5%左右 &amp; 税收&lt;超&gt;“预期”\xEF\xBF\xBD。"));
  ck_assert_ptr_nonnull(strstr(doc, ">R&amp;D<"));
  ck_assert_ptr_null(strstr(doc, "\x01"));
  /* A4, 37/26/35/28 mm, 22 lines of 28 characters */
  ck_assert_ptr_nonnull(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));
  ck_assert_ptr_nonnull(strstr(doc, "w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""));
  ck_assert_ptr_nonnull(strstr(doc, "w:type=\"lines\" w:linePitch=\"579\""));
  ck_assert_ptr_nonnull(strstr(doc, "<w:footerReference w:type=\"even\""));
  ck_assert_ptr_nonnull(strstr(doc, "<w:tbl>"));
  ck_assert_ptr_nonnull(strstr(doc, "<w:pageBreakBefore/>"));
  free(doc);
  char *styles = zip_part(path, "word/styles.xml");
  ck_assert_ptr_nonnull(strstr(styles, "w:eastAsia=\"仿宋_GB2312\""));
  ck_assert_ptr_nonnull(strstr(styles, "w:eastAsia=\"方正小标宋简体\""));
  ck_assert_ptr_nonnull(strstr(styles, "w:line=\"579\" w:lineRule=\"exact\""));
  ck_assert_ptr_nonnull(strstr(styles, "<w:spacing w:val=\"-5\"/>")); /* 28 characters a line */
  free(styles);
  char *settings = zip_part(path, "word/settings.xml");
  ck_assert_ptr_nonnull(strstr(settings, "<w:evenAndOddHeaders/>"));
  free(settings);
  char *footer = zip_part(path, "word/footer2.xml");
  ck_assert_ptr_nonnull(strstr(footer, " PAGE "));
  ck_assert_ptr_nonnull(strstr(footer, "<w:jc w:val=\"left\"/>"));
  free(footer);
  char *core = zip_part(path, "docProps/core.xml");
  ck_assert_ptr_nonnull(strstr(core, "<dc:title>关于福田区2024年计划草案的报告</dc:title>"));
  ck_assert_ptr_nonnull(strstr(core, "2024-01-01T00:00:00Z"));
  free(core);
  /* the same calls give the same bytes */
  char again[80], *a, *b;
  snprintf(again, sizeof again, "%s/u.docx", dir);
  ck_assert_int_eq(write_sample(again, err, sizeof err), 0);
  FILE *fa = fopen(path, "rb"), *fb = fopen(again, "rb");
  size_t na = 0, nb = 0;
  a = calloc(1, 1 << 16);
  b = calloc(1, 1 << 16);
  na = fread(a, 1, 1 << 16, fa);
  nb = fread(b, 1, 1 << 16, fb);
  fclose(fa);
  fclose(fb);
  ck_assert(na == nb && memcmp(a, b, na) == 0);
  free(a);
  free(b);
  unlink(path);
  unlink(again);
  rmdir(dir);
}
END_TEST

START_TEST(failed_write_is_reported) {
  char err[256] = "";
  ck_assert_int_eq(write_sample("/nonexistent-dir/t.docx", err, sizeof err), -1);
  ck_assert_msg(strstr(err, "nonexistent-dir") != NULL, "the message names the place: %s", err);
}
END_TEST

Suite *docx_suite(void) {
  Suite *s = suite_create("docx");
  TCase *tc = tcase_create("sink");
  tcase_add_test(tc, package_parts_and_page);
  tcase_add_test(tc, failed_write_is_reported);
  suite_add_tcase(s, tc);
  return s;
}
