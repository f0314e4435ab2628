// z = (x - y) mod m, k words. Precondition: x, y < m. z may equal x or y; z
// disjoint from m. Computes x - y, then adds m back when that borrowed.
#include "internal.hpp"

using namespace vbignum::portable;

extern "C" void bignum_modsub(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
                              const uint64_t *m) {
  u64 borrow = 0;
  for (u64 i = 0; i < k; ++i) borrow = sub_borrow(z[i], x[i], y[i], borrow);
  u64 add_back = value_barrier(0 - borrow);
  u64 c = 0;
  for (u64 i = 0; i < k; ++i) c = add_carry(z[i], z[i], m[i] & add_back, c);
}
