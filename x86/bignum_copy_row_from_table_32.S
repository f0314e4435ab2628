// z[0..31] = table[32*idx .. 32*idx + 31], table of height rows of 32 words, read
// entirely (time and addresses independent of idx). Precondition: idx < height;
// otherwise z = 0. Aliasing: z disjoint from table.
// SSE2 only (baseline x86-64): two passes over the rows, one per 16-word half.
//
// void bignum_copy_row_from_table_32(uint64_t *z, const uint64_t *table,
//                                    uint64_t height, uint64_t idx);
//   rdi = z, rsi = table, rdx = height, rcx = idx
#include "_internal.h"

VB_FUNCTION(bignum_copy_row_from_table_32)
  mov   $256, %r10d
  vb_table_strip 8
  vb_store_xmm 8, %rdi
  add   $128, %rsi
  add   $128, %rdi
  vb_table_strip 8
  vb_store_xmm 8, %rdi
  ret
VB_END(bignum_copy_row_from_table_32)

VB_NOTE_STACK
