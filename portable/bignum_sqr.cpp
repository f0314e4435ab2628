// z = x^2 mod 2^(64k), x of n words. z disjoint from x.
#include "products.hpp"

using namespace vbignum::portable;

extern "C" void bignum_sqr(uint64_t k, uint64_t *z, uint64_t n, const uint64_t *x) {
  sqr_low(z, k, x, n);
}
