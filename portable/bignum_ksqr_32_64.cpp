// z = x^2 (32 -> 64 words) by Karatsuba; t is scratch of
// VBIGNUM_KSQR_32_64_TEMP_WORDS words. z, t, x disjoint.
#include "products.hpp"

using namespace vbignum::portable;

static_assert(ksqr_temp_words<32>() <= VBIGNUM_KSQR_32_64_TEMP_WORDS);

extern "C" void bignum_ksqr_32_64(uint64_t *z, const uint64_t *x, uint64_t *t) {
  ksqr<32>(z, x, t);
}
