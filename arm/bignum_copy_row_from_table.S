// bignum_copy_row_from_table(z, table, height, width, idx):
// z[0..width-1] = table[idx*width .. idx*width + width-1] when idx < height, and
// z = 0 when idx >= height. table holds height rows of width words, row-major.
// z must not overlap the table.
// Constant time: every table word is read, and each is kept or dropped with csel
// on the flags of "row == idx"; branches and addresses depend only on height and
// width.
#include "_internal.h"

#define z x0
#define table x1
#define height x2
#define width x3
#define idx x4
#define j x5
#define cols x6
#define row x7
#define t x8
#define zj x9

VB_FUNCTION(bignum_copy_row_from_table)
// z := 0
        mov     j, xzr
        mov     cols, width
.Lzero:
        cbz     cols, .Lrows
        str     xzr, [z, j, lsl #3]
        add     j, j, #1
        sub     cols, cols, #1
        b       .Lzero

// For each row, z[j] := (row == idx) ? table[j] : z[j]; table advances a row at a time.
.Lrows:
        mov     row, xzr
.Lrow:
        cbz     height, .Ldone
        cmp     row, idx                // EQ on the selected row; kept through the row
        mov     j, xzr
        mov     cols, width
.Lcol:
        cbz     cols, .Lnextrow
        ldr     t, [table, j, lsl #3]
        ldr     zj, [z, j, lsl #3]
        csel    zj, t, zj, eq
        str     zj, [z, j, lsl #3]
        add     j, j, #1
        sub     cols, cols, #1
        b       .Lcol
.Lnextrow:
        add     table, table, width, lsl #3
        add     row, row, #1
        sub     height, height, #1
        b       .Lrow
.Ldone:
        ret
VB_END(bignum_copy_row_from_table)

VB_GNU_PROPERTY
VB_NOTE_STACK
