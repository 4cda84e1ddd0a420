/* decimal.c: decimal text ⇄ GMP rationals, and rounding half up. */
#include "runtime/decimal.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

void dec_pow10(mpq_t q, int e) {
  mpz_t p;
  mpz_init(p);
  mpz_ui_pow_ui(p, 10, (unsigned long)(e < 0 ? -e : e));
  if (e >= 0) {
    mpq_set_z(q, p);
  } else {
    mpq_set_ui(q, 1, 1);
    mpz_set(mpq_denref(q), p);
  }
  mpz_clear(p);
}

int dec_fits_double(const mpq_t q) {
  /* round to nearest, ties to even: from the midpoint between DBL_MAX (odd mantissa) and
     2^1024 up, a value becomes infinity */
  mpq_t a, limit;
  mpq_inits(a, limit, NULL);
  mpq_abs(a, q);
  mpz_t top, half;
  mpz_inits(top, half, NULL);
  mpz_ui_pow_ui(top, 2, 1024);
  mpz_ui_pow_ui(half, 2, 970);
  mpz_sub(top, top, half);
  mpq_set_z(limit, top);
  int fits = mpq_cmp(a, limit) < 0;
  mpz_clears(top, half, NULL);
  mpq_clears(a, limit, NULL);
  return fits;
}

int dec_places(const char *s) {
  const char *dot = strchr(s, '.');
  return dot ? (int)strlen(dot + 1) : 0;
}

int dec_parse(mpq_t q, const char *s) {
  const char *p = s;
  int neg = 0;
  if (*p == '-') {
    neg = 1;
    p++;
  }
  size_t n = strlen(p);
  if (n == 0 || n > DEC_MAX_DIGITS + 1) return -1; /* the digits and one point */
  char *digits = mem_alloc(n + 1);
  size_t k = 0;
  int places = -1, seen = 0;
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9') {
      digits[k++] = *p;
      seen = 1;
      if (places >= 0) places++;
    } else if (*p == '.' && places < 0 && seen) {
      places = 0;
    } else {
      mem_free(digits);
      return -1;
    }
  }
  digits[k] = '\0';
  if (places == 0 || k > DEC_MAX_DIGITS) { /* "5.", or too long */
    mem_free(digits);
    return -1;
  }
  mpz_t z;
  mpz_init_set_str(z, digits, 10);
  mem_free(digits);
  mpq_set_z(q, z);
  mpz_clear(z);
  if (places > 0) {
    mpq_t d;
    mpq_init(d);
    dec_pow10(d, -places);
    mpq_mul(q, q, d);
    mpq_clear(d);
  }
  if (neg) mpq_neg(q, q);
  return 0;
}

/* |q| × 10^places rounded half up, as an integer; *neg gets the sign. */
static void dec_scaled(mpz_t out, const mpq_t q, int places, int *neg) {
  mpq_t t, s;
  mpq_inits(t, s, NULL);
  mpq_abs(t, q);
  dec_pow10(s, places);
  mpq_mul(t, t, s);
  /* floor(t + 1/2) = floor((2·num + den) / (2·den)) */
  mpz_t num, den;
  mpz_inits(num, den, NULL);
  mpz_mul_ui(num, mpq_numref(t), 2);
  mpz_add(num, num, mpq_denref(t));
  mpz_mul_ui(den, mpq_denref(t), 2);
  mpz_fdiv_q(out, num, den);
  *neg = mpq_sgn(q) < 0 && mpz_sgn(out) != 0;
  mpz_clears(num, den, NULL);
  mpq_clears(t, s, NULL);
}

void dec_round(mpq_t r, const mpq_t q, int places) {
  mpz_t z;
  mpz_init(z);
  int neg;
  dec_scaled(z, q, places, &neg);
  mpq_t s;
  mpq_init(s);
  dec_pow10(s, -places);
  mpq_set_z(r, z);
  mpq_mul(r, r, s);
  if (neg) mpq_neg(r, r);
  mpq_clear(s);
  mpz_clear(z);
}

char *dec_format(const mpq_t q, int places) {
  if (places < 0) places = 0;
  mpz_t z;
  mpz_init(z);
  int neg;
  dec_scaled(z, q, places, &neg);
  char *digits = mpz_get_str(NULL, 10, z);
  size_t n = strlen(digits);
  /* pad so that there is at least one digit before the point */
  size_t width = n > (size_t)places ? n : (size_t)places + 1;
  char *out = mem_alloc(width + 3);
  char *o = out;
  if (neg) *o++ = '-';
  size_t pad = width - n;
  for (size_t i = 0; i < width; i++) {
    if (i == width - (size_t)places && places > 0) *o++ = '.';
    *o++ = i < pad ? '0' : digits[i - pad];
  }
  *o = '\0';
  mem_free(digits); /* GMP's, from the same family */
  mpz_clear(z);
  return out;
}

char *dec_exact(const mpq_t q) {
  /* a terminating decimal has a denominator 2^a·5^b, and max(a, b) places */
  mpz_t rest, factor;
  mpz_inits(rest, factor, NULL);
  mpz_set_ui(factor, 2);
  unsigned long a = mpz_remove(rest, mpq_denref(q), factor);
  mpz_set_ui(factor, 5);
  unsigned long b = mpz_remove(rest, rest, factor);
  int terminating = mpz_cmp_ui(rest, 1) == 0;
  mpz_clears(rest, factor, NULL);
  if (!terminating) {
    size_t n = mpz_sizeinbase(mpq_numref(q), 10) + mpz_sizeinbase(mpq_denref(q), 10) + 3;
    char *out = mem_alloc(n);
    mpq_get_str(out, 10, q);
    return out;
  }
  return dec_format(q, (int)(a > b ? a : b));
}
