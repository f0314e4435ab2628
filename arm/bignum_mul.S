// bignum_mul(k, z, m, x, n, y): z = x * y mod 2^(64k), where x has m words, y
// has n words and z has k words (little-endian). Any k, m, n >= 0, in any
// relation: z is the low k words of the full (m + n)-word product, padded with
// zeros when k > m + n. Preconditions: none. Aliasing: z must be disjoint from
// x and y (each z[i] is stored while later columns still read x and y).
// Constant time: branches and addresses depend only on k, m and n.
//
// Method: product scanning. Column i of the product is the sum of x[j]*y[i-j]
// over j in [max(0, i-n+1), min(m, i+1)); it is added into a 3-word
// accumulator (c2,c1,c0) that already holds the carry from column i-1. Then
// z[i] = c0 and the accumulator shifts down one word. Three words suffice: a
// column sum is below min(m,n) * 2^128 plus a carry below 2^128.
#include "_internal.h"

#define k x0
#define z x1
#define m x2
#define x x3
#define n x4
#define y x5
#define i x6
#define cnt x7
#define px x8
#define py x9
#define xj x10
#define yj x11
#define lo x12
#define hi x13
#define c0 x14
#define c1 x15
#define c2 x16
#define t x17

VB_FUNCTION(bignum_mul)
        cbz     k, .Ldone
        mov     i, xzr
        mov     c0, xzr
        mov     c1, xzr
        mov     c2, xzr

.Lcolumn:
        subs    t, i, n                 // first j: i >= n ? i - n + 1 : 0
        csinc   t, xzr, t, cc
        add     cnt, i, #1              // end of j: min(m, i + 1)
        cmp     cnt, m
        csel    cnt, cnt, m, ls
        subs    cnt, cnt, t             // number of terms; none if end <= first
        b.ls    .Lstore
        add     px, x, t, lsl #3        // &x[first], walking up
        sub     t, i, t
        add     py, y, t, lsl #3        // &y[i - first], walking down

        tbz     cnt, #0, .Lpair         // odd count: one term first
        ldr     xj, [px], #8
        ldr     yj, [py], #-8
        mul     lo, xj, yj
        umulh   hi, xj, yj
        adds    c0, c0, lo
        adcs    c1, c1, hi
        adc     c2, c2, xzr
        subs    cnt, cnt, #1
        b.eq    .Lstore

.Lpair:                                 // two terms per pass, cnt even and > 0
        ldr     xj, [px], #8
        ldr     yj, [py], #-8
        mul     lo, xj, yj
        umulh   hi, xj, yj
        ldr     xj, [px], #8
        ldr     yj, [py], #-8
        adds    c0, c0, lo
        mul     lo, xj, yj
        adcs    c1, c1, hi
        umulh   hi, xj, yj
        adc     c2, c2, xzr
        adds    c0, c0, lo
        adcs    c1, c1, hi
        adc     c2, c2, xzr
        subs    cnt, cnt, #2
        b.ne    .Lpair

.Lstore:
        str     c0, [z, i, lsl #3]
        mov     c0, c1                  // shift the accumulator down one word
        mov     c1, c2
        mov     c2, xzr
        add     i, i, #1
        cmp     i, k
        b.cc    .Lcolumn

.Ldone:
        ret
VB_END(bignum_mul)

VB_GNU_PROPERTY
VB_NOTE_STACK
