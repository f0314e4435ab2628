// Building blocks of the portable backend: word arithmetic with explicit carries
// and branch-free masks. Everything here is constant time: no branch, memory index
// or division depends on a value, only on sizes.
#pragma once

#include <cstdint>

#include "vbignum.h"

namespace vbignum::portable {

using u64 = uint64_t;

// Full 64x64 -> 128 product as (lo, hi).
struct Wide { u64 lo, hi; };

inline Wide mul_wide(u64 a, u64 b) {
#if defined(__SIZEOF_INT128__)
  unsigned __int128 p = static_cast<unsigned __int128>(a) * b;
  return {static_cast<u64>(p), static_cast<u64>(p >> 64)};
#else
  // Schoolbook on 32-bit halves; no carry can overflow the 64-bit partial sums.
  u64 al = a & 0xffffffffu, ah = a >> 32, bl = b & 0xffffffffu, bh = b >> 32;
  u64 ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
  u64 mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
  return {(mid << 32) | (ll & 0xffffffffu), hh + (lh >> 32) + (hl >> 32) + (mid >> 32)};
#endif
}

// r = a + b + carry_in; returns the carry out (0 or 1).
inline u64 add_carry(u64 &r, u64 a, u64 b, u64 carry_in) {
  u64 s = a + b;
  u64 c1 = s < a;
  r = s + carry_in;
  return c1 | (r < s);
}

// r = a - b - borrow_in; returns the borrow out (0 or 1).
inline u64 sub_borrow(u64 &r, u64 a, u64 b, u64 borrow_in) {
  u64 d = a - b;
  u64 b1 = a < b;
  r = d - borrow_in;
  return b1 | (d < borrow_in);
}

// All-ones if x != 0, else zero, without a branch.
inline u64 mask_nonzero(u64 x) { return static_cast<u64>(0) - ((x | (0 - x)) >> 63); }
// All-ones if x == 0, else zero.
inline u64 mask_zero(u64 x) { return ~mask_nonzero(x); }
// All-ones if a == b.
inline u64 mask_eq(u64 a, u64 b) { return mask_zero(a ^ b); }

// Stop the compiler from turning masked selects back into branches: the value
// passes through an empty asm the optimiser cannot see into.
inline u64 value_barrier(u64 x) {
#if defined(__GNUC__)
  __asm__("" : "+r"(x));
#endif
  return x;
}

// (hi:lo) += a * b + c, as one multiply-accumulate step; returns the new carry word.
inline u64 mac(u64 &acc, u64 a, u64 b, u64 carry) {
  Wide p = mul_wide(a, b);
  u64 c = add_carry(p.lo, p.lo, acc, 0);
  p.hi += c;
  c = add_carry(acc, p.lo, carry, 0);
  return p.hi + c;
}

}  // namespace vbignum::portable
