// z = x^2 / 2^(64k) mod m, all k words. Precondition: m odd, x^2 <= 2^(64k) m
// (true when x < m). Aliasing: z disjoint from x and m.
// For k a multiple of 8 up to VB_MONT_MAX_K: the square into a stack buffer (by
// the Karatsuba squares at k = 16, 24, 32, else by 8x8 MULX blocks), then
// bignum_emontredc_8n and one masked subtraction. Other k (a public size) go to
// the portable version. Constant time.
//
// void bignum_montsqr(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *m);
//   rdi = k, rsi = z, rdx = x, rcx = m
#include "_internal.h"

#ifndef VB_HAVE_PORTABLE
#error "bignum_montsqr.S needs portable/bignum_montsqr.cpp for the other sizes"
#endif

VB_FUNCTION(bignum_montsqr)
  test  $7, %dil
  jnz   vbignum_portable_bignum_montsqr@PLT
  test  %rdi, %rdi
  jz    vbignum_portable_bignum_montsqr@PLT
  cmp   $VB_MONT_MAX_K, %rdi
  ja    vbignum_portable_bignum_montsqr@PLT
  VB_REQUIRE_MULX(bignum_montsqr)
  mov   %rcx, %r8
  vb_mont_enter
  mov   %rdx, %rsi
  mov   %rdx, %rcx
  lea   VB_MONT_T(%rsp), %rdi
  // the Karatsuba squares' scratch sits after T (2k words)
  mov   48(%rsp), %rax
  shl   $4, %rax
  lea   VB_MONT_T(%rsp,%rax), %rdx
  mov   48(%rsp), %rax
  cmp   $16, %rax
  je    16f
  cmp   $24, %rax
  je    24f
  cmp   $32, %rax
  je    32f
  vb_mul_8n_frame 16(%rsp), 1
  jmp   99f
16:
  call  bignum_ksqr_16_32@PLT
  jmp   99f
24:
  call  bignum_ksqr_24_48@PLT
  jmp   99f
32:
  call  bignum_ksqr_32_64@PLT
99:
  vb_mont_finish
VB_END(bignum_montsqr)

VB_NOTE_STACK
