// Extended Montgomery reduction in place. k a nonzero multiple of 8 (any k works
// here), m odd with k words, w = -1/m[0] mod 2^64. On entry z[0..2k-1] = z0; on
// return z[0..k-1] = q and r = 2^(64k) * c + z[k..2k-1], c the returned carry,
// satisfy z0 + q * m = 2^(64k) * r (so r < 2m when z0 < 2^(64k) * m).
// m must not overlap z.
#include "mont_internal.hpp"

using namespace vbignum::portable;

extern "C" uint64_t bignum_emontredc_8n(uint64_t k, uint64_t *z, const uint64_t *m,
                                        uint64_t w) {
  // Row i adds q_i * m at word i, q_i chosen to clear word i; the row's carry word
  // lands at word i+k together with the carry left there by row i-1.
  u64 carry = 0;
  for (u64 i = 0; i < k; ++i) {
    u64 q = z[i] * w;
    u64 row_carry = muladd_row(k, z + i, m, q);  // z[i] becomes 0
    carry = add_carry(z[i + k], z[i + k], row_carry, carry);
    z[i] = q;
  }
  return carry;
}
