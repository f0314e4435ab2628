// "Almost" Montgomery product: z == x * y / 2^(64k) (mod m) and z < 2^(64k), not
// necessarily below m. Any k-word x, y; m odd. Also guaranteed: z < 2m when x < m
// or y < m (z = r or r - m for r = (x y + q m) / 2^(64k) < x y / 2^(64k) + m).
// Aliasing: z disjoint from x, y and m.
// k = 16, 24, 32 (the RSA prime sizes): the product by bignum_kmul_16_32 / _24_48 /
// _32_64 into a stack buffer, then the Montgomery reduction by full-width rows
// (vb_freduce) and m subtracted under its carry while z is stored, the low 8
// words of r still in registers (vb_amont_finish): no comparison, no second pass.
// k = 48, 64: see amontmul_halves below. Other k (a public size) go to the portable
// version. Constant time.
//
// void bignum_amontmul(uint64_t k, uint64_t *z, const uint64_t *x, const uint64_t *y,
//                      const uint64_t *m);   rdi = k, rsi = z, rdx = x, rcx = y, r8 = m
#include "_internal.h"

#ifndef VB_HAVE_PORTABLE
#error "bignum_amontmul.S needs portable/bignum_amontmul.cpp for the other sizes"
#endif

// k = 2h = 48, 64 (3072- and 4096-bit moduli): x0 y0 + (x0 y1 + x1 y0) B + x1 y1 B^2
// from four h-word products (B = 2^(64h)), then the same reduction and
// subtraction. Frame: vb_mont_enter with T (2k words), S1 = x0 y1 and S2 = x1 y0
// (k words each) and the kernels' scratch; x at 16(%rsp), y at 24(%rsp).
.macro amontmul_halves K, kmul
  mov   %rdx, 16(%rsp)
  mov   %rcx, 24(%rsp)
  amontmul_half \kmul, 0, 0, 0        // T[0..k-1] = x0 y0
  amontmul_half \kmul, 8*\K, 4*\K, 4*\K   // T[k..2k-1] = x1 y1
  amontmul_half \kmul, 16*\K, 0, 4*\K // S1 = x0 y1
  amontmul_half \kmul, 24*\K, 4*\K, 0 // S2 = x1 y0
  lea   VB_MONT_T(%rsp), %rdi
  lea   VB_MONT_T+16*\K(%rsp), %rsi
  lea   VB_MONT_T+24*\K(%rsp), %rbp
  vb_amont_add_two \K/2
  vb_amont_finish \K
.endm
// One h-word product into T at byte \zo, from x and y at byte offsets \xo, \yo.
.macro amontmul_half kmul, zo, xo, yo
  lea   VB_MONT_T+\zo(%rsp), %rdi
  mov   16(%rsp), %rsi
  add   $\xo, %rsi
  mov   24(%rsp), %rdx
  add   $\yo, %rdx
  mov   48(%rsp), %rcx
  shl   $5, %rcx
  lea   VB_MONT_T(%rsp,%rcx), %rcx    // scratch after T, S1, S2 (4k words)
  call  \kmul@PLT
.endm

VB_FUNCTION(bignum_amontmul)
  test  $7, %dil
  jnz   vbignum_portable_bignum_amontmul@PLT
  cmp   $64, %rdi
  ja    vbignum_portable_bignum_amontmul@PLT
  cmp   $8, %rdi
  jbe   vbignum_portable_bignum_amontmul@PLT
  cmp   $40, %rdi
  je    vbignum_portable_bignum_amontmul@PLT
  cmp   $56, %rdi
  je    vbignum_portable_bignum_amontmul@PLT
  VB_REQUIRE_MULX(bignum_amontmul)
  cmp   $32, %rdi
  ja    48f
  vb_mont_enter
  lea   VB_MONT_T(%rsp), %rdi
  mov   %rdx, %rsi
  mov   %rcx, %rdx
  mov   48(%rsp), %rax
  shl   $4, %rax
  lea   VB_MONT_T(%rsp,%rax), %rcx  // the products' scratch, after T (2k words)
  cmpq  $16, 48(%rsp)
  je    16f
  cmpq  $24, 48(%rsp)
  je    24f
  call  bignum_kmul_32_64@PLT
  vb_amont_finish 32
16:
  call  bignum_kmul_16_32@PLT
  vb_amont_finish 16
24:
  call  bignum_kmul_24_48@PLT
  vb_amont_finish 24
48:
  vb_mont_enter 4
  cmpq  $48, 48(%rsp)
  jne   64f
  amontmul_halves 48, bignum_kmul_24_48
64:
  amontmul_halves 64, bignum_kmul_32_64
VB_END(bignum_amontmul)

VB_NOTE_STACK
