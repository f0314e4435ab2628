// Returns 1 if x >= y else 0; x of m words, y of n words (either may be 0).
// x >= y exactly when x - y, over max(m, n) words, does not borrow. Constant time:
// the loops depend on m and n only.
//
// uint64_t bignum_ge(uint64_t m, const uint64_t *x, uint64_t n, const uint64_t *y);
//   rdi = m, rsi = x, rdx = n, rcx = y
#include "_internal.h"

VB_FUNCTION(bignum_ge)
  mov   %rdi, %r8
  cmp   %rdx, %rdi
  cmova %rdx, %r8           // r8 = min(m, n) words of x - y
  sub   %r8, %rdi           // rdi = words of x alone (x - 0)
  sub   %r8, %rdx           // rdx = words of y alone (0 - y)
  // Each loop runs a negative index up to 0 over pointers past its words; INC
  // leaves CF, the borrow, alone.
  lea   (%rsi,%r8,8), %rsi
  lea   (%rcx,%r8,8), %rcx
  neg   %r8
  test  %r8, %r8            // CF = 0
  jz    2f
1:
  mov   (%rsi,%r8,8), %rax
  sbb   (%rcx,%r8,8), %rax
  inc   %r8
  jnz   1b
2:
  sbb   %r10, %r10          // r10 = -borrow
  test  %rdi, %rdi
  jz    4f
  lea   (%rsi,%rdi,8), %rsi
  neg   %rdi
  bt    $0, %r10            // CF = borrow
3:
  mov   (%rsi,%rdi,8), %rax
  sbb   $0, %rax
  inc   %rdi
  jnz   3b
  sbb   %r10, %r10
4:
  test  %rdx, %rdx
  jz    6f
  lea   (%rcx,%rdx,8), %rcx
  neg   %rdx
  bt    $0, %r10
5:
  mov   $0, %eax
  sbb   (%rcx,%rdx,8), %rax
  inc   %rdx
  jnz   5b
  sbb   %r10, %r10
6:
  lea   1(%r10), %rax       // 1 - borrow
  ret
VB_END(bignum_ge)

VB_NOTE_STACK
