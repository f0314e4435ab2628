// z = x^2 (4 -> 8 words). z may overlap x: the input is copied first.
#include "products.hpp"

using namespace vbignum::portable;

extern "C" void bignum_sqr_4_8(uint64_t *z, const uint64_t *x) {
  u64 a[4], r[8];
  for (int i = 0; i < 4; ++i) a[i] = x[i];
  sqr_low(r, 8, a, 4);
  for (int i = 0; i < 8; ++i) z[i] = r[i];
}
