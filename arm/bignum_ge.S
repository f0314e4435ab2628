// bignum_ge(m, x, n, y): returns 1 if x >= y else 0, where x has m words and y
// has n words (little-endian; the sizes may differ, the shorter number reads as
// zero-extended). Any m, n >= 0; x and y may overlap freely (read only).
// Constant time: branches and addresses depend only on m and n.
//
// Method: the borrow of x - y over max(m, n) words. The carry flag C carries the
// "no borrow" bit through every loop; only ldr, sbcs, add, sub, cbz and b run
// between the subtractions, none of which touch the flags.
#include "_internal.h"

#define m x0
#define x x1
#define n x2
#define y x3
#define rest x4
#define i x5
#define xi x6
#define yi x7

VB_FUNCTION(bignum_ge)
        mov     i, xzr
        subs    rest, m, n              // C = (m >= n), which is also "no borrow yet"
        b.cc    .Lylonger

// m >= n: n common words, then m - n words of x alone.
.Lxcommon:
        cbz     n, .Lxtail
        ldr     xi, [x, i, lsl #3]
        ldr     yi, [y, i, lsl #3]
        sbcs    xzr, xi, yi
        add     i, i, #1
        sub     n, n, #1
        b       .Lxcommon
.Lxtail:
        cbz     rest, .Ldone
        ldr     xi, [x, i, lsl #3]
        sbcs    xzr, xi, xzr
        add     i, i, #1
        sub     rest, rest, #1
        b       .Lxtail

// m < n: m common words, then n - m words of y alone.
.Lylonger:
        subs    rest, n, m              // n - m > 0, so C = 1: no borrow yet
.Lycommon:
        cbz     m, .Lytail
        ldr     xi, [x, i, lsl #3]
        ldr     yi, [y, i, lsl #3]
        sbcs    xzr, xi, yi
        add     i, i, #1
        sub     m, m, #1
        b       .Lycommon
.Lytail:
        cbz     rest, .Ldone
        ldr     yi, [y, i, lsl #3]
        sbcs    xzr, xzr, yi
        add     i, i, #1
        sub     rest, rest, #1
        b       .Lytail

.Ldone:
        cset    x0, cs                  // no final borrow: x >= y
        ret
VB_END(bignum_ge)

VB_GNU_PROPERTY
VB_NOTE_STACK
