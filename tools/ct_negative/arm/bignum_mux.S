// NEGATIVE CONTROL (leaky on purpose): z = p ? x : y by branching on p (x0).
// ct-expect: conditional branch on secret register x0
#include "_internal.h"
VB_FUNCTION(bignum_mux)
  cbz x0, 2f
1:
  ldr x5, [x3], #8
  str x5, [x2], #8
  subs x1, x1, #1
  b.ne 1b
2:
  ret
VB_END(bignum_mux)
VB_NOTE_STACK
