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
  static const char *const good[] = {
      "0", "-0", "0.000", "-0.0", "7.01", "5704.55", "-99.990",
      "18446744073709551615", "18446744073709551616", "9999999999999999999",
      "10000000000000000000", "0.0000000000000000001", "0.00000000000000000001",
      "1.5000000000000000000000", "12345678901234567890.12345678901234567890"};
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

/* A random rational: a random figure, sometimes divided by another (a share, a growth
   factor: denominators that are not powers of ten), sometimes near the 63-bit edge. */
static void random_rational(mpq_t q) {
  char s[128];
  random_figure(s);
  ck_assert_int_eq(dec_parse(q, s), 0);
  int kind = rng_below(6);
  if (kind == 0) {
    mpq_t d;
    mpq_init(d);
    do {
      random_figure(s);
      ck_assert_int_eq(dec_parse(d, s), 0);
    } while (mpq_sgn(d) == 0);
    mpq_div(q, q, d);
    mpq_clear(d);
  } else if (kind == 1) { /* ±(2^62 .. 2^64) over a small odd number */
    mpz_set_ui(mpq_numref(q), 1);
    mpz_mul_2exp(mpq_numref(q), mpq_numref(q), (unsigned long)(62 + rng_below(3)));
    mpz_add_ui(mpq_numref(q), mpq_numref(q), (unsigned long)rng_below(1000));
    mpz_sub_ui(mpq_numref(q), mpq_numref(q), (unsigned long)rng_below(1000));
    mpz_set_ui(mpq_denref(q), (unsigned long)(2 * rng_below(50) + 1));
    if (rng_below(2)) mpz_swap(mpq_numref(q), mpq_denref(q));
    if (rng_below(2)) mpz_neg(mpq_numref(q), mpq_numref(q));
    mpq_canonicalize(q);
  }
}

typedef void (*BinOp)(mpq_ptr, mpq_srcptr, mpq_srcptr);

START_TEST(arithmetic_matches_gmp_on_random_operands) {
  rng_state = 0x2545f4914f6cdd1dULL;
  static const BinOp fast[] = {dec_add, dec_sub, dec_mul, dec_div};
  static const BinOp slow[] = {mpq_add, mpq_sub, mpq_mul, mpq_div};
  static const char *const name[] = {"+", "-", "*", "/"};
  mpq_t a, b, r, want;
  mpq_inits(a, b, r, want, NULL);
  for (int i = 0; i < 40000; i++) {
    random_rational(a);
    if (rng_below(10) == 0) mpq_set(b, a); /* x − x, x / x */
    else random_rational(b);
    int op = i % 4;
    if (op == 3 && mpq_sgn(b) == 0) continue;
    slow[op](want, a, b);
    if (i % 3 == 0) { /* the result in place of an operand */
      mpq_set(r, a);
      fast[op](r, r, b);
    } else {
      fast[op](r, a, b);
    }
    if (!canonical(r) || !mpq_equal(r, want)) /* the operands printed only then: no leak */
      ck_abort_msg("case %d: %s %s %s", i, mpq_get_str(NULL, 10, a), name[op],
                   mpq_get_str(NULL, 10, b));
  }
  mpq_clears(a, b, r, want, NULL);
}
END_TEST

/* A random formula of depth up to `depth` over random figures, computed both by the fast
   operations (into fast) and by GMP alone (into slow); 0 when it divides by zero. */
static int random_formula(mpq_t fast, mpq_t slow, int depth) {
  if (depth == 0 || rng_below(4) == 0) {
    random_rational(slow);
    mpq_set(fast, slow);
    return 1;
  }
  mpq_t f2, s2;
  mpq_inits(f2, s2, NULL);
  int ok = random_formula(fast, slow, depth - 1) && random_formula(f2, s2, depth - 1);
  if (ok) {
    switch (rng_below(4)) {
    case 0: dec_add(fast, fast, f2); mpq_add(slow, slow, s2); break;
    case 1: dec_sub(fast, fast, f2); mpq_sub(slow, slow, s2); break;
    case 2: dec_mul(fast, fast, f2); mpq_mul(slow, slow, s2); break;
    default:
      if (mpq_sgn(s2) == 0) ok = 0;
      else {
        dec_div(fast, fast, f2);
        mpq_div(slow, slow, s2);
      }
    }
  }
  mpq_clears(f2, s2, NULL);
  return ok;
}

START_TEST(formulas_match_gmp) {
  rng_state = 0xd1b54a32d192ed03ULL;
  mpq_t f, s;
  mpq_inits(f, s, NULL);
  int done = 0;
  for (int i = 0; i < 5000; i++) {
    if (!random_formula(f, s, 1 + rng_below(6))) continue;
    done++;
    ck_assert_msg(canonical(f) && mpq_equal(f, s), "formula %d differs", i);
    int places = rng_below(5); /* 四舍五入 of the same exact value: the same text */
    char *a = dec_format(f, places), *b = dec_format(s, places);
    ck_assert_str_eq(a, b);
    free(a);
    free(b);
  }
  ck_assert_int_gt(done, 4000);
  mpq_clears(f, s, NULL);
}
END_TEST

/* q rounded half away from zero to places decimals, as text, by GMP alone (the rule
   dec_format implements): floor((2·|num|·10^p + den) / (2·den)). */
static char *reference_format(const mpq_t q, int places) {
  mpz_t t, d;
  mpz_inits(t, d, NULL);
  mpz_ui_pow_ui(t, 10, (unsigned long)places);
  mpz_mul(t, t, mpq_numref(q));
  mpz_abs(t, t);
  mpz_mul_2exp(t, t, 1);
  mpz_add(t, t, mpq_denref(q));
  mpz_mul_2exp(d, mpq_denref(q), 1);
  mpz_fdiv_q(t, t, d);
  char *digits = mpz_get_str(NULL, 10, t);
  int neg = mpq_sgn(q) < 0 && mpz_sgn(t) != 0;
  size_t n = strlen(digits), width = n > (size_t)places ? n : (size_t)places + 1;
  char *out = malloc(width + 3), *o = out;
  if (neg) *o++ = '-';
  for (size_t i = 0; i < width; i++) {
    if (places > 0 && i == width - (size_t)places) *o++ = '.';
    *o++ = i < width - n ? '0' : digits[i - (width - n)];
  }
  *o = '\0';
  free(digits);
  mpz_clears(t, d, NULL);
  return out;
}

START_TEST(rounding_matches_gmp) {
  rng_state = 0x8cb92ba72f3d8dd7ULL;
  mpq_t q, r, back;
  mpq_inits(q, r, back, NULL);
  for (int i = 0; i < 30000; i++) {
    int places = rng_below(23);
    if (i % 5 == 0) { /* an exact half at the last place shown: ±(2k+1)/2 × 10^-places */
      mpq_set_ui(q, (unsigned long)(2 * rng_below(100000) + 1), 2);
      mpq_t p;
      mpq_init(p);
      dec_pow10(p, -places);
      mpq_mul(q, q, p);
      mpq_clear(p);
      if (rng_below(2)) mpq_neg(q, q);
    } else {
      random_rational(q);
    }
    char *got = dec_format(q, places), *want = reference_format(q, places);
    if (strcmp(got, want) != 0)
      ck_abort_msg("case %d at %d places: %s, want %s", i, places, got, want);
    dec_round(r, q, places); /* the rounded value reads back as the same text */
    ck_assert(canonical(r));
    ck_assert_int_eq(dec_parse(back, want), 0); /* "-0.00" reads as 0 */
    ck_assert_msg(mpq_equal(r, back), "case %d: dec_round gives another value than %s", i, want);
    free(got);
    free(want);
    char *exact = dec_exact(q); /* a terminating value prints exactly and reads back */
    if (!strchr(exact, '/')) {
      ck_assert_int_eq(dec_parse(back, exact), 0);
      ck_assert_msg(mpq_equal(back, q), "case %d: dec_exact gives %s", i, exact);
    }
    free(exact);
  }
  static const struct { const char *in; int places; const char *out; } halves[] = {
      {"2.675", 2, "2.68"}, {"-2.675", 2, "-2.68"}, {"0.5", 0, "1"}, {"-0.5", 0, "-1"},
      {"-0.4", 0, "0"}, {"0.05", 1, "0.1"}, {"-0.004", 2, "0.00"}, {"99.995", 2, "100.00"},
      {"1.45", 1, "1.5"}, {"1.44999999999999999999999", 1, "1.4"}};
  for (size_t i = 0; i < sizeof halves / sizeof *halves; i++) {
    dec_parse(q, halves[i].in);
    char *got = dec_format(q, halves[i].places);
    ck_assert_str_eq(got, halves[i].out);
    free(got);
  }
  mpq_clears(q, r, back, NULL);
}
END_TEST

Suite *decimal_suite(void) {
  Suite *s = suite_create("decimal");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, parse_matches_gmp_on_random_figures);
  tcase_add_test(tc, parse_edges);
  tcase_add_test(tc, arithmetic_matches_gmp_on_random_operands);
  tcase_add_test(tc, formulas_match_gmp);
  tcase_add_test(tc, rounding_matches_gmp);
  suite_add_tcase(s, tc);
  return s;
}
