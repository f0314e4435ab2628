// z = x * y mod 2^(64k), x of m words, y of n words. Aliasing: z disjoint from x
// and y.
// Fast path when m and n are nonzero multiples of 8 and k = m + n (the shapes of
// RSA-size products): the 16x16 and 32x32 Karatsuba products, else 8x8 MULX
// blocks. Every other shape (public sizes) goes to the portable version.
// Constant time.
//
// void bignum_mul(uint64_t k, uint64_t *z, uint64_t m, const uint64_t *x,
//                 uint64_t n, const uint64_t *y);
//   rdi = k, rsi = z, rdx = m, rcx = x, r8 = n, r9 = y
#include "_internal.h"

#ifndef VB_HAVE_PORTABLE
#error "bignum_mul.S needs portable/bignum_mul.cpp for the other shapes"
#endif

VB_FUNCTION(bignum_mul)
  mov   %rdx, %rax
  or    %r8, %rax
  test  $7, %al
  jnz   vbignum_portable_bignum_mul@PLT
  test  %rdx, %rdx
  jz    vbignum_portable_bignum_mul@PLT
  test  %r8, %r8
  jz    vbignum_portable_bignum_mul@PLT
  lea   (%rdx,%r8), %rax
  cmp   %rax, %rdi
  jne   vbignum_portable_bignum_mul@PLT
  VB_REQUIRE_MULX(bignum_mul)
  vb_push_callee
  sub   $(56 + 8 * 96), %rsp   // slots, then 96 words of Karatsuba scratch; keeps rsp 16-aligned
  cmp   %rdx, %r8
  jne   8f
  cmp   $16, %rdx
  je    16f
  cmp   $32, %rdx
  je    32f
8:
  mov   %rdx, %rax
  shr   $3, %rax
  mov   %rax, 16(%rsp)      // x chunks
  shl   $3, %rdx
  mov   %rdx, 24(%rsp)      // 8m bytes
  shr   $3, %r8
  mov   %r8, 32(%rsp)       // y blocks
  mov   %rsi, %rdi
  mov   %rcx, %rsi
  mov   %r9, %rcx
  vb_mul_8n_frame 32(%rsp)
  jmp   99f
16:
  mov   %rsi, %rdi
  mov   %rcx, %rsi
  mov   %r9, %rdx
  lea   56(%rsp), %rcx
  call  bignum_kmul_16_32@PLT
  jmp   99f
32:
  mov   %rsi, %rdi
  mov   %rcx, %rsi
  mov   %r9, %rdx
  lea   56(%rsp), %rcx
  call  bignum_kmul_32_64@PLT
99:
  add   $(56 + 8 * 96), %rsp
  vb_pop_callee
  ret
VB_END(bignum_mul)

VB_NOTE_STACK
