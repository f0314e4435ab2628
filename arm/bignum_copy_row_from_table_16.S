// bignum_copy_row_from_table_16(z, table, height, idx):
// z[0..15] = table[16*idx .. 16*idx + 15] when idx < height, else z = 0.
// table holds height rows of 16 words; z must not overlap it.
// Constant time: every row is loaded and merged into eight q accumulators under a
// mask that is all ones only on row idx (cmeq of a vector row counter against
// idx), so branches and addresses depend on height only.
#include "_internal.h"

#define z x0
#define table x1
#define height x2
#define idx x3
#define one x4

VB_FUNCTION(bignum_copy_row_from_table_16)
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
        add     v5.2d, v5.2d, v7.2d
        subs    height, height, #1
        b.ne    .Lrow
.Lstore:
        st1     {v16.2d, v17.2d, v18.2d, v19.2d}, [z], #64
        st1     {v20.2d, v21.2d, v22.2d, v23.2d}, [z]
        ret
VB_END(bignum_copy_row_from_table_16)

VB_GNU_PROPERTY
VB_NOTE_STACK
