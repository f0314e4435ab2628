// Assembler macros shared by the fixed-size product kernels (bignum_mul_4_8 ...
// bignum_ksqr_32_64). Included after _internal.h.
//
// Why Karatsuba all the way down: Neoverse N1 has ONE integer multiply pipe, and
// MUL and UMULH each hold it for 3 cycles, so a 64x64->128 product costs 6 cycles
// of that pipe while three ALU pipes sit mostly idle. Each Karatsuba level swaps
// one product in four for a dozen or so ALU operations. A 4x4 product then needs
// 9 word products (54 M-pipe cycles) instead of 16 (96).
//
// Sign handling is branch free: for a difference d, mask = 0 or all ones from the
// borrow (csetm), |d| = (d ^ mask) - mask, and a signed term (-1)^s * M is added
// as (M ^ s) + (s & 1) with the top word extended by s (cmn s, #1 sets the carry
// exactly when s is all ones).
//
// Register arguments must all be distinct unless a macro says otherwise.
#ifndef VBIGNUM_ARM_PRODUCTS_H
#define VBIGNUM_ARM_PRODUCTS_H

// Scheduling: the product that depends on the differences goes last, and the
// rest of the sum, L + B*(L + H) + B^2*H (B = 2^64 or 2^128), is formed while it
// is in the multiplier, so only one short carry chain follows the last UMULH.
// Sums wrap modulo the output size; the final value is exact.

// (r3:r2:r1:r0) = (a1:a0) * (b1:b0), one Karatsuba step on words:
// a0*b1 + a1*b0 = a0*b0 + a1*b1 + (a0 - a1)*(b1 - b0).
// Destroys a0, a1, b0, b1, t0, t1.
.macro vb_mul2 r0, r1, r2, r3, a0, a1, b0, b1, t0, t1
        mul     \r0, \a0, \b0           // L
        umulh   \r1, \a0, \b0
        mul     \r2, \a1, \b1           // H
        umulh   \r3, \a1, \b1
        subs    \a0, \a0, \a1           // a0 = |a0 - a1|, a1 = -1 if negative
        cneg    \a0, \a0, cc
        csetm   \a1, cc
        subs    \b0, \b1, \b0           // b0 = |b1 - b0|, flip a1 if negative
        cneg    \b0, \b0, cc
        cinv    \a1, \a1, cc
        mul     \b1, \a0, \b0           // (a0:b1) = M = |a0 - a1| * |b1 - b0|
        umulh   \a0, \a0, \b0
        adds    \t0, \r0, \r2           // (b0:t1:t0) = L + H
        adcs    \t1, \r1, \r3
        adc     \b0, xzr, xzr
        adds    \r1, \r1, \t0           // r = L + B*(L + H) + B^2*H
        adcs    \r2, \r2, \t1
        adc     \r3, \r3, \b0
        cmn     \a1, #1                 // r += B * (-1)^a1 * M
        eor     \b1, \b1, \a1
        adcs    \r1, \r1, \b1
        eor     \a0, \a0, \a1
        adcs    \r2, \r2, \a0
        adc     \r3, \r3, \a1
.endm

// (r7..r0) = (a3..a0) * (b3..b0): Karatsuba on 2-word halves, each of the three
// half products by vb_mul2. Destroys every other argument.
.macro vb_mul4 r0, r1, r2, r3, r4, r5, r6, r7, a0, a1, a2, a3, b0, b1, b2, b3, d0, d1, e0, e1, s, t0, t1
        subs    \d0, \a0, \a2           // d = a_lo - a_hi, s = -1 if negative
        sbcs    \d1, \a1, \a3
        csetm   \s, cc
        subs    \e0, \b2, \b0           // e = b_hi - b_lo, t0 = -1 if negative
        sbcs    \e1, \b3, \b1
        csetm   \t0, cc
        eor     \d0, \d0, \s            // d = |d|
        subs    \d0, \d0, \s
        eor     \d1, \d1, \s
        sbc     \d1, \d1, \s
        eor     \e0, \e0, \t0           // e = |e|
        subs    \e0, \e0, \t0
        eor     \e1, \e1, \t0
        sbc     \e1, \e1, \t0
        eor     \s, \s, \t0             // s: sign of d * e
        vb_mul2 \r0, \r1, \r2, \r3, \a0, \a1, \b0, \b1, \t0, \t1
        vb_mul2 \r4, \r5, \r6, \r7, \a2, \a3, \b2, \b3, \t0, \t1
        adds    \a0, \r0, \r4           // (b0,a3..a0) = L + H
        adcs    \a1, \r1, \r5
        adcs    \a2, \r2, \r6
        adcs    \a3, \r3, \r7
        adc     \b0, xzr, xzr
        adds    \r2, \r2, \a0           // r = L + B^2*(L + H) + B^4*H
        adcs    \r3, \r3, \a1
        adcs    \r4, \r4, \a2
        adcs    \r5, \r5, \a3
        adcs    \r6, \r6, \b0
        adc     \r7, \r7, xzr
        vb_mul2 \a0, \a1, \a2, \a3, \d0, \d1, \e0, \e1, \t0, \t1
        cmn     \s, #1                  // r += B^2 * (-1)^s * M
        eor     \a0, \a0, \s
        adcs    \r2, \r2, \a0
        eor     \a1, \a1, \s
        adcs    \r3, \r3, \a1
        eor     \a2, \a2, \s
        adcs    \r4, \r4, \a2
        eor     \a3, \a3, \s
        adcs    \r5, \r5, \a3
        adcs    \r6, \r6, \s
        adc     \r7, \r7, \s
.endm

// (r3:r2:r1:r0) = (a1:a0)^2, schoolbook: the cross product once, doubled.
// a0, a1 are preserved; destroys t0, t1.
.macro vb_sqr2 r0, r1, r2, r3, a0, a1, t0, t1
        mul     \t0, \a0, \a1
        umulh   \t1, \a0, \a1
        mul     \r0, \a0, \a0
        umulh   \r1, \a0, \a0
        mul     \r2, \a1, \a1
        umulh   \r3, \a1, \a1
        adds    \t0, \t0, \t0           // 2 * a0 * a1, its top bit into r3
        adcs    \t1, \t1, \t1
        adc     \r3, \r3, xzr
        adds    \r1, \r1, \t0
        adcs    \r2, \r2, \t1
        adc     \r3, \r3, xzr
.endm

// (r7..r0) = (a3..a0)^2 by Karatsuba for squares: with L = a_lo^2, H = a_hi^2,
// D = (a_lo - a_hi)^2, the middle term 2 * a_lo * a_hi = L + H - D >= 0.
// Destroys a0..a3, d0, d1, t0, t1, t2.
.macro vb_sqr4 r0, r1, r2, r3, r4, r5, r6, r7, a0, a1, a2, a3, d0, d1, t0, t1, t2
        subs    \d0, \a0, \a2           // d = |a_lo - a_hi|
        sbcs    \d1, \a1, \a3
        csetm   \t0, cc
        eor     \d0, \d0, \t0
        subs    \d0, \d0, \t0
        eor     \d1, \d1, \t0
        sbc     \d1, \d1, \t0
        vb_sqr2 \r0, \r1, \r2, \r3, \a0, \a1, \t0, \t1
        vb_sqr2 \r4, \r5, \r6, \r7, \a2, \a3, \t0, \t1
        adds    \a0, \r0, \r4           // (t2,a3..a0) = L + H
        adcs    \a1, \r1, \r5
        adcs    \a2, \r2, \r6
        adcs    \a3, \r3, \r7
        adc     \t2, xzr, xzr
        adds    \r2, \r2, \a0           // r = L + B^2*(L + H) + B^4*H
        adcs    \r3, \r3, \a1
        adcs    \r4, \r4, \a2
        adcs    \r5, \r5, \a3
        adcs    \r6, \r6, \t2
        adc     \r7, \r7, xzr
        vb_sqr2 \a0, \a1, \a2, \a3, \d0, \d1, \t0, \t1
        subs    \r2, \r2, \a0           // r -= B^2 * D
        sbcs    \r3, \r3, \a1
        sbcs    \r4, \r4, \a2
        sbcs    \r5, \r5, \a3
        sbcs    \r6, \r6, xzr
        sbc     \r7, \r7, xzr
.endm

// (d3..d0) = |(a3..a0) - (b3..b0)|, m = -1 if a < b else 0. d may equal a or b
// register for register.
.macro vb_absdiff4 d0, d1, d2, d3, a0, a1, a2, a3, b0, b1, b2, b3, m
        subs    \d0, \a0, \b0
        sbcs    \d1, \a1, \b1
        sbcs    \d2, \a2, \b2
        sbcs    \d3, \a3, \b3
        csetm   \m, cc
        eor     \d0, \d0, \m
        subs    \d0, \d0, \m
        eor     \d1, \d1, \m
        sbcs    \d1, \d1, \m
        eor     \d2, \d2, \m
        sbcs    \d2, \d2, \m
        eor     \d3, \d3, \m
        sbc     \d3, \d3, \m
.endm

// ---------------------------------------------------------------------------
// 8x8 blocks, memory to memory. Addresses are base register + byte offset
// (ldp/stp immediates: the offsets plus 120 must stay below 512). The output
// is used as scratch while the inputs are still read, so it must not overlap
// them.

// z[0..15] = x[0..7] * y[0..7], Karatsuba on 4-word halves (27 word products).
// With L = x_lo*y_lo, H = x_hi*y_hi, M = (x_lo - x_hi)*(y_hi - y_lo):
// z = L + B^4*(L + H + M) + B^8*H; L + B^4*(L + H) + B^8*H is summed before M.
// Clobbers x3-x17, x19-x27 and the flags; other registers are preserved.
.macro vb_mul8 zp, zo, xp, xo, yp, yo
        // L -> z[0..7]
        ldp     x3, x4, [\xp, #(\xo)]
        ldp     x5, x6, [\xp, #(\xo + 16)]
        ldp     x7, x8, [\yp, #(\yo)]
        ldp     x9, x10, [\yp, #(\yo + 16)]
        vb_mul4 x11, x12, x13, x14, x15, x16, x17, x19, x3, x4, x5, x6, x7, x8, x9, x10, x20, x21, x22, x23, x24, x25, x26
        stp     x11, x12, [\zp, #(\zo)]
        stp     x13, x14, [\zp, #(\zo + 16)]
        stp     x15, x16, [\zp, #(\zo + 32)]
        stp     x17, x19, [\zp, #(\zo + 48)]
        // H -> (x19,x17..x11)
        ldp     x3, x4, [\xp, #(\xo + 32)]
        ldp     x5, x6, [\xp, #(\xo + 48)]
        ldp     x7, x8, [\yp, #(\yo + 32)]
        ldp     x9, x10, [\yp, #(\yo + 48)]
        vb_mul4 x11, x12, x13, x14, x15, x16, x17, x19, x3, x4, x5, x6, x7, x8, x9, x10, x20, x21, x22, x23, x24, x25, x26
        // z[4..15] = L_hi + B^4*H + mid, mid = L + H = (x24..x20,x6..x3)
        ldp     x3, x4, [\zp, #(\zo)]
        ldp     x5, x6, [\zp, #(\zo + 16)]
        ldp     x7, x8, [\zp, #(\zo + 32)]
        ldp     x9, x10, [\zp, #(\zo + 48)]
        adds    x3, x3, x11
        adcs    x4, x4, x12
        adcs    x5, x5, x13
        adcs    x6, x6, x14
        adcs    x20, x7, x15
        adcs    x21, x8, x16
        adcs    x22, x9, x17
        adcs    x23, x10, x19
        adc     x24, xzr, xzr
        adds    x7, x7, x3
        adcs    x8, x8, x4
        adcs    x9, x9, x5
        adcs    x10, x10, x6
        adcs    x11, x11, x20
        adcs    x12, x12, x21
        adcs    x13, x13, x22
        adcs    x14, x14, x23
        adcs    x15, x15, x24
        adcs    x16, x16, xzr
        adcs    x17, x17, xzr
        adc     x19, x19, xzr
        stp     x7, x8, [\zp, #(\zo + 32)]
        stp     x9, x10, [\zp, #(\zo + 48)]
        stp     x11, x12, [\zp, #(\zo + 64)]
        stp     x13, x14, [\zp, #(\zo + 80)]
        stp     x15, x16, [\zp, #(\zo + 96)]
        stp     x17, x19, [\zp, #(\zo + 112)]
        // |x_lo - x_hi| -> (x6..x3), |y_hi - y_lo| -> (x10..x7), x27 = sign of M
        ldp     x3, x4, [\xp, #(\xo)]
        ldp     x5, x6, [\xp, #(\xo + 16)]
        ldp     x7, x8, [\xp, #(\xo + 32)]
        ldp     x9, x10, [\xp, #(\xo + 48)]
        vb_absdiff4 x3, x4, x5, x6, x3, x4, x5, x6, x7, x8, x9, x10, x27
        ldp     x7, x8, [\yp, #(\yo)]
        ldp     x9, x10, [\yp, #(\yo + 16)]
        ldp     x11, x12, [\yp, #(\yo + 32)]
        ldp     x13, x14, [\yp, #(\yo + 48)]
        vb_absdiff4 x7, x8, x9, x10, x11, x12, x13, x14, x7, x8, x9, x10, x15
        eor     x27, x27, x15
        // |M| -> (x19,x17..x11)
        vb_mul4 x11, x12, x13, x14, x15, x16, x17, x19, x3, x4, x5, x6, x7, x8, x9, x10, x20, x21, x22, x23, x24, x25, x26
        // z[4..15] += B^4 * (-1)^x27 * |M|
        ldp     x3, x4, [\zp, #(\zo + 32)]
        ldp     x5, x6, [\zp, #(\zo + 48)]
        ldp     x7, x8, [\zp, #(\zo + 64)]
        ldp     x9, x10, [\zp, #(\zo + 80)]
        ldp     x20, x21, [\zp, #(\zo + 96)]
        ldp     x22, x23, [\zp, #(\zo + 112)]
        cmn     x27, #1
        eor     x11, x11, x27
        adcs    x3, x3, x11
        eor     x12, x12, x27
        adcs    x4, x4, x12
        eor     x13, x13, x27
        adcs    x5, x5, x13
        eor     x14, x14, x27
        adcs    x6, x6, x14
        eor     x15, x15, x27
        adcs    x7, x7, x15
        eor     x16, x16, x27
        adcs    x8, x8, x16
        eor     x17, x17, x27
        adcs    x9, x9, x17
        eor     x19, x19, x27
        adcs    x10, x10, x19
        adcs    x20, x20, x27
        adcs    x21, x21, x27
        adcs    x22, x22, x27
        adc     x23, x23, x27
        stp     x3, x4, [\zp, #(\zo + 32)]
        stp     x5, x6, [\zp, #(\zo + 48)]
        stp     x7, x8, [\zp, #(\zo + 64)]
        stp     x9, x10, [\zp, #(\zo + 80)]
        stp     x20, x21, [\zp, #(\zo + 96)]
        stp     x22, x23, [\zp, #(\zo + 112)]
.endm

// z[0..15] = x[0..7]^2, Karatsuba for squares on 4-word halves (27 word
// products): z = L + B^4*(L + H - D) + B^8*H with D = (x_lo - x_hi)^2.
// Clobbers x3-x17, x19-x24 and the flags; other registers are preserved.
.macro vb_sqr8 zp, zo, xp, xo
        // L -> z[0..7]
        ldp     x3, x4, [\xp, #(\xo)]
        ldp     x5, x6, [\xp, #(\xo + 16)]
        vb_sqr4 x7, x8, x9, x10, x11, x12, x13, x14, x3, x4, x5, x6, x15, x16, x17, x19, x20
        stp     x7, x8, [\zp, #(\zo)]
        stp     x9, x10, [\zp, #(\zo + 16)]
        stp     x11, x12, [\zp, #(\zo + 32)]
        stp     x13, x14, [\zp, #(\zo + 48)]
        // H -> (x14..x7)
        ldp     x3, x4, [\xp, #(\xo + 32)]
        ldp     x5, x6, [\xp, #(\xo + 48)]
        vb_sqr4 x7, x8, x9, x10, x11, x12, x13, x14, x3, x4, x5, x6, x15, x16, x17, x19, x20
        // z[4..15] = L_hi + B^4*H + mid, mid = L + H = (x24..x20,x6..x3)
        ldp     x3, x4, [\zp, #(\zo)]
        ldp     x5, x6, [\zp, #(\zo + 16)]
        ldp     x15, x16, [\zp, #(\zo + 32)]
        ldp     x17, x19, [\zp, #(\zo + 48)]
        adds    x3, x3, x7
        adcs    x4, x4, x8
        adcs    x5, x5, x9
        adcs    x6, x6, x10
        adcs    x20, x15, x11
        adcs    x21, x16, x12
        adcs    x22, x17, x13
        adcs    x23, x19, x14
        adc     x24, xzr, xzr
        adds    x15, x15, x3
        adcs    x16, x16, x4
        adcs    x17, x17, x5
        adcs    x19, x19, x6
        adcs    x7, x7, x20
        adcs    x8, x8, x21
        adcs    x9, x9, x22
        adcs    x10, x10, x23
        adcs    x11, x11, x24
        adcs    x12, x12, xzr
        adcs    x13, x13, xzr
        adc     x14, x14, xzr
        stp     x15, x16, [\zp, #(\zo + 32)]
        stp     x17, x19, [\zp, #(\zo + 48)]
        stp     x7, x8, [\zp, #(\zo + 64)]
        stp     x9, x10, [\zp, #(\zo + 80)]
        stp     x11, x12, [\zp, #(\zo + 96)]
        stp     x13, x14, [\zp, #(\zo + 112)]
        // D = |x_lo - x_hi|^2 -> (x14..x7)
        ldp     x3, x4, [\xp, #(\xo)]
        ldp     x5, x6, [\xp, #(\xo + 16)]
        ldp     x7, x8, [\xp, #(\xo + 32)]
        ldp     x9, x10, [\xp, #(\xo + 48)]
        vb_absdiff4 x3, x4, x5, x6, x3, x4, x5, x6, x7, x8, x9, x10, x11
        vb_sqr4 x7, x8, x9, x10, x11, x12, x13, x14, x3, x4, x5, x6, x15, x16, x17, x19, x20
        // z[4..15] -= B^4 * D
        ldp     x3, x4, [\zp, #(\zo + 32)]
        ldp     x5, x6, [\zp, #(\zo + 48)]
        ldp     x15, x16, [\zp, #(\zo + 64)]
        ldp     x17, x19, [\zp, #(\zo + 80)]
        ldp     x20, x21, [\zp, #(\zo + 96)]
        ldp     x22, x23, [\zp, #(\zo + 112)]
        subs    x3, x3, x7
        sbcs    x4, x4, x8
        sbcs    x5, x5, x9
        sbcs    x6, x6, x10
        sbcs    x15, x15, x11
        sbcs    x16, x16, x12
        sbcs    x17, x17, x13
        sbcs    x19, x19, x14
        sbcs    x20, x20, xzr
        sbcs    x21, x21, xzr
        sbcs    x22, x22, xzr
        sbc     x23, x23, xzr
        stp     x3, x4, [\zp, #(\zo + 32)]
        stp     x5, x6, [\zp, #(\zo + 48)]
        stp     x15, x16, [\zp, #(\zo + 64)]
        stp     x17, x19, [\zp, #(\zo + 80)]
        stp     x20, x21, [\zp, #(\zo + 96)]
        stp     x22, x23, [\zp, #(\zo + 112)]
.endm

// ---------------------------------------------------------------------------
// Word-vector passes for the Karatsuba levels above 8 words: memory to memory,
// two words per step, one carry chain (loads and stores leave the flags alone).
// n is even; temporaries x3-x6.

// d[0..n) = a[0..n) + b[0..n) + (first ? 0 : C); carry out in C.
.macro vb_add_n n, first, dp, do, ap, ao, bp, bo
        .set    vb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\ap, #(\ao + 16 * vb_i)]
        ldp     x5, x6, [\bp, #(\bo + 16 * vb_i)]
        .if     vb_i == 0 && \first
        adds    x3, x3, x5
        .else
        adcs    x3, x3, x5
        .endif
        adcs    x4, x4, x6
        stp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        .set    vb_i, vb_i + 1
        .endr
.endm

// d[0..n) = a[0..n) - b[0..n) - (first ? 0 : borrow); borrow out as !C.
.macro vb_sub_n n, first, dp, do, ap, ao, bp, bo
        .set    vb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\ap, #(\ao + 16 * vb_i)]
        ldp     x5, x6, [\bp, #(\bo + 16 * vb_i)]
        .if     vb_i == 0 && \first
        subs    x3, x3, x5
        .else
        sbcs    x3, x3, x5
        .endif
        sbcs    x4, x4, x6
        stp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        .set    vb_i, vb_i + 1
        .endr
.endm

// d[0..n) += (m[0..n) ^ s) + C: with C = (s == -1) beforehand (cmn s, #1), adds
// (-1)^s * m, s = 0 or -1.
.macro vb_addxor_n n, dp, do, mp, mo, s
        .set    vb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        ldp     x5, x6, [\mp, #(\mo + 16 * vb_i)]
        eor     x5, x5, \s
        eor     x6, x6, \s
        adcs    x3, x3, x5
        adcs    x4, x4, x6
        stp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        .set    vb_i, vb_i + 1
        .endr
.endm

// d[0..n) = (a[0..n) ^ s) + b[0..n) + C: with C = (s == -1) beforehand, this is
// (-1)^s * a + b.
.macro vb_xoradd_n n, dp, do, ap, ao, bp, bo, s
        .set    vb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\ap, #(\ao + 16 * vb_i)]
        ldp     x5, x6, [\bp, #(\bo + 16 * vb_i)]
        eor     x3, x3, \s
        eor     x4, x4, \s
        adcs    x3, x3, x5
        adcs    x4, x4, x6
        stp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        .set    vb_i, vb_i + 1
        .endr
.endm

// d[0..n) += w0 + B*w + B^2*w + ... + C: carries (or a sign extension w) into
// the top words. vb_sbcw_n is the same with subtraction and borrow.
.macro vb_adcw_n n, dp, do, w0, w
        .set    vb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        .if     vb_i == 0
        adcs    x3, x3, \w0
        .else
        adcs    x3, x3, \w
        .endif
        adcs    x4, x4, \w
        stp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        .set    vb_i, vb_i + 1
        .endr
.endm
.macro vb_sbcw_n n, dp, do, w
        .set    vb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        sbcs    x3, x3, \w
        sbcs    x4, x4, \w
        stp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        .set    vb_i, vb_i + 1
        .endr
.endm

// d[0..n) = |a[0..n) - b[0..n)|, m = -1 if a < b else 0. Two passes: the
// difference (left in d), then the conditional negation in place.
.macro vb_absdiff_n n, dp, do, ap, ao, bp, bo, m
        vb_sub_n \n, 1, \dp, \do, \ap, \ao, \bp, \bo
        csetm   \m, cc
        cmn     \m, #1
        .set    vb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        eor     x3, x3, \m
        eor     x4, x4, \m
        adcs    x3, x3, xzr
        adcs    x4, x4, xzr
        stp     x3, x4, [\dp, #(\do + 16 * vb_i)]
        .set    vb_i, vb_i + 1
        .endr
.endm

// ---------------------------------------------------------------------------
// 16x16 blocks: Karatsuba on 8-word halves over vb_mul8 / vb_sqr8.

// z[0..31] = x[0..15] * y[0..15] (81 word products); t[0..31] scratch. With
// L = x_lo*y_lo, H = x_hi*y_hi, M = (x_lo - x_hi)*(y_hi - y_lo), B = 2^64:
// z = L + B^8*(L + H + M) + B^16*H. t[0..7] = |x_lo - x_hi|,
// t[8..15] = |y_hi - y_lo|, t[16..31] = L + H, later |M|. The sign of M goes in
// register s, which may be xp (x is no longer read once s is written).
// Clobbers x3-x17, x19-x27, s and the flags.
.macro vb_kmul16 zp, xp, yp, tp, s
        vb_mul8 \zp, 0, \xp, 0, \yp, 0          // L -> z[0..15]
        vb_mul8 \zp, 128, \xp, 64, \yp, 64      // H -> z[16..31]
        // z = L + B^8*(L + H) + B^16*H: t[16..31] = L + H (top bit x27), then
        // z[8..23] += t[16..31], the carry rippling up to z[31]
        vb_add_n 16, 1, \tp, 128, \zp, 0, \zp, 128
        cset    x27, cs
        vb_add_n 16, 1, \zp, 64, \zp, 64, \tp, 128
        vb_adcw_n 8, \zp, 192, x27, xzr
        // t[0..7] = |x_lo - x_hi|, t[8..15] = |y_hi - y_lo|
        vb_absdiff_n 8, \tp, 0, \xp, 0, \xp, 64, \s
        vb_absdiff_n 8, \tp, 64, \yp, 64, \yp, 0, x27
        eor     \s, \s, x27
        vb_mul8 \tp, 128, \tp, 0, \tp, 64       // |M| -> t[16..31]
        // z[8..31] += B^8 * (-1)^s * |M|
        cmn     \s, #1
        vb_addxor_n 16, \zp, 64, \tp, 128, \s
        vb_adcw_n 8, \zp, 192, \s, \s
.endm

// z[0..31] = x[0..15]^2 (81 word products); t[0..23] scratch. With L = x_lo^2,
// H = x_hi^2, D = (x_lo - x_hi)^2, B = 2^64: z = L + B^8*(L + H - D) + B^16*H.
// t[0..7] = |x_lo - x_hi|, t[8..23] = L + H, later D.
// Clobbers x3-x17, x19-x24 and the flags.
.macro vb_ksqr16 zp, xp, tp
        vb_sqr8 \zp, 0, \xp, 0                  // L -> z[0..15]
        vb_sqr8 \zp, 128, \xp, 64               // H -> z[16..31]
        // z = L + B^8*(L + H) + B^16*H via t[8..23] = L + H (top bit x24)
        vb_add_n 16, 1, \tp, 64, \zp, 0, \zp, 128
        cset    x24, cs
        vb_add_n 16, 1, \zp, 64, \zp, 64, \tp, 64
        vb_adcw_n 8, \zp, 192, x24, xzr
        // t[0..7] = |x_lo - x_hi|; D -> t[8..23]
        vb_absdiff_n 8, \tp, 0, \xp, 0, \xp, 64, x24
        vb_sqr8 \tp, 64, \tp, 0
        // z[8..31] -= B^8 * D
        vb_sub_n 16, 1, \zp, 64, \zp, 64, \tp, 64
        vb_sbcw_n 8, \zp, 192, xzr
.endm

#endif
