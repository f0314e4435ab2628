// z[0..15] = table[16*idx .. 16*idx + 15], table of height rows of 16 words, read
// entirely (time and addresses independent of idx). Precondition: idx < height;
// otherwise z = 0. Aliasing: z disjoint from table.
// AVX2 when the CPU has it (one 16-word strip, 4 ymm; VPTERNLOGQ with AVX-512VL),
// else SSE2 (baseline x86-64).
//
// void bignum_copy_row_from_table_16(uint64_t *z, const uint64_t *table,
//                                    uint64_t height, uint64_t idx);
//   rdi = z, rsi = table, rdx = height, rcx = idx
#include "_internal.h"
#include "_table_avx2.h"

VB_FUNCTION(bignum_copy_row_from_table_16)
  mov   $128, %r10d
  VB_IF_AVX2(1f)
  vb_table_strip 8
  vb_store_xmm 8, %rdi
  ret
1:
  vb_avx2_setup %rcx
  VB_IF_AVX512VL(2f)
  vb_avx2_strip 4
  vzeroupper
  ret
2:
  vb_avx2_strip 4, 1
  vzeroupper
  ret
VB_END(bignum_copy_row_from_table_16)

VB_NOTE_STACK
