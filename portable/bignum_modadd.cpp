// z = (x + y) mod m, k words. Precondition: x, y < m. z may equal x or y; z
// disjoint from m. Computes x + y - m, then adds m back when that went negative.
#include "internal.hpp"

using namespace vbignum::portable;

extern "C" void bignum_modadd(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
                              const uint64_t *m) {
  u64 carry = 0, borrow = 0;
  for (u64 i = 0; i < k; ++i) {
    u64 s;
    carry = add_carry(s, x[i], y[i], carry);
    borrow = sub_borrow(z[i], s, m[i], borrow);
  }
  // x + y - m < 0 exactly when the subtraction borrowed past the sum's carry.
  u64 add_back = value_barrier(0 - (borrow & ~carry));
  u64 c = 0;
  for (u64 i = 0; i < k; ++i) c = add_carry(z[i], z[i], m[i] & add_back, c);
}
