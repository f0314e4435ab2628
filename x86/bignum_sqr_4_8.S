// z = x^2 (4 -> 8 words), x, z little-endian 64-bit words.
// Aliasing: z may overlap x: x is read into registers before z is written.
// The 6 cross products once, then one pass doubling them (ADCX chain) and adding
// the squares (ADOX chain). Constant time.
//
// void bignum_sqr_4_8(uint64_t z[8], const uint64_t x[4]);   rdi = z, rsi = x
#include "_internal.h"

VB_FUNCTION(bignum_sqr_4_8)
  VB_REQUIRE_MULX(bignum_sqr_4_8)
  push  %rbx
  push  %rbp
  push  %r12
  push  %r13
  mov   0(%rsi), %r8
  mov   8(%rsi), %r9
  mov   16(%rsi), %r10
  mov   24(%rsi), %r11
  // cross products x[i]*x[j], i < j, into z[1..6]
  mov   %r8, %rdx
  mulx  %r9, %rsi, %rcx
  mulx  %r10, %rax, %rbx
  add   %rax, %rcx
  mulx  %r11, %rax, %rbp
  adc   %rax, %rbx
  adc   $0, %rbp
  mov   %rsi, 8(%rdi)
  mov   %rcx, 16(%rdi)
  mov   %r9, %rdx
  xor   %eax, %eax
  mulx  %r10, %rax, %r13
  adcx  %rax, %rbx
  adox  %r13, %rbp
  mulx  %r11, %rax, %r12
  adcx  %rax, %rbp
  mov   $0, %eax
  adcx  %rax, %r12
  adox  %rax, %r12
  mov   %rbx, 24(%rdi)
  mov   %rbp, 32(%rdi)
  mov   %r10, %rdx
  xor   %eax, %eax
  mulx  %r11, %rax, %rsi
  adcx  %rax, %r12
  mov   $0, %eax
  adcx  %rax, %rsi
  adox  %rax, %rsi
  mov   %r12, 40(%rdi)
  mov   %rsi, 48(%rdi)
  // z = 2 * cross + squares
  xor   %ecx, %ecx
  mov   %r8, %rdx
  mulx  %rdx, %rax, %rdx
  mov   %rcx, %rsi
  mov   8(%rdi), %rbx
  adcx  %rsi, %rsi
  adcx  %rbx, %rbx
  adox  %rax, %rsi
  adox  %rdx, %rbx
  mov   %rsi, 0(%rdi)
  mov   %rbx, 8(%rdi)
  mov   %r9, %rdx
  mulx  %rdx, %rax, %rdx
  mov   16(%rdi), %rsi
  mov   24(%rdi), %rbx
  adcx  %rsi, %rsi
  adcx  %rbx, %rbx
  adox  %rax, %rsi
  adox  %rdx, %rbx
  mov   %rsi, 16(%rdi)
  mov   %rbx, 24(%rdi)
  mov   %r10, %rdx
  mulx  %rdx, %rax, %rdx
  mov   32(%rdi), %rsi
  mov   40(%rdi), %rbx
  adcx  %rsi, %rsi
  adcx  %rbx, %rbx
  adox  %rax, %rsi
  adox  %rdx, %rbx
  mov   %rsi, 32(%rdi)
  mov   %rbx, 40(%rdi)
  mov   %r11, %rdx
  mulx  %rdx, %rax, %rdx
  mov   48(%rdi), %rsi
  mov   %rcx, %rbx
  adcx  %rsi, %rsi
  adcx  %rbx, %rbx
  adox  %rax, %rsi
  adox  %rdx, %rbx
  mov   %rsi, 48(%rdi)
  mov   %rbx, 56(%rdi)
  pop   %r13
  pop   %r12
  pop   %rbp
  pop   %rbx
  ret
VB_END(bignum_sqr_4_8)

VB_NOTE_STACK
