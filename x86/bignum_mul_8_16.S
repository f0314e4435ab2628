// z = x * y (8 x 8 -> 16 words), x, y, z little-endian 64-bit words.
// Aliasing: z disjoint from x and y (x may equal y).
// One 8x8 block of MULX/ADCX/ADOX rows (vb_block8). Constant time.
//
// void bignum_mul_8_16(uint64_t z[16], const uint64_t x[8], const uint64_t y[8]);
//   rdi = z, rsi = x, rdx = y
#include "_internal.h"

VB_FUNCTION(bignum_mul_8_16)
  VB_REQUIRE_MULX(bignum_mul_8_16)
  vb_push_callee
  mov   %rdx, %rcx
  vb_win_zero
  vb_block8 %rsi, %rcx, %rdi, 1
  add   $64, %rdi
  vb_win_store %rdi
  vb_pop_callee
  ret
VB_END(bignum_mul_8_16)

VB_NOTE_STACK
