// Framework test routine, not part of vbignum: z[0..3] = x[0..1] * y[0..1],
// schoolbook. Exercises ldp/stp, mul/umulh and adds/adcs/adc carry chains.
        .text
        .globl  test_mul_2_4
test_mul_2_4:
        ldp     x3, x4, [x1]
        ldp     x5, x6, [x2]
        mul     x7, x3, x5              // x0*y0
        umulh   x8, x3, x5
        mul     x9, x3, x6              // x0*y1
        umulh   x10, x3, x6
        mul     x11, x4, x5             // x1*y0
        umulh   x12, x4, x5
        mul     x13, x4, x6             // x1*y1
        umulh   x14, x4, x6
        adds    x8, x8, x9
        adcs    x10, x10, x13
        adc     x14, x14, xzr
        adds    x8, x8, x11
        adcs    x10, x10, x12
        adc     x14, x14, xzr
        stp     x7, x8, [x0]
        stp     x10, x14, [x0, #16]
        ret
