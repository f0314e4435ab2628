// z[0..31] = table[32*idx .. 32*idx + 31], table of height rows of 32 words, read
// entirely (time and addresses independent of idx). Precondition: idx < height;
// otherwise z = 0. Aliasing: z disjoint from table.
// AVX2 when the CPU has it (the whole row in 8 ymm, one pass; VPTERNLOGQ with
// AVX-512VL), else SSE2 (baseline x86-64, two 16-word strips).
//
// void bignum_copy_row_from_table_32(uint64_t *z, const uint64_t *table,
//                                    uint64_t height, uint64_t idx);
//   rdi = z, rsi = table, rdx = height, rcx = idx
#include "_internal.h"
#include "_table_avx2.h"

VB_FUNCTION(bignum_copy_row_from_table_32)
  mov   $256, %r10d
  VB_IF_AVX2(1f)
  vb_table_strip 8
  vb_store_xmm 8, %rdi
  add   $128, %rsi
  add   $128, %rdi
  vb_table_strip 8
  vb_store_xmm 8, %rdi
  ret
1:
  vb_avx2_setup %rcx
  VB_IF_AVX512VL(2f)
  vb_avx2_strip 8
  vzeroupper
  ret
2:
  vb_avx2_strip 8, 1
  vzeroupper
  ret
VB_END(bignum_copy_row_from_table_32)

VB_NOTE_STACK
