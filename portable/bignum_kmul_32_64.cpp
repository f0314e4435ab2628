// z = x * y (32 x 32 -> 64 words) by Karatsuba; t is scratch of
// VBIGNUM_KMUL_32_64_TEMP_WORDS words. z, t, x, y disjoint (x may equal y).
#include "products.hpp"

using namespace vbignum::portable;

static_assert(kmul_temp_words<32>() <= VBIGNUM_KMUL_32_64_TEMP_WORDS);

extern "C" void bignum_kmul_32_64(uint64_t *z, const uint64_t *x, const uint64_t *y,
                                  uint64_t *t) {
  kmul<32>(z, x, y, t);
}
