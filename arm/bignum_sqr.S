// bignum_sqr(k, z, n, x): z = x^2 mod 2^(64k), where x has n words and z has k
// words (little-endian). Any k, n >= 0: z is the low k words of the full
// 2n-word square, padded with zeros when k > 2n. Preconditions: none.
// Aliasing: z must be disjoint from x (each z[i] is stored while later columns
// still read x). Constant time: branches and addresses depend only on k and n.
//
// Method: product scanning, each cross product computed once. Column i of the
// square is 2 * (sum of x[j]*x[i-j] over j < i-j, i-j < n) plus x[i/2]^2 when
// i is even and i/2 < n. The cross sum goes into (s2,s1,s0), is doubled, the
// diagonal term and the 2-word carry (c1,c0) from column i-1 are added; then
// z[i] = s0 and (c1,c0) = (s2,s1). Three words hold the column: the cross sum
// is below n * 2^128, so twice it plus a square and a carry (each below 2^128,
// the carry because the previous column was below 2^192) stays below 2^192.
#include "_internal.h"

#define k x0
#define z x1
#define n x2
#define x x3
#define i x4
#define cnt x5
#define px x6
#define py x7
#define xj x8
#define xr x9
#define lo x10
#define hi x11
#define s0 x12
#define s1 x13
#define s2 x14
#define c0 x15
#define c1 x16
#define t x17

VB_FUNCTION(bignum_sqr)
        cbz     k, .Ldone
        mov     i, xzr
        mov     c0, xzr
        mov     c1, xzr

.Lcolumn:
        mov     s0, xzr
        mov     s1, xzr
        mov     s2, xzr
        subs    t, i, n                 // first j: i >= n ? i - n + 1 : 0
        csinc   t, xzr, t, cc
        add     cnt, i, #1              // end of j: (i + 1) / 2, so that j < i - j
        lsr     cnt, cnt, #1
        subs    cnt, cnt, t             // number of cross terms; none if end <= first
        b.ls    .Ldouble
        add     px, x, t, lsl #3        // &x[first], walking up
        sub     t, i, t
        add     py, x, t, lsl #3        // &x[i - first], walking down

        tbz     cnt, #0, .Lpair         // odd count: one term first
        ldr     xj, [px], #8
        ldr     xr, [py], #-8
        mul     s0, xj, xr
        umulh   s1, xj, xr
        subs    cnt, cnt, #1
        b.eq    .Ldouble

.Lpair:                                 // two terms per pass, cnt even and > 0
        ldr     xj, [px], #8
        ldr     xr, [py], #-8
        mul     lo, xj, xr
        umulh   hi, xj, xr
        ldr     xj, [px], #8
        ldr     xr, [py], #-8
        adds    s0, s0, lo
        mul     lo, xj, xr
        adcs    s1, s1, hi
        umulh   hi, xj, xr
        adc     s2, s2, xzr
        adds    s0, s0, lo
        adcs    s1, s1, hi
        adc     s2, s2, xzr
        subs    cnt, cnt, #2
        b.ne    .Lpair

.Ldouble:                               // s = 2 * s
        extr    s2, s2, s1, #63
        extr    s1, s1, s0, #63
        lsl     s0, s0, #1

        tbnz    i, #0, .Lcarry          // diagonal x[i/2]^2 only for even i < 2n
        lsr     t, i, #1
        cmp     t, n
        b.hs    .Lcarry
        ldr     xj, [x, t, lsl #3]
        mul     lo, xj, xj
        umulh   hi, xj, xj
        adds    s0, s0, lo
        adcs    s1, s1, hi
        adc     s2, s2, xzr

.Lcarry:
        adds    s0, s0, c0
        adcs    c0, s1, c1              // next carry = (s2, s1) after the addition
        adc     c1, s2, xzr
        str     s0, [z, i, lsl #3]
        add     i, i, #1
        cmp     i, k
        b.cc    .Lcolumn

.Ldone:
        ret
VB_END(bignum_sqr)

VB_GNU_PROPERTY
VB_NOTE_STACK
