/* test_decimal.c: the exact decimals' fast paths against plain GMP, on thousands of random
   figures and formulas from a fixed seed: parsing, rounding half up (四舍五入), printing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "runtime/decimal.h"

/* A fixed-seed xorshift64*: the same cases on every run and every machine. */
static uint64_t rng_state;

static uint64_t rng(void) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717ULL;
}

/* A random number below n. */
static int rng_below(int n) {
  return (int)(rng() % (uint64_t)n);
}

/* A random figure as a plan writes it into buf: a sign, integer digits (leading zeros
   sometimes), a fraction (trailing zeros sometimes); mostly short, sometimes long. */
static void random_figure(char *buf) {
  char *o = buf;
  if (rng_below(4) == 0) *o++ = '-';
  int longish = rng_below(8) == 0;
  int ni = 1 + rng_below(longish ? 40 : 12), nf = rng_below(longish ? 30 : 8);
  for (int i = 0; i < ni; i++) {
    int lead0 = i == 0 && ni > 1 && rng_below(3) != 0;
    *o++ = (char)('0' + (lead0 ? rng_below(2) ? 1 + rng_below(9) : 0 : rng_below(10)));
  }
  if (nf) {
    *o++ = '.';
    for (int i = 0; i < nf; i++) *o++ = (char)('0' + (rng_below(3) == 0 ? 0 : rng_below(10)));
  }
  *o = '\0';
}

/* The decimal text s read by plain GMP: "digits/10^places", put in lowest terms. */
static void reference_parse(mpq_t q, const char *s) {
  char digits[256] = {0};
  int k = 0, places = 0, after = 0, neg = s[0] == '-';
  for (const char *p = s + neg; *p; p++) {
    if (*p == '.') after = 1;
    else {
      digits[k++] = *p;
      places += after;
    }
  }
  mpz_set_str(mpq_numref(q), digits, 10);
  mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)places);
  mpq_canonicalize(q);
  if (neg) mpq_neg(q, q);
}

/* Whether q is in lowest terms with a positive denominator (what every mpq_ call needs). */
static int canonical(const mpq_t q) {
  mpz_t g;
  mpz_init(g);
  mpz_gcd(g, mpq_numref(q), mpq_denref(q));
  int ok = mpz_sgn(mpq_denref(q)) > 0 && mpz_cmp_ui(g, 1) == 0 &&
           (mpz_sgn(mpq_numref(q)) != 0 || mpz_cmp_ui(mpq_denref(q), 1) == 0);
  mpz_clear(g);
  return ok;
}

START_TEST(parse_matches_gmp_on_random_figures) {
  rng_state = 0x9e3779b97f4a7c15ULL;
  mpq_t a, b;
  mpq_inits(a, b, NULL);
  char s[128];
  for (int i = 0; i < 20000; i++) {
    random_figure(s);
    ck_assert_int_eq(dec_parse(a, s), 0);
    reference_parse(b, s);
    ck_assert_msg(canonical(a), "%s is not in lowest terms", s);
    ck_assert_msg(mpq_equal(a, b), "%s read wrong", s);
  }
  mpq_clears(a, b, NULL);
}
END_TEST

START_TEST(parse_edges) {
  static const char *const bad[] = {"", "-", ".", "5.", ".5", "-.5", "1..2", "1.2.3", "+1",
                                    "1e5", " 1", "1 ", "--1", "0x10", "1,000", "-5."};
  mpq_t q, r;
  mpq_inits(q, r, NULL);
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
    ck_assert_msg(dec_parse(q, bad[i]) == -1, "'%s' was accepted", bad[i]);
  static const char *const good[] = {"0", "-0", "0.000", "-0.0", "7.01", "5704.55", "18446744073709551615",
                                     "18446744073709551616", "9999999999999999999", "10000000000000000000",
                                     "0.0000000000000000001", "0.00000000000000000001", "1.5000000000000000000000",
                                     "12345678901234567890.12345678901234567890", "-99.990"};
  for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
    ck_assert_msg(dec_parse(q, good[i]) == 0, "'%s' was refused", good[i]);
    reference_parse(r, good[i]);
    ck_assert_msg(canonical(q) && mpq_equal(q, r), "'%s' read wrong", good[i]);
  }
  char big[DEC_MAX_DIGITS + 3];
  memset(big, '9', DEC_MAX_DIGITS);
  big[DEC_MAX_DIGITS] = '\0';
  ck_assert_int_eq(dec_parse(q, big), 0);
  big[DEC_MAX_DIGITS] = '9';
  big[DEC_MAX_DIGITS + 1] = '\0';
  ck_assert_int_eq(dec_parse(q, big), -1);
  big[1] = '.'; /* the point does not count as a digit */
  ck_assert_int_eq(dec_parse(q, big), 0);
  mpq_clears(q, r, NULL);
}
END_TEST

Suite *decimal_suite(void) {
  Suite *s = suite_create("decimal");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, parse_matches_gmp_on_random_figures);
  tcase_add_test(tc, parse_edges);
  suite_add_tcase(s, tc);
  return s;
}
