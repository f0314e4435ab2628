// bignum_mul_8_16(z, x, y): z = x * y, x and y of 8 words, z of 16 words.
// Preconditions: none. Aliasing: z must not overlap x or y (z is used as scratch
// while x and y are still being read); x may equal y.
// Method: Karatsuba on 4-word halves, each 4x4 product Karatsuba again, down to
// single words (vb_mul8 in _products.h): 27 word products instead of 64.
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_mul_8_16)
        stp     x19, x20, [sp, #-80]!
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        str     x27, [sp, #64]

        vb_mul8 x0, 0, x1, 0, x2, 0

        ldr     x27, [sp, #64]
        ldp     x25, x26, [sp, #48]
        ldp     x23, x24, [sp, #32]
        ldp     x21, x22, [sp, #16]
        ldp     x19, x20, [sp], #80
        ret
VB_END(bignum_mul_8_16)

VB_GNU_PROPERTY
VB_NOTE_STACK
