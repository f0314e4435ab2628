// z = x * y / 2^(64k) mod m, all k words. Precondition: m odd, x * y <= 2^(64k) m
// (true when x, y < m). Aliasing: z disjoint from x, y and m.
// For k a multiple of 8 up to VB_MONT_MAX_K: the full product by 8x8 MULX blocks
// into a stack buffer, bignum_emontredc_8n, one masked subtraction. Other k (a
// public size) go to the portable version. Constant time.
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
  vb_mul_8n_frame
  vb_mont_finish
VB_END(bignum_montmul)

VB_NOTE_STACK
