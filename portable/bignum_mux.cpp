// z = (p != 0) ? x : y, k words, selected with masks. z may equal x or y.
#include "internal.hpp"

using namespace vbignum::portable;

extern "C" void bignum_mux(uint64_t p, uint64_t k, uint64_t *z, const uint64_t *x,
                           const uint64_t *y) {
  u64 take_x = value_barrier(mask_nonzero(p));
  for (u64 i = 0; i < k; ++i) z[i] = (x[i] & take_x) | (y[i] & ~take_x);
}
