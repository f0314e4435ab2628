// z = x * y (16 x 16 -> 32 words), x, y, z little-endian 64-bit words.
// t (VBIGNUM_KMUL_16_32_TEMP_WORDS words) is scratch; this version does not use it.
// Aliasing: z, t, x, y pairwise disjoint (x may equal y).
// Schoolbook by 8x8 blocks with MULX/ADCX/ADOX (vb_mul_8n): on this machine it
// measured faster than a Karatsuba split at 16 words. Constant time.
//
// void bignum_kmul_16_32(uint64_t z[32], const uint64_t x[16], const uint64_t y[16],
//                        uint64_t t[32]);   rdi = z, rsi = x, rdx = y, rcx = t
#include "_internal.h"

VB_FUNCTION(bignum_kmul_16_32)
  VB_REQUIRE_MULX(bignum_kmul_16_32)
  vb_push_callee
  sub   $32, %rsp
  mov   %rdx, %rcx
  vb_mul_8n 2
  add   $32, %rsp
  vb_pop_callee
  ret
VB_END(bignum_kmul_16_32)

VB_NOTE_STACK
