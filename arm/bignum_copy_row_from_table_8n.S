// bignum_copy_row_from_table_8n(z, table, height, width, idx):
// z[0..width-1] = table[idx*width .. idx*width + width-1] when idx < height, else
// z = 0. width a multiple of 8 (0 allowed); table holds height rows of width
// words; z must not overlap it.
// Constant time: the table is walked one 8-word column at a time; every row's
// piece of the column is loaded and merged into four q accumulators under a mask
// that is all ones only on row idx. Branches and addresses depend on height and
// width only.
#include "_internal.h"

#define z x0
#define table x1
#define height x2
#define width x3
#define idx x4
#define blocks x5
#define rows x6
#define p x7
#define stride x8
#define one x9

VB_FUNCTION(bignum_copy_row_from_table_8n)
        dup     v6.2d, idx
        mov     one, #1
        dup     v7.2d, one
        lsl     stride, width, #3       // bytes per row
        lsr     blocks, width, #3       // 8-word columns
        cbz     blocks, .Ldone
.Lcolumn:
        movi    v16.2d, #0
        movi    v17.2d, #0
        movi    v18.2d, #0
        movi    v19.2d, #0
        movi    v5.2d, #0               // row counter, both lanes
        mov     p, table
        mov     rows, height
        cbz     rows, .Lstore
.Lrow:
        cmeq    v4.2d, v5.2d, v6.2d     // all ones iff this row is idx
        ld1     {v0.2d, v1.2d, v2.2d, v3.2d}, [p], stride
        bit     v16.16b, v0.16b, v4.16b
        bit     v17.16b, v1.16b, v4.16b
        bit     v18.16b, v2.16b, v4.16b
        bit     v19.16b, v3.16b, v4.16b
        add     v5.2d, v5.2d, v7.2d
        subs    rows, rows, #1
        b.ne    .Lrow
.Lstore:
        st1     {v16.2d, v17.2d, v18.2d, v19.2d}, [z], #64
        add     table, table, #64       // next column
        subs    blocks, blocks, #1
        b.ne    .Lcolumn
.Ldone:
        ret
VB_END(bignum_copy_row_from_table_8n)

VB_GNU_PROPERTY
VB_NOTE_STACK
