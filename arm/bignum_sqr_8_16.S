// bignum_sqr_8_16(z, x): z = x^2, x of 8 words, z of 16 words.
// Preconditions: none. Aliasing: z must not overlap x (z is used as scratch while
// x is still being read).
// Method: Karatsuba for squares on 4-word halves, 4-word squares by the same
// method over 2x2 schoolbook squares (vb_sqr8 in _products.h): 27 word products.
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_sqr_8_16)
        stp     x19, x20, [sp, #-64]!
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]

        vb_sqr8 x0, 0, x1, 0

        ldp     x25, x26, [sp, #48]
        ldp     x23, x24, [sp, #32]
        ldp     x21, x22, [sp, #16]
        ldp     x19, x20, [sp], #64
        ret
VB_END(bignum_sqr_8_16)

VB_GNU_PROPERTY
VB_NOTE_STACK
