// NEGATIVE CONTROL (leaky on purpose): divides by the secret input.
// ct-expect: instruction 'udiv' is not in the AArch64 allowlist
#include "_internal.h"
VB_FUNCTION(word_negmodinv)
  mov x1, #-1
  udiv x0, x1, x0
  ret
VB_END(word_negmodinv)
VB_NOTE_STACK
