// bignum_kmul_24_48(z, x, y, t): z = x * y, x and y of 24 words, z of 48 words;
// t is 72 words of scratch (VBIGNUM_KMUL_24_48_TEMP_WORDS), contents on return
// unspecified.
// Preconditions: none. Aliasing: z, t, x, y pairwise disjoint, except x may equal y.
// Method: three-way Karatsuba on 8-word blocks x = x0 + X*x1 + X^2*x2 (X = 2^512,
// same for y): with P_i = x_i*y_i and, for i < j,
//   U_ij = x_i*y_j + x_j*y_i = P_i + P_j + (x_i - x_j)*(y_j - y_i),
//   z = P0 + X^2*P1 + X^4*P2 + X*U01 + X^2*U02 + X^3*U12,
// six 8x8 products (vb_mul8, _products.h), 162 word products instead of 576.
// Scratch: t[18k..18k+17] = U01, U02, U12 (17 words and a zero), t[54..69] the
// two 8-word differences of the pair being multiplied.
#include "_internal.h"
#include "_products.h"

// The pair (i, j): differences at t+432, |D| into the U slot at byte offset u,
// then U = (-1)^s*|D| + P_i + P_j there. x0 = z, x1 = x, x2 = y, x28 = t,
// x30 = t + 432.
.macro vb_kmul24_pair i, j, u
        vb_absdiff_n 8, x30, 0, x1, (64 * \i), x1, (64 * \j), x29
        vb_absdiff_n 8, x30, 64, x2, (64 * \j), x2, (64 * \i), x7
        eor     x29, x29, x7
        vb_mul8 x28, \u, x30, 0, x30, 64
        cmn     x29, #1
        vb_xoradd_n 16, x28, \u, x28, \u, x0, (128 * \i), x29
        adc     x7, x29, xzr
        vb_add_n 16, 1, x28, \u, x28, \u, x0, (128 * \j)
        adc     x7, x7, xzr
        stp     x7, xzr, [x28, #(\u + 128)]
.endm

VB_FUNCTION(bignum_kmul_24_48)
        sub     sp, sp, #96
        stp     x19, x20, [sp]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        stp     x27, x28, [sp, #64]
        stp     x29, x30, [sp, #80]
        mov     x28, x3
        add     x30, x28, #432

        vb_mul8 x0, 0, x1, 0, x2, 0             // P0 -> z[0..15]
        vb_mul8 x0, 128, x1, 64, x2, 64         // P1 -> z[16..31]
        vb_mul8 x0, 256, x1, 128, x2, 128       // P2 -> z[32..47]
        vb_kmul24_pair 0, 1, 0
        vb_kmul24_pair 0, 2, 144
        vb_kmul24_pair 1, 2, 288

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
        ldp     x25, x26, [sp, #48]
        ldp     x27, x28, [sp, #64]
        ldp     x29, x30, [sp, #80]
        add     sp, sp, #96
        ret
VB_END(bignum_kmul_24_48)

VB_GNU_PROPERTY
VB_NOTE_STACK
