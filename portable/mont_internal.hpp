// Montgomery building blocks shared by the portable Montgomery functions.
// R = 2^(64k) throughout. Constant time: loops run over sizes only, and every
// value-dependent choice is a mask that has passed through value_barrier.
#pragma once

#include "internal.hpp"

namespace vbignum::portable {

// -1/a mod 2^64 for odd a, without division. If a*x == 1 - y (mod 2^64), then
// a*x*(1+y) == 1 - y^2: each step doubles the correct low bits. x = 3a XOR 2 starts
// with 5 (a*x == 1 mod 32 for every odd a); 32-bit steps take it past 32 bits and
// one 64-bit step finishes, keeping the (recomputed per call) chain short.
constexpr u64 negmodinv_word(u64 a) {
  const uint32_t a32 = static_cast<uint32_t>(a);
  uint32_t x = (3 * a32) ^ 2, y = 1 - a32 * x;  // 5 bits
  x *= 1 + y;                                   // 10
  y *= y;
  x *= 1 + y;                                   // 20
  y *= y;
  x *= 1 + y;                                   // 40 (>= 32)
  u64 x64 = x;
  x64 *= 2 - a * x64;                           // 64
  return 0 - x64;
}

// z[0..k-1] += a * x[0..k-1]; returns the carry word out of z[k-1].
inline u64 muladd_row(u64 k, u64 *z, const u64 *x, u64 a) {
  u64 carry = 0;
  for (u64 j = 0; j < k; ++j) carry = mac(z[j], a, x[j], carry);
  return carry;
}

// One word of Montgomery reduction on the accumulator A = hi:z[0..k-1] (hi is the
// word at position k) plus a word `in` also entering at position k:
//   A <- (A + in * 2^(64k) + q * m) / 2^64,   q = z[0] * w (w = -1/m[0] mod 2^64),
// where q makes the division exact. The caller guarantees the new A < 2^(64k+1);
// the new top bit is returned (the new hi). k >= 1.
inline u64 redc_step(u64 k, u64 *z, const u64 *m, u64 w, u64 hi, u64 in) {
  u64 q = z[0] * w;
  u64 low = z[0];
  u64 carry = mac(low, q, m[0], 0);  // low is now 0: the word shifted out
  for (u64 j = 1; j < k; ++j) {
    u64 t = z[j];
    carry = mac(t, q, m[j], carry);
    z[j - 1] = t;
  }
  u64 c1 = add_carry(z[k - 1], carry, in, 0);
  u64 c2 = add_carry(z[k - 1], z[k - 1], hi, 0);
  return c1 + c2;
}

// z -= m & mask over k words (mask all-ones or zero); returns the borrow.
inline u64 sub_masked(u64 k, u64 *z, const u64 *m, u64 mask) {
  u64 borrow = 0;
  for (u64 j = 0; j < k; ++j) borrow = sub_borrow(z[j], z[j], m[j] & mask, borrow);
  return borrow;
}

// hi:z <- hi:z mod m, given hi:z < 2m (hi is 0 or 1): subtract m exactly when
// hi:z >= m, i.e. when hi is set or z - m does not borrow.
inline void reduce_once(u64 k, u64 *z, u64 hi, const u64 *m) {
  u64 borrow = 0, scratch;
  for (u64 j = 0; j < k; ++j) borrow = sub_borrow(scratch, z[j], m[j], borrow);
  sub_masked(k, z, m, value_barrier(0 - (hi | (borrow ^ 1))));
}

// hi:z = (x * y + q * m) / R for the q < R making it exact, so hi:z == x*y/R (mod m)
// and hi:z < y + m < 2R. Interleaved (one word of x, then one word of reduction):
// by induction each partial value stays below y + m, so k words plus a bit suffice.
// Returns hi. z disjoint from x, y, m; k >= 1.
inline u64 mont_product(u64 k, u64 *z, const u64 *x, const u64 *y, const u64 *m) {
  u64 w = negmodinv_word(m[0]);
  for (u64 j = 0; j < k; ++j) z[j] = 0;
  u64 hi = 0;
  for (u64 i = 0; i < k; ++i) {
    u64 carry = muladd_row(k, z, y, x[i]);
    hi = redc_step(k, z, m, w, hi, carry);
  }
  return hi;
}

}  // namespace vbignum::portable
