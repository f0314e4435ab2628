// bignum_ksqr_24_48(z, x, t): z = x^2, x of 24 words, z of 48 words; t is 72
// words of scratch (VBIGNUM_KSQR_24_48_TEMP_WORDS), contents on return unspecified.
// Preconditions: none. Aliasing: z, t, x pairwise disjoint.
// Method: three-way Karatsuba for squares on 8-word blocks x = x0 + X*x1 + X^2*x2
// (X = 2^512): with P_i = x_i^2 and, for i < j,
//   U_ij = 2*x_i*x_j = P_i + P_j - (x_i - x_j)^2,
//   z = P0 + X^2*P1 + X^4*P2 + X*U01 + X^2*U02 + X^3*U12,
// six 8-word squares (vb_sqr8, _products.h), 162 word products.
// Scratch: t[18k..18k+17] = U01, U02, U12 (17 words and a zero), t[54..61] the
// difference of the pair being squared.
#include "_internal.h"
#include "_products.h"

// The pair (i, j): |x_i - x_j| at t+432, its square into the U slot at byte
// offset u, then U = P_i + P_j - D there. x0 = z, x1 = x, x28 = t, x29 = t + 432.
.macro vb_ksqr24_pair i, j, u
        vb_absdiff_n 8, x29, 0, x1, (64 * \i), x1, (64 * \j), x7
        vb_sqr8 x28, \u, x29, 0
        vb_sub_n 16, 1, x28, \u, x0, (128 * \i), x28, \u
        sbc     x7, xzr, xzr
        vb_add_n 16, 1, x28, \u, x28, \u, x0, (128 * \j)
        adc     x7, x7, xzr
        stp     x7, xzr, [x28, #(\u + 128)]
.endm

VB_FUNCTION(bignum_ksqr_24_48)
        sub     sp, sp, #64
        stp     x19, x20, [sp]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x28, x29, [sp, #48]
        mov     x28, x2
        add     x29, x28, #432

        vb_sqr8 x0, 0, x1, 0                    // P0 -> z[0..15]
        vb_sqr8 x0, 128, x1, 64                 // P1 -> z[16..31]
        vb_sqr8 x0, 256, x1, 128                // P2 -> z[32..47]
        vb_ksqr24_pair 0, 1, 0
        vb_ksqr24_pair 0, 2, 144
        vb_ksqr24_pair 1, 2, 288

        // z += X*U01 + X^2*U02 + X^3*U12, each carry rippling up to z[47]
        vb_add_n 18, 1, x0, 64, x0, 64, x28, 0
        vb_adcw_n 22, x0, 208, xzr, xzr
        vb_add_n 18, 1, x0, 128, x0, 128, x28, 144
        vb_adcw_n 14, x0, 272, xzr, xzr
        vb_add_n 18, 1, x0, 192, x0, 192, x28, 288
        vb_adcw_n 6, x0, 336, xzr, xzr

        ldp     x19, x20, [sp]
        ldp     x21, x22, [sp, #16]
        ldp     x23, x24, [sp, #32]
        ldp     x28, x29, [sp, #48]
        add     sp, sp, #64
        ret
VB_END(bignum_ksqr_24_48)

VB_GNU_PROPERTY
VB_NOTE_STACK
