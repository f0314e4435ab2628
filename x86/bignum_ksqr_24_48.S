// z = x^2 (24 -> 48 words), x, z little-endian 64-bit words; t
// (VBIGNUM_KSQR_24_48_TEMP_WORDS = 72 words; 32 used) is scratch, contents on
// return unspecified. Aliasing: z, x, t pairwise disjoint.
// x = a + B b + B^2 c with 8-word a, b, c (B = 2^512):
//   x^2 = a^2 + B^2 b^2 + B^4 c^2 + 2 B S,   S = ab + B ac + B^2 bc (32 words).
// The three squares go straight into z (vb_sqr8), S into t by three 8x8 blocks
// with padded rows (vb_block8's pad, x86/README.md), then one pass doubles S (ADCX
// chain) and adds it to z[8..39] (ADOX chain), both carries rippling into
// z[40..47]. (A Karatsuba step over 16 + 8 words measured slower: with padded
// blocks, one 8x8 product costs less than its extra square and combination.)
// Constant time.
//
// void bignum_ksqr_24_48(uint64_t z[48], const uint64_t x[24], uint64_t t[72]);
//   rdi = z, rsi = x, rdx = t
#include "_internal.h"

VB_FUNCTION(bignum_ksqr_24_48)
  VB_REQUIRE_MULX(bignum_ksqr_24_48)
  vb_push_callee
  push  %rdx                // (%rsp) = t
  vb_sqr8 %rsi, %rdi        // z[0..15] = a^2
  add   $64, %rsi
  add   $128, %rdi
  vb_sqr8 %rsi, %rdi        // z[16..31] = b^2
  add   $64, %rsi
  add   $128, %rdi
  vb_sqr8 %rsi, %rdi        // z[32..47] = c^2
  sub   $128, %rsi          // rsi = a
  sub   $256, %rdi          // rdi = z
  mov   (%rsp), %rbp        // rbp = t
  // t[0..23] = a * (b + B c)
  mov   %rsi, %rcx
  add   $64, %rsi
  vb_win_zero
  vb_block8 %rsi, %rcx, %rbp, 1
  add   $64, %rsi
  add   $64, %rbp
  vb_block8 %rsi, %rcx, %rbp, 1
  vb_win_store %rbp, 64
  // t[16..31] = t[16..23] + b * c
  lea   -64(%rsi), %rcx
  vb_win_load %rbp, 64
  add   $64, %rbp
  vb_block8 %rsi, %rcx, %rbp, 1
  vb_win_store %rbp, 64
  // z[8..39] += 2 t[0..31]; both carries into z[40..47] (no carry out: x^2 fits).
  mov   (%rsp), %rbp
  vb_add_doubled 4
  add   $8, %rsp
  vb_pop_callee
  ret
VB_END(bignum_ksqr_24_48)

VB_NOTE_STACK
