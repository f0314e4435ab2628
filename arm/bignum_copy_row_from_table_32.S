// bignum_copy_row_from_table_32(z, table, height, idx):
// z[0..31] = table[32*idx .. 32*idx + 31] when idx < height, else z = 0.
// table holds height rows of 32 words; z must not overlap it.
// Constant time: every row is loaded and merged into sixteen q accumulators
// (v16-v31, so no callee-saved v8-v15 is touched) under a mask that is all ones
// only on row idx; branches and addresses depend on height only.
#include "_internal.h"

#define z x0
#define table x1
#define height x2
#define idx x3
#define one x4

VB_FUNCTION(bignum_copy_row_from_table_32)
        dup     v6.2d, idx
        mov     one, #1
        dup     v7.2d, one
        movi    v5.2d, #0               // row counter, both lanes
        movi    v16.2d, #0
        movi    v17.2d, #0
        movi    v18.2d, #0
        movi    v19.2d, #0
        movi    v20.2d, #0
        movi    v21.2d, #0
        movi    v22.2d, #0
        movi    v23.2d, #0
        movi    v24.2d, #0
        movi    v25.2d, #0
        movi    v26.2d, #0
        movi    v27.2d, #0
        movi    v28.2d, #0
        movi    v29.2d, #0
        movi    v30.2d, #0
        movi    v31.2d, #0
        cbz     height, .Lstore
.Lrow:
        cmeq    v4.2d, v5.2d, v6.2d     // all ones iff this row is idx
        ld1     {v0.2d, v1.2d, v2.2d, v3.2d}, [table], #64
        bit     v16.16b, v0.16b, v4.16b
        bit     v17.16b, v1.16b, v4.16b
        bit     v18.16b, v2.16b, v4.16b
        bit     v19.16b, v3.16b, v4.16b
        ld1     {v0.2d, v1.2d, v2.2d, v3.2d}, [table], #64
        bit     v20.16b, v0.16b, v4.16b
        bit     v21.16b, v1.16b, v4.16b
        bit     v22.16b, v2.16b, v4.16b
        bit     v23.16b, v3.16b, v4.16b
        ld1     {v0.2d, v1.2d, v2.2d, v3.2d}, [table], #64
        bit     v24.16b, v0.16b, v4.16b
        bit     v25.16b, v1.16b, v4.16b
        bit     v26.16b, v2.16b, v4.16b
        bit     v27.16b, v3.16b, v4.16b
        ld1     {v0.2d, v1.2d, v2.2d, v3.2d}, [table], #64
        bit     v28.16b, v0.16b, v4.16b
        bit     v29.16b, v1.16b, v4.16b
        bit     v30.16b, v2.16b, v4.16b
        bit     v31.16b, v3.16b, v4.16b
        add     v5.2d, v5.2d, v7.2d
        subs    height, height, #1
        b.ne    .Lrow
.Lstore:
        st1     {v16.2d, v17.2d, v18.2d, v19.2d}, [z], #64
        st1     {v20.2d, v21.2d, v22.2d, v23.2d}, [z], #64
        st1     {v24.2d, v25.2d, v26.2d, v27.2d}, [z], #64
        st1     {v28.2d, v29.2d, v30.2d, v31.2d}, [z]
        ret
VB_END(bignum_copy_row_from_table_32)

VB_GNU_PROPERTY
VB_NOTE_STACK
