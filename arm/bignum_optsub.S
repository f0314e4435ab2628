// bignum_optsub(k, z, x, p, y): if p != 0, z = x - y mod 2^(64k) and returns the
// borrow (0 or 1); if p == 0, z = x and returns 0. x, y, z all k words; z may
// equal x or y (each word is read before the same word is written).
// Constant time: p only selects a mask; branches and addresses depend on k only.
#include "_internal.h"

#define k x0
#define z x1
#define x x2
#define p x3
#define y x4
#define i x5
#define xi x6
#define yi x7

VB_FUNCTION(bignum_optsub)
        cmp     p, xzr
        csetm   p, ne                   // p := all ones if subtracting, else 0
        mov     i, xzr
        cmp     xzr, xzr                // C = 1: no borrow yet
.Lloop:
        cbz     k, .Ldone
        ldr     xi, [x, i, lsl #3]
        ldr     yi, [y, i, lsl #3]
        and     yi, yi, p
        sbcs    xi, xi, yi
        str     xi, [z, i, lsl #3]
        add     i, i, #1
        sub     k, k, #1
        b       .Lloop
.Ldone:
        cset    x0, cc                  // borrow out of the top word
        ret
VB_END(bignum_optsub)

VB_GNU_PROPERTY
VB_NOTE_STACK
