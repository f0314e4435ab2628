// If p != 0, z = x - y mod 2^(64k) and returns the borrow (0 or 1); else z = x and
// returns 0. All k words. Aliasing: z may equal x or y.
// Constant time: y is masked with all-ones or zero by SSE2 (PAND leaves the flags,
// and so the borrow chain, alone), never by a branch.
//
// uint64_t bignum_optsub(uint64_t k, uint64_t *z, const uint64_t *x, uint64_t p,
//                        const uint64_t *y);   rdi = k, rsi = z, rdx = x, rcx = p, r8 = y
#include "_internal.h"

VB_FUNCTION(bignum_optsub)
  neg   %rcx
  sbb   %rcx, %rcx          // rcx = p != 0 ? -1 : 0
  movq  %rcx, %xmm0
  // a negative index up to 0 over pointers past the k words; INC leaves CF alone
  lea   (%rsi,%rdi,8), %rsi
  lea   (%rdx,%rdi,8), %rdx
  lea   (%r8,%rdi,8), %r8
  neg   %rdi
  test  %rdi, %rdi          // CF = 0
  jz    2f
1:
  movq  (%r8,%rdi,8), %xmm1
  pand  %xmm0, %xmm1
  movq  %xmm1, %r10
  mov   (%rdx,%rdi,8), %rax
  sbb   %r10, %rax
  mov   %rax, (%rsi,%rdi,8)
  inc   %rdi
  jnz   1b
2:
  sbb   %rax, %rax
  neg   %rax
  ret
VB_END(bignum_optsub)

VB_NOTE_STACK
