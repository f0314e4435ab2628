// NEGATIVE CONTROL (leaky on purpose): z = p ? x : y by branching on p.
// ct-expect: conditional branch on secret flags
#include "_internal.h"
.intel_syntax noprefix
VB_FUNCTION(bignum_mux)
  test rdi, rdi
  cmovz rcx, r8          // harmless select...
  jz 2f                  // ...then a branch on the secret p
1:
  mov rax, [rcx]
  mov [rdx], rax
  add rcx, 8
  add rdx, 8
  dec rsi
  jnz 1b
2:
  ret
VB_END(bignum_mux)
VB_NOTE_STACK
