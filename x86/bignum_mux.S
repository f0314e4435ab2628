// z = (p != 0) ? x : y, k words. Aliasing: z may equal x or y.
// Constant time: z = y ^ ((x ^ y) & mask), mask all-ones or zero, two words at a
// time in SSE2 registers.
//
// void bignum_mux(uint64_t p, uint64_t k, uint64_t *z, const uint64_t *x,
//                 const uint64_t *y);   rdi = p, rsi = k, rdx = z, rcx = x, r8 = y
#include "_internal.h"

VB_FUNCTION(bignum_mux)
  neg   %rdi
  sbb   %rdi, %rdi          // rdi = p != 0 ? -1 : 0
  movq  %rdi, %xmm0
  punpcklqdq %xmm0, %xmm0
  xor   %eax, %eax          // index
  mov   %rsi, %r9
  shr   $1, %r9             // pairs of words
  jz    2f
1:
  movdqu (%rcx,%rax,8), %xmm1
  movdqu (%r8,%rax,8), %xmm2
  pxor  %xmm2, %xmm1
  pand  %xmm0, %xmm1
  pxor  %xmm2, %xmm1
  movdqu %xmm1, (%rdx,%rax,8)
  add   $2, %rax
  dec   %r9
  jnz   1b
2:
  test  $1, %sil
  jz    3f
  movq  (%rcx,%rax,8), %xmm1
  movq  (%r8,%rax,8), %xmm2
  pxor  %xmm2, %xmm1
  pand  %xmm0, %xmm1
  pxor  %xmm2, %xmm1
  movq  %xmm1, (%rdx,%rax,8)
3:
  ret
VB_END(bignum_mux)

VB_NOTE_STACK
