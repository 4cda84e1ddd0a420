/* decimal.c: decimal text ⇄ GMP rationals, and rounding half up. */
#include "runtime/decimal.h"

#include <limits.h>
#include <stdint.h>
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

/* 10^k for k ≤ 19, the powers that fit 64 bits. */
static const uint64_t dec_p10[20] = {1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL,
                                     1000000ULL, 10000000ULL, 100000000ULL, 1000000000ULL,
                                     10000000000ULL, 100000000000ULL, 1000000000000ULL,
                                     10000000000000ULL, 100000000000000ULL,
                                     1000000000000000ULL, 10000000000000000ULL,
                                     100000000000000000ULL, 1000000000000000000ULL,
                                     10000000000000000000ULL};

/* Set z to the 64-bit n (unsigned long may be 32 bits). */
static void dec_set_u64(mpz_t z, uint64_t n) {
  if (n <= ULONG_MAX) {
    mpz_set_ui(z, (unsigned long)n);
  } else {
    mpz_set_ui(z, (unsigned long)(n >> 32));
    mpz_mul_2exp(z, z, 32);
    mpz_add_ui(z, z, (unsigned long)(n & 0xffffffffu));
  }
}

/* Set q to n / 10^k in lowest terms (k ≤ 19): 10^k = 2^k·5^k, so the only factors n can
   share with it are 2s and 5s, taken out without a gcd. */
static void dec_set_scaled(mpq_t q, uint64_t n, int k) {
  if (n == 0) {
    mpq_set_ui(q, 0, 1);
    return;
  }
  int twos = 0, fives = 0;
  while (twos < k && (n & 1) == 0) {
    n >>= 1;
    twos++;
  }
  while (fives < k && n % 5 == 0) {
    n /= 5;
    fives++;
  }
  uint64_t den = dec_p10[k] >> twos; /* 2^(k−twos)·5^k, then the fives out */
  for (int i = 0; i < fives; i++) den /= 5;
  dec_set_u64(mpq_numref(q), n);
  dec_set_u64(mpq_denref(q), den);
}

int dec_parse(mpq_t q, const char *s) {
  const char *p = s;
  int neg = 0;
  if (*p == '-') {
    neg = 1;
    p++;
  }
  /* the syntax first: digits, at most one point with digits on both sides */
  size_t k = 0;
  int places = -1;
  const char *digits = p;
  for (; *p; p++) {
    if (*p >= '0' && *p <= '9') {
      k++;
      if (places >= 0) places++;
    } else if (*p == '.' && places < 0 && k > 0) {
      places = 0;
    } else {
      return -1;
    }
  }
  if (k == 0 || places == 0 || k > DEC_MAX_DIGITS) return -1; /* "", "5.", too long */
  if (places < 0) places = 0;
  if (k <= 19) { /* the usual figure: one 64-bit integer, read in place */
    uint64_t n = 0;
    for (p = digits; *p; p++)
      if (*p != '.') n = n * 10 + (uint64_t)(*p - '0');
    dec_set_scaled(q, n, places);
  } else { /* a long one: 19 digits at a time into the numerator, then lowest terms */
    mpz_ptr num = mpq_numref(q);
    mpz_set_ui(num, 0);
    uint64_t chunk = 0;
    int n = 0;
    for (p = digits; *p; p++) {
      if (*p == '.') continue;
      chunk = chunk * 10 + (uint64_t)(*p - '0');
      if (++n == 19 || !p[1]) { /* the syntax ends every number on a digit */
        mpz_t c;
        mpz_init(c);
        dec_set_u64(c, chunk);
        mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)n);
        mpz_mul(num, num, mpq_denref(q));
        mpz_add(num, num, c);
        mpz_clear(c);
        chunk = 0;
        n = 0;
      }
    }
    mpz_ui_pow_ui(mpq_denref(q), 10, (unsigned long)places);
    mpq_canonicalize(q);
  }
  if (neg) mpq_neg(q, q);
  return 0;
}

#if defined(__SIZEOF_INT128__) && GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0
/* The fast path: a rational whose numerator and denominator fit 63 bits, as a sign and two
   words; products of two such words fit 126 bits, sums of two products 127. */
typedef unsigned __int128 dec_u128;

typedef struct DecSmall {
  int neg;
  uint64_t n, d;
} DecSmall;

/* Whether q's parts fit 63 bits; *s gets them. */
static int dec_small(DecSmall *s, mpq_srcptr q) {
  mpz_srcptr n = mpq_numref(q), d = mpq_denref(q);
  if (mpz_size(n) > 1 || mpz_size(d) != 1) return 0;
  s->n = mpz_size(n) ? (uint64_t)mpz_getlimbn(n, 0) : 0;
  s->d = (uint64_t)mpz_getlimbn(d, 0);
  s->neg = mpz_sgn(n) < 0;
  return s->n <= (uint64_t)INT64_MAX && s->d <= (uint64_t)INT64_MAX;
}

/* The greatest common divisor of a and b (binary: no division). */
static uint64_t dec_gcd(uint64_t a, uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  int shift = __builtin_ctzll(a | b);
  a >>= __builtin_ctzll(a);
  while (b) {
    b >>= __builtin_ctzll(b);
    if (a > b) {
      uint64_t t = a;
      a = b;
      b = t;
    }
    b -= a;
  }
  return a << shift;
}

/* Set z to ±x (x up to 128 bits) through its limbs. */
static void dec_set_u128(mpz_ptr z, dec_u128 x, int neg) {
  uint64_t lo = (uint64_t)x, hi = (uint64_t)(x >> 64);
  mp_size_t n = hi ? 2 : lo ? 1 : 0;
  mp_limb_t *l = mpz_limbs_write(z, n ? n : 1);
  l[0] = lo;
  if (hi) l[1] = hi;
  mpz_limbs_finish(z, neg ? -n : n);
}

/* r = (±an/ad) × (±bn/bd) in lowest terms: the cross gcds leave nothing to cancel. */
static void dec_mul_small(mpq_ptr r, const DecSmall *a, const DecSmall *b) {
  if (a->n == 0 || b->n == 0) {
    mpq_set_ui(r, 0, 1);
    return;
  }
  uint64_t g1 = dec_gcd(a->n, b->d), g2 = dec_gcd(b->n, a->d);
  dec_u128 n = (dec_u128)(a->n / g1) * (b->n / g2), d = (dec_u128)(a->d / g2) * (b->d / g1);
  dec_set_u128(mpq_numref(r), n, a->neg != b->neg);
  dec_set_u128(mpq_denref(r), d, 0);
}

/* r = a + b (b's sign flipped when negate) in lowest terms, as GMP does it: with g the gcd
   of the denominators, t = an·(bd/g) + bn·(ad/g), and only gcd(t, g) left to cancel. */
static void dec_add_small(mpq_ptr r, const DecSmall *a, const DecSmall *b, int negate) {
  uint64_t g = dec_gcd(a->d, b->d);
  dec_u128 x = (dec_u128)a->n * (b->d / g), y = (dec_u128)b->n * (a->d / g);
  int xneg = a->neg, yneg = b->neg != negate, neg;
  dec_u128 t; /* |t|, sign neg */
  if (xneg == yneg) {
    t = x + y;
    neg = xneg;
  } else if (x >= y) {
    t = x - y;
    neg = xneg;
  } else {
    t = y - x;
    neg = yneg;
  }
  if (t == 0) {
    mpq_set_ui(r, 0, 1);
    return;
  }
  uint64_t g2 = g == 1 ? 1 : dec_gcd((uint64_t)(t % g), g);
  dec_set_u128(mpq_numref(r), t / g2, neg);
  dec_set_u128(mpq_denref(r), (dec_u128)(a->d / g) * (b->d / g2), 0);
}

void dec_add(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) {
  DecSmall x, y;
  if (dec_small(&x, a) && dec_small(&y, b)) dec_add_small(r, &x, &y, 0);
  else mpq_add(r, a, b);
}

void dec_sub(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) {
  DecSmall x, y;
  if (dec_small(&x, a) && dec_small(&y, b)) dec_add_small(r, &x, &y, 1);
  else mpq_sub(r, a, b);
}

void dec_mul(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) {
  DecSmall x, y;
  if (dec_small(&x, a) && dec_small(&y, b)) dec_mul_small(r, &x, &y);
  else mpq_mul(r, a, b);
}

void dec_div(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) {
  DecSmall x, y;
  if (mpq_sgn(b) != 0 && dec_small(&x, a) && dec_small(&y, b)) {
    DecSmall inv = {y.neg, y.d, y.n}; /* 1/b: its parts swapped, its sign kept */
    dec_mul_small(r, &x, &inv);
  } else {
    mpq_div(r, a, b); /* a division by zero is GMP's to report */
  }
}

/* |q| × 10^places rounded half up, in words when q fits them and places is 0 to 19 (the
   product stays below 2^127); 0 when GMP must do it. */
static int dec_scaled_fast(mpq_srcptr q, int places, dec_u128 *out, int *neg) {
  DecSmall x;
  if (places < 0 || places > 19 || !dec_small(&x, q)) return 0;
  dec_u128 t = (dec_u128)x.n * dec_p10[places];
  dec_u128 whole = t / x.d, rem = t % x.d;
  *out = whole + (2 * rem >= x.d); /* the half goes up, away from zero */
  *neg = x.neg && *out != 0;
  return 1;
}

/* The decimal digits of x into buf (at least 40 bytes): "0" for zero. */
static const char *dec_digits(char *buf, dec_u128 x) {
  char *o = buf + 39;
  *o = '\0';
  do {
    *--o = (char)('0' + (int)(x % 10));
    x /= 10;
  } while (x);
  return o;
}
#else
typedef unsigned long long dec_u128; /* unused: the fast path is off */

/* Without 128-bit words, GMP does all the rounding. */
static int dec_scaled_fast(mpq_srcptr q, int places, dec_u128 *out, int *neg) {
  (void)q, (void)places, (void)out, (void)neg;
  return 0;
}

static const char *dec_digits(char *buf, dec_u128 x) {
  (void)x;
  return buf;
}

void dec_add(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) {
  mpq_add(r, a, b);
}

void dec_sub(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) {
  mpq_sub(r, a, b);
}

void dec_mul(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) {
  mpq_mul(r, a, b);
}

void dec_div(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) {
  mpq_div(r, a, b);
}
#endif

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
  dec_u128 x;
  int neg;
  if (dec_scaled_fast(q, places, &x, &neg) && x <= UINT64_MAX) {
    dec_set_scaled(r, (uint64_t)x, places);
    if (neg) mpq_neg(r, r);
    return;
  }
  mpz_t z;
  mpz_init(z);
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

/* The digits of a rounded figure laid out with places decimals (and a sign when neg). */
static char *dec_layout(const char *digits, int neg, int places) {
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
  return out;
}

char *dec_format(const mpq_t q, int places) {
  if (places < 0) places = 0;
  dec_u128 x;
  int neg;
  if (dec_scaled_fast(q, places, &x, &neg)) {
    char buf[40];
    return dec_layout(dec_digits(buf, x), neg, places);
  }
  mpz_t z;
  mpz_init(z);
  dec_scaled(z, q, places, &neg);
  char *digits = mpz_get_str(NULL, 10, z);
  char *out = dec_layout(digits, neg, places);
  mem_free(digits); /* GMP's, from the same family */
  mpz_clear(z);
  return out;
}

char *dec_exact(const mpq_t q) {
  /* a terminating decimal has a denominator 2^a·5^b, and max(a, b) places */
  mpz_srcptr den = mpq_denref(q);
  if (mpz_size(den) == 1) { /* a one-word denominator: its 2s and 5s counted in place */
    uint64_t d = (uint64_t)mpz_getlimbn(den, 0);
    int a = __builtin_ctzll(d), b = 0;
    d >>= a;
    while (d % 5 == 0) {
      d /= 5;
      b++;
    }
    if (d == 1) return dec_format(q, a > b ? a : b);
  }
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
