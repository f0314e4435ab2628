// Assembler macros shared by the fixed-size product kernels (bignum_mul_4_8 ...
// bignum_ksqr_32_64). Included after _internal.h.
//
// Why Karatsuba all the way down: Neoverse N1 has ONE integer multiply pipe (M),
// and MUL and UMULH each hold it for 3 cycles, so a 64x64->128 product costs 6
// cycles of it. Each Karatsuba level swaps one product in four for a dozen or so
// ALU operations, which the two single-cycle integer pipes (and M, when it is
// free) absorb. A 4x4 product needs 9 word products (54 M cycles) instead of 16
// (96); 8x8 27, 16x16 81, 24x24 (three-way) 162, 32x32 243. Since ALU work also
// spills onto M, the code keeps additions few and puts multiplies early.
//
// Sign handling is branch free: for a difference d, mask = 0 or all ones from the
// borrow (csetm), |d| = (d ^ mask) - mask, and a signed term (-1)^s * M is added
// as (M ^ s) + (s & 1) with the top word extended by s (cmn s, #1 sets the carry
// exactly when s is all ones).
//
// Scheduling within a Karatsuba step: the product that depends on the
// differences goes last, and the rest of the sum, L + B*(L + H) + B^2*H, is
// formed while it is in the multiplier, so one short carry chain follows the
// last UMULH. That sum is (1 + B)*(L + B*H): two short chains, one add fewer than
// forming L + H and adding it in. Sums wrap modulo the output size; the final
// value is exact.
//
// Register arguments must all be distinct unless a macro says otherwise.
#ifndef VBIGNUM_ARM_PRODUCTS_H
#define VBIGNUM_ARM_PRODUCTS_H

// vb_mul2 in two halves, so that vb_mul4 can put the next half product's
// multiplies ahead of this one's additions: the ALU pipes then find work while
// the multiplier stays busy. vb_mul2_prod leaves L in r0..r3, M in (a0:b1) and
// its sign in a1; vb_mul2_sum completes r, using t0, t1 as temporaries.
.macro vb_mul2_prod r0, r1, r2, r3, a0, a1, b0, b1
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
.endm
.macro vb_mul2_sum r0, r1, r2, r3, a0, a1, b1, t0, t1
        adds    \t0, \r1, \r2           // (t1:t0:r0) = Y = L + B*H
        adc     \t1, \r3, xzr
        adds    \r1, \t0, \r0           // r = (1 + B)*Y = L + B*(L + H) + B^2*H
        adcs    \r2, \t1, \t0
        adc     \r3, \t1, xzr
        cmn     \a1, #1                 // r += B * (-1)^a1 * M
        eor     \b1, \b1, \a1
        adcs    \r1, \r1, \b1
        eor     \a0, \a0, \a1
        adcs    \r2, \r2, \a0
        adc     \r3, \r3, \a1
.endm

// (r3:r2:r1:r0) = (a1:a0) * (b1:b0), one Karatsuba step on words:
// a0*b1 + a1*b0 = a0*b0 + a1*b1 + (a0 - a1)*(b1 - b0).
// Destroys a0, a1, b0, b1, t0, t1.
.macro vb_mul2 r0, r1, r2, r3, a0, a1, b0, b1, t0, t1
        vb_mul2_prod \r0, \r1, \r2, \r3, \a0, \a1, \b0, \b1
        vb_mul2_sum \r0, \r1, \r2, \r3, \a0, \a1, \b1, \t0, \t1
.endm

// (r7..r0) = (a3..a0) * (b3..b0): Karatsuba on 2-word halves, each of the three
// half products Karatsuba again (vb_mul2_prod / vb_mul2_sum), interleaved as
// products L, H; sum L; product M; sum H, partial sum; sum M, final sum.
// Destroys every other argument.
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
        vb_mul2_prod \r0, \r1, \r2, \r3, \a0, \a1, \b0, \b1
        vb_mul2_prod \r4, \r5, \r6, \r7, \a2, \a3, \b2, \b3
        vb_mul2_sum \r0, \r1, \r2, \r3, \a0, \a1, \b1, \b0, \t0
        vb_mul2_prod \a0, \a1, \b0, \b1, \d0, \d1, \e0, \e1
        vb_mul2_sum \r4, \r5, \r6, \r7, \a2, \a3, \b3, \b2, \t0
        adds    \a2, \r2, \r4           // (b3,b2,a3,a2,r1,r0) = Y = L + B^2*H
        adcs    \a3, \r3, \r5
        adcs    \b2, \r6, xzr
        adc     \b3, \r7, xzr
        adds    \r2, \a2, \r0           // r = (1 + B^2)*Y = L + B^2*(L + H) + B^4*H
        adcs    \r3, \a3, \r1
        adcs    \r4, \b2, \a2
        adcs    \r5, \b3, \a3
        adcs    \r6, \b2, xzr
        adc     \r7, \b3, xzr
        vb_mul2_sum \a0, \a1, \b0, \b1, \d0, \d1, \e1, \e0, \t0
        cmn     \s, #1                  // r += B^2 * (-1)^s * M
        eor     \a0, \a0, \s
        adcs    \r2, \r2, \a0
        eor     \a1, \a1, \s
        adcs    \r3, \r3, \a1
        eor     \b0, \b0, \s
        adcs    \r4, \r4, \b0
        eor     \b1, \b1, \s
        adcs    \r5, \r5, \b1
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
// Destroys a0..a3, d0, d1, t0, t1.
.macro vb_sqr4 r0, r1, r2, r3, r4, r5, r6, r7, a0, a1, a2, a3, d0, d1, t0, t1
        subs    \d0, \a0, \a2           // d = |a_lo - a_hi|
        sbcs    \d1, \a1, \a3
        csetm   \t0, cc
        eor     \d0, \d0, \t0
        subs    \d0, \d0, \t0
        eor     \d1, \d1, \t0
        sbc     \d1, \d1, \t0
        vb_sqr2 \r0, \r1, \r2, \r3, \a0, \a1, \t0, \t1
        vb_sqr2 \r4, \r5, \r6, \r7, \a2, \a3, \t0, \t1
        adds    \a0, \r2, \r4           // (a3..a0,r1,r0) = Y = L + B^2*H
        adcs    \a1, \r3, \r5
        adcs    \a2, \r6, xzr
        adc     \a3, \r7, xzr
        adds    \r2, \a0, \r0           // r = (1 + B^2)*Y = L + B^2*(L + H) + B^4*H
        adcs    \r3, \a1, \r1
        adcs    \r4, \a2, \a0
        adcs    \r5, \a3, \a1
        adcs    \r6, \a2, xzr
        adc     \r7, \a3, xzr
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
// With L = x_lo*y_lo, H = x_hi*y_hi, M = (x_lo - x_hi)*(y_hi - y_lo), B = 2^64:
// z = L + B^4*(L + H + M) + B^8*H. Computed in the order L, |M|, H: |M| waits in
// z[8..15] until H is done, then the middle and upper words are summed once.
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
        // |M| -> z[8..15]
        vb_mul4 x11, x12, x13, x14, x15, x16, x17, x19, x3, x4, x5, x6, x7, x8, x9, x10, x20, x21, x22, x23, x24, x25, x26
        stp     x11, x12, [\zp, #(\zo + 64)]
        stp     x13, x14, [\zp, #(\zo + 80)]
        stp     x15, x16, [\zp, #(\zo + 96)]
        stp     x17, x19, [\zp, #(\zo + 112)]
        // H -> (x19,x17..x11)
        ldp     x3, x4, [\xp, #(\xo + 32)]
        ldp     x5, x6, [\xp, #(\xo + 48)]
        ldp     x7, x8, [\yp, #(\yo + 32)]
        ldp     x9, x10, [\yp, #(\yo + 48)]
        vb_mul4 x11, x12, x13, x14, x15, x16, x17, x19, x3, x4, x5, x6, x7, x8, x9, x10, x20, x21, x22, x23, x24, x25, x26
        // mid = L + H + (-1)^x27 * |M| -> (x24..x20,x6..x3)
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
        cmn     x27, #1
        ldp     x25, x26, [\zp, #(\zo + 64)]
        eor     x25, x25, x27
        adcs    x3, x3, x25
        eor     x26, x26, x27
        adcs    x4, x4, x26
        ldp     x25, x26, [\zp, #(\zo + 80)]
        eor     x25, x25, x27
        adcs    x5, x5, x25
        eor     x26, x26, x27
        adcs    x6, x6, x26
        ldp     x25, x26, [\zp, #(\zo + 96)]
        eor     x25, x25, x27
        adcs    x20, x20, x25
        eor     x26, x26, x27
        adcs    x21, x21, x26
        ldp     x25, x26, [\zp, #(\zo + 112)]
        eor     x25, x25, x27
        adcs    x22, x22, x25
        eor     x26, x26, x27
        adcs    x23, x23, x26
        adc     x24, x24, x27
        // z[4..15] = L_hi + B^4*H + mid
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
.endm

// z[0..15] = x[0..7]^2, Karatsuba for squares on 4-word halves (27 word
// products): z = L + B^4*(L + H - D) + B^8*H with D = (x_lo - x_hi)^2, in the
// order L, D, H for the reason given at vb_mul8; D waits in z[8..15].
// Clobbers x3-x17, x19-x26 and the flags; other registers are preserved.
.macro vb_sqr8 zp, zo, xp, xo
        // L -> z[0..7]
        ldp     x3, x4, [\xp, #(\xo)]
        ldp     x5, x6, [\xp, #(\xo + 16)]
        vb_sqr4 x7, x8, x9, x10, x11, x12, x13, x14, x3, x4, x5, x6, x15, x16, x17, x19
        stp     x7, x8, [\zp, #(\zo)]
        stp     x9, x10, [\zp, #(\zo + 16)]
        stp     x11, x12, [\zp, #(\zo + 32)]
        stp     x13, x14, [\zp, #(\zo + 48)]
        // D = |x_lo - x_hi|^2 -> z[8..15]
        ldp     x3, x4, [\xp, #(\xo)]
        ldp     x5, x6, [\xp, #(\xo + 16)]
        ldp     x7, x8, [\xp, #(\xo + 32)]
        ldp     x9, x10, [\xp, #(\xo + 48)]
        vb_absdiff4 x3, x4, x5, x6, x3, x4, x5, x6, x7, x8, x9, x10, x11
        vb_sqr4 x7, x8, x9, x10, x11, x12, x13, x14, x3, x4, x5, x6, x15, x16, x17, x19
        stp     x7, x8, [\zp, #(\zo + 64)]
        stp     x9, x10, [\zp, #(\zo + 80)]
        stp     x11, x12, [\zp, #(\zo + 96)]
        stp     x13, x14, [\zp, #(\zo + 112)]
        // H -> (x14..x7)
        ldp     x3, x4, [\xp, #(\xo + 32)]
        ldp     x5, x6, [\xp, #(\xo + 48)]
        vb_sqr4 x7, x8, x9, x10, x11, x12, x13, x14, x3, x4, x5, x6, x15, x16, x17, x19
        // mid = L + H - D -> (x24..x20,x6..x3)
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
        ldp     x25, x26, [\zp, #(\zo + 64)]
        subs    x3, x3, x25
        sbcs    x4, x4, x26
        ldp     x25, x26, [\zp, #(\zo + 80)]
        sbcs    x5, x5, x25
        sbcs    x6, x6, x26
        ldp     x25, x26, [\zp, #(\zo + 96)]
        sbcs    x20, x20, x25
        sbcs    x21, x21, x26
        ldp     x25, x26, [\zp, #(\zo + 112)]
        sbcs    x22, x22, x25
        sbcs    x23, x23, x26
        sbc     x24, x24, xzr
        // z[4..15] = L_hi + B^4*H + mid
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
.endm

// ---------------------------------------------------------------------------
// Differences of longer operands: memory to memory, two words per step, one
// carry chain (loads and stores leave the flags alone). n is even;
// temporaries x3-x6.

// d[0..n) = a[0..n) - b[0..n) - (first ? 0 : borrow); borrow out as !C.
.macro vb_sub_n n, first, dp, do, ap, ao, bp, bo
        .set    .Lvb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\ap, #(\ao + 16 * .Lvb_i)]
        ldp     x5, x6, [\bp, #(\bo + 16 * .Lvb_i)]
        .if     .Lvb_i == 0 && \first
        subs    x3, x3, x5
        .else
        sbcs    x3, x3, x5
        .endif
        sbcs    x4, x4, x6
        stp     x3, x4, [\dp, #(\do + 16 * .Lvb_i)]
        .set    .Lvb_i, .Lvb_i + 1
        .endr
.endm

// d[0..n) = |a[0..n) - b[0..n)|, m = -1 if a < b else 0. Two passes: the
// difference (left in d), then the conditional negation in place.
.macro vb_absdiff_n n, dp, do, ap, ao, bp, bo, m
        vb_sub_n \n, 1, \dp, \do, \ap, \ao, \bp, \bo
        csetm   \m, cc
        cmn     \m, #1
        .set    .Lvb_i, 0
        .rept   (\n) / 2
        ldp     x3, x4, [\dp, #(\do + 16 * .Lvb_i)]
        eor     x3, x3, \m
        eor     x4, x4, \m
        adcs    x3, x3, xzr
        adcs    x4, x4, xzr
        stp     x3, x4, [\dp, #(\do + 16 * .Lvb_i)]
        .set    .Lvb_i, .Lvb_i + 1
        .endr
.endm

// d[0..7] = |a[0..7] - b[0..7]|, m = -1 if a < b else 0, in registers.
// Clobbers x3-x17, x19 and the flags; m is written after a and b are read.
.macro vb_absdiff8r dp, do, ap, ao, bp, bo, m
        ldp     x3, x4, [\ap, #(\ao + 0)]
        ldp     x5, x6, [\ap, #(\ao + 16)]
        ldp     x7, x8, [\ap, #(\ao + 32)]
        ldp     x9, x10, [\ap, #(\ao + 48)]
        ldp     x11, x12, [\bp, #(\bo + 0)]
        ldp     x13, x14, [\bp, #(\bo + 16)]
        ldp     x15, x16, [\bp, #(\bo + 32)]
        ldp     x17, x19, [\bp, #(\bo + 48)]
        subs    x3, x3, x11
        sbcs    x4, x4, x12
        sbcs    x5, x5, x13
        sbcs    x6, x6, x14
        sbcs    x7, x7, x15
        sbcs    x8, x8, x16
        sbcs    x9, x9, x17
        sbcs    x10, x10, x19
        csetm   \m, cc
        eor     x3, x3, \m
        subs    x3, x3, \m
        eor     x4, x4, \m
        sbcs    x4, x4, \m
        eor     x5, x5, \m
        sbcs    x5, x5, \m
        eor     x6, x6, \m
        sbcs    x6, x6, \m
        eor     x7, x7, \m
        sbcs    x7, x7, \m
        eor     x8, x8, \m
        sbcs    x8, x8, \m
        eor     x9, x9, \m
        sbcs    x9, x9, \m
        eor     x10, x10, \m
        sbc     x10, x10, \m
        stp     x3, x4, [\dp, #(\do + 0)]
        stp     x5, x6, [\dp, #(\do + 16)]
        stp     x7, x8, [\dp, #(\do + 32)]
        stp     x9, x10, [\dp, #(\do + 48)]
.endm

// ---------------------------------------------------------------------------
// Block accumulation for the Karatsuba levels above 8 words: once all products
// are in memory, each 8-word block of the result is summed once in x3-x10 from
// 8-word terms, the carries (and borrows and sign extensions) between blocks
// collected in x11 as a small signed number. Temporaries x12, x13, x24;
// x14-x17, x19-x22 hold one block (R) still needed after its place in z has
// been overwritten.

// acc = the block at [p + o] + c; c = the carry out of that sum (signed).
.macro vb_blk_start p, o
        asr     x24, x11, #63
        ldp     x12, x13, [\p, #(\o + 0)]
        adds    x3, x12, x11
        adcs    x4, x13, x24
        ldp     x12, x13, [\p, #(\o + 16)]
        adcs    x5, x12, x24
        adcs    x6, x13, x24
        ldp     x12, x13, [\p, #(\o + 32)]
        adcs    x7, x12, x24
        adcs    x8, x13, x24
        ldp     x12, x13, [\p, #(\o + 48)]
        adcs    x9, x12, x24
        adcs    x10, x13, x24
        adc     x11, x24, xzr
.endm
// acc += the block at [p + o]; vb_blk_sub: acc -= it. The carry (borrow)
// goes into c.
.macro vb_blk_add p, o
        ldp     x12, x13, [\p, #(\o + 0)]
        adds    x3, x3, x12
        adcs    x4, x4, x13
        ldp     x12, x13, [\p, #(\o + 16)]
        adcs    x5, x5, x12
        adcs    x6, x6, x13
        ldp     x12, x13, [\p, #(\o + 32)]
        adcs    x7, x7, x12
        adcs    x8, x8, x13
        ldp     x12, x13, [\p, #(\o + 48)]
        adcs    x9, x9, x12
        adcs    x10, x10, x13
        adc     x11, x11, xzr
.endm
.macro vb_blk_sub p, o
        ldp     x12, x13, [\p, #(\o + 0)]
        subs    x3, x3, x12
        sbcs    x4, x4, x13
        ldp     x12, x13, [\p, #(\o + 16)]
        sbcs    x5, x5, x12
        sbcs    x6, x6, x13
        ldp     x12, x13, [\p, #(\o + 32)]
        sbcs    x7, x7, x12
        sbcs    x8, x8, x13
        ldp     x12, x13, [\p, #(\o + 48)]
        sbcs    x9, x9, x12
        sbcs    x10, x10, x13
        sbc     x11, x11, xzr
.endm
// acc += R.
.macro vb_blk_addr
        adds    x3, x3, x14
        adcs    x4, x4, x15
        adcs    x5, x5, x16
        adcs    x6, x6, x17
        adcs    x7, x7, x19
        adcs    x8, x8, x20
        adcs    x9, x9, x21
        adcs    x10, x10, x22
        adc     x11, x11, xzr
.endm
// acc += one block of (-1)^s * |D| (s = 0 or -1 in x23), |D| a number of
// several blocks, added as (|D| ^ s) + (s & 1) sign-extended by s: the lowest
// block gets the + (s & 1) (first = 1), the highest puts the sign extension
// into c (last = 1).
.macro vb_blk_addxor p, o, first, last
        .if     \first
        cmn     x23, #1
        .endif
        ldp     x12, x13, [\p, #(\o + 0)]
        eor     x12, x12, x23
        eor     x13, x13, x23
        .if     \first
        adcs    x3, x3, x12
        .else
        adds    x3, x3, x12
        .endif
        adcs    x4, x4, x13
        ldp     x12, x13, [\p, #(\o + 16)]
        eor     x12, x12, x23
        eor     x13, x13, x23
        adcs    x5, x5, x12
        adcs    x6, x6, x13
        ldp     x12, x13, [\p, #(\o + 32)]
        eor     x12, x12, x23
        eor     x13, x13, x23
        adcs    x7, x7, x12
        adcs    x8, x8, x13
        ldp     x12, x13, [\p, #(\o + 48)]
        eor     x12, x12, x23
        eor     x13, x13, x23
        adcs    x9, x9, x12
        adcs    x10, x10, x13
        .if     \last
        adc     x11, x11, x23
        .else
        adc     x11, x11, xzr
        .endif
.endm
// The block at [p + o] = acc.
.macro vb_blk_store p, o
        stp     x3, x4, [\p, #(\o + 0)]
        stp     x5, x6, [\p, #(\o + 16)]
        stp     x7, x8, [\p, #(\o + 32)]
        stp     x9, x10, [\p, #(\o + 48)]
.endm
// R = the block at [p + o].
.macro vb_blk_loadr p, o
        ldp     x14, x15, [\p, #(\o + 0)]
        ldp     x16, x17, [\p, #(\o + 16)]
        ldp     x19, x20, [\p, #(\o + 32)]
        ldp     x21, x22, [\p, #(\o + 48)]
.endm
// acc = the block at [p + o], c = 0.
.macro vb_blk_load p, o
        ldp     x3, x4, [\p, #(\o + 0)]
        ldp     x5, x6, [\p, #(\o + 16)]
        ldp     x7, x8, [\p, #(\o + 32)]
        ldp     x9, x10, [\p, #(\o + 48)]
        mov     x11, xzr
.endm

// ---------------------------------------------------------------------------
// 16x16 blocks: Karatsuba on 8-word halves over vb_mul8 / vb_sqr8.

// z[0..31] = x[0..15] * y[0..15] (81 word products); t[0..31] scratch. With
// L = x_lo*y_lo, H = x_hi*y_hi, M = (x_lo - x_hi)*(y_hi - y_lo), B = 2^64:
// z = L + B^8*(L + H + M) + B^16*H. t[0..7] = |x_lo - x_hi|,
// t[8..15] = |y_hi - y_lo|, t[16..31] = |M|. The sign of M goes in
// register s, which may be xp (x is no longer read once s is written).
// Clobbers x3-x17, x19-x27, s and the flags.
.macro vb_kmul16 zp, xp, yp, tp, s
        vb_mul8 \zp, 0, \xp, 0, \yp, 0          // L -> z[0..15]
        vb_mul8 \zp, 128, \xp, 64, \yp, 64      // H -> z[16..31]
        // t[0..7] = |x_lo - x_hi|, t[8..15] = |y_hi - y_lo|
        vb_absdiff8r \tp, 0, \xp, 0, \xp, 64, \s
        vb_absdiff8r \tp, 64, \yp, 64, \yp, 0, x27
        eor     \s, \s, x27
        vb_mul8 \tp, 128, \tp, 0, \tp, 64       // |M| -> t[16..31]
        // Blocks of z: L = (l0, l1), H = (h0, h1), |M| = (m0, m1); l1 in R.
        mov     x23, \s
        vb_blk_loadr \zp, 64
        vb_blk_load \zp, 0                      // z1 = l1 + l0 + h0 + m0
        vb_blk_addr
        vb_blk_add \zp, 128
        vb_blk_addxor \tp, 128, 1, 0
        vb_blk_store \zp, 64
        vb_blk_start \zp, 128                   // z2 = h0 + l1 + h1 + m1
        vb_blk_addr
        vb_blk_add \zp, 192
        vb_blk_addxor \tp, 192, 0, 1
        vb_blk_store \zp, 128
        vb_blk_start \zp, 192                   // z3 = h1 (+ the carries)
        vb_blk_store \zp, 192
.endm

// z[0..31] = x[0..15]^2 (81 word products); t[0..23] scratch. With L = x_lo^2,
// H = x_hi^2, D = (x_lo - x_hi)^2, B = 2^64: z = L + B^8*(L + H - D) + B^16*H.
// t[0..7] = |x_lo - x_hi|, t[8..23] = D.
// Clobbers x3-x17, x19-x26 and the flags.
.macro vb_ksqr16 zp, xp, tp
        vb_sqr8 \zp, 0, \xp, 0                  // L -> z[0..15]
        vb_sqr8 \zp, 128, \xp, 64               // H -> z[16..31]
        vb_absdiff8r \tp, 0, \xp, 0, \xp, 64, x24       // t[0..7] = |x_lo - x_hi|
        vb_sqr8 \tp, 64, \tp, 0                 // D -> t[8..23]
        // Blocks of z: L = (l0, l1), H = (h0, h1), D = (d0, d1); l1 in R.
        vb_blk_loadr \zp, 64
        vb_blk_load \zp, 0                      // z1 = l1 + l0 + h0 - d0
        vb_blk_addr
        vb_blk_add \zp, 128
        vb_blk_sub \tp, 64
        vb_blk_store \zp, 64
        vb_blk_start \zp, 128                   // z2 = h0 + l1 + h1 - d1
        vb_blk_addr
        vb_blk_add \zp, 192
        vb_blk_sub \tp, 128
        vb_blk_store \zp, 128
        vb_blk_start \zp, 192                   // z3 = h1 (+ the carries)
        vb_blk_store \zp, 192
.endm

#endif
