/*
 * vbignum: the flat C API.
 *
 * Numbers are little-endian arrays of 64-bit words ("digits"); k, m, n, p count
 * words. Names, prototypes and semantics match s2n-bignum's for every function
 * the two share, so code written against s2n-bignum links against vbignum.
 *
 * Every function runs in time, and touches memory at addresses, that depend only
 * on the public size arguments (and, for table lookups, the table geometry), never
 * on the values of the numbers, nor on a table index or an exponent.
 *
 * Aliasing: unless a contract says otherwise, an output may not overlap any input
 * or temp buffer. "z may equal x" means exactly equal pointers, not partial overlap.
 */
#ifndef VBIGNUM_H
#define VBIGNUM_H

#include <stdint.h>

#ifdef __cplusplus
#define VBIGNUM_S /* array sizes are documentation only in C++ */
extern "C" {
#else
#define VBIGNUM_S static
#endif

/* Temp-buffer sizes, in 64-bit words. */
#define VBIGNUM_KMUL_16_32_TEMP_WORDS 32
#define VBIGNUM_KSQR_16_32_TEMP_WORDS 24
#define VBIGNUM_KMUL_24_48_TEMP_WORDS 72
#define VBIGNUM_KSQR_24_48_TEMP_WORDS 72
#define VBIGNUM_KMUL_32_64_TEMP_WORDS 96
#define VBIGNUM_KSQR_32_64_TEMP_WORDS 72
#define VBIGNUM_MONTIFIER_TEMP_WORDS(k) (k)
#define VBIGNUM_MODEXP_TEMP_WORDS(k) (3 * (k))

/* ------------------------------------------------------------------------ */
/* Fixed-size products                                                      */
/* ------------------------------------------------------------------------ */

/* z = x * y (4 x 4 -> 8 words). z may overlap x or y: all inputs are read first. */
void bignum_mul_4_8(uint64_t z[VBIGNUM_S 8], const uint64_t x[VBIGNUM_S 4],
                    const uint64_t y[VBIGNUM_S 4]);

/* z = x^2 (4 -> 8 words). z may overlap x: the input is read first. */
void bignum_sqr_4_8(uint64_t z[VBIGNUM_S 8], const uint64_t x[VBIGNUM_S 4]);

/* z = x * y (8 x 8 -> 16 words). z disjoint from x and y. */
void bignum_mul_8_16(uint64_t z[VBIGNUM_S 16], const uint64_t x[VBIGNUM_S 8],
                     const uint64_t y[VBIGNUM_S 8]);

/* z = x^2 (8 -> 16 words). z disjoint from x. */
void bignum_sqr_8_16(uint64_t z[VBIGNUM_S 16], const uint64_t x[VBIGNUM_S 8]);

/* Karatsuba products. z = x * y (or x^2); t is scratch of the given size, its
 * contents on return unspecified. z, t, x, y pairwise disjoint (x may equal y). */
void bignum_kmul_16_32(uint64_t z[VBIGNUM_S 32], const uint64_t x[VBIGNUM_S 16],
                       const uint64_t y[VBIGNUM_S 16], uint64_t t[VBIGNUM_S 32]);
void bignum_ksqr_16_32(uint64_t z[VBIGNUM_S 32], const uint64_t x[VBIGNUM_S 16],
                       uint64_t t[VBIGNUM_S 24]);
void bignum_kmul_24_48(uint64_t z[VBIGNUM_S 48], const uint64_t x[VBIGNUM_S 24],
                       const uint64_t y[VBIGNUM_S 24], uint64_t t[VBIGNUM_S 72]);
void bignum_ksqr_24_48(uint64_t z[VBIGNUM_S 48], const uint64_t x[VBIGNUM_S 24],
                       uint64_t t[VBIGNUM_S 72]);
void bignum_kmul_32_64(uint64_t z[VBIGNUM_S 64], const uint64_t x[VBIGNUM_S 32],
                       const uint64_t y[VBIGNUM_S 32], uint64_t t[VBIGNUM_S 96]);
void bignum_ksqr_32_64(uint64_t z[VBIGNUM_S 64], const uint64_t x[VBIGNUM_S 32],
                       uint64_t t[VBIGNUM_S 72]);

/* ------------------------------------------------------------------------ */
/* Montgomery arithmetic (m odd; w = -1/m mod 2^64)                          */
/* ------------------------------------------------------------------------ */

/* Returns w with a * w == -1 (mod 2^64). Precondition: a odd. */
uint64_t word_negmodinv(uint64_t a);

/* z = -1/x mod 2^(64k), i.e. z * x == -1 (mod 2^(64k)). Precondition: x odd.
 * z may equal x. */
void bignum_negmodinv(uint64_t k, uint64_t *z, const uint64_t *x);

/* Extended Montgomery reduction in place; k a nonzero multiple of 8, m odd with k
 * words, w = word_negmodinv(m[0]). On entry z[0..2k-1] holds z0. On return z[0..k-1]
 * holds the quotient q and the result r = 2^(64k) * c + z[k..2k-1], c the return
 * value (0 or 1), satisfies z0 + q * m = 2^(64k) * r. r is not fully reduced: if
 * z0 < 2^(64k) * m then r < 2m. m must not overlap z. */
uint64_t bignum_emontredc_8n(uint64_t k, uint64_t *z, const uint64_t *m, uint64_t w);

/* z = x' / 2^(64p) mod m, x' the low p+k words of x (x has n words, missing words
 * read as zero). Precondition: m odd with k words, x' <= 2^(64p) * m.
 * z (k words) disjoint from x and m. */
void bignum_montredc(uint64_t k, uint64_t *z, uint64_t n, const uint64_t *x,
                     const uint64_t *m, uint64_t p);

/* z = x * y / 2^(64k) mod m. Precondition: m odd, x * y <= 2^(64k) * m (true when
 * x, y < m). z disjoint from x, y and m. */
void bignum_montmul(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
                    const uint64_t *m);

/* z = x^2 / 2^(64k) mod m. Precondition: m odd, x^2 <= 2^(64k) * m.
 * z disjoint from x and m. */
void bignum_montsqr(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *m);

/* "Almost" Montgomery: z == x * y / 2^(64k) (mod m) and z < 2^(64k), not
 * necessarily below m; z < 2m when x < m or y < m. Any k-word x, y; m odd.
 * z disjoint from x, y and m. */
void bignum_amontmul(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
                     const uint64_t *m);
void bignum_amontsqr(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *m);

/* z = x / 2^(64k) mod m, for any k-word x; m odd. z may equal x; z disjoint from m. */
void bignum_demont(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *m);

/* z = 2^(128k) mod m; m odd with k >= 1 words; t scratch of
 * VBIGNUM_MONTIFIER_TEMP_WORDS(k) words. z, t, m pairwise disjoint. */
void bignum_montifier(uint64_t k, uint64_t *z, const uint64_t *m, uint64_t *t);

/* ------------------------------------------------------------------------ */
/* Generic                                                                  */
/* ------------------------------------------------------------------------ */

/* z = x + y mod 2^(64p), x of m words and y of n words (either may be shorter or
 * longer than p; missing words read as zero). Returns the carry out of word p-1,
 * 0 or 1 (0 if p = 0). z may equal x or y. */
uint64_t bignum_add(uint64_t p, uint64_t *z, uint64_t m, const uint64_t *x,
                    uint64_t n, const uint64_t *y);

/* z = x - y mod 2^(64p), shapes as bignum_add. Returns the borrow out of word p-1,
 * 0 or 1 (0 if p = 0). z may equal x or y. */
uint64_t bignum_sub(uint64_t p, uint64_t *z, uint64_t m, const uint64_t *x,
                    uint64_t n, const uint64_t *y);

/* z = x * y mod 2^(64k), x of m words, y of n words. z disjoint from x and y. */
void bignum_mul(uint64_t k, uint64_t *z, uint64_t m, const uint64_t *x, uint64_t n,
                const uint64_t *y);

/* z = x^2 mod 2^(64k), x of n words. z disjoint from x. */
void bignum_sqr(uint64_t k, uint64_t *z, uint64_t n, const uint64_t *x);

/* Returns 1 if x >= y else 0; x of m words, y of n words. */
uint64_t bignum_ge(uint64_t m, const uint64_t *x, uint64_t n, const uint64_t *y);

/* If p != 0, z = x - y mod 2^(64k) and returns the borrow; else z = x and returns
 * 0. All k words. z may equal x or y. */
uint64_t bignum_optsub(uint64_t k, uint64_t *z, const uint64_t *x, uint64_t p,
                       const uint64_t *y);

/* z = (p != 0) ? x : y, k words. z may equal x or y. */
void bignum_mux(uint64_t p, uint64_t k, uint64_t *z, const uint64_t *x,
                const uint64_t *y);

/* z = (x + y) mod m and z = (x - y) mod m. Precondition: x, y < m (k words).
 * z may equal x or y; z disjoint from m. */
void bignum_modadd(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
                   const uint64_t *m);
void bignum_modsub(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
                   const uint64_t *m);

/* z = a^p mod m, all k words (any k-word a), m odd. t scratch of
 * VBIGNUM_MODEXP_TEMP_WORDS(k) words. Constant time in a, p and m. z disjoint from
 * a, p, m and t. For k = 0 does nothing. */
void bignum_modexp(uint64_t k, uint64_t *z, const uint64_t *a, const uint64_t *p,
                   const uint64_t *m, uint64_t *t);

/* ------------------------------------------------------------------------ */
/* Constant-time table lookup                                               */
/* ------------------------------------------------------------------------ */
/* z[0..width-1] = table[idx*width .. idx*width + width-1], reading the whole table
 * (height rows of width words) so that time and addresses do not depend on idx.
 * Precondition: idx < height (if not, z is set to zero). z disjoint from table. */
void bignum_copy_row_from_table(uint64_t *z, const uint64_t *table, uint64_t height,
                                uint64_t width, uint64_t idx);
/* Same, width a multiple of 8. */
void bignum_copy_row_from_table_8n(uint64_t *z, const uint64_t *table, uint64_t height,
                                   uint64_t width, uint64_t idx);
/* Same, width 16 and 32. */
void bignum_copy_row_from_table_16(uint64_t *z, const uint64_t *table, uint64_t height,
                                   uint64_t idx);
void bignum_copy_row_from_table_32(uint64_t *z, const uint64_t *table, uint64_t height,
                                   uint64_t idx);

#ifdef __cplusplus
}
#endif

#endif /* VBIGNUM_H */
