// z[0..width-1] = table[width*idx .. width*idx + width-1], table of height rows of
// width words, width a multiple of 8 (any other width, a public size, is handed to
// bignum_copy_row_from_table), read entirely (time and addresses independent of
// idx). Precondition: idx < height; otherwise z = 0.
// Aliasing: z disjoint from table.
// One pass over the rows per column strip: with AVX2 (when the CPU has it) strips
// of 16 words and a last one of 8 if width is an odd multiple of 8 (VPTERNLOGQ
// with AVX-512VL); else SSE2
// (baseline x86-64), strips of 8 words.
//
// void bignum_copy_row_from_table_8n(uint64_t *z, const uint64_t *table,
//                                    uint64_t height, uint64_t width, uint64_t idx);
//   rdi = z, rsi = table, rdx = height, rcx = width, r8 = idx
#include "_internal.h"
#include "_table_avx2.h"

// The AVX2 scan in 16-word strips, then one of 8 if needed; tern as vb_avx2_strip.
.macro strips_8n tern
  cmp   $16, %r9
  jb    5f
4:
  vb_avx2_strip 4, \tern
  add   $128, %rsi
  add   $128, %rdi
  sub   $16, %r9
  cmp   $16, %r9
  jae   4b
5:
  test  %r9, %r9
  jz    6f
  vb_avx2_strip 2, \tern
6:
  vzeroupper
  ret
.endm

VB_FUNCTION(bignum_copy_row_from_table_8n)
  test  $7, %cl
  jnz   bignum_copy_row_from_table@PLT
  lea   (,%rcx,8), %r10     // row stride in bytes
  mov   %rcx, %r9
  VB_IF_AVX2(3f)
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

3:                          // AVX2; r9 = words left
  vb_avx2_setup %r8
  VB_IF_AVX512VL(9f)          // (vb_avx2_strip uses labels 7 and 8)
  strips_8n 0
9:
  strips_8n 1
VB_END(bignum_copy_row_from_table_8n)

VB_NOTE_STACK
