// z = a^p mod m, all k words (any k-word a; p is the exponent), m odd; t scratch of
// 3k words. Constant time in a, p and m. z disjoint from a, p, m and t. k = 0: no-op.
//
// Square-and-multiply-always over all 64k exponent bits, in almost-Montgomery
// form: each step squares, multiplies by the base, and keeps the product or the
// square with bignum_mux on the exponent bit. A fixed-window table would be faster
// but needs more than the 3k words of t; the windowed RSA exponentiation lives in
// the C++ API.
#include "mont_internal.hpp"

using namespace vbignum::portable;

extern "C" void bignum_modexp(uint64_t k, uint64_t *z, const uint64_t *a, const uint64_t *p,
                              const uint64_t *m, uint64_t *t) {
  if (k == 0) return;
  u64 *acc = t, *base = t + k, *square = t + 2 * k;

  bignum_montifier(k, z, m, acc);     // z = R^2 mod m (R = 2^(64k))
  bignum_amontmul(k, base, a, z, m);  // base == a * R (mod m)
  bignum_demont(k, acc, z, m);        // acc = R mod m: 1 in Montgomery form

  for (u64 i = 64 * k; i-- > 0;) {
    bignum_amontsqr(k, square, acc, m);
    bignum_amontmul(k, acc, square, base, m);
    bignum_mux((p[i / 64] >> (i % 64)) & 1, k, acc, acc, square);
  }
  bignum_demont(k, z, acc, m);  // leave Montgomery form, fully reduced
}
