// z = x' / 2^(64p) mod m, x' the low p+k words of x (x has n words, missing words
// read as zero). Precondition: m odd with k words, x' <= 2^(64p) * m.
// z (k words) disjoint from x and m.
#include "mont_internal.hpp"

using namespace vbignum::portable;

extern "C" void bignum_montredc(uint64_t k, uint64_t *z, uint64_t n, const uint64_t *x,
                                const uint64_t *m, uint64_t p) {
  if (k == 0) return;
  // Start from the low k words of x', then p reduction steps, each shifting one
  // more word of x' in at the top. The accumulator stays below 2^(64k) + m, and
  // ends below 2m thanks to the precondition. (Branches are on sizes only.)
  for (u64 j = 0; j < k; ++j) z[j] = j < n ? x[j] : 0;
  u64 w = negmodinv_word(m[0]);
  u64 hi = 0;
  for (u64 i = 0; i < p; ++i) hi = redc_step(k, z, m, w, hi, k + i < n ? x[k + i] : 0);
  reduce_once(k, z, hi, m);
}
