// NEGATIVE CONTROL (leaky on purpose): compares x (m words) and y (n words, m == n
// assumed) from the top and stops at the first differing word: the branch depends
// on loaded data.
// ct-expect: conditional branch on secret flags (jne)
#include "_internal.h"
.intel_syntax noprefix
VB_FUNCTION(bignum_ge)
  mov eax, 1
1:
  test rdi, rdi
  jz 3f
  dec rdi
  mov r8, [rsi + 8*rdi]
  cmp r8, [rcx + 8*rdi]
  je 1b
  jne 2f                 // words differ: the answer is decided here
2:
  setae al
3:
  ret
VB_END(bignum_ge)
VB_NOTE_STACK
