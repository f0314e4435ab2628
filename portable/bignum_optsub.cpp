// If p != 0, z = x - y mod 2^(64k) and returns the borrow; else z = x, returns 0.
// y is masked to zero rather than skipped. z may equal x or y.
#include "internal.hpp"

using namespace vbignum::portable;

extern "C" uint64_t bignum_optsub(uint64_t k, uint64_t *z, const uint64_t *x, uint64_t p,
                                  const uint64_t *y) {
  u64 use_y = value_barrier(mask_nonzero(p));
  u64 borrow = 0;
  for (u64 i = 0; i < k; ++i) borrow = sub_borrow(z[i], x[i], y[i] & use_y, borrow);
  return borrow;
}
