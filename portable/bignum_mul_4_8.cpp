// z = x * y (4 x 4 -> 8 words). z may overlap x or y: the inputs are copied first.
#include "products.hpp"

using namespace vbignum::portable;

extern "C" void bignum_mul_4_8(uint64_t *z, const uint64_t *x, const uint64_t *y) {
  u64 a[4], b[4], r[8];
  for (int i = 0; i < 4; ++i) a[i] = x[i], b[i] = y[i];
  mul_low(r, 8, a, 4, b, 4);
  for (int i = 0; i < 8; ++i) z[i] = r[i];
}
