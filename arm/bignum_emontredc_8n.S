// bignum_emontredc_8n(k, z, m, w): extended Montgomery reduction in place.
// Preconditions: k a multiple of 8 (k = 0 does nothing and returns 0); m odd, k
// words; w * m[0] == -1 (mod 2^64); z holds a 2k-word z0; m must not overlap z.
// On return z[0..k-1] holds the quotient q and, with c the return value (0 or 1),
// r = 2^(64k) * c + z[k..2k-1] satisfies z0 + q * m = 2^(64k) * r.
// (If z0 < 2^(64k) * m then r < 2m; the caller finishes with a conditional
// subtraction.)
// Constant time: branches and addresses depend only on k (and on the CPU model,
// which picks one of two code paths once).
//
// Method (8-word blocks). For each block i = 0, 8, .., k-8 of z:
//  1. Quotient phase: q_t = s_t * w for t = 0..7, each followed by adding
//     q_t * m[0..7] into the sliding window s (all in registers), so that the
//     block's 8 words become zero; Q = q_0..q_7 is stored over them.
//  2. Chunk phase: for each further 8-word chunk j of m, S = Z + A + Q * m[j..j+7],
//     Z = z[i+j..i+j+7], A the high half carried from the previous chunk; the low
//     8 words of S are stored, the high 8 become the next A. Row by row the partial
//     sum Z' + (q_0..q_a) * M < 2^(512+64(a+1)) (Z' = Z + A mod 2^512), so no carry
//     leaves the 9-word window of a row; the carry e out of Z + A rides to the
//     next chunk as that chain's carry-in.
//  3. Top: z[i+k..i+k+7] += A + e + c, c the carry in flight at word i+k; the new
//     carry moves up to word i+8+k, which is the next block's top.
//
// Two code paths for the products, chosen on first use from MIDR_EL1:
//  - scalar: every 64x64 -> 128 product by MUL + UMULH. Best where the integer
//    multiplier is wide (Neoverse V1/V2, Apple M, ...).
//  - NEON offload, for Neoverse N1, whose single multiply pipe is held 3 cycles
//    by each MUL and UMULH: part of the products are built from 32x32 -> 64
//    UMULL/UMLAL on the two vector pipes, in parallel with the scalar ones
//    (columns 4..7 of even and 2..7 of odd quotient rows, the rows of
//    VB_NEON_ROWS in each chunk: the best of the splits tried).
//    Modelled cycles per call (n1model: qemu + llvm-mca; k = 16 / 32 words):
//    Neoverse N1: scalar 1569 / 6174 (at its multiply-pipe bound), NEON 747 / 2757.
//    Neoverse V1, V2, N2 (llvm-mca models, k = 32): scalar 1478, NEON 2133 to 2534;
//    Apple M1 a tie (2208 / 2138). LLVM's Cortex-A76 model also prefers the
//    scalar, so every core but N1 takes the scalar path.
#include "_internal.h"

// Arguments and state. s0..s15 is the 16-word window; A lives in s8..s15 between
// chunks.
#define k    x0
#define zb   x1      // z + 8i: the block (and where Q is stored)
#define m    x2
#define e    x3
#define s0   x4
#define s1   x5
#define s2   x6
#define s3   x7
#define s4   x8
#define s5   x9
#define s6   x10
#define s7   x11
#define s8   x12
#define s9   x13
#define s10  x14
#define s11  x15
#define s12  x16
#define s13  x17
#define s14  x19
#define s15  x20
#define q    x21
#define ma   x22
#define mb   x23
#define lo   x24
#define hi   x25
#define zp   x26     // current chunk of z
#define mp   x27     // current chunk of m
#define cnt  x28     // chunks left; holds w during the quotient phase
#define wq   x28
#define mode w21     // code path: 0 undecided, 1 scalar, 2 NEON offload

// Stack: callee-saved x19-x28, then c, w, z end.
#define FRAME 112
#define C_SLOT 80
#define W_SLOT 88
#define END_SLOT 96

// Row a of a chunk by NEON if bit a of VB_NEON_ROWS is set, else by the multiply
// pipe.
#ifndef VB_NEON_ROWS
#define VB_NEON_ROWS 0xdb
#endif

// ---- scalar rows ------------------------------------------------------------
// Adds q * mp[0..7] into p0..p8: p0..p7 += low words with the carry landing in p8
// (whose old value is dead), then p1..p8 += high words. If first is 1, p0 + lo(q*m0)
// is known to be 0 mod 2^64 (q was chosen so): only its carry, (p0 != 0), is made.
.macro mulrow first, qq, mptr, p0, p1, p2, p3, p4, p5, p6, p7, p8
        ldp     ma, mb, [\mptr]
  .if \first
        cmp     \p0, #1
  .else
        mul     lo, \qq, ma
        adds    \p0, \p0, lo
  .endif
        mul     lo, \qq, mb
        adcs    \p1, \p1, lo
        ldp     ma, mb, [\mptr, #16]
        mul     lo, \qq, ma
        adcs    \p2, \p2, lo
        mul     lo, \qq, mb
        adcs    \p3, \p3, lo
        ldp     ma, mb, [\mptr, #32]
        mul     lo, \qq, ma
        adcs    \p4, \p4, lo
        mul     lo, \qq, mb
        adcs    \p5, \p5, lo
        ldp     ma, mb, [\mptr, #48]
        mul     lo, \qq, ma
        adcs    \p6, \p6, lo
        mul     lo, \qq, mb
        adcs    \p7, \p7, lo
        cset    \p8, cs
        ldp     ma, mb, [\mptr]
        umulh   hi, \qq, ma
        adds    \p1, \p1, hi
        umulh   hi, \qq, mb
        adcs    \p2, \p2, hi
        ldp     ma, mb, [\mptr, #16]
        umulh   hi, \qq, ma
        adcs    \p3, \p3, hi
        umulh   hi, \qq, mb
        adcs    \p4, \p4, hi
        ldp     ma, mb, [\mptr, #32]
        umulh   hi, \qq, ma
        adcs    \p5, \p5, hi
        umulh   hi, \qq, mb
        adcs    \p6, \p6, hi
        ldp     ma, mb, [\mptr, #48]
        umulh   hi, \qq, ma
        adcs    \p7, \p7, hi
        umulh   hi, \qq, mb
        adc     \p8, \p8, hi
.endm

// Quotient step t: q = p0 * w, stored as Q word t, then the row.
.macro qrow t, p0, p1, p2, p3, p4, p5, p6, p7, p8
        mul     q, \p0, wq
        str     q, [zb, #(8*\t)]
        mulrow  1, q, m, \p0, \p1, \p2, \p3, \p4, \p5, \p6, \p7, \p8
.endm

// Chunk row a: Q word a times the chunk of m, then the finished word a is stored.
.macro crow a, p0, p1, p2, p3, p4, p5, p6, p7, p8
        ldr     q, [zb, #(8*\a)]
        mulrow  0, q, mp, \p0, \p1, \p2, \p3, \p4, \p5, \p6, \p7, \p8
        str     \p0, [zp, #(8*\a)]
.endm

// s0..s7 := mem[ptr..ptr+7] + s8..s15 + C (carry in already in the flags).
.macro addhalf ptr
        ldp     ma, mb, [\ptr]
        adcs    s0, ma, s8
        adcs    s1, mb, s9
        ldp     ma, mb, [\ptr, #16]
        adcs    s2, ma, s10
        adcs    s3, mb, s11
        ldp     ma, mb, [\ptr, #32]
        adcs    s4, ma, s12
        adcs    s5, mb, s13
        ldp     ma, mb, [\ptr, #48]
        adcs    s6, ma, s14
        adcs    s7, mb, s15
.endm

// ---- NEON offload -----------------------------------------------------------
// v0-v3: 8 words of m split into 32-bit halves by ld2 (v0/v1 low/high halves of
// m0..m3, v2/v3 of m4..m7); v4-v7 the same for Q; v27 one q word; v26 = 2^32 - 1
// in each lane. A 64x64 -> 128 product from four 32x32 ones, two words of m at once:
//   T = mh*ql + (ml*ql >> 32), U = (T mod 2^32) + ml*qh  (neither can overflow)
//   lo = (ml*ql mod 2^32) + (U mod 2^32) << 32,  hi = mh*qh + (T >> 32) + (U >> 32)
#define VT  v24
#define VU  v25
#define VMASK v26
#define VQ  v27

// d = n * m.s[lane] (acc 0) or d += that (acc 1), on the lower (up 0) or upper
// (up 1) two 32-bit lanes of n.
.macro vmul up, acc, d, n, m, lane
  .if \up
    .if \acc
        umlal2  \d\().2d, \n\().4s, \m\().s[\lane]
    .else
        umull2  \d\().2d, \n\().4s, \m\().s[\lane]
    .endif
  .else
    .if \acc
        umlal   \d\().2d, \n\().2s, \m\().s[\lane]
    .else
        umull   \d\().2d, \n\().2s, \m\().s[\lane]
    .endif
  .endif
.endm

// The two products of a q word (halves \ql.s[\lql], \qh.s[\lqh]) with two words of
// m (lanes picked by \up from the halves \ml, \mh): low words into \vlo, high
// words into \vhi.
.macro vpair up, ml, mh, ql, lql, qh, lqh, vlo, vhi
        vmul    \up, 0, \vlo, \ml, \ql, \lql
        vmul    \up, 0, VT, \mh, \ql, \lql
        usra    VT.2d, \vlo\().2d, #32
        and     VU.16b, VT.16b, VMASK.16b
        vmul    \up, 1, VU, \ml, \qh, \lqh
        vmul    \up, 0, \vhi, \mh, \qh, \lqh
        usra    \vhi\().2d, VT.2d, #32
        usra    \vhi\().2d, VU.2d, #32
        trn1    \vlo\().4s, \vlo\().4s, VU.4s
.endm

// Chunk row a by NEON (Q word a in lane \lane of \ql/\qh): the eight products,
// then the same two carry chains as mulrow, and word a is stored.
.macro vrow a, ql, qh, lane, p0, p1, p2, p3, p4, p5, p6, p7, p8
        vpair   0, v0, v1, \ql, \lane, \qh, \lane, v16, v20
        vpair   1, v0, v1, \ql, \lane, \qh, \lane, v17, v21
        vpair   0, v2, v3, \ql, \lane, \qh, \lane, v18, v22
        vpair   1, v2, v3, \ql, \lane, \qh, \lane, v19, v23
        mov     lo, v16.d[0]
        adds    \p0, \p0, lo
        mov     lo, v16.d[1]
        adcs    \p1, \p1, lo
        mov     lo, v17.d[0]
        adcs    \p2, \p2, lo
        mov     lo, v17.d[1]
        adcs    \p3, \p3, lo
        mov     lo, v18.d[0]
        adcs    \p4, \p4, lo
        mov     lo, v18.d[1]
        adcs    \p5, \p5, lo
        mov     lo, v19.d[0]
        adcs    \p6, \p6, lo
        mov     lo, v19.d[1]
        adcs    \p7, \p7, lo
        cset    \p8, cs
        mov     hi, v20.d[0]
        adds    \p1, \p1, hi
        mov     hi, v20.d[1]
        adcs    \p2, \p2, hi
        mov     hi, v21.d[0]
        adcs    \p3, \p3, hi
        mov     hi, v21.d[1]
        adcs    \p4, \p4, hi
        mov     hi, v22.d[0]
        adcs    \p5, \p5, hi
        mov     hi, v22.d[1]
        adcs    \p6, \p6, hi
        mov     hi, v23.d[0]
        adcs    \p7, \p7, hi
        mov     hi, v23.d[1]
        adc     \p8, \p8, hi
        str     \p0, [zp, #(8*\a)]
.endm

.macro anyrow a, ql, qh, lane, p0, p1, p2, p3, p4, p5, p6, p7, p8
  .if (VB_NEON_ROWS >> \a) & 1
        vrow    \a, \ql, \qh, \lane, \p0, \p1, \p2, \p3, \p4, \p5, \p6, \p7, \p8
  .else
        crow    \a, \p0, \p1, \p2, \p3, \p4, \p5, \p6, \p7, \p8
  .endif
.endm

// Quotient step t with the products of the top np pairs of m[0..7] by NEON (v0-v3
// hold m[0..7]'s halves; np = VB_QP_EVEN or VB_QP_ODD by the parity of t), the
// rest scalar: q reaches the vector side through its store to Q (a GPR -> vector
// move would take the multiply pipe).
#ifndef VB_QP_EVEN
#define VB_QP_EVEN 2
#endif
#ifndef VB_QP_ODD
#define VB_QP_ODD 3
#endif
.macro qrowv t, p0, p1, p2, p3, p4, p5, p6, p7, p8
        qrowvn  \t, (VB_QP_EVEN + (\t & 1) * (VB_QP_ODD - VB_QP_EVEN)), \p0, \p1, \p2, \p3, \p4, \p5, \p6, \p7, \p8
.endm
.macro qrowvn t, np, p0, p1, p2, p3, p4, p5, p6, p7, p8
        mul     q, \p0, wq
        str     q, [zb, #(8*\t)]
        ldr     d27, [zb, #(8*\t)]
  .if \np >= 3
        vpair   1, v0, v1, VQ, 0, VQ, 1, v18, v22
  .endif
        vpair   0, v2, v3, VQ, 0, VQ, 1, v16, v20
        vpair   1, v2, v3, VQ, 0, VQ, 1, v17, v21
        ldp     ma, mb, [m]
        cmp     \p0, #1
        mul     lo, q, mb
        adcs    \p1, \p1, lo
  .if \np >= 3
        mov     lo, v18.d[0]
        adcs    \p2, \p2, lo
        mov     lo, v18.d[1]
        adcs    \p3, \p3, lo
  .else
        ldp     ma, mb, [m, #16]
        mul     lo, q, ma
        adcs    \p2, \p2, lo
        mul     lo, q, mb
        adcs    \p3, \p3, lo
  .endif
        mov     lo, v16.d[0]
        adcs    \p4, \p4, lo
        mov     lo, v16.d[1]
        adcs    \p5, \p5, lo
        mov     lo, v17.d[0]
        adcs    \p6, \p6, lo
        mov     lo, v17.d[1]
        adcs    \p7, \p7, lo
        cset    \p8, cs
        ldp     ma, mb, [m]
        umulh   hi, q, ma
        adds    \p1, \p1, hi
        umulh   hi, q, mb
        adcs    \p2, \p2, hi
  .if \np >= 3
        mov     hi, v22.d[0]
        adcs    \p3, \p3, hi
        mov     hi, v22.d[1]
        adcs    \p4, \p4, hi
  .else
        ldp     ma, mb, [m, #16]
        umulh   hi, q, ma
        adcs    \p3, \p3, hi
        umulh   hi, q, mb
        adcs    \p4, \p4, hi
  .endif
        mov     hi, v20.d[0]
        adcs    \p5, \p5, hi
        mov     hi, v20.d[1]
        adcs    \p6, \p6, hi
        mov     hi, v21.d[0]
        adcs    \p7, \p7, hi
        mov     hi, v21.d[1]
        adc     \p8, \p8, hi
.endm

// ---- the block loop, for one code path ----------------------------------------
.macro blocks neon
.Lblock\neon:
// 1. Quotients for z[i..i+7]; A ends in s8..s15.
        ldr     wq, [sp, #W_SLOT]
        ldp     s0, s1, [zb]
        ldp     s2, s3, [zb, #16]
        ldp     s4, s5, [zb, #32]
        ldp     s6, s7, [zb, #48]
  .if \neon
        mov     hi, m
        ld2     {v0.4s, v1.4s}, [hi], #32
        ld2     {v2.4s, v3.4s}, [hi]
        qrowv   0, s0, s1, s2, s3, s4, s5, s6, s7, s8
        qrowv   1, s1, s2, s3, s4, s5, s6, s7, s8, s9
        qrowv   2, s2, s3, s4, s5, s6, s7, s8, s9, s10
        qrowv   3, s3, s4, s5, s6, s7, s8, s9, s10, s11
        qrowv   4, s4, s5, s6, s7, s8, s9, s10, s11, s12
        qrowv   5, s5, s6, s7, s8, s9, s10, s11, s12, s13
        qrowv   6, s6, s7, s8, s9, s10, s11, s12, s13, s14
        qrowv   7, s7, s8, s9, s10, s11, s12, s13, s14, s15
  .else
        qrow    0, s0, s1, s2, s3, s4, s5, s6, s7, s8
        qrow    1, s1, s2, s3, s4, s5, s6, s7, s8, s9
        qrow    2, s2, s3, s4, s5, s6, s7, s8, s9, s10
        qrow    3, s3, s4, s5, s6, s7, s8, s9, s10, s11
        qrow    4, s4, s5, s6, s7, s8, s9, s10, s11, s12
        qrow    5, s5, s6, s7, s8, s9, s10, s11, s12, s13
        qrow    6, s6, s7, s8, s9, s10, s11, s12, s13, s14
        qrow    7, s7, s8, s9, s10, s11, s12, s13, s14, s15
  .endif

// 2. The other chunks of m.
        mov     e, xzr
        add     zp, zb, #64
        add     mp, m, #64
        sub     cnt, k, #1
        cbz     cnt, .Ltop\neon
  .if \neon
        mov     lo, zb
        ld2     {v4.4s, v5.4s}, [lo], #32
        ld2     {v6.4s, v7.4s}, [lo]
  .endif
.Lchunk\neon:
  .if \neon
        mov     hi, mp
        ld2     {v0.4s, v1.4s}, [hi], #32
        ld2     {v2.4s, v3.4s}, [hi]
  .endif
        cmp     e, #1                   // C = e
        addhalf zp
        cset    e, cs
  .if \neon
        anyrow  0, v4, v5, 0, s0, s1, s2, s3, s4, s5, s6, s7, s8
        anyrow  1, v4, v5, 1, s1, s2, s3, s4, s5, s6, s7, s8, s9
        anyrow  2, v4, v5, 2, s2, s3, s4, s5, s6, s7, s8, s9, s10
        anyrow  3, v4, v5, 3, s3, s4, s5, s6, s7, s8, s9, s10, s11
        anyrow  4, v6, v7, 0, s4, s5, s6, s7, s8, s9, s10, s11, s12
        anyrow  5, v6, v7, 1, s5, s6, s7, s8, s9, s10, s11, s12, s13
        anyrow  6, v6, v7, 2, s6, s7, s8, s9, s10, s11, s12, s13, s14
        anyrow  7, v6, v7, 3, s7, s8, s9, s10, s11, s12, s13, s14, s15
  .else
        crow    0, s0, s1, s2, s3, s4, s5, s6, s7, s8
        crow    1, s1, s2, s3, s4, s5, s6, s7, s8, s9
        crow    2, s2, s3, s4, s5, s6, s7, s8, s9, s10
        crow    3, s3, s4, s5, s6, s7, s8, s9, s10, s11
        crow    4, s4, s5, s6, s7, s8, s9, s10, s11, s12
        crow    5, s5, s6, s7, s8, s9, s10, s11, s12, s13
        crow    6, s6, s7, s8, s9, s10, s11, s12, s13, s14
        crow    7, s7, s8, s9, s10, s11, s12, s13, s14, s15
  .endif
        add     zp, zp, #64
        add     mp, mp, #64
        subs    cnt, cnt, #1
        b.ne    .Lchunk\neon

// 3. Top: z[i+k..i+k+7] += A + e, then + c; both carries cannot happen together.
.Ltop\neon:
        cmp     e, #1
        addhalf zp
        cset    e, cs
        ldr     q, [sp, #C_SLOT]
        adds    s0, s0, q
        adcs    s1, s1, xzr
        adcs    s2, s2, xzr
        adcs    s3, s3, xzr
        adcs    s4, s4, xzr
        adcs    s5, s5, xzr
        adcs    s6, s6, xzr
        adcs    s7, s7, xzr
        adc     e, e, xzr
        str     e, [sp, #C_SLOT]
        stp     s0, s1, [zp]
        stp     s2, s3, [zp, #16]
        stp     s4, s5, [zp, #32]
        stp     s6, s7, [zp, #48]

        add     zb, zb, #64
        ldr     ma, [sp, #END_SLOT]
        cmp     zb, ma
        b.ne    .Lblock\neon
        b       .Lreturn
.endm

VB_FUNCTION(bignum_emontredc_8n)
        lsr     k, k, #3                // k counts 8-word blocks from here on
        cbz     k, .Lnothing
        sub     sp, sp, #FRAME
        stp     x19, x20, [sp, #0]
        stp     x21, x22, [sp, #16]
        stp     x23, x24, [sp, #32]
        stp     x25, x26, [sp, #48]
        stp     x27, x28, [sp, #64]
        str     xzr, [sp, #C_SLOT]
        str     x3, [sp, #W_SLOT]
        add     x9, zb, k, lsl #6
        str     x9, [sp, #END_SLOT]

// The code path: fixed on first use by the CPU model.
        adrp    ma, .Lmode
        ldr     mode, [ma, :lo12:.Lmode]
        cbnz    mode, .Lchosen
        mrs     mb, midr_el1            // trapped and emulated by Linux for user space
        ubfx    lo, mb, #4, #12         // part number
        ubfx    hi, mb, #24, #8         // implementer
        cmp     hi, #0x41               // Arm Ltd
        mov     ma, #0xd0c              // Neoverse N1
        ccmp    lo, ma, #0, eq          // EQ iff an Arm Neoverse N1
        adrp    ma, .Lmode
        mov     mode, #1
        mov     w23, #2
        csel    mode, w23, mode, eq
        str     mode, [ma, :lo12:.Lmode]
.Lchosen:
        cmp     mode, #2
        b.eq    .Lneon_path
        blocks  0
.Lneon_path:
        movi    VMASK.2d, #0x00000000ffffffff
        blocks  1

.Lreturn:
        ldr     x0, [sp, #C_SLOT]
        ldp     x19, x20, [sp, #0]
        ldp     x21, x22, [sp, #16]
        ldp     x23, x24, [sp, #32]
        ldp     x25, x26, [sp, #48]
        ldp     x27, x28, [sp, #64]
        add     sp, sp, #FRAME
        ret
.Lnothing:
        mov     x0, xzr
        ret
VB_END(bignum_emontredc_8n)

// The code path, chosen on first use from MIDR_EL1 (a benign race: every thread
// stores the same value). Exported so that benchmarks and tests can force one:
// 1 scalar, 2 NEON offload.
        .pushsection .data
        .balign 4
        .globl  vbignum_arm_emontredc_mode
        .type   vbignum_arm_emontredc_mode, %object
        .size   vbignum_arm_emontredc_mode, 4
vbignum_arm_emontredc_mode:
.Lmode:
        .word   0
        .popsection

VB_GNU_PROPERTY
VB_NOTE_STACK
