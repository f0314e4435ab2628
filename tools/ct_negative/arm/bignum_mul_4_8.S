// NEGATIVE CONTROL (leaky on purpose): keeps a table of pointers on the stack,
// but one entry is a loaded (secret) word; walking the table with a moving
// pointer and dereferencing every entry uses that secret as an address.
// ct-expect: memory address depends on secret register(s) x4
#include "_internal.h"
VB_FUNCTION(bignum_mul_4_8)
  sub   sp, sp, #48
  ldr   x3, [x1]              // secret data
  stp   x1, x2, [sp, #0]      // public pointers...
  str   x3, [sp, #16]         // ...and one secret entry
  mov   x5, sp
  add   x6, sp, #24
1:
  ldr   x4, [x5], #8
  ldr   x7, [x4]              // dereference each entry
  str   x7, [x0], #8
  cmp   x5, x6
  b.ne  1b
  add   sp, sp, #48
  ret
VB_END(bignum_mul_4_8)
VB_NOTE_STACK
