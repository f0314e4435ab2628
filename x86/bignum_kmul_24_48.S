// z = x * y (24 x 24 -> 48 words), x, y, z little-endian 64-bit words.
// t (72 words) is scratch; this version does not use it.
// Aliasing: z, t, x, y pairwise disjoint (x may equal y).
// Schoolbook by 8x8 blocks with MULX/ADCX/ADOX (vb_mul_8n): 24 words do not
// halve into whole 8-word blocks, and a 16+8 split's products alone already cost
// about as much (x86/README.md). Constant time.
//
// void bignum_kmul_24_48(uint64_t z[48], const uint64_t x[24], const uint64_t y[24],
//                        uint64_t t[72]);   rdi = z, rsi = x, rdx = y, rcx = t
#include "_internal.h"

VB_FUNCTION(bignum_kmul_24_48)
  VB_REQUIRE_MULX(bignum_kmul_24_48)
  vb_push_callee
  sub   $32, %rsp
  mov   %rdx, %rcx
  vb_mul_8n 3
  add   $32, %rsp
  vb_pop_callee
  ret
VB_END(bignum_kmul_24_48)

VB_NOTE_STACK
