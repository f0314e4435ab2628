// "Almost" Montgomery product: z == x * y / 2^(64k) (mod m) and z < 2^(64k), not
// necessarily below m; z < 2m when x < m or y < m. Any k-word x, y; m odd.
// z disjoint from x, y and m.
#include "amont_8n.hpp"

using namespace vbignum::portable;

extern "C" void bignum_amontmul(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
                                const uint64_t *m) {
  if (amont_8n_fits(k)) return amont_8n(k, z, x, y, m);
  if (k == 0) return;
  // hi:z < y + m; when hi is set, hi:z - m < y fits k words (the borrow eats hi).
  u64 hi = mont_product(k, z, x, y, m);
  sub_masked(k, z, m, value_barrier(0 - hi));
}
