// bignum_ksqr_24_48(z, x, t): z = x^2, x of 24 words, z of 48 words; t is 72
// words of scratch (VBIGNUM_KSQR_24_48_TEMP_WORDS), contents on return unspecified.
// Preconditions: none. Aliasing: z, t, x pairwise disjoint.
// Method: three-way Karatsuba for squares on 8-word blocks x = x0 + X*x1 + X^2*x2
// (X = 2^512): with P_i = x_i^2 and D_ij = (x_i - x_j)^2, i < j,
//   2*x_i*x_j = P_i + P_j - D_ij,
//   z = P0 + X^2*P1 + X^4*P2 + X*(P0 + P1 - D01) + X^2*(P0 + P2 - D02)
//       + X^3*(P1 + P2 - D12),
// six 8-word squares (vb_sqr8, _products.h), 162 word products. All six come
// first; then each 8-word block of z is summed once, in registers (vb_blk_*),
// with the carries and borrows between blocks in one register.
// Scratch: t[0..15] = P1, t[16..63] = D01, D02, D12; z[16..23] holds the
// difference of the pair being squared.
#include "_internal.h"
#include "_products.h"

// D_ij -> t[16 + 16k ..]. x0 = z, x1 = x, x28 = t.
.macro vb_ksqr24_diff i, j, k
        vb_absdiff8r x0, 128, x1, (64 * \i), x1, (64 * \j), x23
        vb_sqr8 x28, (128 + 128 * \k), x0, 128
.endm

VB_FUNCTION(bignum_ksqr_24_48)
        sub     sp, sp, #80
        stp     x19, x20, [sp]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        str     x28, [sp, #64]
        mov     x28, x2

        vb_sqr8 x0, 0, x1, 0                    // P0 -> z[0..15]
        vb_sqr8 x28, 0, x1, 64                  // P1 -> t[0..15]
        vb_sqr8 x0, 256, x1, 128                // P2 -> z[32..47]
        vb_ksqr24_diff 0, 1, 0
        vb_ksqr24_diff 0, 2, 1
        vb_ksqr24_diff 1, 2, 2

        // Blocks of z; P_i = (p_i0, p_i1), D_ij = (d_ij0, d_ij1). p01 is kept in
        // R since block 1 overwrites it; z[0..7] = p00 is already final.
        vb_blk_loadr x0, 64
        vb_blk_load x0, 0                       // z1 = p00 + p01 + p10 - d010
        vb_blk_addr
        vb_blk_add x28, 0
        vb_blk_sub x28, 128
        vb_blk_store x0, 64
        vb_blk_start x28, 0                     // z2 = p10 + p01 + p11 - d011
        vb_blk_addr                             //      + p00 + p20 - d020
        vb_blk_add x28, 64
        vb_blk_sub x28, 192
        vb_blk_add x0, 0
        vb_blk_add x0, 256
        vb_blk_sub x28, 256
        vb_blk_store x0, 128
        vb_blk_start x28, 64                    // z3 = p11 + p01 + p21 - d021
        vb_blk_addr                             //      + p10 + p20 - d120
        vb_blk_add x0, 320
        vb_blk_sub x28, 320
        vb_blk_add x28, 0
        vb_blk_add x0, 256
        vb_blk_sub x28, 384
        vb_blk_store x0, 192
        vb_blk_start x0, 256                    // z4 = p20 + p11 + p21 - d121
        vb_blk_add x28, 64
        vb_blk_add x0, 320
        vb_blk_sub x28, 448
        vb_blk_store x0, 256
        vb_blk_start x0, 320                    // z5 = p21 (+ the carries)
        vb_blk_store x0, 320

        ldp     x19, x20, [sp]
        ldp     x21, x22, [sp, #16]
        ldp     x23, x24, [sp, #32]
        ldp     x25, x26, [sp, #48]
        ldr     x28, [sp, #64]
        add     sp, sp, #80
        ret
VB_END(bignum_ksqr_24_48)

VB_GNU_PROPERTY
VB_NOTE_STACK
