// bignum_kmul_32_64(z, x, y, t): z = x * y, x and y of 32 words, z of 64 words;
// t is 96 words of scratch (VBIGNUM_KMUL_32_64_TEMP_WORDS), contents on return
// unspecified.
// Preconditions: none. Aliasing: z, t, x, y pairwise disjoint, except x may equal y.
// Method: Karatsuba on 16-word halves, each 16x16 product by vb_kmul16
// (_products.h), which recurses down to single words: 243 word products instead
// of 1024. With L = x_lo*y_lo, H = x_hi*y_hi, M = (x_lo - x_hi)*(y_hi - y_lo),
// B = 2^64:  z = L + B^16*(L + H + M) + B^32*H.
// The three 16x16 products run as three trips of one loop (the trip count is the
// only branch condition) over a table of (z, x, y) pointers on the stack.
// Scratch: t[0..31] for the 16x16 products, t[32..47] = |x_lo - x_hi|,
// t[48..63] = |y_hi - y_lo|, t[64..95] = L + H, later |M|.
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_kmul_32_64)
        sub     sp, sp, #176
        stp     x19, x20, [sp]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        stp     x27, x28, [sp, #64]
        str     x29, [sp, #80]
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

        add     x29, sp, #96
1:      ldp     x0, x1, [x29]
        ldr     x2, [x29, #16]
        vb_kmul16 x0, x1, x2, x28, x1
        add     x29, x29, #24
        add     x3, sp, #144
        cmp     x29, x3
        b.ne    2f
        // After H: z = L + B^16*(L + H) + B^32*H via t[64..95] = L + H (top
        // bit x27), before |M| takes that space.
        ldr     x0, [sp, #96]
        add     x2, x28, #512
        vb_add_n 32, 1, x2, 0, x0, 0, x0, 256
        cset    x27, cs
        vb_add_n 32, 1, x0, 128, x0, 128, x2, 0
        vb_adcw_n 16, x0, 384, x27, xzr
2:      add     x3, sp, #168
        cmp     x29, x3
        b.ne    1b

        // z[16..63] += B^16 * (-1)^s * |M|
        ldr     x0, [sp, #96]
        add     x2, x28, #512
        ldr     x1, [sp, #88]
        cmn     x1, #1
        vb_addxor_n 32, x0, 128, x2, 0, x1
        vb_adcw_n 16, x0, 384, x1, x1

        ldp     x19, x20, [sp]
        ldp     x21, x22, [sp, #16]
        ldp     x23, x24, [sp, #32]
        ldp     x25, x26, [sp, #48]
        ldp     x27, x28, [sp, #64]
        ldr     x29, [sp, #80]
        add     sp, sp, #176
        ret
VB_END(bignum_kmul_32_64)

VB_GNU_PROPERTY
VB_NOTE_STACK
