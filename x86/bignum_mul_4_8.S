// z = x * y (4 x 4 -> 8 words), x, y, z little-endian 64-bit words.
// Aliasing: z may overlap x or y: both are read into registers before z is written.
// Four MULX rows with ADCX/ADOX carry chains. Constant time.
//
// void bignum_mul_4_8(uint64_t z[8], const uint64_t x[4], const uint64_t y[4]);
//   rdi = z, rsi = x, rdx = y
#include "_internal.h"

VB_FUNCTION(bignum_mul_4_8)
  VB_REQUIRE_MULX(bignum_mul_4_8)
  vb_push_callee
  mov   0(%rsi), %r8
  mov   8(%rsi), %r9
  mov   16(%rsi), %r10
  mov   24(%rsi), %r11
  mov   8(%rdx), %rcx      // y1..y3 kept in registers, y0 used at once
  mov   16(%rdx), %rsi
  mov   24(%rdx), %rbx
  mov   0(%rdx), %rdx
  mulx  %r8, %r12, %r13
  mulx  %r9, %rax, %r14
  add   %rax, %r13
  mulx  %r10, %rax, %r15
  adc   %rax, %r14
  mulx  %r11, %rax, %rbp
  adc   %rax, %r15
  adc   $0, %rbp
  mov   %r12, 0(%rdi)
  mov   %rcx, %rdx
  xor   %eax, %eax
  mulx  %r8, %rax, %rcx
  adcx  %rax, %r13
  adox  %rcx, %r14
  mulx  %r9, %rax, %rcx
  adcx  %rax, %r14
  adox  %rcx, %r15
  mulx  %r10, %rax, %rcx
  adcx  %rax, %r15
  adox  %rcx, %rbp
  mulx  %r11, %rax, %r12
  adcx  %rax, %rbp
  mov   $0, %eax
  adcx  %rax, %r12
  adox  %rax, %r12
  mov   %r13, 8(%rdi)
  mov   %rsi, %rdx
  xor   %eax, %eax
  mulx  %r8, %rax, %rsi
  adcx  %rax, %r14
  adox  %rsi, %r15
  mulx  %r9, %rax, %rsi
  adcx  %rax, %r15
  adox  %rsi, %rbp
  mulx  %r10, %rax, %rsi
  adcx  %rax, %rbp
  adox  %rsi, %r12
  mulx  %r11, %rax, %r13
  adcx  %rax, %r12
  mov   $0, %eax
  adcx  %rax, %r13
  adox  %rax, %r13
  mov   %r14, 16(%rdi)
  mov   %rbx, %rdx
  xor   %eax, %eax
  mulx  %r8, %rax, %rbx
  adcx  %rax, %r15
  adox  %rbx, %rbp
  mulx  %r9, %rax, %rbx
  adcx  %rax, %rbp
  adox  %rbx, %r12
  mulx  %r10, %rax, %rbx
  adcx  %rax, %r12
  adox  %rbx, %r13
  mulx  %r11, %rax, %r14
  adcx  %rax, %r13
  mov   $0, %eax
  adcx  %rax, %r14
  adox  %rax, %r14
  mov   %r15, 24(%rdi)
  mov   %rbp, 32(%rdi)
  mov   %r12, 40(%rdi)
  mov   %r13, 48(%rdi)
  mov   %r14, 56(%rdi)
  vb_pop_callee
  ret
VB_END(bignum_mul_4_8)

VB_NOTE_STACK
