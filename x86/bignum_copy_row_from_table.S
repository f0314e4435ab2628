// z[0..width-1] = table[width*idx .. width*idx + width-1], table of height rows of
// width words, read entirely (time and addresses independent of idx).
// Precondition: idx < height; otherwise z = 0. Aliasing: z disjoint from table.
// SSE2 only (baseline x86-64): 8-word column strips, then single-word columns
// for width mod 8, each strip a pass over all rows.
//
// void bignum_copy_row_from_table(uint64_t *z, const uint64_t *table,
//                                 uint64_t height, uint64_t width, uint64_t idx);
//   rdi = z, rsi = table, rdx = height, rcx = width, r8 = idx
#include "_internal.h"

VB_FUNCTION(bignum_copy_row_from_table)
  lea   (,%rcx,8), %r10     // row stride in bytes
  mov   %rcx, %r9
  mov   %r8, %rcx           // idx
  shr   $3, %r9             // 8-word strips
  jz    2f
1:
  vb_table_strip 4
  vb_store_xmm 4, %rdi
  add   $64, %rsi
  add   $64, %rdi
  dec   %r9
  jnz   1b
2:
  mov   %r10, %r9
  shr   $3, %r9
  and   $7, %r9             // single words left
  jz    4f
3:
  vb_table_strip 0
  movq  %xmm0, (%rdi)
  add   $8, %rsi
  add   $8, %rdi
  dec   %r9
  jnz   3b
4:
  ret
VB_END(bignum_copy_row_from_table)

VB_NOTE_STACK
