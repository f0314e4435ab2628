// z[0..width-1] = table[width*idx .. width*idx + width-1], table of height rows of
// width words, width a multiple of 8 (any other width, a public size, is handed to
// bignum_copy_row_from_table), read entirely (time and addresses independent of idx). Precondition: idx < height; otherwise z = 0.
// Aliasing: z disjoint from table.
// SSE2 only (baseline x86-64): one pass over the rows per 8-word column strip.
//
// void bignum_copy_row_from_table_8n(uint64_t *z, const uint64_t *table,
//                                    uint64_t height, uint64_t width, uint64_t idx);
//   rdi = z, rsi = table, rdx = height, rcx = width, r8 = idx
#include "_internal.h"

VB_FUNCTION(bignum_copy_row_from_table_8n)
  test  $7, %cl
  jnz   bignum_copy_row_from_table@PLT
  lea   (,%rcx,8), %r10     // row stride in bytes
  mov   %rcx, %r9
  shr   $3, %r9             // strips
  mov   %r8, %rcx           // idx
  jz    2f
1:
  vb_table_strip 4
  vb_store_xmm 4, %rdi
  add   $64, %rsi
  add   $64, %rdi
  dec   %r9
  jnz   1b
2:
  ret
VB_END(bignum_copy_row_from_table_8n)

VB_NOTE_STACK
