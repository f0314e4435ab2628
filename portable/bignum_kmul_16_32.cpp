// z = x * y (16 x 16 -> 32 words) by Karatsuba; t is scratch of
// VBIGNUM_KMUL_16_32_TEMP_WORDS words. z, t, x, y disjoint (x may equal y).
#include "products.hpp"

using namespace vbignum::portable;

static_assert(kmul_temp_words<16>() <= VBIGNUM_KMUL_16_32_TEMP_WORDS);

extern "C" void bignum_kmul_16_32(uint64_t *z, const uint64_t *x, const uint64_t *y,
                                  uint64_t *t) {
  kmul<16>(z, x, y, t);
}
