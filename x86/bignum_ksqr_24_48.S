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

// z[8+8i .. 15+8i] += 2 t[8i .. 8i+7], carries in and out on CF (doubling) and
// OF (adding). rbp = t, rdi = z.
.macro vb_ksqr24_double_add i
  vb_win_load %rbp, 64*\i
  adcx  %r8, %r8
  adcx  %r9, %r9
  adcx  %r10, %r10
  adcx  %r11, %r11
  adcx  %r12, %r12
  adcx  %r13, %r13
  adcx  %r14, %r14
  adcx  %r15, %r15
  adox  64+64*\i(%rdi), %r8
  adox  72+64*\i(%rdi), %r9
  adox  80+64*\i(%rdi), %r10
  adox  88+64*\i(%rdi), %r11
  adox  96+64*\i(%rdi), %r12
  adox  104+64*\i(%rdi), %r13
  adox  112+64*\i(%rdi), %r14
  adox  120+64*\i(%rdi), %r15
  vb_win_store %rdi, 64+64*\i
.endm

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
  xor   %eax, %eax          // clears CF and OF
  vb_ksqr24_double_add 0
  vb_ksqr24_double_add 1
  vb_ksqr24_double_add 2
  vb_ksqr24_double_add 3
  vb_win_load %rdi, 320
  adcx  %rax, %r8
  adcx  %rax, %r9
  adcx  %rax, %r10
  adcx  %rax, %r11
  adcx  %rax, %r12
  adcx  %rax, %r13
  adcx  %rax, %r14
  adcx  %rax, %r15
  adox  %rax, %r8
  adox  %rax, %r9
  adox  %rax, %r10
  adox  %rax, %r11
  adox  %rax, %r12
  adox  %rax, %r13
  adox  %rax, %r14
  adox  %rax, %r15
  vb_win_store %rdi, 320
  add   $8, %rsp
  vb_pop_callee
  ret
VB_END(bignum_ksqr_24_48)

VB_NOTE_STACK
