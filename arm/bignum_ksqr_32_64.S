// bignum_ksqr_32_64(z, x, t): z = x^2, x of 32 words, z of 64 words; t is 72
// words of scratch (VBIGNUM_KSQR_32_64_TEMP_WORDS), contents on return unspecified.
// Preconditions: none. Aliasing: z, t, x pairwise disjoint.
// Method: Karatsuba for squares on 16-word halves, each 16-word square by
// vb_ksqr16 (_products.h): 243 word products. With L = x_lo^2, H = x_hi^2,
// D = (x_lo - x_hi)^2, B = 2^64:  z = L + B^16*(L + H - D) + B^32*H.
// The three squares run as three trips of one loop (the trip count is the only
// branch condition) over a table of (z, x) pointers on the stack.
// Scratch: t[0..23] for the 16-word squares, t[24..39] = |x_lo - x_hi|,
// t[40..71] = L + H, later D.
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_ksqr_32_64)
        sub     sp, sp, #112
        stp     x19, x20, [sp]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x28, x29, [sp, #48]
        mov     x28, x2                 // t

        // The square table at sp+64: (z, x) for L, H and D.
        add     x4, x0, #256
        add     x5, x1, #128
        add     x6, x28, #320
        add     x7, x28, #192
        stp     x0, x1, [sp, #64]
        stp     x4, x5, [sp, #80]
        stp     x6, x7, [sp, #96]

        // t[24..39] = |x_lo - x_hi|
        vb_absdiff_n 16, x28, 192, x1, 0, x1, 128, x10

        add     x29, sp, #64
1:      ldp     x0, x1, [x29]
        vb_ksqr16 x0, x1, x28
        add     x29, x29, #16
        add     x3, sp, #96
        cmp     x29, x3
        b.ne    2f
        // After H: z = L + B^16*(L + H) + B^32*H via t[40..71] = L + H (top
        // bit x24), before D takes that space.
        ldr     x0, [sp, #64]
        add     x2, x28, #320
        vb_add_n 32, 1, x2, 0, x0, 0, x0, 256
        cset    x24, cs
        vb_add_n 32, 1, x0, 128, x0, 128, x2, 0
        vb_adcw_n 16, x0, 384, x24, xzr
2:      add     x3, sp, #112
        cmp     x29, x3
        b.ne    1b

        // z[16..63] -= B^16 * D
        ldr     x0, [sp, #64]
        add     x2, x28, #320
        vb_sub_n 32, 1, x0, 128, x0, 128, x2, 0
        vb_sbcw_n 16, x0, 384, xzr

        ldp     x19, x20, [sp]
        ldp     x21, x22, [sp, #16]
        ldp     x23, x24, [sp, #32]
        ldp     x28, x29, [sp, #48]
        add     sp, sp, #112
        ret
VB_END(bignum_ksqr_32_64)

VB_GNU_PROPERTY
VB_NOTE_STACK
