// The fast path of the almost-Montgomery product and square for k a multiple of 8:
// the size's best product kernel, then bignum_emontredc_8n and one subtraction of
// m under its carry. It calls the library's kernels, so each backend's assembly
// (Karatsuba, reduction) does the work wherever it exists.
#pragma once

#include "mont_internal.hpp"

namespace vbignum::portable {

// Up to this many words the product and the kernels' temps fit a stack buffer.
inline constexpr u64 amont_8n_max_k = 256;

inline bool amont_8n_fits(u64 k) { return k != 0 && k % 8 == 0 && k <= amont_8n_max_k; }

// z = x*y (2n words) or x^2 (y == x) by the Karatsuba kernels, n in {16, 24, 32};
// t scratch of VBIGNUM_KMUL_32_64_TEMP_WORDS words at least.
inline void kproduct(u64 n, u64 *z, const u64 *x, const u64 *y, u64 *t) {
  const bool square = x == y;
  if (n == 16) square ? bignum_ksqr_16_32(z, x, t) : bignum_kmul_16_32(z, x, y, t);
  else if (n == 24) square ? bignum_ksqr_24_48(z, x, t) : bignum_kmul_24_48(z, x, y, t);
  else square ? bignum_ksqr_32_64(z, x, t) : bignum_kmul_32_64(z, x, y, t);
}

// prod = x*y (2k words), t scratch of k + 96 words. At 48 and 64 words, the four
// (or for a square three) half-size Karatsuba products, added at their offsets.
inline void product_8n(u64 k, u64 *prod, const u64 *x, const u64 *y, u64 *t) {
  const u64 h = k / 2;
  if (k == 16 || k == 24 || k == 32) {
    kproduct(k, prod, x, y, t);
  } else if (k == 48 || k == 64) {
    kproduct(h, prod, x, y, t + k);              // x0 y0
    kproduct(h, prod + k, x + h, y + h, t + k);  // x1 y1 B^2
    kproduct(h, t, x, y + h, t + k);             // x0 y1 B
    bignum_add(3 * h, prod + h, 3 * h, prod + h, k, t);
    if (x != y) kproduct(h, t, x + h, y, t + k);  // x1 y0 B (for a square, x0 x1 again)
    bignum_add(3 * h, prod + h, 3 * h, prod + h, k, t);
  } else if (x == y) {
    bignum_sqr(2 * k, prod, k, x);
  } else {
    bignum_mul(2 * k, prod, k, x, k, y);
  }
}

// z == x*y / R (mod m), z < R = 2^(64k); z < 2m when x < m or y < m. amont_8n_fits(k).
// emontredc gives q (low half) and r = 2^(64k) c + high half with prod + q m = R r,
// so r = prod/R + q m/R < R + m: when c = 1, r - m < R fits k words. If x < m,
// prod/R < m and r < 2m.
inline void amont_8n(u64 k, u64 *z, const u64 *x, const u64 *y, const u64 *m) {
  u64 buf[3 * amont_8n_max_k + 96];
  u64 *prod = buf, *t = buf + 2 * k;
  product_8n(k, prod, x, y, t);
  u64 c = bignum_emontredc_8n(k, prod, m, negmodinv_word(m[0]));
  bignum_optsub(k, z, prod + k, c, m);
}

}  // namespace vbignum::portable
