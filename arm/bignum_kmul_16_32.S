// bignum_kmul_16_32(z, x, y, t): z = x * y, x and y of 16 words, z of 32 words;
// t is 32 words of scratch (VBIGNUM_KMUL_16_32_TEMP_WORDS), contents on return
// unspecified.
// Preconditions: none. Aliasing: z, t, x, y pairwise disjoint, except x may equal y.
// Method: Karatsuba on 8-word halves; each 8x8 product (vb_mul8, _products.h)
// Karatsuba again down to single words: 81 word products instead of 256.
// With L = x_lo*y_lo, H = x_hi*y_hi, M = (x_lo - x_hi)*(y_hi - y_lo), B = 2^64:
//   z = L + B^8*(L + H + M) + B^16*H.
// (vb_kmul16 in _products.h).
#include "_internal.h"
#include "_products.h"

VB_FUNCTION(bignum_kmul_16_32)
        stp     x19, x20, [sp, #-96]!
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        stp     x27, x28, [sp, #64]
        mov     x28, x3                 // t (vb_mul8 clobbers x3-x27)

        vb_kmul16 x0, x1, x2, x28, x1

        ldp     x27, x28, [sp, #64]
        ldp     x25, x26, [sp, #48]
        ldp     x23, x24, [sp, #32]
        ldp     x21, x22, [sp, #16]
        ldp     x19, x20, [sp], #96
        ret
VB_END(bignum_kmul_16_32)

VB_GNU_PROPERTY
VB_NOTE_STACK
