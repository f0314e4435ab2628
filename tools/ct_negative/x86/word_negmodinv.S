// NEGATIVE CONTROL (leaky on purpose): divides by the secret input.
// ct-expect: instruction 'div' is not in the x86-64 allowlist
#include "_internal.h"
.intel_syntax noprefix
VB_FUNCTION(word_negmodinv)
  xor edx, edx
  mov rax, -1
  div rdi
  ret
VB_END(word_negmodinv)
VB_NOTE_STACK
