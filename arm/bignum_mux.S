// bignum_mux(p, k, z, x, y): z = (p != 0) ? x : y, all k words. z may equal x or
// y (each word is read before the same word is written).
// Constant time: both inputs are read in full and selected word by word with
// csel; branches and addresses depend on k only.
#include "_internal.h"

#define p x0
#define k x1
#define z x2
#define x x3
#define y x4
#define xi x5
#define yi x6

VB_FUNCTION(bignum_mux)
        cmp     p, xzr                  // NE selects x; the flags live through the loop
.Lloop:
        cbz     k, .Ldone
        sub     k, k, #1
        ldr     xi, [x, k, lsl #3]
        ldr     yi, [y, k, lsl #3]
        csel    xi, xi, yi, ne
        str     xi, [z, k, lsl #3]
        b       .Lloop
.Ldone:
        ret
VB_END(bignum_mux)

VB_GNU_PROPERTY
VB_NOTE_STACK
