// bignum_mul_4_8(z, x, y): z = x * y, x and y of 4 words, z of 8 words.
// Preconditions: none. Aliasing: z may overlap x or y: all eight input words are
// loaded before anything is stored (later, z[0..7] also serves as scratch).
// Method: Karatsuba on 2-word halves, each half product again Karatsuba on words
// (vb_mul2 in _products.h): 9 word products instead of 16. Straight-line code
// using only x0-x17, so nothing is saved; the two 2-word differences wait in z.
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_mul_4_8)
        ldp     x3, x4, [x1]            // a = x
        ldp     x5, x6, [x1, #16]
        ldp     x7, x8, [x2]            // b = y
        ldp     x9, x10, [x2, #16]

        subs    x11, x3, x5             // d = a_lo - a_hi, x15 = -1 if negative
        sbcs    x12, x4, x6
        csetm   x15, cc
        subs    x13, x9, x7             // e = b_hi - b_lo, x16 = -1 if negative
        sbcs    x14, x10, x8
        csetm   x16, cc
        eor     x11, x11, x15           // d = |d|
        subs    x11, x11, x15
        eor     x12, x12, x15
        sbc     x12, x12, x15
        eor     x13, x13, x16           // e = |e|
        subs    x13, x13, x16
        eor     x14, x14, x16
        sbc     x14, x14, x16
        eor     x15, x15, x16           // x15: sign of d * e
        stp     x11, x12, [x0, #32]     // park |d|, |e| in z[4..7]
        stp     x13, x14, [x0, #48]

        // L = a_lo * b_lo -> (x14..x11); H = a_hi * b_hi -> (x4,x3,x2,x1)
        vb_mul2 x11, x12, x13, x14, x3, x4, x7, x8, x16, x17
        vb_mul2 x1, x2, x3, x4, x5, x6, x9, x10, x16, x17

        adds    x5, x11, x1             // (x9..x5) = L + H
        adcs    x6, x12, x2
        adcs    x7, x13, x3
        adcs    x8, x14, x4
        adc     x9, xzr, xzr
        adds    x13, x13, x5            // r = L + B^2*(L + H) + B^4*H, B = 2^64
        adcs    x14, x14, x6
        adcs    x1, x1, x7
        adcs    x2, x2, x8
        adcs    x3, x3, x9
        adc     x4, x4, xzr
        stp     x11, x12, [x0]          // z[0..1] are final

        // M = |d| * |e| -> (x12..x9)
        ldp     x5, x6, [x0, #32]
        ldp     x7, x8, [x0, #48]
        vb_mul2 x9, x10, x11, x12, x5, x6, x7, x8, x16, x17

        cmn     x15, #1                 // r += B^2 * (-1)^x15 * M
        eor     x9, x9, x15
        adcs    x13, x13, x9
        eor     x10, x10, x15
        adcs    x14, x14, x10
        eor     x11, x11, x15
        adcs    x1, x1, x11
        eor     x12, x12, x15
        adcs    x2, x2, x12
        adcs    x3, x3, x15
        adc     x4, x4, x15

        stp     x13, x14, [x0, #16]
        stp     x1, x2, [x0, #32]
        stp     x3, x4, [x0, #48]
        ret
VB_END(bignum_mul_4_8)

VB_GNU_PROPERTY
VB_NOTE_STACK
