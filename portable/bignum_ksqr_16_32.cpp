// z = x^2 (16 -> 32 words) by Karatsuba; t is scratch of
// VBIGNUM_KSQR_16_32_TEMP_WORDS words. z, t, x disjoint.
#include "products.hpp"

using namespace vbignum::portable;

static_assert(ksqr_temp_words<16>() <= VBIGNUM_KSQR_16_32_TEMP_WORDS);

extern "C" void bignum_ksqr_16_32(uint64_t *z, const uint64_t *x, uint64_t *t) {
  ksqr<16>(z, x, t);
}
