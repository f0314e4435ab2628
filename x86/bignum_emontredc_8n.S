// Extended Montgomery reduction in place. k a nonzero multiple of 8 (other k, a
// public size, go to the portable version, which takes any k), m odd with k words,
// w = -1/m[0] mod 2^64. On entry z[0..2k-1] = z0; on return z[0..k-1] = q and
// r = 2^(64k) * c + z[k..2k-1], c the return value (0 or 1), satisfy
// z0 + q * m = 2^(64k) * r.
// Aliasing: m must not overlap z. Constant time (branches and loops depend on k
// only).
//
// uint64_t bignum_emontredc_8n(uint64_t k, uint64_t *z, const uint64_t *m,
//                              uint64_t w);   rdi = k, rsi = z, rdx = m, rcx = w
//
// k = 16, 24, 32, 48, 64 (RSA primes, 3072- and 4096-bit moduli): k full-width
// rows, each adding q m (k + 1 words) with one ADCX and one ADOX chain, the
// window's low 8 words in registers and the rest in z itself (vb_frow in
// _internal.h): about 2k + 3 ADCX/ADOX a row, nothing else on the flag ports.
// At 48 and 64 a loop of two rows keeps the code small (vb_redc_rows2).
// Other k: block by block (8 words of q at a time, at word offset 8b): the first
// 8x8 chunk computes each q word from the window's low word (q = a0 * w clears it)
// and stores it where the contract wants q; the other chunks are ordinary
// multiply-accumulate steps with y = those 8 q words and x = m, adding the words
// already in z as they go. The carry out of a block's top word lands at word
// 8b + k + 8, the bottom of the next block's top window, and after the last block
// it is c. Every row is padded with NOPs (vb_row8's pad): about 9 instead of 11
// cycles a row on this machine, against 8.5 for its 17 ADCX/ADOX on the two ports
// that run them (x86/README.md).
#include "_internal.h"

#define CIN     0(%rsp)   /* carry between chunks, 0 or -1 */
#define PEND    8(%rsp)   /* carry out of the previous block's top, 0 or 1 */
#define W       16(%rsp)
#define KBYTES  24(%rsp)  /* 8k */
#define BLOCKS  32(%rsp)  /* blocks still to do */
#define CHUNKS  40(%rsp)  /* k/8 - 1 */

// Reduction row i: q = a0 * w goes to q[i]; then the window absorbs m[0..7] * q.
.macro redc_row i, a0, a1, a2, a3, a4, a5, a6, a7
  mov   \a0, %rdx
  imul  W, %rdx
  mov   %rdx, 8*\i(%rcx)
  vb_row8 %rsi, , \a0, \a1, \a2, \a3, \a4, \a5, \a6, \a7, %rax, %rbx, 1
.endm

VB_FUNCTION(bignum_emontredc_8n)
#ifdef VB_HAVE_PORTABLE
  test  $7, %dil
  jnz   vbignum_portable_bignum_emontredc_8n@PLT
#endif
  VB_REQUIRE_MULX(bignum_emontredc_8n)
  cmp   $16, %rdi
  je    16f
  cmp   $24, %rdi
  je    24f
  cmp   $32, %rdi
  je    32f
  cmp   $48, %rdi
  je    48f
  cmp   $64, %rdi
  je    64f
  xor   %eax, %eax
  shr   $3, %rdi
  jz    9f
  vb_push_callee
  sub   $48, %rsp
  mov   %rcx, W
  mov   %rdi, BLOCKS
  lea   -1(%rdi), %rax
  mov   %rax, CHUNKS
  shl   $6, %rdi
  mov   %rdi, KBYTES
  mov   %rsi, %rdi          // z cursor
  mov   %rdx, %rsi          // m cursor
  movq  $0, PEND
1:
  mov   %rdi, %rcx          // this block's q words
  vb_win_load %rdi
  redc_row 0, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15
  redc_row 1, %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8
  redc_row 2, %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9
  redc_row 3, %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10
  redc_row 4, %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11
  redc_row 5, %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12
  redc_row 6, %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13
  redc_row 7, %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14
  add   $64, %rsi
  add   $64, %rdi
  movq  $0, CIN
  mov   CHUNKS, %rbp
  test  %rbp, %rbp
  jz    3f
2:
  mov   CIN, %rax
  neg   %rax
  vb_win_adc %rdi
  sbb   %rax, %rax
  mov   %rax, CIN
  vb_block8 %rsi, %rcx, %rdi, 1
  add   $64, %rsi
  add   $64, %rdi
  dec   %rbp
  jnz   2b
3:
  // Top window: add the words of z0 there, the chunk carry, and the previous
  // block's carry (which sits at this window's lowest word). The sum fits in
  // 2^513, so at most one of the two carries out is set.
  mov   CIN, %rax
  neg   %rax
  vb_win_adc %rdi
  sbb   %rbx, %rbx
  vb_win_add_word PEND, add
  sbb   %rax, %rax
  or    %rbx, %rax
  neg   %rax
  mov   %rax, PEND
  vb_win_store %rdi
  sub   KBYTES, %rsi
  sub   KBYTES, %rdi
  add   $64, %rdi
  decq  BLOCKS
  jnz   1b
  mov   PEND, %rax
  add   $48, %rsp
  vb_pop_callee
9:
  ret

// Full-width rows: at 16, 24, 32 words 8 rows unrolled (vb_freduce); at 48 and 64
// two per loop pass (vb_redc_rows2): 3 / 4 KB of code instead of 12 / 16 KB, which
// measured faster inside the modexp. w at (rsp), the row counter at 8(rsp).
.irp K, 16, 24, 32, 48, 64
\K:
  vb_push_callee
  sub   $16, %rsp
  mov   %rcx, (%rsp)
  mov   %rsi, %rdi
  mov   %rdx, %rsi
.if \K <= 32
  vb_freduce \K, 1, (%rsp), 8(%rsp), , 2, 0
.else
  vb_redc_rows2 \K, 1, (%rsp), 8(%rsp), , 2, 1
.endif
  vb_win_store %rdi         // r[0..7], the rest is in place
  mov   %rbp, %rax
  add   $16, %rsp
  vb_pop_callee
  ret
.endr
VB_END(bignum_emontredc_8n)

VB_NOTE_STACK
