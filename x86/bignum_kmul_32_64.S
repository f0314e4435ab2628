// z = x * y (32 x 32 -> 64 words), x, y, z little-endian 64-bit words.
// t (96 words) is scratch; this version does not use it.
// Aliasing: z, t, x, y pairwise disjoint (x may equal y).
// Schoolbook by 8x8 blocks with MULX/ADCX/ADOX (vb_mul_8n); see the report in
// x86/README.md for why not Karatsuba. Constant time.
//
// void bignum_kmul_32_64(uint64_t z[64], const uint64_t x[32], const uint64_t y[32],
//                        uint64_t t[96]);   rdi = z, rsi = x, rdx = y, rcx = t
#include "_internal.h"

VB_FUNCTION(bignum_kmul_32_64)
  VB_REQUIRE_MULX(bignum_kmul_32_64)
  vb_push_callee
  sub   $32, %rsp
  mov   %rdx, %rcx
  vb_mul_8n 4
  add   $32, %rsp
  vb_pop_callee
  ret
VB_END(bignum_kmul_32_64)

VB_NOTE_STACK
