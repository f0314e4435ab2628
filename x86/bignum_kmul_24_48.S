// z = x * y (24 x 24 -> 48 words), x, y, z little-endian 64-bit words.
// t (72 words) is scratch; this version does not use it.
// Aliasing: z, t, x, y pairwise disjoint (x may equal y).
// Schoolbook by 8x8 blocks with MULX/ADCX/ADOX, unrolled: for each 8-word block
// of y, sweep x's three chunks with the running window in r8-r15, adding the words
// an earlier y block left in z (that addition's carry kept as 0/-1 in rbp across
// the block step). Rows padded (vb_block8's pad, x86/README.md): ~9 cycles a row
// instead of 11. 24 words do not halve into whole 8-word blocks, and a 16+8
// split's products alone already cost about as much. Constant time.
//
// void bignum_kmul_24_48(uint64_t z[48], const uint64_t x[24], const uint64_t y[24],
//                        uint64_t t[72]);   rdi = z, rsi = x, rdx = y, rcx = t
#include "_internal.h"

// One 24-word sweep of x against the y block at rcx, the window starting at z = rdi:
// with \first, z holds nothing yet; otherwise z[0..23] are added in. Leaves rsi,
// rdi, rcx advanced to the next y block's position (x back at its start).
.macro vb_kmul24_sweep first
  vb_win_zero
  xor   %ebp, %ebp
.irp c, 0, 1, 2
.if \first == 0
  bt    $0, %rbp
  vb_win_adc %rdi
  sbb   %rbp, %rbp
.endif
  vb_block8 %rsi, %rcx, %rdi, 1
  add   $64, %rsi
  add   $64, %rdi
.endr
.if \first == 0
  bt    $0, %rbp
  vb_win_adc0
.endif
  vb_win_store %rdi
  sub   $192, %rsi
  sub   $128, %rdi
  add   $64, %rcx
.endm

VB_FUNCTION(bignum_kmul_24_48)
  VB_REQUIRE_MULX(bignum_kmul_24_48)
  vb_push_callee
  mov   %rdx, %rcx
  vb_kmul24_sweep 1         // z[0..31] = x * y[0..7]
  vb_kmul24_sweep 0         // z[8..39] += x * y[8..15]
  vb_kmul24_sweep 0         // z[16..47] += x * y[16..23]
  vb_pop_callee
  ret
VB_END(bignum_kmul_24_48)

VB_NOTE_STACK
