// z = x^2 mod 2^(64k), x of n words. Aliasing: z disjoint from x.
// Fast path when n is a nonzero multiple of 8 and k = 2n: the dedicated squares
// at n = 8, 16, 24, 32, else 8x8 MULX blocks. Every other shape (public sizes)
// goes to the portable version. Constant time.
//
// void bignum_sqr(uint64_t k, uint64_t *z, uint64_t n, const uint64_t *x);
//   rdi = k, rsi = z, rdx = n, rcx = x
#include "_internal.h"

#ifndef VB_HAVE_PORTABLE
#error "bignum_sqr.S needs portable/bignum_sqr.cpp for the other shapes"
#endif

VB_FUNCTION(bignum_sqr)
  test  $7, %dl
  jnz   vbignum_portable_bignum_sqr@PLT
  test  %rdx, %rdx
  jz    vbignum_portable_bignum_sqr@PLT
  lea   (%rdx,%rdx), %rax
  cmp   %rax, %rdi
  jne   vbignum_portable_bignum_sqr@PLT
  VB_REQUIRE_MULX(bignum_sqr)
  vb_push_callee
  sub   $(56 + 8 * 72), %rsp   // slots, then 72 words of Karatsuba scratch; keeps rsp 16-aligned
  mov   %rsi, %rdi
  mov   %rcx, %rsi
  cmp   $8, %rdx
  je    8f
  cmp   $16, %rdx
  je    16f
  cmp   $24, %rdx
  je    24f
  cmp   $32, %rdx
  je    32f
  mov   %rdx, %rax
  shr   $3, %rax
  mov   %rax, 16(%rsp)      // nb
  shl   $3, %rdx
  mov   %rdx, 24(%rsp)      // 8n bytes
  vb_mul_8n_frame
  jmp   99f
8:
  call  bignum_sqr_8_16@PLT
  jmp   99f
16:
  lea   56(%rsp), %rdx
  call  bignum_ksqr_16_32@PLT
  jmp   99f
24:
  lea   56(%rsp), %rdx
  call  bignum_ksqr_24_48@PLT
  jmp   99f
32:
  lea   56(%rsp), %rdx
  call  bignum_ksqr_32_64@PLT
99:
  add   $(56 + 8 * 72), %rsp
  vb_pop_callee
  ret
VB_END(bignum_sqr)

VB_NOTE_STACK
