// z = x^2 (8 -> 16 words). z disjoint from x.
#include "products.hpp"

using namespace vbignum::portable;

extern "C" void bignum_sqr_8_16(uint64_t *z, const uint64_t *x) { sqr_low(z, 16, x, 8); }
