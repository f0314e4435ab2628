// z = x^2 (8 -> 16 words), x, z little-endian 64-bit words.
// Aliasing: z disjoint from x.
// Cross products once, then doubled together with the squares (vb_sqr8):
// 36 MULX instead of 64. Constant time.
//
// void bignum_sqr_8_16(uint64_t z[16], const uint64_t x[8]);   rdi = z, rsi = x
#include "_internal.h"

VB_FUNCTION(bignum_sqr_8_16)
  VB_REQUIRE_MULX(bignum_sqr_8_16)
  vb_push_callee
  vb_sqr8 %rsi, %rdi
  vb_pop_callee
  ret
VB_END(bignum_sqr_8_16)

VB_NOTE_STACK
