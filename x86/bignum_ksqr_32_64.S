// z = x^2 (32 -> 64 words), x, z little-endian 64-bit words; t
// (VBIGNUM_KSQR_32_64_TEMP_WORDS = 72 words) is scratch, contents on return
// unspecified. Aliasing: z, x, t pairwise disjoint.
// One Karatsuba level: x = a + 2^1024 b; a^2, b^2 and |a-b|^2 by the 16-word
// square (vb_sqr16_direct, a local subroutine), then 2ab = a^2 + b^2 - |a-b|^2
// added at word 16. t: |a-b| at t[0..15], |a-b|^2 at t[16..47], the 16-word
// squarings' scratch at t[48..71]. Constant time.
//
// void bignum_ksqr_32_64(uint64_t z[64], const uint64_t x[32], uint64_t t[72]);
//   rdi = z, rsi = x, rdx = t
#include "_internal.h"

VB_FUNCTION(bignum_ksqr_32_64)
  VB_REQUIRE_MULX(bignum_ksqr_32_64)
  vb_push_callee
  push  %rdx                // 16(%rsp) = t
  push  %rsi                // 8(%rsp) = x
  push  %rdi                // (%rsp) = z
  lea   384(%rdx), %rdx
  call  sqr16               // z[0..31] = a^2
  mov   8(%rsp), %rsi
  add   $128, %rsi
  mov   (%rsp), %rdi
  add   $256, %rdi
  mov   16(%rsp), %rdx
  add   $384, %rdx
  call  sqr16               // z[32..63] = b^2
  mov   8(%rsp), %rsi
  mov   16(%rsp), %rcx
  vb_absdiff 16             // t[0..15] = |a-b|
  mov   16(%rsp), %rsi
  lea   128(%rsi), %rdi
  lea   384(%rsi), %rdx
  call  sqr16               // t[16..47] = |a-b|^2
  mov   (%rsp), %rdi
  mov   16(%rsp), %rcx
  add   $128, %rcx
  vb_ksqr_combine 16
  add   $24, %rsp
  vb_pop_callee
  ret

// z[0..31] = x[0..15]^2: rdi = z, rsi = x, rdx = 24-word scratch.
  .p2align 4
sqr16:
  vb_sqr16_direct
  ret
VB_END(bignum_ksqr_32_64)

VB_NOTE_STACK
