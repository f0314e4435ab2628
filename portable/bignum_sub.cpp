// z = x - y mod 2^(64p), x of m words, y of n words (missing words read as zero);
// returns the borrow out of word p-1. z may equal x or y: word i is read before
// it is written.
#include "internal.hpp"

using namespace vbignum::portable;

extern "C" uint64_t bignum_sub(uint64_t p, uint64_t *z, uint64_t m, const uint64_t *x,
                               uint64_t n, const uint64_t *y) {
  u64 borrow = 0;
  for (u64 i = 0; i < p; ++i)
    borrow = sub_borrow(z[i], i < m ? x[i] : 0, i < n ? y[i] : 0, borrow);
  return borrow;
}
