// z = 2^(128k) mod m; m odd with k >= 1 words (leading zero words allowed);
// t scratch of k words. z, t, m pairwise disjoint.
//
// No division: write 64k = d * 2^s with d odd. Doubling modulo m (shift left one
// bit, subtract m under a mask) builds 2^(64k + d) mod m from 1; then each
// Montgomery squaring maps 2^(64k + e) to 2^(64k + 2e), so s of them reach
// 2^(128k). The step counts depend on k only.
#include <bit>
#include <utility>

#include "mont_internal.hpp"

using namespace vbignum::portable;

namespace {

// z = 2z mod m, given z < m.
void double_mod(u64 k, u64 *z, const u64 *m) {
  u64 out = 0;
  for (u64 j = 0; j < k; ++j) {
    u64 next = z[j] >> 63;
    z[j] = (z[j] << 1) | out;
    out = next;
  }
  reduce_once(k, z, out, m);
}

}  // namespace

extern "C" void bignum_montifier(uint64_t k, uint64_t *z, const uint64_t *m, uint64_t *t) {
  if (k == 0) return;
  const u64 bits = 64 * k;
  const u64 s = std::countr_zero(bits);
  const u64 d = bits >> s;

  z[0] = 1;
  for (u64 j = 1; j < k; ++j) z[j] = 0;
  reduce_once(k, z, 0, m);  // 1 mod m: 0 when m = 1
  for (u64 i = 0; i < bits + d; ++i) double_mod(k, z, m);

  u64 *from = z, *to = t;
  for (u64 i = 0; i < s; ++i) {
    bignum_montsqr(k, to, from, m);
    std::swap(from, to);
  }
  if (from != z)
    for (u64 j = 0; j < k; ++j) z[j] = from[j];
}
