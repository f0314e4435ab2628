// z = x^2 (16 -> 32 words), x, z little-endian 64-bit words; t
// (VBIGNUM_KSQR_16_32_TEMP_WORDS = 24 words) is scratch, contents on return
// unspecified. Aliasing: z, x, t pairwise disjoint.
// x = a + B b with 8-word a, b (B = 2^512): x^2 = a^2 + B^2 b^2 + 2B ab, the
// squares by vb_sqr8 and ab by one padded 8x8 block (vb_sqr16_direct). The
// Karatsuba step (a third square |a-b|^2 instead of ab) measured slower here:
// 54-60 against 66-70 ns. Constant time.
//
// void bignum_ksqr_16_32(uint64_t z[32], const uint64_t x[16], uint64_t t[24]);
//   rdi = z, rsi = x, rdx = t
#include "_internal.h"

VB_FUNCTION(bignum_ksqr_16_32)
  VB_REQUIRE_MULX(bignum_ksqr_16_32)
  vb_push_callee
  vb_sqr16_direct
  vb_pop_callee
  ret
VB_END(bignum_ksqr_16_32)

VB_NOTE_STACK
