// z = x * y (8 x 8 -> 16 words). z disjoint from x and y.
#include "products.hpp"

using namespace vbignum::portable;

extern "C" void bignum_mul_8_16(uint64_t *z, const uint64_t *x, const uint64_t *y) {
  mul_low(z, 16, x, 8, y, 8);
}
