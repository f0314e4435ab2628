// bignum_ksqr_32_64(z, x, t): z = x^2, x of 32 words, z of 64 words; t is 72
// words of scratch (VBIGNUM_KSQR_32_64_TEMP_WORDS), contents on return unspecified.
// Preconditions: none. Aliasing: z, t, x pairwise disjoint.
// Method: Karatsuba for squares on 16-word halves, each 16-word square by
// vb_ksqr16 (_products.h): 243 word products. With L = x_lo^2, H = x_hi^2,
// D = (x_lo - x_hi)^2, B = 2^64:  z = L + B^16*(L + H - D) + B^32*H.
// The three squares run as three trips of one loop (the trip count is the only
// branch condition) over a table of (z, x) pointers on the stack; then each
// 8-word block of z is summed once, in registers (vb_blk_*).
// Scratch: t[0..23] for the 16-word squares, then two blocks of the result;
// t[24..39] = |x_lo - x_hi|, t[40..71] = D.
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_ksqr_32_64)
        sub     sp, sp, #128
        stp     x19, x20, [sp]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        str     x28, [sp, #64]
        mov     x28, x2                 // t

        // The square table at sp+80: (z, x) for L, H and D.
        add     x4, x0, #256
        add     x5, x1, #128
        add     x6, x28, #320
        add     x7, x28, #192
        stp     x0, x1, [sp, #80]
        stp     x4, x5, [sp, #96]
        stp     x6, x7, [sp, #112]

        // t[24..39] = |x_lo - x_hi|
        vb_absdiff_n 16, x28, 192, x1, 0, x1, 128, x10

        add     x3, sp, #80             // the table cursor lives at sp+72
1:      ldp     x0, x1, [x3]
        add     x3, x3, #16
        str     x3, [sp, #72]
        vb_ksqr16 x0, x1, x28
        ldr     x3, [sp, #72]
        add     x4, sp, #128
        cmp     x3, x4
        b.ne    1b

        // Blocks of z: L = (l0..l3), H = (h0..h3), D = (d0..d3) at x2.
        // z2, z3 go to t[0..15] first: l2 and l3 are still needed for z4, z5.
        ldr     x0, [sp, #80]
        add     x2, x28, #320
        vb_blk_load x0, 128                     // z2 = l2 + l0 + h0 - d0
        vb_blk_add x0, 0
        vb_blk_add x0, 256
        vb_blk_sub x2, 0
        vb_blk_store x28, 0
        vb_blk_start x0, 192                    // z3 = l3 + l1 + h1 - d1
        vb_blk_add x0, 64
        vb_blk_add x0, 320
        vb_blk_sub x2, 64
        vb_blk_store x28, 64
        vb_blk_start x0, 256                    // z4 = h0 + l2 + h2 - d2
        vb_blk_add x0, 128
        vb_blk_add x0, 384
        vb_blk_sub x2, 128
        vb_blk_store x0, 256
        vb_blk_start x0, 320                    // z5 = h1 + l3 + h3 - d3
        vb_blk_add x0, 192
        vb_blk_add x0, 448
        vb_blk_sub x2, 192
        vb_blk_store x0, 320
        vb_blk_start x0, 384                    // z6 = h2 (+ the carries)
        vb_blk_store x0, 384
        vb_blk_start x0, 448                    // z7 = h3 (+ the carries)
        vb_blk_store x0, 448
        vb_blk_load x28, 0                      // z2, z3 into place
        vb_blk_store x0, 128
        vb_blk_load x28, 64
        vb_blk_store x0, 192

        ldp     x19, x20, [sp]
        ldp     x21, x22, [sp, #16]
        ldp     x23, x24, [sp, #32]
        ldp     x25, x26, [sp, #48]
        ldr     x28, [sp, #64]
        add     sp, sp, #128
        ret
VB_END(bignum_ksqr_32_64)

VB_GNU_PROPERTY
VB_NOTE_STACK
