/* test_units.c: unit scales are exact and checked: zero, negative and oversized factors
   are refused with their reason, products never wrap, the workbook's limit on doubles. */
#include <stdio.h>
#include <string.h>

#include "helpers.h"
#include "runtime/decimal.h"
#include "runtime/units.h"

/* Declare name = factor × def (def parsed from its text). */
static UnitError declare(UnitTable *t, const char *name, const char *factor, const char *def) {
  Unit d;
  ck_assert_int_eq(unit_parse(t, def, &d), 0);
  mpq_t f;
  mpq_init(f);
  ck_assert_int_eq(dec_parse(f, factor), 0);
  UnitError e = units_declare(t, name, &d, f);
  mpq_clear(f);
  return e;
}

/* Whether u's scale is exactly the decimal text want. */
static int scale_is(const Unit *u, const char *want) {
  mpq_t s, w;
  mpq_inits(s, w, NULL);
  unit_scale(s, u);
  dec_parse(w, want);
  int eq = mpq_equal(s, w);
  mpq_clears(s, w, NULL);
  return eq;
}

START_TEST(factors_zero_negative_and_too_large_are_refused) {
  UnitTable *t = units_new();
  ck_assert_int_eq(declare(t, "Z", "0", "元"), UE_NOT_POSITIVE);
  ck_assert_int_eq(declare(t, "N", "-3", "元"), UE_NOT_POSITIVE);
  ck_assert_int_eq(declare(t, "D", "123456789123456789123", "元"), UE_TOO_LARGE);
  ck_assert_int_eq(declare(t, "元", "1", "元"), UE_EXISTS);
  Unit u;
  ck_assert_int_eq(unit_parse(t, "Z", &u), -1); /* a refused unit is not declared */
  units_free(t);
}
END_TEST

START_TEST(large_factors_stay_exact) {
  UnitTable *t = units_new();
  ck_assert_int_eq(declare(t, "A", "9000000000", "亩"), UE_OK);
  ck_assert_int_eq(declare(t, "B", "9000000000", "A"), UE_OK);
  Unit b;
  ck_assert_int_eq(unit_parse(t, "B", &b), 0);
  ck_assert(scale_is(&b, "54000000000000000000000")); /* 8.1e19 × 2000/3 平方米 */
  units_free(t);
}
END_TEST

/* 亩^64: the scale (2/3)^64 × 10^192 does not fit; the product is named in its base units
   once it does not fit (平方米^k, scale 1, later ones ·亩 again), and never wraps (it used
   to reach a zero denominator: SIGFPE). The text is built in buf from a text in buf. */
START_TEST(products_fall_back_to_base_units) {
  UnitTable *t = units_new();
  Unit mu, p;
  ck_assert_int_eq(unit_parse(t, "亩", &mu), 0);
  char buf[64];
  p = mu;
  for (int i = 1; i < 64; i++) p = unit_mul(&p, &mu, buf, sizeof buf);
  ck_assert_int_eq(p.ndims, 1);
  ck_assert_int_eq(p.dims[0].exp, 64);
  ck_assert(p.den > 0 && p.num > 0);
  ck_assert_ptr_nonnull(p.text);
  ck_assert(strncmp(p.text, "平方米^", strlen("平方米^")) == 0);
  ck_assert_int_eq(utf8_invalid_at(p.text, strlen(p.text)), strlen(p.text));
  /* the scale is the one its name says: (2000/3)^k for 平方米^(64−k)·亩·…·亩 (k of them) */
  mpq_t sc, want, one;
  mpq_inits(sc, want, one, NULL);
  unit_scale(sc, &p);
  mpq_set_ui(want, 1, 1);
  mpq_set_ui(one, 2000, 3);
  int k = 0;
  for (const char *q = strstr(p.text, "亩"); q; q = strstr(q + 1, "亩")) k++;
  for (int i = 0; i < k; i++) mpq_mul(want, want, one);
  ck_assert(k < 64);
  ck_assert(mpq_equal(sc, want));
  mpq_clears(sc, want, one, NULL);
  units_free(t);
}
END_TEST

/* Five base units: the product matches no unit, instead of dropping one silently. */
START_TEST(five_base_units_match_nothing) {
  UnitTable *t = units_new();
  const char *names[] = {"元", "人", "户", "吨", "米"};
  Unit p = unit_none(), u;
  for (int i = 0; i < 5; i++) {
    ck_assert_int_eq(unit_parse(t, names[i], &u), 0);
    p = unit_mul(&p, &u, NULL, 0);
  }
  ck_assert(p.overfull);
  ck_assert(!unit_same_dims(&p, &p));
  ck_assert(!unit_dimensionless(&p));
  units_free(t);
}
END_TEST

/* Hundreds of declared units, past the index's growth: each is found, with its magnitude
   too, and declaring one again is refused. */
START_TEST(many_units_are_found) {
  UnitTable *t = units_new();
  char name[32];
  Unit u;
  for (int i = 0; i < 500; i++) {
    snprintf(name, sizeof name, "单位%d", i);
    ck_assert_int_eq(units_declare(t, name, NULL, NULL), UE_OK);
  }
  for (int i = 0; i < 500; i++) {
    snprintf(name, sizeof name, "万单位%d", i);
    ck_assert_int_eq(unit_parse(t, name, &u), 0);
    ck_assert_int_eq(u.exp10, 4);
    ck_assert_int_eq(units_declare(t, name + 3, NULL, NULL), UE_EXISTS);
  }
  ck_assert_int_eq(unit_parse(t, "亿元", &u), 0);
  ck_assert_int_eq(u.exp10, 8);
  ck_assert_int_eq(unit_parse(t, "单位500", &u), -1);
  units_free(t);
}
END_TEST

START_TEST(doubles_end_below_2_to_1024) {
  mpq_t q;
  mpq_init(q);
  dec_parse(q, "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368");
  ck_assert(dec_fits_double(q)); /* DBL_MAX itself */
  dec_pow10(q, 309);
  ck_assert(!dec_fits_double(q));
  mpq_neg(q, q);
  ck_assert(!dec_fits_double(q));
  mpq_clear(q);
}
END_TEST

Suite *units_suite(void) {
  Suite *s = suite_create("units");
  TCase *tc = tcase_create("units");
  tcase_add_test(tc, factors_zero_negative_and_too_large_are_refused);
  tcase_add_test(tc, large_factors_stay_exact);
  tcase_add_test(tc, products_fall_back_to_base_units);
  tcase_add_test(tc, five_base_units_match_nothing);
  tcase_add_test(tc, many_units_are_found);
  tcase_add_test(tc, doubles_end_below_2_to_1024);
  suite_add_tcase(s, tc);
  return s;
}
