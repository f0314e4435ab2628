// z = x^2 (24 -> 48 words) by Karatsuba; t is scratch of
// VBIGNUM_KSQR_24_48_TEMP_WORDS words. z, t, x disjoint.
#include "products.hpp"

using namespace vbignum::portable;

static_assert(ksqr_temp_words<24>() <= VBIGNUM_KSQR_24_48_TEMP_WORDS);

extern "C" void bignum_ksqr_24_48(uint64_t *z, const uint64_t *x, uint64_t *t) {
  ksqr<24>(z, x, t);
}
