// "Almost" Montgomery square: z == x^2 / 2^(64k) (mod m) and z < 2^(64k), not
// necessarily below m. Any k-word x; m odd. Also guaranteed: z < 2m when x < m
// (z = r or r - m for r = (x^2 + q m) / 2^(64k) < x^2 / 2^(64k) + m).
// Aliasing: z disjoint from x and m.
// k = 16, 24, 32 (the RSA prime sizes): the square by bignum_ksqr_16_32 / _24_48 /
// _32_64 into a stack buffer, then the Montgomery reduction by full-width rows
// (vb_freduce) and m subtracted under its carry while z is stored, the low 8
// words of r still in registers (vb_amont_finish): no comparison, no second pass.
// k = 48, 64: see amontsqr_halves below. Other k (a public size) go to the portable
// version. Constant time.
//
// void bignum_amontsqr(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *m);
//   rdi = k, rsi = z, rdx = x, rcx = m
#include "_internal.h"

#ifndef VB_HAVE_PORTABLE
#error "bignum_amontsqr.S needs portable/bignum_amontsqr.cpp for the other sizes"
#endif

// k = 2h = 48, 64 (3072- and 4096-bit moduli): one Karatsuba level over the h-word
// squares (B = 2^(64h)): x^2 = x0^2 + B^2 x1^2 + B (x0^2 + x1^2 - |x0 - x1|^2),
// three squares against two squares and an h-word product (x0 x1, doubled), which
// costs 1.4-1.65x a square here: ~200 cycles less a call, net of the absolute
// difference and the combination (x86/README.md). Then the same reduction and
// subtraction. Frame: vb_mont_enter 3: T (2k words), S (k words), then the
// squares' scratch (96 words; the kernels ask 72). |x0 - x1| goes to T[0..h-1]
// before x0^2 needs it, its square to S; x at 16(%rsp).
.macro amontsqr_halves K, ksqr
  mov   %rdx, 16(%rsp)
  mov   %rdx, %rsi
  lea   VB_MONT_T(%rsp), %rcx
  vb_absdiff \K/2                     // T[0..h-1] = |x0 - x1|
  lea   VB_MONT_T+16*\K(%rsp), %rdi
  lea   VB_MONT_T(%rsp), %rsi
  lea   VB_MONT_T+24*\K(%rsp), %rdx
  call  \ksqr@PLT                     // S = |x0 - x1|^2
  lea   VB_MONT_T(%rsp), %rdi
  mov   16(%rsp), %rsi
  lea   VB_MONT_T+24*\K(%rsp), %rdx
  call  \ksqr@PLT                     // T[0..k-1] = x0^2
  lea   VB_MONT_T+8*\K(%rsp), %rdi
  mov   16(%rsp), %rsi
  add   $4*\K, %rsi
  lea   VB_MONT_T+24*\K(%rsp), %rdx
  call  \ksqr@PLT                     // T[k..2k-1] = x1^2
  lea   VB_MONT_T(%rsp), %rdi
  lea   VB_MONT_T+16*\K(%rsp), %rcx
  vb_ksqr_combine_u \K/2              // T[h..4h-1] += x0^2 + x1^2 - S
  vb_amont_finish \K
.endm

VB_FUNCTION(bignum_amontsqr)
  test  $7, %dil
  jnz   vbignum_portable_bignum_amontsqr@PLT
  cmp   $64, %rdi
  ja    vbignum_portable_bignum_amontsqr@PLT
  cmp   $8, %rdi
  jbe   vbignum_portable_bignum_amontsqr@PLT
  cmp   $40, %rdi
  je    vbignum_portable_bignum_amontsqr@PLT
  cmp   $56, %rdi
  je    vbignum_portable_bignum_amontsqr@PLT
  VB_REQUIRE_MULX(bignum_amontsqr)
  mov   %rcx, %r8
  cmp   $32, %rdi
  ja    48f
  vb_mont_enter
  mov   %rdx, %rsi
  lea   VB_MONT_T(%rsp), %rdi
  mov   48(%rsp), %rax
  shl   $4, %rax
  lea   VB_MONT_T(%rsp,%rax), %rdx  // the squares' scratch, after T (2k words)
  cmpq  $16, 48(%rsp)
  je    16f
  cmpq  $24, 48(%rsp)
  je    24f
  call  bignum_ksqr_32_64@PLT
  vb_amont_finish 32
16:
  call  bignum_ksqr_16_32@PLT
  vb_amont_finish 16
24:
  call  bignum_ksqr_24_48@PLT
  vb_amont_finish 24
48:
  vb_mont_enter 3
  cmpq  $48, 48(%rsp)
  jne   64f
  amontsqr_halves 48, bignum_ksqr_24_48
64:
  amontsqr_halves 64, bignum_ksqr_32_64
VB_END(bignum_amontsqr)

VB_NOTE_STACK
