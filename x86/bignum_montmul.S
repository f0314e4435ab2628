// z = x * y / 2^(64k) mod m, all k words. Precondition: m odd, x * y <= 2^(64k) m
// (true when x, y < m). Aliasing: z disjoint from x, y and m.
// For k a multiple of 8 up to VB_MONT_MAX_K: the full product into a stack buffer
// (by bignum_kmul_16_32 / _24_48 / _32_64 at k = 16, 24, 32, else by 8x8 MULX
// blocks), then bignum_emontredc_8n and one masked subtraction. Other k (a public
// size) go to the portable version. Constant time.
//
// void bignum_montmul(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
//                     const uint64_t *m);   rdi = k, rsi = z, rdx = x, rcx = y, r8 = m
#include "_internal.h"

#ifndef VB_HAVE_PORTABLE
#error "bignum_montmul.S needs portable/bignum_montmul.cpp for the other sizes"
#endif

VB_FUNCTION(bignum_montmul)
  test  $7, %dil
  jnz   vbignum_portable_bignum_montmul@PLT
  test  %rdi, %rdi
  jz    vbignum_portable_bignum_montmul@PLT
  cmp   $VB_MONT_MAX_K, %rdi
  ja    vbignum_portable_bignum_montmul@PLT
  VB_REQUIRE_MULX(bignum_montmul)
  vb_mont_enter
  lea   VB_MONT_T(%rsp), %rdi
  mov   %rdx, %rsi
  // the Karatsuba products' scratch sits after T (2k words)
  mov   48(%rsp), %rax
  shl   $4, %rax
  lea   VB_MONT_T(%rsp,%rax), %r9
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
  mov   %rcx, %rdx
  mov   %r9, %rcx
  call  bignum_kmul_16_32@PLT
  jmp   99f
24:
  mov   %rcx, %rdx
  mov   %r9, %rcx
  call  bignum_kmul_24_48@PLT
  jmp   99f
32:
  mov   %rcx, %rdx
  mov   %r9, %rcx
  call  bignum_kmul_32_64@PLT
99:
  vb_mont_finish
VB_END(bignum_montmul)

VB_NOTE_STACK
