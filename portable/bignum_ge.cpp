// Returns 1 if x >= y else 0; x of m words, y of n words: x >= y exactly when
// x - y over the longer length does not borrow.
#include "internal.hpp"

using namespace vbignum::portable;

extern "C" uint64_t bignum_ge(uint64_t m, const uint64_t *x, uint64_t n, const uint64_t *y) {
  u64 borrow = 0, difference;
  for (u64 i = 0; i < m || i < n; ++i)
    borrow = sub_borrow(difference, i < m ? x[i] : 0, i < n ? y[i] : 0, borrow);
  return borrow ^ 1;
}
