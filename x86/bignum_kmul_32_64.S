// z = x * y (32 x 32 -> 64 words), x, y, z little-endian 64-bit words; t
// (VBIGNUM_KMUL_32_64_TEMP_WORDS = 96 words) is scratch, contents on return
// unspecified. Aliasing: z, t, x, y pairwise disjoint (x may equal y).
// Two Karatsuba levels (vb_kmul): the 16-word halves' products by a local copy
// of the 16-word Karatsuba product on 8x8 MULX/ADCX/ADOX blocks. t[0..63] holds
// the outer level's differences and product, t[64..95] the inner scratch.
// Constant time.
//
// void bignum_kmul_32_64(uint64_t z[64], const uint64_t x[32], const uint64_t y[32],
//                        uint64_t t[96]);   rdi = z, rsi = x, rdx = y, rcx = t
#include "_internal.h"

// Half product for the outer level: rdi = z, rsi = x, rcx = y (16 words each).
.macro mul16_half
  mov   %rcx, %rdx
  mov   56(%rsp), %rcx
  add   $512, %rcx
  call  kmul16
.endm

VB_FUNCTION(bignum_kmul_32_64)
  VB_REQUIRE_MULX(bignum_kmul_32_64)
  vb_push_callee
  sub   $80, %rsp
  vb_kmul 16, mul16_half
  add   $80, %rsp
  vb_pop_callee
  ret

// z[0..31] = x[0..15] * y[0..15]: rdi = z, rsi = x, rdx = y, rcx = 32-word scratch.
  .p2align 4
kmul16:
  sub   $80, %rsp
  vb_kmul 8, vb_mul8_half_pad
  add   $80, %rsp
  ret
VB_END(bignum_kmul_32_64)

VB_NOTE_STACK
