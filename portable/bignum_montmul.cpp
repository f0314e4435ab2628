// z = x * y / 2^(64k) mod m. Precondition: m odd, x * y <= 2^(64k) * m (true when
// x, y < m). z disjoint from x, y and m.
#include "mont_internal.hpp"

using namespace vbignum::portable;

extern "C" void bignum_montmul(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
                               const uint64_t *m) {
  if (k == 0) return;
  u64 hi = mont_product(k, z, x, y, m);  // < 2m by the precondition
  reduce_once(k, z, hi, m);
}
