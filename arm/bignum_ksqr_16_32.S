// bignum_ksqr_16_32(z, x, t): z = x^2, x of 16 words, z of 32 words; t is 24
// words of scratch (VBIGNUM_KSQR_16_32_TEMP_WORDS), contents on return unspecified.
// Preconditions: none. Aliasing: z, t, x pairwise disjoint.
// Method: Karatsuba for squares on 8-word halves, each 8-word square by vb_sqr8
// (_products.h): 81 word products. With L = x_lo^2, H = x_hi^2,
// D = (x_lo - x_hi)^2, B = 2^64:  z = L + B^8*(L + H - D) + B^16*H.
// (vb_ksqr16 in _products.h).
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_ksqr_16_32)
        stp     x19, x20, [sp, #-64]!
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]

        vb_ksqr16 x0, x1, x2

        ldp     x25, x26, [sp, #48]
        ldp     x23, x24, [sp, #32]
        ldp     x21, x22, [sp, #16]
        ldp     x19, x20, [sp], #64
        ret
VB_END(bignum_ksqr_16_32)

VB_GNU_PROPERTY
VB_NOTE_STACK
