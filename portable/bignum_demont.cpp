// z = x / 2^(64k) mod m, for any k-word x; m odd. z may equal x; z disjoint from m.
#include "mont_internal.hpp"

using namespace vbignum::portable;

extern "C" void bignum_demont(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *m) {
  if (k == 0) return;
  // k reduction steps in place: (x + q*m) / 2^(64k) < 1 + m, and every partial
  // value stays below 2^(64k), so hi stays 0 and one final subtraction suffices
  // (x == 0 mod m gives exactly m, which it maps to 0).
  for (u64 j = 0; j < k; ++j) z[j] = x[j];
  u64 w = negmodinv_word(m[0]);
  for (u64 i = 0; i < k; ++i) redc_step(k, z, m, w, 0, 0);
  reduce_once(k, z, 0, m);
}
