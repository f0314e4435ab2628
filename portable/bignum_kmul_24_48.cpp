// z = x * y (24 x 24 -> 48 words) by Karatsuba; t is scratch of
// VBIGNUM_KMUL_24_48_TEMP_WORDS words. z, t, x, y disjoint (x may equal y).
#include "products.hpp"

using namespace vbignum::portable;

static_assert(kmul_temp_words<24>() <= VBIGNUM_KMUL_24_48_TEMP_WORDS);

extern "C" void bignum_kmul_24_48(uint64_t *z, const uint64_t *x, const uint64_t *y,
                                  uint64_t *t) {
  kmul<24>(z, x, y, t);
}
