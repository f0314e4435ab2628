// z = x^2 (16 -> 32 words), x, z little-endian 64-bit words; t
// (VBIGNUM_KSQR_16_32_TEMP_WORDS = 24 words) is scratch, contents on return
// unspecified. Aliasing: z, x, t pairwise disjoint.
// One Karatsuba step (vb_ksqr16): three 8-word squarings, a^2, b^2 and |a-b|^2,
// then 2ab = a^2 + b^2 - |a-b|^2 added in the middle. Constant time.
//
// void bignum_ksqr_16_32(uint64_t z[32], const uint64_t x[16], uint64_t t[24]);
//   rdi = z, rsi = x, rdx = t
#include "_internal.h"

VB_FUNCTION(bignum_ksqr_16_32)
  VB_REQUIRE_MULX(bignum_ksqr_16_32)
  vb_push_callee
  vb_ksqr16
  vb_pop_callee
  ret
VB_END(bignum_ksqr_16_32)

VB_NOTE_STACK
