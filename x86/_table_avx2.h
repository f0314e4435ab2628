// AVX2 building blocks of the constant-time table lookups
// (bignum_copy_row_from_table_{16,32,8n}). Included after _internal.h.
//
// Why: the SSE2 scans spend ~7 instructions per row building the row's mask and
// one load/and/or per 16 bytes; here the mask is one vpcmpeqq of a per-lane row
// counter against the broadcast index, and each load/and/or covers 32 bytes.
// Used only when x86/cpu_features.c found AVX2 and OS support for the YMM state
// (vbignum_x86_has_avx2, a CPU property: the branch on it is public). With
// AVX-512VL as well (vbignum_x86_has_avx512vl), one VPTERNLOGQ on a ymm register
// does each 32-byte and/or (acc | (row & mask)): about 25% faster scans here.
#ifndef VBIGNUM_X86_TABLE_AVX2_H
#define VBIGNUM_X86_TABLE_AVX2_H

#define VB_IF_AVX2(label)                      \
  cmpb $0, vbignum_x86_has_avx2(%rip);         \
  jne label

#define VB_IF_AVX512VL(label)                  \
  cmpb $0, vbignum_x86_has_avx512vl(%rip);     \
  jne label

#endif

#ifdef __ASSEMBLER__
#ifndef VBIGNUM_X86_TABLE_AVX2_MACROS
#define VBIGNUM_X86_TABLE_AVX2_MACROS

// ymm15 = idx in every 64-bit lane, ymm9 = all-ones (the counter step: x - (-1)).
// The legacy-SSE movq runs before any VEX instruction, while the upper halves are
// clean (callers follow the ABI), so it costs no SSE/AVX transition.
.macro vb_avx2_setup idx
  movq  \idx, %xmm15
  vpbroadcastq %xmm15, %ymm15
  vpcmpeqq %ymm9, %ymm9, %ymm9
.endm

// One column strip of \ny * 4 words (\ny = 2, 4 or 8 ymm registers): z[0..4ny-1] =
// the strip's words of row idx, 0 if idx >= height. Every row of the strip is
// read: rsi = the strip in row 0, r10 = row stride in bytes, rdx = height,
// rdi = where the strip of z goes. ymm0-7 accumulate, ymm8 counts rows (each
// lane), ymm10 is the row's mask, all-ones only when counter == idx.
// tern = 1: the AVX-512VL form (needs vbignum_x86_has_avx512vl).
// Clobbers rax, r11, ymm0-ymm11, flags.
.macro vb_avx2_strip ny, tern=0
  vpxor %ymm8, %ymm8, %ymm8
  .irp i, 0, 1, 2, 3, 4, 5, 6, 7
  .if \i < \ny
  vpxor %ymm\i, %ymm\i, %ymm\i
  .endif
  .endr
  mov   %rsi, %r11
  mov   %rdx, %rax
  test  %rax, %rax
  jz    8f
7:
  vpcmpeqq %ymm15, %ymm8, %ymm10
  .irp i, 0, 1, 2, 3, 4, 5, 6, 7
  .if \i < \ny
  .if \tern
  vpternlogq $0xf8, 32*\i(%r11), %ymm10, %ymm\i   // ymm_i |= row & mask
  .else
  vpand 32*\i(%r11), %ymm10, %ymm11
  vpor  %ymm11, %ymm\i, %ymm\i
  .endif
  .endif
  .endr
  vpsubq %ymm9, %ymm8, %ymm8
  add   %r10, %r11
  dec   %rax
  jnz   7b
8:
  .irp i, 0, 1, 2, 3, 4, 5, 6, 7
  .if \i < \ny
  vmovdqu %ymm\i, 32*\i(%rdi)
  .endif
  .endr
.endm

#endif
#endif
