/* decimal.h: exact plan figures on GMP rationals: parsing decimal text, rounding half up
   (四舍五入) at a shown precision, and printing. No binary floating point anywhere. */
#ifndef PLC_DECIMAL_H
#define PLC_DECIMAL_H

#include <gmp.h>
#include <stddef.h>

/* The most digits a number may have (the scanner reports a longer one, L008): more than
   any plan needs, few enough that arithmetic on them stays instant. */
#define DEC_MAX_DIGITS 4096

/* Set q to the decimal text s ("5704.55", "-3", ".5" is not accepted); 0 on success, -1
   when it is not a number or has more than DEC_MAX_DIGITS digits. */
int dec_parse(mpq_t q, const char *s);

/* r = a + b, a − b, a × b and a / b (b not 0): the very rationals mpq_add … mpq_div give, in
   lowest terms, computed in 64-bit words with 128-bit intermediates when the operands' parts
   fit 63 bits (every figure a plan writes) and by GMP otherwise. r may be a or b. */
void dec_add(mpq_ptr r, mpq_srcptr a, mpq_srcptr b);
void dec_sub(mpq_ptr r, mpq_srcptr a, mpq_srcptr b);
void dec_mul(mpq_ptr r, mpq_srcptr a, mpq_srcptr b);
void dec_div(mpq_ptr r, mpq_srcptr a, mpq_srcptr b);

/* Digits after the decimal point in the text s ("81.5" → 1, "71" → 0). */
int dec_places(const char *s);

/* Set r to q rounded half away from zero to places decimal places (2.675 → 2.68). */
void dec_round(mpq_t r, const mpq_t q, int places);

/* q rounded to places decimal places, as text with exactly that many decimals; the
   caller frees it. */
char *dec_format(const mpq_t q, int places);

/* q exactly: a terminating decimal ("6018.30025"), or "p/q" when it does not terminate. */
char *dec_exact(const mpq_t q);

/* Whether q rounds to a finite double (|q| < 2^1024 − 2^970, about 1.797·10^308), so a
   workbook cell can hold it; a spreadsheet writes a larger one as INF, which no reader opens. */
int dec_fits_double(const mpq_t q);

/* Set q to 10^e (e may be negative). */
void dec_pow10(mpq_t q, int e);

#endif
