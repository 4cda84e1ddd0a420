/* test_load.c: the loader: plans compiled from memory, imports relative to the importing
   file, each file loaded once, cycles, the nesting limit, long chains of yearly plans. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/buf.h"
#include "runtime/mem.h"
#include "model/load.h"
#include "helpers.h"

/* The files of one test, their loader and diagnostics. */
typedef struct Fixture {
  LoadFiles *files;
  Loader *loader;
  Diags diags;
  Model *m;
} Fixture;

static void add(Fixture *f, const char *name, const char *text) {
  load_files_add(f->files, name, text, strlen(text));
}

static Fixture *fixture(void) {
  Fixture *f = calloc(1, sizeof *f);
  f->files = load_files_new(0);
  diag_init(&f->diags);
  return f;
}

/* Load path with imports confined to root (NULL: the main plan's folder). */
static Model *run_in(Fixture *f, const char *path, const char *root) {
  LoadReader r = load_files_reader(f->files);
  f->loader = load_new(&f->diags, &r);
  if (root) load_set_import_root(f->loader, root);
  f->m = load_plan(f->loader, path);
  return f->m;
}

static Model *run(Fixture *f, const char *path) {
  return run_in(f, path, NULL);
}

static void fixture_free(Fixture *f) {
  diag_free(&f->diags);
  load_free(f->loader);
  load_files_free(f->files);
  free(f);
}

static int count(const Fixture *f, const char *code) {
  int n = 0;
  for (int i = 0; i < f->diags.n; i++) n += strcmp(f->diags.v[i].code, code) == 0;
  return n;
}

START_TEST(from_memory) {
  Fixture *f = fixture();
  add(f, "plans/main.fp", "import \"../data/base.fp\" as b\nclaim 2023 b.x[2023] = 7\n");
  add(f, "data/base.fp", "indicator x \"x\" 亿元\n  2023 actual 7\n");
  ck_assert_ptr_nonnull(run_in(f, "plans/./main.fp", "."));
  ck_assert_int_eq(f->diags.n, 0);
  ck_assert_int_eq(f->m->claims[0]->verdict, CLAIM_MATCH);
  fixture_free(f);
}
END_TEST

/* The import policy: outside the main plan's folder, absolute, or not a .fp file is one
   error each, and the refused file is never read. */
START_TEST(imports_confined) {
  Fixture *f = fixture();
  add(f, "plans/main.fp", "import \"../data/base.fp\" as b\nimport \"/etc/passwd.fp\" as c\n"
                          "import \"x.txt\" as d\nimport \"sub/../ok.fp\" as e\n");
  add(f, "data/base.fp", "year 1\nyear 2\n");
  add(f, "plans/ok.fp", "");
  ck_assert_ptr_nonnull(run(f, "plans/main.fp"));
  ck_assert_int_eq(count(f, "C019"), 3);
  ck_assert_int_eq(f->diags.n, 3);
  fixture_free(f);
}
END_TEST

/* 40 files each importing the next twice: 40 loads, not 2^40. */
START_TEST(fan_out_loads_each_once) {
  Fixture *f = fixture();
  char name[32], text[128];
  for (int i = 0; i < 40; i++) {
    snprintf(name, sizeof name, "f%d.fp", i);
    snprintf(text, sizeof text, "import \"f%d.fp\" as a\nimport \"f%d.fp\" as b\n", i + 1, i + 1);
    add(f, name, i < 39 ? text : "indicator x \"x\" 元\n");
  }
  ck_assert_ptr_nonnull(run(f, "f0.fp"));
  ck_assert_int_eq(f->diags.n, 0);
  fixture_free(f);
}
END_TEST

START_TEST(missing_main_file) {
  Fixture *f = fixture();
  ck_assert_ptr_null(run(f, "absent.fp"));
  fixture_free(f);
}
END_TEST

/* A file imported by two others is loaded once: its warning is reported once. */
START_TEST(each_file_once) {
  Fixture *f = fixture();
  add(f, "main.fp", "import \"a.fp\" as a\nimport \"b.fp\" as b\n");
  add(f, "a.fp", "import \"c.fp\" as c\n");
  add(f, "b.fp", "import \"c.fp\" as c\n");
  add(f, "c.fp", "indicator x \"x\" 亿元\n  2023 actual 1\nclaim 2023 x = 5\n");
  ck_assert_ptr_nonnull(run(f, "main.fp"));
  ck_assert_int_eq(count(f, "W001"), 1);
  ck_assert_ptr_eq(f->m->imports[0].model->imports[0].model,
                   f->m->imports[1].model->imports[0].model);
  fixture_free(f);
}
END_TEST

START_TEST(import_cycle) {
  Fixture *f = fixture();
  add(f, "a.fp", "import \"b.fp\" as b\n");
  add(f, "b.fp", "import \"./a.fp\" as a\n");
  ck_assert_ptr_nonnull(run(f, "a.fp"));
  ck_assert_int_eq(count(f, "C013"), 1);
  ck_assert_int_eq(f->diags.n, 1);
  fixture_free(f);
}
END_TEST

/* A chain of 100 yearly plans, each importing the one before: the indicator of the same
   id continues through all of them. */
START_TEST(chain_of_100_files) {
  Fixture *f = fixture();
  for (int i = 0; i < 100; i++) {
    char name[32];
    snprintf(name, sizeof name, "p%d.fp", i);
    Buf b = {0};
    if (i < 99) buf_printf(&b, "import \"p%d.fp\" as prev\n", i + 1);
    buf_printf(&b, "indicator x \"x\" 亿元\n  %d actual %d\n", 2100 - i, i);
    if (i == 0) buf_add(&b, "claim 2100 x[2001] = 99\n");
    add(f, name, buf_str(&b));
    buf_free(&b);
  }
  ck_assert_ptr_nonnull(run(f, "p0.fp"));
  ck_assert_int_eq(f->diags.n, 0);
  ck_assert_int_eq(f->m->claims[0]->verdict, CLAIM_MATCH);
  fixture_free(f);
}
END_TEST

/* Imports nested deeper than the limit are one error, not a blown stack. */
START_TEST(nesting_limit) {
  Fixture *f = fixture();
  for (int i = 0; i < 300; i++) {
    char name[32], text[64];
    snprintf(name, sizeof name, "p%d.fp", i);
    snprintf(text, sizeof text, "import \"p%d.fp\"\n", i + 1);
    add(f, name, text);
  }
  ck_assert_ptr_nonnull(run(f, "p0.fp"));
  ck_assert_int_eq(count(f, "C018"), 1);
  ck_assert_int_eq(count(f, "C012"), 0);
  fixture_free(f);
}
END_TEST

/* A series of 200 periods, an indicator formula over all of them, and a running total:
   nothing is cut at a fixed number of periods. */
START_TEST(series_of_200_periods) {
  Fixture *f = fixture();
  Buf b = {0};
  buf_add(&b, "indicator x \"x\" 亿元\n");
  for (int i = 0; i < 200; i++) buf_printf(&b, "  %d actual %d\n", 1801 + i, i + 1);
  buf_add(&b, "indicator y \"y\" 亿元 = x * 2\nindicator s \"s\" 亿元 = cumsum(x)\n"
              "claim 2000 s = 20100\nclaim 2000 y[1801] + y = 402\n");
  add(f, "p.fp", buf_str(&b));
  buf_free(&b);
  ck_assert_ptr_nonnull(run(f, "p.fp"));
  ck_assert_int_eq(f->diags.n, 0);
  ck_assert_int_eq(model_indicator(f->m, "y")->nvalues, 200);
  ck_assert_int_eq(model_indicator(f->m, "s")->nvalues, 200);
  ck_assert_int_eq(f->m->claims[0]->verdict, CLAIM_MATCH);
  ck_assert_int_eq(f->m->claims[1]->verdict, CLAIM_MATCH);
  fixture_free(f);
}
END_TEST

/* A formula of 100 references, written before the indicators it names. */
START_TEST(formula_of_100_references) {
  Fixture *f = fixture();
  Buf b = {0};
  buf_add(&b, "indicator total \"合计\" 亿元 = a1");
  for (int i = 2; i <= 100; i++) buf_printf(&b, " + a%d", i);
  buf_add(&b, "\n");
  for (int i = 1; i <= 100; i++) buf_printf(&b, "indicator a%d \"a%d\" 亿元\n  2023 actual %d\n", i, i, i);
  buf_add(&b, "claim 2023 total = 5050\n");
  add(f, "p.fp", buf_str(&b));
  buf_free(&b);
  ck_assert_ptr_nonnull(run(f, "p.fp"));
  ck_assert_int_eq(f->diags.n, 0);
  ck_assert_int_eq(model_indicator(f->m, "total")->nvalues, 1);
  ck_assert_int_eq(f->m->claims[0]->verdict, CLAIM_MATCH);
  fixture_free(f);
}
END_TEST

/* Indicator formulas in any line order: each derived value is made after the values it
   comes from, however the lines are ordered. */
START_TEST(formulas_in_any_order) {
  Fixture *f = fixture();
  add(f, "p.fp", "indicator x2 \"x2\" 元 = x1 + 1元\nindicator x1 \"x1\" 元 = x0 + 1元\n"
                 "indicator x0 \"x0\" 元\n  2023 actual 1\nclaim 2023 x2 = 3\n");
  ck_assert_ptr_nonnull(run(f, "p.fp"));
  ck_assert_int_eq(f->diags.n, 0);
  ck_assert_int_eq(f->m->claims[0]->verdict, CLAIM_MATCH);
  fixture_free(f);
}
END_TEST

/* A chain of 5000 formulas, each computing from the next line's: one C020, no blown stack;
   an expression 2000 levels deep: one C020. */
START_TEST(nesting_is_bounded) {
  Fixture *f = fixture();
  Buf b = {0};
  for (int i = 5000; i > 0; i--) buf_printf(&b, "indicator i%d \"i\" 元 = i%d + 1元\n", i, i - 1);
  buf_add(&b, "indicator i0 \"i\" 元\n  2023 actual 1\nindicator deep \"d\" 元 = ");
  for (int i = 0; i < 2000; i++) buf_add(&b, "(");
  buf_add(&b, "i0");
  for (int i = 0; i < 2000; i++) buf_add(&b, ")");
  buf_add(&b, "\n");
  add(f, "p.fp", buf_str(&b));
  buf_free(&b);
  ck_assert_ptr_nonnull(run(f, "p.fp"));
  ck_assert_int_eq(count(f, "C020"), 2);
  fixture_free(f);
}
END_TEST

Suite *load_suite(void) {
  Suite *s = suite_create("load");
  TCase *tc = tcase_create("load");
  tcase_add_test(tc, from_memory);
  tcase_add_test(tc, imports_confined);
  tcase_add_test(tc, fan_out_loads_each_once);
  tcase_add_test(tc, missing_main_file);
  tcase_add_test(tc, each_file_once);
  tcase_add_test(tc, import_cycle);
  tcase_add_test(tc, chain_of_100_files);
  tcase_add_test(tc, nesting_limit);
  tcase_add_test(tc, series_of_200_periods);
  tcase_add_test(tc, formula_of_100_references);
  tcase_add_test(tc, formulas_in_any_order);
  tcase_add_test(tc, nesting_is_bounded);
  suite_add_tcase(s, tc);
  return s;
}
