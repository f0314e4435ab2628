// bignum_sqr_4_8(z, x): z = x^2, x of 4 words, z of 8 words.
// Preconditions: none. Aliasing: z may overlap x (all four input words are loaded
// before anything is stored).
// Method: Karatsuba for squares on 2-word halves, 2x2 squares by schoolbook
// (vb_sqr4 in _products.h): 9 word products. Straight-line, caller-saved
// registers only.
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_sqr_4_8)
        ldp     x2, x3, [x1]
        ldp     x4, x5, [x1, #16]

        // (x1,x13..x7) = (x5..x2)^2
        vb_sqr4 x7, x8, x9, x10, x11, x12, x13, x1, x2, x3, x4, x5, x14, x15, x16, x17

        stp     x7, x8, [x0]
        stp     x9, x10, [x0, #16]
        stp     x11, x12, [x0, #32]
        stp     x13, x1, [x0, #48]
        ret
VB_END(bignum_sqr_4_8)

VB_GNU_PROPERTY
VB_NOTE_STACK
