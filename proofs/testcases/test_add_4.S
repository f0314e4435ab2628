// Framework test routine, not part of vbignum: z[0..4] = x[0..3] + y[0..3].
// Exercises ldr/str with immediate offsets, adds/adcs and cset-like adc.
        .text
        .globl  test_add_4
test_add_4:
        ldp     x3, x4, [x1]
        ldp     x5, x6, [x2]
        adds    x3, x3, x5
        adcs    x4, x4, x6
        ldr     x7, [x1, #16]
        ldr     x8, [x2, #16]
        ldr     x9, [x1, #24]
        ldr     x10, [x2, #24]
        adcs    x7, x7, x8
        adcs    x9, x9, x10
        adc     x11, xzr, xzr
        stp     x3, x4, [x0]
        str     x7, [x0, #16]
        str     x9, [x0, #24]
        str     x11, [x0, #32]
        ret
