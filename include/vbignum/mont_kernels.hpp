// One almost-Montgomery step built from the library's kernels, for k a multiple
// of 8: the size's best product (Karatsuba at 16, 24 and 32 words; three or four
// half-size Karatsuba products at 48 and 64; bignum_sqr/bignum_mul otherwise),
// extended Montgomery reduction (bignum_emontredc_8n), and one subtraction of m
// under the reduction's carry. Used by mont.hpp and by the portable
// bignum_amontmul/amontsqr. Constant time: only k steers control flow.
#pragma once

#include <cstddef>
#include <cstdint>

#include "../vbignum.h"

namespace vbignum::detail {

constexpr std::size_t amont_kernels_temp_words(std::size_t k) { return 3 * k + 96; }

// z = x*y (2n words), or x^2 when y == x, by the Karatsuba kernels, n in {16, 24,
// 32}; t scratch of VBIGNUM_KMUL_32_64_TEMP_WORDS (96) words.
inline void karatsuba_product(std::size_t n, std::uint64_t *z, const std::uint64_t *x,
                              const std::uint64_t *y, std::uint64_t *t) {
  const bool square = x == y;
  if (n == 16)
    square ? bignum_ksqr_16_32(z, x, t) : bignum_kmul_16_32(z, x, y, t);
  else if (n == 24)
    square ? bignum_ksqr_24_48(z, x, t) : bignum_kmul_24_48(z, x, y, t);
  else
    square ? bignum_ksqr_32_64(z, x, t) : bignum_kmul_32_64(z, x, y, t);
}

// prod = x*y (2k words), t scratch of k + 96 words. At 48 and 64 words, B = 2^(32k):
// x0 y0 + (x0 y1 + x1 y0) B + x1 y1 B^2; a square needs x0 x1 once, added twice.
inline void product_by_kernels(std::size_t k, std::uint64_t *prod, const std::uint64_t *x,
                               const std::uint64_t *y, std::uint64_t *t) {
  const std::size_t h = k / 2;
  if (k == 16 || k == 24 || k == 32) {
    karatsuba_product(k, prod, x, y, t);
  } else if (k == 48 || k == 64) {
    karatsuba_product(h, prod, x, y, t + k);
    karatsuba_product(h, prod + k, x + h, y + h, t + k);
    karatsuba_product(h, t, x, y + h, t + k);
    bignum_add(3 * h, prod + h, 3 * h, prod + h, k, t);
    if (x != y) karatsuba_product(h, t, x + h, y, t + k);
    bignum_add(3 * h, prod + h, 3 * h, prod + h, k, t);
  } else if (x == y) {
    bignum_sqr(2 * k, prod, k, x);
  } else {
    bignum_mul(2 * k, prod, k, x, k, y);
  }
}

// z == x*y / R (mod m) with R = 2^(64k), z < R, and z < 2m when x < m or y < m; x == y
// gives the square. k a nonzero multiple of 8, m odd, w = -1/m[0] mod 2^64, t scratch
// of amont_kernels_temp_words(k) words; z disjoint from x, y, m and t.
// emontredc leaves r = 2^(64k) c + high half with prod + q m = R r, so r = prod/R +
// q m/R < R + m: when c = 1, r - m < R fits k words. If x < m, prod/R < m, r < 2m.
inline void amont_by_kernels(std::size_t k, std::uint64_t *z, const std::uint64_t *x,
                             const std::uint64_t *y, const std::uint64_t *m, std::uint64_t w,
                             std::uint64_t *t) {
  std::uint64_t *prod = t;
  product_by_kernels(k, prod, x, y, t + 2 * k);
  std::uint64_t c = bignum_emontredc_8n(k, prod, m, w);
  bignum_optsub(k, z, prod + k, c, m);
}

}  // namespace vbignum::detail
