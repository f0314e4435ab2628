// z = x^2 (24 -> 48 words), x, z little-endian 64-bit words; t
// (VBIGNUM_KSQR_24_48_TEMP_WORDS = 72 words; 48 used) is scratch, contents on
// return unspecified. Aliasing: z, x, t pairwise disjoint.
// x = a + 2^1024 b with a of 16 words and b of 8 (24 words split no other way into
// 8-word blocks): x^2 = a^2 + 2^1024 * 2ab + 2^2048 b^2, with a^2 by the 16-word
// Karatsuba square (vb_ksqr16), b^2 by vb_sqr8, ab by two 8x8 blocks into t[0..23],
// then one pass doubling ab (ADCX chain) and adding it to z (ADOX chain).
// t[24..47] is vb_ksqr16's scratch. Constant time.
//
// void bignum_ksqr_24_48(uint64_t z[48], const uint64_t x[24], uint64_t t[72]);
//   rdi = z, rsi = x, rdx = t
#include "_internal.h"

VB_FUNCTION(bignum_ksqr_24_48)
  VB_REQUIRE_MULX(bignum_ksqr_24_48)
  vb_push_callee
  push  %rdx                // 16(%rsp) = t
  push  %rsi                // 8(%rsp) = x
  push  %rdi                // (%rsp) = z
  add   $192, %rdx
  vb_ksqr16                 // z[0..31] = a^2
  mov   8(%rsp), %rsi
  add   $128, %rsi
  mov   (%rsp), %rdi
  add   $256, %rdi
  vb_sqr8 %rsi, %rdi        // z[32..47] = b^2
  mov   8(%rsp), %rsi
  lea   128(%rsi), %rcx
  mov   16(%rsp), %rdi
  vb_win_zero               // t[0..23] = a * b
  vb_block8 %rsi, %rcx, %rdi
  add   $64, %rsi
  add   $64, %rdi
  vb_block8 %rsi, %rcx, %rdi
  vb_win_store %rdi, 64
  // z[16..47] += 2ab: CF doubles, OF adds; both carries end in z[40..47].
  mov   16(%rsp), %rcx
  mov   (%rsp), %rdi
  xor   %eax, %eax
  vb_win_load %rcx, 0
  adcx  %r8, %r8
  adcx  %r9, %r9
  adcx  %r10, %r10
  adcx  %r11, %r11
  adcx  %r12, %r12
  adcx  %r13, %r13
  adcx  %r14, %r14
  adcx  %r15, %r15
  adox  128(%rdi), %r8
  adox  136(%rdi), %r9
  adox  144(%rdi), %r10
  adox  152(%rdi), %r11
  adox  160(%rdi), %r12
  adox  168(%rdi), %r13
  adox  176(%rdi), %r14
  adox  184(%rdi), %r15
  vb_win_store %rdi, 128
  vb_win_load %rcx, 64
  adcx  %r8, %r8
  adcx  %r9, %r9
  adcx  %r10, %r10
  adcx  %r11, %r11
  adcx  %r12, %r12
  adcx  %r13, %r13
  adcx  %r14, %r14
  adcx  %r15, %r15
  adox  192(%rdi), %r8
  adox  200(%rdi), %r9
  adox  208(%rdi), %r10
  adox  216(%rdi), %r11
  adox  224(%rdi), %r12
  adox  232(%rdi), %r13
  adox  240(%rdi), %r14
  adox  248(%rdi), %r15
  vb_win_store %rdi, 192
  vb_win_load %rcx, 128
  adcx  %r8, %r8
  adcx  %r9, %r9
  adcx  %r10, %r10
  adcx  %r11, %r11
  adcx  %r12, %r12
  adcx  %r13, %r13
  adcx  %r14, %r14
  adcx  %r15, %r15
  adox  256(%rdi), %r8
  adox  264(%rdi), %r9
  adox  272(%rdi), %r10
  adox  280(%rdi), %r11
  adox  288(%rdi), %r12
  adox  296(%rdi), %r13
  adox  304(%rdi), %r14
  adox  312(%rdi), %r15
  vb_win_store %rdi, 256
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
  add   $24, %rsp
  vb_pop_callee
  ret
VB_END(bignum_ksqr_24_48)

VB_NOTE_STACK
