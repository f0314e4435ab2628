// z = x * y mod 2^(64k), x of m words, y of n words. z disjoint from x and y.
#include "products.hpp"

using namespace vbignum::portable;

extern "C" void bignum_mul(uint64_t k, uint64_t *z, uint64_t m, const uint64_t *x,
                           uint64_t n, const uint64_t *y) {
  mul_low(z, k, x, m, y, n);
}
