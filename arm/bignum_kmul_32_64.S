// bignum_kmul_32_64(z, x, y, t): z = x * y, x and y of 32 words, z of 64 words;
// t is 96 words of scratch (VBIGNUM_KMUL_32_64_TEMP_WORDS), contents on return
// unspecified.
// Preconditions: none. Aliasing: z, t, x, y pairwise disjoint, except x may equal y.
// Method: Karatsuba on 16-word halves, each 16x16 product by vb_kmul16
// (_products.h), which recurses down to single words: 243 word products instead
// of 1024. With L = x_lo*y_lo, H = x_hi*y_hi, M = (x_lo - x_hi)*(y_hi - y_lo),
// B = 2^64:  z = L + B^16*(L + H + M) + B^32*H.
// The three 16x16 products run as three trips of one loop (the trip count is the
// only branch condition) over a table of (z, x, y) pointers on the stack; then
// each 8-word block of z is summed once, in registers (vb_blk_*).
// Scratch: t[0..31] for the 16x16 products, then two blocks of the result;
// t[32..47] = |x_lo - x_hi|, t[48..63] = |y_hi - y_lo|, t[64..95] = |M|.
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_kmul_32_64)
        sub     sp, sp, #176
        stp     x19, x20, [sp]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        stp     x27, x28, [sp, #64]
        mov     x28, x3                 // t

        // The product table at sp+96: (z, x, y) for L, H and |M|.
        add     x4, x0, #256
        add     x5, x1, #128
        add     x6, x2, #128
        add     x7, x28, #512
        add     x8, x28, #256
        add     x9, x28, #384
        stp     x0, x1, [sp, #96]
        stp     x2, x4, [sp, #112]
        stp     x5, x6, [sp, #128]
        stp     x7, x8, [sp, #144]
        str     x9, [sp, #160]

        // t[32..47] = |x_lo - x_hi|, t[48..63] = |y_hi - y_lo|; sign of M at sp+88
        vb_absdiff_n 16, x28, 256, x1, 0, x1, 128, x10
        vb_absdiff_n 16, x28, 384, x2, 128, x2, 0, x11
        eor     x10, x10, x11
        str     x10, [sp, #88]

        add     x3, sp, #96             // the table cursor lives at sp+80
1:      ldp     x0, x1, [x3]
        ldr     x2, [x3, #16]
        add     x3, x3, #24
        str     x3, [sp, #80]
        vb_kmul16 x0, x1, x2, x28, x1
        ldr     x3, [sp, #80]
        add     x4, sp, #168
        cmp     x3, x4
        b.ne    1b

        // Blocks of z: L = (l0..l3), H = (h0..h3), |M| = (m0..m3) at x2, sign x23.
        // z2, z3 go to t[0..15] first: l2 and l3 are still needed for z4, z5.
        ldr     x0, [sp, #96]
        add     x2, x28, #512
        ldr     x23, [sp, #88]
        vb_blk_load x0, 128                     // z2 = l2 + l0 + h0 + m0
        vb_blk_add x0, 0
        vb_blk_add x0, 256
        vb_blk_addxor x2, 0, 1, 0
        vb_blk_store x28, 0
        vb_blk_start x0, 192                    // z3 = l3 + l1 + h1 + m1
        vb_blk_add x0, 64
        vb_blk_add x0, 320
        vb_blk_addxor x2, 64, 0, 0
        vb_blk_store x28, 64
        vb_blk_start x0, 256                    // z4 = h0 + l2 + h2 + m2
        vb_blk_add x0, 128
        vb_blk_add x0, 384
        vb_blk_addxor x2, 128, 0, 0
        vb_blk_store x0, 256
        vb_blk_start x0, 320                    // z5 = h1 + l3 + h3 + m3
        vb_blk_add x0, 192
        vb_blk_add x0, 448
        vb_blk_addxor x2, 192, 0, 1
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
        ldp     x27, x28, [sp, #64]
        add     sp, sp, #176
        ret
VB_END(bignum_kmul_32_64)

VB_GNU_PROPERTY
VB_NOTE_STACK
