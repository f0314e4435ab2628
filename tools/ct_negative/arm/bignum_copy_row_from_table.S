// NEGATIVE CONTROL (leaky on purpose): loads row idx (x4) directly.
// ct-expect: memory address depends on secret register(s) x5
#include "_internal.h"
VB_FUNCTION(bignum_copy_row_from_table)
  mul x5, x4, x3          // idx * width
  cbz x3, 2f
1:
  ldr x6, [x1, x5, lsl #3]
  str x6, [x0], #8
  add x5, x5, #1
  subs x3, x3, #1
  b.ne 1b
2:
  ret
VB_END(bignum_copy_row_from_table)
VB_NOTE_STACK
