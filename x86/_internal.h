// Included by every x86/*.S: function entry with an endbr64 landing pad for CET
// indirect-branch tracking (a NOP on CPUs without CET), System V ABI symbols,
// the CPU-feature dispatch, and the multiply-accumulate building blocks.
#ifndef VBIGNUM_X86_INTERNAL_H
#define VBIGNUM_X86_INTERNAL_H

#define VB_FUNCTION(name)    \
  .text;                     \
  .p2align 5;                \
  .globl name;               \
  .type name, @function;     \
  name:                      \
  endbr64

#define VB_END(name) .size name, .-name

// Non-executable stack, and the GNU property note saying the object is compatible
// with CET indirect-branch tracking and shadow stacks (every entry starts with
// endbr64; calls and returns are ordinary), so linking it into a CET-enabled
// binary keeps CET on. Note layout: namesz 4, descsz 16, type 5
// (NT_GNU_PROPERTY_TYPE_0), "GNU", then property 0xc0000002
// (GNU_PROPERTY_X86_FEATURE_1_AND) of 4 bytes = IBT (1) | SHSTK (2), padded to 8.
#define VB_NOTE_STACK                              \
  .section .note.GNU-stack, "", @progbits;         \
  .section .note.gnu.property, "a", @note;                \
  .p2align 3;                                      \
  .long 4; .long 16; .long 5; .asciz "GNU";        \
  .long 0xc0000002; .long 4; .long 3; .long 0;     \
  .text

// CPU dispatch for functions that use MULX/ADCX/ADOX (BMI2 + ADX). The flag is
// set once at load time by x86/cpu_features.c; until then, on CPUs without the
// instructions, or when VBIGNUM_X86_FORCE_PORTABLE=1, it is zero and the entry
// tail-jumps (registers and stack untouched) to the portable C++ version, which
// cmake/backend-x86.cmake compiles under the name vbignum_portable_<fn>. The branch
// depends on the CPU only, never on data.
#ifdef VB_HAVE_PORTABLE
#define VB_REQUIRE_MULX(name)                      \
  cmpb $0, vbignum_x86_has_mulx_adx(%rip);         \
  je vbignum_portable_##name@PLT
#else
#define VB_REQUIRE_MULX(name)
#endif

#endif

#ifdef __ASSEMBLER__
#ifndef VBIGNUM_X86_INTERNAL_MACROS
#define VBIGNUM_X86_INTERNAL_MACROS

// One row of an 8-word multiply-accumulate. The window a0..a7 (a0 lowest) holds
// an 8-word number A; with rdx = d, it computes A + x[0..7] * d = 9 words. The
// lowest word goes to \dst (left out if \dst is blank), the other eight are the
// new window a1..a7, a0 (a0's register, free after the first add, takes the top
// word). Two independent carry chains: ADCX (CF) adds the low product halves,
// ADOX (OF) the high halves. The final top word cannot overflow since
// A + x*d < 2^576. Clobbers \t, \h, flags.
// With \pad = 1, a NOP follows each column's ADCX and two end the row: they change
// nothing but how the core spreads the ADCX/ADOX micro-ops over its two flag ports,
// and measured 9 instead of 11 cycles a row on this machine (x86/README.md).
.macro vb_row8 x, dst, a0, a1, a2, a3, a4, a5, a6, a7, t, h, pad=0
  xor   \t, \t
  mulx  0(\x), \t, \h
  adcx  \t, \a0
  vb_row8_nop \pad
  adox  \h, \a1
.ifnb \dst
  mov   \a0, \dst
.endif
  mulx  8(\x), \t, \h
  adcx  \t, \a1
  vb_row8_nop \pad
  adox  \h, \a2
  mulx  16(\x), \t, \h
  adcx  \t, \a2
  vb_row8_nop \pad
  adox  \h, \a3
  mulx  24(\x), \t, \h
  adcx  \t, \a3
  vb_row8_nop \pad
  adox  \h, \a4
  mulx  32(\x), \t, \h
  adcx  \t, \a4
  vb_row8_nop \pad
  adox  \h, \a5
  mulx  40(\x), \t, \h
  adcx  \t, \a5
  vb_row8_nop \pad
  adox  \h, \a6
  mulx  48(\x), \t, \h
  adcx  \t, \a6
  vb_row8_nop \pad
  adox  \h, \a7
  mulx  56(\x), \t, \a0
  adcx  \t, \a7
  vb_row8_nop \pad
  mov   $0, \t
  adcx  \t, \a0
  adox  \t, \a0
  vb_row8_nop \pad
  vb_row8_nop \pad
.endm
.macro vb_row8_nop pad
.if \pad
  nop
.endif
.endm

// The 8x8 block step used by every product: with the window r8..r15 holding an
// 8-word number A, computes A + x[0..7] * y[0..7] (16 words); the low 8 words go
// to z[0..7], the high 8 stay in r8..r15. Clobbers rax, rbx, rdx. \pad: see vb_row8.
.macro vb_block8 x, y, z, pad=0
  mov   0(\y), %rdx
  vb_row8 \x, 0(\z), %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15, %rax, %rbx, \pad
  mov   8(\y), %rdx
  vb_row8 \x, 8(\z), %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8, %rax, %rbx, \pad
  mov   16(\y), %rdx
  vb_row8 \x, 16(\z), %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9, %rax, %rbx, \pad
  mov   24(\y), %rdx
  vb_row8 \x, 24(\z), %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10, %rax, %rbx, \pad
  mov   32(\y), %rdx
  vb_row8 \x, 32(\z), %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11, %rax, %rbx, \pad
  mov   40(\y), %rdx
  vb_row8 \x, 40(\z), %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12, %rax, %rbx, \pad
  mov   48(\y), %rdx
  vb_row8 \x, 48(\z), %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13, %rax, %rbx, \pad
  mov   56(\y), %rdx
  vb_row8 \x, 56(\z), %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %rax, %rbx, \pad
.endm

// Window helpers: clear; store to, load from, add (with CF in and out) or
// subtract (with borrow in and out) 8 words of memory at \off(\p).
.macro vb_win_zero
  xor   %r8d, %r8d
  xor   %r9d, %r9d
  xor   %r10d, %r10d
  xor   %r11d, %r11d
  xor   %r12d, %r12d
  xor   %r13d, %r13d
  xor   %r14d, %r14d
  xor   %r15d, %r15d
.endm
.macro vb_win_store p, off=0
  mov   %r8, \off+0(\p)
  mov   %r9, \off+8(\p)
  mov   %r10, \off+16(\p)
  mov   %r11, \off+24(\p)
  mov   %r12, \off+32(\p)
  mov   %r13, \off+40(\p)
  mov   %r14, \off+48(\p)
  mov   %r15, \off+56(\p)
.endm
.macro vb_win_load p, off=0
  mov   \off+0(\p), %r8
  mov   \off+8(\p), %r9
  mov   \off+16(\p), %r10
  mov   \off+24(\p), %r11
  mov   \off+32(\p), %r12
  mov   \off+40(\p), %r13
  mov   \off+48(\p), %r14
  mov   \off+56(\p), %r15
.endm
.macro vb_win_adc p, off=0
  adc   \off+0(\p), %r8
  adc   \off+8(\p), %r9
  adc   \off+16(\p), %r10
  adc   \off+24(\p), %r11
  adc   \off+32(\p), %r12
  adc   \off+40(\p), %r13
  adc   \off+48(\p), %r14
  adc   \off+56(\p), %r15
.endm
.macro vb_win_sbb p, off=0
  sbb   \off+0(\p), %r8
  sbb   \off+8(\p), %r9
  sbb   \off+16(\p), %r10
  sbb   \off+24(\p), %r11
  sbb   \off+32(\p), %r12
  sbb   \off+40(\p), %r13
  sbb   \off+48(\p), %r14
  sbb   \off+56(\p), %r15
.endm
// Window += \w (with \op = add) or \w + CF (with adc), rippling the carry through
// the window; carry out in CF.
.macro vb_win_add_word w, op=adc
  \op   \w, %r8
  adc   $0, %r9
  adc   $0, %r10
  adc   $0, %r11
  adc   $0, %r12
  adc   $0, %r13
  adc   $0, %r14
  adc   $0, %r15
.endm
// Window += CF, carry out in CF.
.macro vb_win_adc0
  vb_win_add_word $0
.endm
// Window ^= \m (a register).
.macro vb_win_xor m
  xor   \m, %r8
  xor   \m, %r9
  xor   \m, %r10
  xor   \m, %r11
  xor   \m, %r12
  xor   \m, %r13
  xor   \m, %r14
  xor   \m, %r15
.endm

// z[0..2n-1] = x[0..n-1] * y[0..n-1], n = 8 * nb words, schoolbook by 8x8 blocks:
// for each 8-word block of y, sweep x in 8-word chunks keeping the running 8-word
// window in r8..r15; from the second y block on, the words already in z are added
// into the window before each chunk (the carry of that addition, kept in (rsp)
// as 0/-1, goes into the next chunk's addition and finally into the top words).
// Inputs rdi = z, rsi = x, rcx = y, 16(%rsp) = nb >= 1, 24(%rsp) = 64 * nb; uses
// 8(%rsp) too. Clobbers every caller-saved register and rbx, rbp, r12-r15.
// z disjoint from x and y. With \ybl given (an operand holding a count >= 1),
// y has that many 8-word blocks instead of nb, and z gets 8 * (nb + ybl) words.
// \pad: see vb_row8.
.macro vb_mul_8n_frame ybl=16(%rsp), pad=0
  // First y block: z has nothing yet, so the window simply carries over.
  vb_win_zero
  mov   16(%rsp), %rbp
1:
  vb_block8 %rsi, %rcx, %rdi, \pad
  add   $64, %rsi
  add   $64, %rdi
  dec   %rbp
  jnz   1b
  vb_win_store %rdi
  sub   24(%rsp), %rsi
  sub   24(%rsp), %rdi
  add   $64, %rdi
  add   $64, %rcx
  mov   \ybl, %rax
  dec   %rax
  mov   %rax, 8(%rsp)       // y blocks left
  jz    4f
2:
  vb_win_zero
  movq  $0, (%rsp)
  mov   16(%rsp), %rbp
3:
  mov   (%rsp), %rax
  neg   %rax
  vb_win_adc %rdi
  sbb   %rax, %rax
  mov   %rax, (%rsp)
  vb_block8 %rsi, %rcx, %rdi, \pad
  add   $64, %rsi
  add   $64, %rdi
  dec   %rbp
  jnz   3b
  mov   (%rsp), %rax
  neg   %rax
  vb_win_adc0
  vb_win_store %rdi
  sub   24(%rsp), %rsi
  sub   24(%rsp), %rdi
  add   $64, %rdi
  add   $64, %rcx
  decq  8(%rsp)
  jnz   2b
4:
.endm

// The same for a fixed nb; needs 32 bytes of stack at (rsp).
.macro vb_mul_8n nb
  movq  $\nb, 16(%rsp)
  movq  $(64 * \nb), 24(%rsp)
  vb_mul_8n_frame
.endm

.macro vb_push_callee
  push  %rbx
  push  %rbp
  push  %r12
  push  %r13
  push  %r14
  push  %r15
.endm
.macro vb_pop_callee
  pop   %r15
  pop   %r14
  pop   %r13
  pop   %r12
  pop   %rbp
  pop   %rbx
.endm

// Constant-time table lookup: one column strip of 2*\nx words (\nx = 4 or 8
// SSE2 accumulators xmm0..; \nx = 0 means a single word, in xmm0), read from every row of the table. With rsi = the
// strip's first word in row 0, r10 = row stride in bytes, rdx = height and
// rcx = idx, leaves in xmm0.. the OR over rows r of (row r's strip AND mask_r),
// mask_r all-ones exactly when r == idx (computed without a branch). Every row is
// read, whatever idx. Clobbers rax, r8, r11, xmm13-xmm15, flags.
.macro vb_table_strip nx
  pxor  %xmm0, %xmm0
.if \nx > 1
  pxor  %xmm1, %xmm1
  pxor  %xmm2, %xmm2
  pxor  %xmm3, %xmm3
.endif
.if \nx > 4
  pxor  %xmm4, %xmm4
  pxor  %xmm5, %xmm5
  pxor  %xmm6, %xmm6
  pxor  %xmm7, %xmm7
.endif
  mov   %rsi, %r11
  xor   %r8d, %r8d
  test  %rdx, %rdx
  jz    8f
7:
  mov   %r8, %rax
  xor   %rcx, %rax
  neg   %rax
  sbb   %rax, %rax
  not   %rax                // all-ones iff r8 == idx
  movq  %rax, %xmm15
  punpcklqdq %xmm15, %xmm15
.if \nx == 0
  movq  (%r11), %xmm14
  pand  %xmm15, %xmm14
  por   %xmm14, %xmm0
.else
  vb_sel_xmm 0
.endif
.if \nx > 1
  vb_sel_xmm 1
  vb_sel_xmm 2
  vb_sel_xmm 3
.endif
.if \nx > 4
  vb_sel_xmm 4
  vb_sel_xmm 5
  vb_sel_xmm 6
  vb_sel_xmm 7
.endif
  add   %r10, %r11
  inc   %r8
  cmp   %rdx, %r8
  jne   7b
8:
.endm
.macro vb_sel_xmm i
  movdqu 16*\i(%r11), %xmm14
  pand  %xmm15, %xmm14
  por   %xmm14, %xmm\i
.endm
.macro vb_store_xmm nx, p
  movdqu %xmm0, 0(\p)
.if \nx > 1
  movdqu %xmm1, 16(\p)
  movdqu %xmm2, 32(\p)
  movdqu %xmm3, 48(\p)
.endif
.if \nx > 4
  movdqu %xmm4, 64(\p)
  movdqu %xmm5, 80(\p)
  movdqu %xmm6, 96(\p)
  movdqu %xmm7, 112(\p)
.endif
.endm

// z[0..15] = x[0..7]^2. The 28 cross products x[i]*x[j], i < j, row by row into a
// shrinking register window (words 2i+1, 2i+2 are final after row i and go to z),
// then one pass doubles them (ADCX chain) and adds the squares x[i]^2 (ADOX
// chain). Clobbers rax, rcx, rdx, rbx, rbp, r8-r15. z disjoint from x.
// \pad = 1: a NOP after each ADCX of the cross products and of the doubling, as
// vb_row8's pad (measured: ksqr_16_32 / _32_64 5-9% faster).
.macro vb_sqr8 x, z, pad=0
  mov   0(\x), %rdx
  mulx  8(\x), %r8, %r9
  mulx  16(\x), %rax, %r10
  add   %rax, %r9
  mulx  24(\x), %rax, %r11
  adc   %rax, %r10
  mulx  32(\x), %rax, %r12
  adc   %rax, %r11
  mulx  40(\x), %rax, %r13
  adc   %rax, %r12
  mulx  48(\x), %rax, %r14
  adc   %rax, %r13
  mulx  56(\x), %rax, %r15
  adc   %rax, %r14
  adc   $0, %r15
  mov   %r8, 8(\z)
  mov   %r9, 16(\z)
  mov   8(\x), %rdx
  xor   %eax, %eax
  mulx  16(\x), %rax, %rcx
  adcx  %rax, %r10
  vb_row8_nop \pad
  adox  %rcx, %r11
  mulx  24(\x), %rax, %rcx
  adcx  %rax, %r11
  vb_row8_nop \pad
  adox  %rcx, %r12
  mulx  32(\x), %rax, %rcx
  adcx  %rax, %r12
  vb_row8_nop \pad
  adox  %rcx, %r13
  mulx  40(\x), %rax, %rcx
  adcx  %rax, %r13
  vb_row8_nop \pad
  adox  %rcx, %r14
  mulx  48(\x), %rax, %rcx
  adcx  %rax, %r14
  vb_row8_nop \pad
  adox  %rcx, %r15
  mulx  56(\x), %rax, %rbx
  adcx  %rax, %r15
  vb_row8_nop \pad
  mov   $0, %eax
  adcx  %rax, %rbx
  vb_row8_nop \pad
  adox  %rax, %rbx
  mov   %r10, 24(\z)
  mov   %r11, 32(\z)
  mov   16(\x), %rdx
  xor   %eax, %eax
  mulx  24(\x), %rax, %rcx
  adcx  %rax, %r12
  vb_row8_nop \pad
  adox  %rcx, %r13
  mulx  32(\x), %rax, %rcx
  adcx  %rax, %r13
  vb_row8_nop \pad
  adox  %rcx, %r14
  mulx  40(\x), %rax, %rcx
  adcx  %rax, %r14
  vb_row8_nop \pad
  adox  %rcx, %r15
  mulx  48(\x), %rax, %rcx
  adcx  %rax, %r15
  vb_row8_nop \pad
  adox  %rcx, %rbx
  mulx  56(\x), %rax, %rbp
  adcx  %rax, %rbx
  vb_row8_nop \pad
  mov   $0, %eax
  adcx  %rax, %rbp
  vb_row8_nop \pad
  adox  %rax, %rbp
  mov   %r12, 40(\z)
  mov   %r13, 48(\z)
  mov   24(\x), %rdx
  xor   %eax, %eax
  mulx  32(\x), %rax, %rcx
  adcx  %rax, %r14
  vb_row8_nop \pad
  adox  %rcx, %r15
  mulx  40(\x), %rax, %rcx
  adcx  %rax, %r15
  vb_row8_nop \pad
  adox  %rcx, %rbx
  mulx  48(\x), %rax, %rcx
  adcx  %rax, %rbx
  vb_row8_nop \pad
  adox  %rcx, %rbp
  mulx  56(\x), %rax, %r8
  adcx  %rax, %rbp
  vb_row8_nop \pad
  mov   $0, %eax
  adcx  %rax, %r8
  vb_row8_nop \pad
  adox  %rax, %r8
  mov   %r14, 56(\z)
  mov   %r15, 64(\z)
  mov   32(\x), %rdx
  xor   %eax, %eax
  mulx  40(\x), %rax, %rcx
  adcx  %rax, %rbx
  vb_row8_nop \pad
  adox  %rcx, %rbp
  mulx  48(\x), %rax, %rcx
  adcx  %rax, %rbp
  vb_row8_nop \pad
  adox  %rcx, %r8
  mulx  56(\x), %rax, %r9
  adcx  %rax, %r8
  vb_row8_nop \pad
  mov   $0, %eax
  adcx  %rax, %r9
  vb_row8_nop \pad
  adox  %rax, %r9
  mov   %rbx, 72(\z)
  mov   %rbp, 80(\z)
  mov   40(\x), %rdx
  xor   %eax, %eax
  mulx  48(\x), %rax, %rcx
  adcx  %rax, %r8
  vb_row8_nop \pad
  adox  %rcx, %r9
  mulx  56(\x), %rax, %r10
  adcx  %rax, %r9
  vb_row8_nop \pad
  mov   $0, %eax
  adcx  %rax, %r10
  vb_row8_nop \pad
  adox  %rax, %r10
  mov   %r8, 88(\z)
  mov   %r9, 96(\z)
  mov   48(\x), %rdx
  xor   %eax, %eax
  mulx  56(\x), %rax, %r11
  adcx  %rax, %r10
  vb_row8_nop \pad
  mov   $0, %eax
  adcx  %rax, %r11
  vb_row8_nop \pad
  adox  %rax, %r11
  mov   %r10, 104(\z)
  mov   %r11, 112(\z)
  xor   %ecx, %ecx
  mov   0(\x), %rdx
  mulx  %rdx, %rax, %rdx
  mov   %rcx, %r8
  mov   8(\z), %r9
  adcx  %r8, %r8
  adcx  %r9, %r9
  vb_row8_nop \pad
  adox  %rax, %r8
  adox  %rdx, %r9
  mov   %r8, 0(\z)
  mov   %r9, 8(\z)
  mov   8(\x), %rdx
  mulx  %rdx, %rax, %rdx
  mov   16(\z), %r8
  mov   24(\z), %r9
  adcx  %r8, %r8
  adcx  %r9, %r9
  vb_row8_nop \pad
  adox  %rax, %r8
  adox  %rdx, %r9
  mov   %r8, 16(\z)
  mov   %r9, 24(\z)
  mov   16(\x), %rdx
  mulx  %rdx, %rax, %rdx
  mov   32(\z), %r8
  mov   40(\z), %r9
  adcx  %r8, %r8
  adcx  %r9, %r9
  vb_row8_nop \pad
  adox  %rax, %r8
  adox  %rdx, %r9
  mov   %r8, 32(\z)
  mov   %r9, 40(\z)
  mov   24(\x), %rdx
  mulx  %rdx, %rax, %rdx
  mov   48(\z), %r8
  mov   56(\z), %r9
  adcx  %r8, %r8
  adcx  %r9, %r9
  vb_row8_nop \pad
  adox  %rax, %r8
  adox  %rdx, %r9
  mov   %r8, 48(\z)
  mov   %r9, 56(\z)
  mov   32(\x), %rdx
  mulx  %rdx, %rax, %rdx
  mov   64(\z), %r8
  mov   72(\z), %r9
  adcx  %r8, %r8
  adcx  %r9, %r9
  vb_row8_nop \pad
  adox  %rax, %r8
  adox  %rdx, %r9
  mov   %r8, 64(\z)
  mov   %r9, 72(\z)
  mov   40(\x), %rdx
  mulx  %rdx, %rax, %rdx
  mov   80(\z), %r8
  mov   88(\z), %r9
  adcx  %r8, %r8
  adcx  %r9, %r9
  vb_row8_nop \pad
  adox  %rax, %r8
  adox  %rdx, %r9
  mov   %r8, 80(\z)
  mov   %r9, 88(\z)
  mov   48(\x), %rdx
  mulx  %rdx, %rax, %rdx
  mov   96(\z), %r8
  mov   104(\z), %r9
  adcx  %r8, %r8
  adcx  %r9, %r9
  vb_row8_nop \pad
  adox  %rax, %r8
  adox  %rdx, %r9
  mov   %r8, 96(\z)
  mov   %r9, 104(\z)
  mov   56(\x), %rdx
  mulx  %rdx, %rax, %rdx
  mov   112(\z), %r8
  mov   %rcx, %r9
  adcx  %r8, %r8
  adcx  %r9, %r9
  vb_row8_nop \pad
  adox  %rax, %r8
  adox  %rdx, %r9
  mov   %r8, 112(\z)
  mov   %r9, 120(\z)

.endm

// Karatsuba squaring, x = a + 2^(64h) b with h-word halves:
//   x^2 = a^2 + 2^(128h) b^2 + 2^(64h) (a^2 + b^2 - (a-b)^2),
// where (a-b)^2 = |a-b|^2 needs no sign. Below, h is 8, 16, 24 or 32.

// d[0..h-1] = |x[0..h-1] - x[h..2h-1]|, rax = (x[0..h-1] < x[h..2h-1] ? -1 : 0):
// subtract, then, if that borrowed, negate as (v ^ -1) + 1, the mask from the
// borrow (no branch); the top 8 words stay in r8-r15 meanwhile. At h = 16 the low
// 8 are negated in memory (XOR and ADC on memory); at h = 24, 32 the lower windows
// are reloaded and negated in registers, the +1's carry kept in rdx as 0 / -1
// across the XORs (which clear CF): 15-20% faster there, alike at 16.
// rsi = x, rcx = d. Clobbers rax, r8-r15, flags, and rdx when h > 16.
.macro vb_absdiff h
.irp c, 0, 1, 2, 3
.if \c < \h / 8
  vb_win_load %rsi, 64*\c
.if \c == 0
  clc
.endif
  vb_win_sbb %rsi, 8*\h+64*\c
.if \c < \h / 8 - 1
  vb_win_store %rcx, 64*\c
.endif
.endif
.endr
  sbb   %rax, %rax
  vb_win_xor %rax
.if \h <= 16
.if \h == 16
.irp j, 0, 8, 16, 24, 32, 40, 48, 56
  xor   %rax, \j(%rcx)
.endr
.endif
  bt    $0, %rax
.if \h == 16
.irp j, 0, 8, 16, 24, 32, 40, 48, 56
  adcq  $0, \j(%rcx)
.endr
.endif
  vb_win_adc0
  vb_win_store %rcx, 8*\h-64
.else
  vb_win_store %rcx, 8*\h-64
  mov   %rax, %rdx          // the +1, as 0 / -1
.irp c, 0, 1, 2, 3
.if \c < \h / 8
  vb_win_load %rcx, 64*\c
.if \c < \h / 8 - 1
  vb_win_xor %rax
.endif
  bt    $0, %rdx
  vb_win_adc0
.if \c < \h / 8 - 1
  sbb   %rdx, %rdx
.endif
  vb_win_store %rcx, 64*\c
.endif
.endr
.endif
.endm

// With z[0..2h-1] = a^2, z[2h..4h-1] = b^2 and rcx = (a-b)^2 (2h words), adds
// m = a^2 + b^2 - (a-b)^2 = 2ab (2h words and a top bit) into z at word h.
// m overwrites (a-b)^2. rdi = z. Clobbers rax, rbx, rdx, r8-r15, flags.
.macro vb_ksqr_combine h
  xor   %eax, %eax          // carry of a^2 + b^2, as 0 / -1
  xor   %ebx, %ebx          // borrow of - (a-b)^2, as 0 / -1
.irp c, 0, 1, 2, 3, 4, 5, 6, 7
.if \c < \h / 4
  vb_win_load %rdi, 64*\c
  bt    $0, %rax
  vb_win_adc %rdi, 16*\h+64*\c
  sbb   %rax, %rax
  bt    $0, %rbx
  vb_win_sbb %rcx, 64*\c
  sbb   %rbx, %rbx
  vb_win_store %rcx, 64*\c
.endif
.endr
  mov   %rbx, %rdx
  sub   %rax, %rdx          // top bit of m: carry - borrow, 0 or 1
  vb_add_mid \h
.endm

// With T = [L0 L1 H0 H1] (h words each: z[0..2h-1] = a^2 = L, z[2h..4h-1] = b^2 = H)
// and rcx = D = (a-b)^2 (2h words, D0 D1), adds 2ab = L + H - D into T at word h,
// using U = L1 + H0 for both middle blocks:
//   T[h..2h-1]  = U + L0 - D0,   T[2h..3h-1] = U + H1 - D1 (+ carries),
// U's carry counted at words 2h and 3h: two sweeps of h words and one through the
// top block. Chains on CF, kept as 0/-1 across 8-word windows: rax U (then U's
// carry through the upper block), rbx + L0 / + H1, rdx - D0 / - D1.
// Against vb_ksqr_combine (m formed, then added): a quarter fewer loads and stores,
// 10-17% faster at h = 24, 32. rdi = T, h = 8 .. 32. Clobbers rax, rbx, rdx, rsi,
// r8-r15, flags; D is left alone.
.macro vb_ksqr_combine_u h
  xor   %eax, %eax
  xor   %ebx, %ebx
  xor   %edx, %edx
.irp c, 0, 1, 2, 3
.if \c < \h / 8
  vb_win_load %rdi, 8*\h+64*\c
  bt    $0, %rax
  vb_win_adc %rdi, 16*\h+64*\c
  sbb   %rax, %rax
  vb_win_store %rdi, 16*\h+64*\c      // U
  bt    $0, %rbx
  vb_win_adc %rdi, 64*\c
  sbb   %rbx, %rbx
  bt    $0, %rdx
  vb_win_sbb %rcx, 64*\c
  sbb   %rdx, %rdx
  vb_win_store %rdi, 8*\h+64*\c
.endif
.endr
  mov   %rax, %rsi          // -(carry of U), counted again at word 3h
.irp c, 0, 1, 2, 3
.if \c < \h / 8
  vb_win_load %rdi, 16*\h+64*\c
  bt    $0, %rax
  vb_win_adc0
  sbb   %rax, %rax
  bt    $0, %rbx
  vb_win_adc %rdi, 24*\h+64*\c
  sbb   %rbx, %rbx
  bt    $0, %rdx
  vb_win_sbb %rcx, 8*\h+64*\c
  sbb   %rdx, %rdx
  vb_win_store %rdi, 16*\h+64*\c
.endif
.endr
  sub   %rsi, %rdx          // t = carries - borrow, added at word 3h: t >= 0, as
  sub   %rax, %rdx          // x^2 >= B^2 b^2 makes its top block at least H1
  sub   %rbx, %rdx
.irp c, 0, 1, 2, 3
.if \c < \h / 8
  vb_win_load %rdi, 24*\h+64*\c
.if \c == 0
  vb_win_add_word %rdx, add
.else
  vb_win_adc0
.endif
  vb_win_store %rdi, 24*\h+64*\c
.endif
.endr
.endm

// z[0..31] = x[0..15]^2 as a^2 + B^2 b^2 + 2B ab (x = a + B b, B = 2^512): two
// vb_sqr8 squares straight into z, ab into t by one padded 8x8 block, then one pass
// doubling ab (ADCX) and adding it in (ADOX). Measured faster here than the
// Karatsuba step (a third square |a-b|^2 and its combination).
// rdi = z, rsi = x, rdx = t (16 words used). z, x, t disjoint.
// Clobbers rax, rbx, rcx, rdx, rbp, rsi, rdi, r8-r15, flags; 8 bytes of stack.
// The last step of the direct squares: z[8 .. 8+8n+7] += 2 t[0 .. 8n-1], t's
// doubling on the ADCX chain (CF) and the addition on the ADOX chain (OF), both
// carries rippled through the 8 words above (no carry out: a square fits).
// rbp = t, rdi = z. Clobbers rax, r8-r15, flags.
.macro vb_add_doubled n
  xor   %eax, %eax          // clears CF and OF
.irp i, 0, 1, 2, 3, 4, 5, 6, 7
.if \i < \n
  vb_win_load %rbp, 64*\i
.irp r, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15
  adcx  \r, \r
.endr
  adox  64+64*\i(%rdi), %r8
  adox  72+64*\i(%rdi), %r9
  adox  80+64*\i(%rdi), %r10
  adox  88+64*\i(%rdi), %r11
  adox  96+64*\i(%rdi), %r12
  adox  104+64*\i(%rdi), %r13
  adox  112+64*\i(%rdi), %r14
  adox  120+64*\i(%rdi), %r15
  vb_win_store %rdi, 64+64*\i
.endif
.endr
  vb_win_load %rdi, 64+64*\n
.irp r, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15
  adcx  %rax, \r
.endr
.irp r, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15
  adox  %rax, \r
.endr
  vb_win_store %rdi, 64+64*\n
.endm

.macro vb_sqr16_direct
  push  %rdx                // (%rsp) = t
  vb_sqr8 %rsi, %rdi        // z[0..15] = a^2
  add   $64, %rsi
  add   $128, %rdi
  vb_sqr8 %rsi, %rdi        // z[16..31] = b^2
  sub   $128, %rdi          // rdi = z
  lea   -64(%rsi), %rcx     // rcx = a, rsi = b
  mov   (%rsp), %rbp        // rbp = t
  vb_win_zero
  vb_block8 %rsi, %rcx, %rbp, 1
  vb_win_store %rbp, 64     // t[0..15] = ab
  vb_add_doubled 2          // z[8..31] += 2ab
  add   $8, %rsp
.endm

// Montgomery multiply/square frame, for k a multiple of 8, 8 <= k <= VB_MONT_MAX_K:
// the 2k-word product T and 96 words of scratch for the Karatsuba products live
// on the stack (with \tw, tw k words instead of 2k: T plus the halves' middle
// terms of bignum_amontmul/amontsqr at 48, 64 words).
// Layout from the (16-aligned) rsp: 0..31 vb_mul_8n_frame slots, 32 z, 40 m, 48 k,
// 56 the caller's rsp, 64 w, 80 T[0..2k-1], then the scratch.
// w = -1/m[0] mod 2^64 is computed here, first, so that its multiply chain runs
// in the shadow of the product rather than after it: Newton's x <- x (2 - m0 x)
// from x = 3 m0 XOR 2 (right mod 2^5) doubles the good bits 5 -> 80 in 4 steps.
// Uses rax, rbx, r9, r10; leaves rdx, rcx, r8 (the operands) alone.
#define VB_MONT_MAX_K 128
#define VB_MONT_W 64
#define VB_MONT_T 80
.macro vb_mont_enter tw=2
  vb_push_callee
  mov   %rsp, %rax
  mov   %rdi, %rbx
.if \tw == 2
  shl   $4, %rbx
.else
  imul  $8*\tw, %rbx, %rbx   // bignum_amontmul/amontsqr at 48, 64: room for halves
.endif
  add   $(VB_MONT_T + 96 * 8), %rbx
  sub   %rbx, %rsp
  and   $-16, %rsp
  mov   %rax, 56(%rsp)
  mov   %rsi, 32(%rsp)
  mov   %r8, 40(%rsp)
  mov   %rdi, 48(%rsp)
  mov   (%r8), %r9          // m0
  lea   (%r9,%r9,2), %rax
  xor   $2, %rax
.rept 4
  mov   %r9, %r10
  imul  %rax, %r10
  neg   %r10
  add   $2, %r10
  imul  %r10, %rax
.endr
  neg   %rax
  mov   %rax, VB_MONT_W(%rsp)
  mov   %rdi, %rax
  shr   $3, %rax
  mov   %rax, 16(%rsp)      // nb
  shl   $3, %rdi
  mov   %rdi, 24(%rsp)      // 8k bytes = 64 nb
.endm

// With T = the 2k-word product x*y (<= 2^(64k) m), reduces it: q by
// bignum_emontredc_8n, r = c * 2^(64k) + T[k..2k-1] < 2m. Then z = r - m exactly
// when r >= m (c set or no borrow): one borrow chain stores r - m (mod 2^(64k))
// into z, 8 words a step, and a second pass, free of carries, puts r back under
// a mask: z ^= (z ^ r) & mask. Restores rsp and the callee-saved registers and
// returns.
.macro vb_mont_finish
  mov   VB_MONT_W(%rsp), %rcx
  mov   40(%rsp), %rdx
  mov   48(%rsp), %rdi
  lea   VB_MONT_T(%rsp), %rsi
  call  bignum_emontredc_8n@PLT
  mov   %rax, %r11          // c
  mov   48(%rsp), %r10
  lea   VB_MONT_T(%rsp,%r10,8), %rsi
  mov   40(%rsp), %r8
  mov   32(%rsp), %rdi
  shr   $3, %r10            // 8-word steps
  mov   %r10, %rcx
  xor   %r9d, %r9d          // byte offset; clears CF
5:
.irp j, 0, 1, 2, 3, 4, 5, 6, 7
  mov   8*\j(%rsi,%r9), %rax
  sbb   8*\j(%r8,%r9), %rax
  mov   %rax, 8*\j(%rdi,%r9)
.endr
  lea   64(%r9), %r9        // LEA and DEC leave CF alone
  dec   %rcx
  jnz   5b
  sbb   %rax, %rax        // all-ones iff borrow
  dec   %r11                // all-ones iff c = 0
  and   %r11, %rax          // all-ones iff r < m: put r back
  mov   %r10, %rcx
  xor   %r9d, %r9d
6:
.irp j, 0, 1, 2, 3, 4, 5, 6, 7
  mov   8*\j(%rsi,%r9), %rdx
  mov   8*\j(%rdi,%r9), %rbx
  xor   %rdx, %rbx
  and   %rax, %rbx
  xor   %rbx, 8*\j(%rdi,%r9)
.endr
  add   $64, %r9
  dec   %rcx
  jnz   6b
  mov   56(%rsp), %rsp
  vb_pop_callee
  ret
.endm

// ---- Full-width Montgomery reduction rows (bignum_amontmul/amontsqr and
// bignum_emontredc_8n at K = 16, 24, 32, 48, 64). Each row adds q m (K + 1 words) into
// the running value at its position j, q = (word j) * w making word j zero. The
// window's low 8 words (positions j..j+7) live in registers a0..a7, the other
// K - 8 in memory at rdi (the T cursor, position j), read and written back by each
// row; so a row is one ADCX chain (low product halves) and one ADOX chain (high
// halves, and the memory words) over all K columns, and there are no 8x8 chunks
// whose carries have to be passed on and added in again: 2K + 3 ADCX/ADOX a row
// (ports 0 and 6, the bound here) against about 2.2 K for the blocked rows.
// Row j's top word (position j + K) gets the T word there, the high half of
// q m[K-1], both chains' carries and rbp, the carry (0 or 1) out of row j-1's top;
// its own carry out (at most one of CF, OF: the K + 1 words plus rbp, plus q m,
// stay below 2^(64(K+1)+1)) becomes the new rbp. After the row the
// zero in a0 is replaced by word j + 8 from memory, so the registers rotate as in
// vb_row8. The q chain (q -> MULX -> ADCX/ADOX on a1 -> next q, ~10 cycles) is
// far shorter than a row (~2K cycles), so it never waits.
// NOPs: \fc after each register column's ADCX, one in each memory column, \fe at
// the end of the row; measured best here (x86/README.md), like vb_row8's pad.
// Uses rax, rbx, rcx, rdx; rsi = m; \w = w (memory); \storeq: store q at word j.
.macro vb_nops n
.rept \n
  nop
.endr
.endm
.macro vb_frow r, K, storeq, w, zero, fc, fe, a0, a1, a2, a3, a4, a5, a6, a7
  mov   \a0, %rdx
  imul  \w, %rdx            // q
.if \storeq
  mov   %rdx, 8*\r(%rdi)
.endif
  xor   %eax, %eax          // CF = OF = 0
  mulx  0(%rsi), %rax, %rbx
  adcx  %rax, \a0           // a0 + lo(q m0) = 0: only the carry matters
  vb_nops \fc
  adox  %rbx, \a1
  mulx  8(%rsi), %rax, %rbx
  adcx  %rax, \a1
  vb_nops \fc
  adox  %rbx, \a2
  mulx  16(%rsi), %rax, %rbx
  adcx  %rax, \a2
  vb_nops \fc
  adox  %rbx, \a3
  mulx  24(%rsi), %rax, %rbx
  adcx  %rax, \a3
  vb_nops \fc
  adox  %rbx, \a4
  mulx  32(%rsi), %rax, %rbx
  adcx  %rax, \a4
  vb_nops \fc
  adox  %rbx, \a5
  mulx  40(%rsi), %rax, %rbx
  adcx  %rax, \a5
  vb_nops \fc
  adox  %rbx, \a6
  mulx  48(%rsi), %rax, %rbx
  adcx  %rax, \a6
  vb_nops \fc
  adox  %rbx, \a7
  mulx  56(%rsi), %rax, %rbx
  adcx  %rax, \a7
  vb_nops \fc
  // memory columns: word = (hi of the previous column + word + OF) + lo + CF,
  // the high halves alternating between rbx and rcx
.irp c, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62
.if \c < \K
  mulx  8*\c(%rsi), %rax, %rcx
  adox  8*(\r+\c)(%rdi), %rbx
  nop
  adcx  %rax, %rbx
  mov   %rbx, 8*(\r+\c)(%rdi)
  mulx  8*\c+8(%rsi), %rax, %rbx
  adox  8*(\r+\c+1)(%rdi), %rcx
  nop
  adcx  %rax, %rcx
  mov   %rcx, 8*(\r+\c+1)(%rdi)
.endif
.endr
  adcx  8*(\r+\K)(%rdi), %rbx   // top word
  adox  %rbp, %rbx
  mov   %rbx, 8*(\r+\K)(%rdi)
  mov   $0, %ebp
.ifb \zero
  mov   $0, %eax
  adcx  %rax, %rbp
  adox  %rax, %rbp          // the carry out, CF + OF <= 1
.else
  adcx  %rbp, %rbp
  adox  \zero, %rbp
.endif
  vb_nops \fe
  mov   8*(\r+8)(%rdi), \a0 // slide the window up one word
.endm

// The K rows of a reduction, K = 16, 24, ..., 64: T (2K words) at rdi, m at rsi,
// w at \w, \cnt a free stack slot, \zero blank or a free stack slot (then it
// holds 0 and saves a MOV a row). On exit the result r = 2^(64K) c + T[K..2K-1]
// (T + q m = 2^(64K) r) has its low 8 words in r8-r15 (not stored), the rest at
// 64(%rdi) on (rdi = T + 8K), and c in rbp; with \storeq, q is at T[0..K-1].
// \fc, \fe: NOPs, see vb_frow (the best counts depend on K and on the code
// around: x86/README.md). Clobbers rax, rbx, rcx, rdx, flags.
.macro vb_freduce K, storeq, w, cnt, zero, fc, fe
  vb_win_load %rdi
  xor   %ebp, %ebp
  movq  $\K/8, \cnt
.ifnb \zero
  movq  $0, \zero
.endif
1:
  vb_frow 0, \K, \storeq, \w, \zero, \fc, \fe, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15
  vb_frow 1, \K, \storeq, \w, \zero, \fc, \fe, %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8
  vb_frow 2, \K, \storeq, \w, \zero, \fc, \fe, %r10, %r11, %r12, %r13, %r14, %r15, %r8, %r9
  vb_frow 3, \K, \storeq, \w, \zero, \fc, \fe, %r11, %r12, %r13, %r14, %r15, %r8, %r9, %r10
  vb_frow 4, \K, \storeq, \w, \zero, \fc, \fe, %r12, %r13, %r14, %r15, %r8, %r9, %r10, %r11
  vb_frow 5, \K, \storeq, \w, \zero, \fc, \fe, %r13, %r14, %r15, %r8, %r9, %r10, %r11, %r12
  vb_frow 6, \K, \storeq, \w, \zero, \fc, \fe, %r14, %r15, %r8, %r9, %r10, %r11, %r12, %r13
  vb_frow 7, \K, \storeq, \w, \zero, \fc, \fe, %r15, %r8, %r9, %r10, %r11, %r12, %r13, %r14
  add   $64, %rdi
  decq  \cnt
  jnz   1b
.endm

// vb_freduce with two rows per loop pass instead of eight, for K = 48,
// 64: after each pass MOVs rotate the window registers back by two (renamed, no
// execution port), so the code is a quarter of the size (3 KB at K = 48 against 12).
// Alone both run alike; in the modexp, next to the Karatsuba products, the 8-row
// unroll lost its lead at 48 words (x86/README.md). Same arguments and results as
// vb_freduce (\cnt counts passes); also clobbers rax, rbx, rcx, rdx, flags.
.macro vb_redc_rows2 K, storeq, w, cnt, zero, fc, fe
  vb_win_load %rdi
  xor   %ebp, %ebp
  movq  $\K/2, \cnt
.ifnb \zero
  movq  $0, \zero
.endif
1:
  vb_frow 0, \K, \storeq, \w, \zero, \fc, \fe, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15
  vb_frow 1, \K, \storeq, \w, \zero, \fc, \fe, %r9, %r10, %r11, %r12, %r13, %r14, %r15, %r8
  mov   %r8, %rax           // window words j+2 .. j+9 back into r8 .. r15
  mov   %r9, %rbx
  mov   %r10, %r8
  mov   %r11, %r9
  mov   %r12, %r10
  mov   %r13, %r11
  mov   %r14, %r12
  mov   %r15, %r13
  mov   %rax, %r14
  mov   %rbx, %r15
  add   $16, %rdi
  decq  \cnt
  jnz   1b
.endm

// The end of bignum_amontmul/amontsqr for k = \K words, K = 16, 24, 32, 48, 64
// (frame of vb_mont_enter, T holding the product): the reduction (vb_freduce, NOP
// counts per K as measured; vb_redc_rows2 at 48, 64), then z = r - (c ? m : 0) in one pass, no comparison
// with m ("almost" Montgomery): r < 2^(64k) + m, so when c is set the borrow eats
// it and z < 2^(64k); if x < m or y < m, the product is below 2^(64k) m and r < 2m.
// The mask is a MULX by c (0 or 1), which leaves the borrow chain's flags alone.
// Restores rsp and the callee-saved registers and returns.
.macro vb_amont_finish K
  mov   40(%rsp), %rsi
  lea   VB_MONT_T(%rsp), %rdi
.if \K == 32
  vb_freduce \K, 0, VB_MONT_W(%rsp), 0(%rsp), , 1, 1
.elseif \K > 32
  vb_redc_rows2 \K, 0, VB_MONT_W(%rsp), 0(%rsp), , 2, 1   // as bignum_emontredc_8n
.else
  vb_freduce \K, 0, VB_MONT_W(%rsp), 0(%rsp), 8(%rsp), 2, 0
.endif
  mov   32(%rsp), %rcx      // z
  mov   %rbp, %rdx          // c
  xor   %eax, %eax          // CF = 0
  vb_amont_sub_reg 0, %r8
  vb_amont_sub_reg 1, %r9
  vb_amont_sub_reg 2, %r10
  vb_amont_sub_reg 3, %r11
  vb_amont_sub_reg 4, %r12
  vb_amont_sub_reg 5, %r13
  vb_amont_sub_reg 6, %r14
  vb_amont_sub_reg 7, %r15
.irp j, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63
.if \j < \K
  mulx  8*\j(%rsi), %rax, %rbx
  mov   8*\j(%rdi), %r8
  sbb   %rax, %r8
  mov   %r8, 8*\j(%rcx)
.endif
.endr
  mov   56(%rsp), %rsp
  vb_pop_callee
  ret
.endm
.macro vb_amont_sub_reg j, r
  mulx  8*\j(%rsi), %rax, %rbx
  sbb   %rax, \r
  mov   \r, 8*\j(%rcx)
.endm

// bignum_amontmul at k = 2h = 48, 64 words builds the product from h-word
// Karatsuba products (B = 2^(64h)): x0 y0 + x1 y1 B^2 in T, the middle terms in the
// scratch S after T, added at word h by this pass (two carry chains), whose
// carries ripple up through T[3h..4h-1] (the product fits in 4h words).
// T[h..3h-1] += S1[0..2h-1] (ADCX chain) + S2[0..2h-1] (ADOX chain). rdi = T,
// rsi = S1, rbp = S2. Clobbers rax, r8-r15, flags.
.macro vb_amont_add_two h
  xor   %eax, %eax
.irp i, 0, 1, 2, 3, 4, 5, 6, 7
.if \i < \h / 4
  vb_win_load %rdi, 8*\h+64*\i
  adcx  64*\i(%rsi), %r8
  adox  64*\i(%rbp), %r8
  adcx  64*\i+8(%rsi), %r9
  adox  64*\i+8(%rbp), %r9
  adcx  64*\i+16(%rsi), %r10
  adox  64*\i+16(%rbp), %r10
  adcx  64*\i+24(%rsi), %r11
  adox  64*\i+24(%rbp), %r11
  adcx  64*\i+32(%rsi), %r12
  adox  64*\i+32(%rbp), %r12
  adcx  64*\i+40(%rsi), %r13
  adox  64*\i+40(%rbp), %r13
  adcx  64*\i+48(%rsi), %r14
  adox  64*\i+48(%rbp), %r14
  adcx  64*\i+56(%rsi), %r15
  adox  64*\i+56(%rbp), %r15
  vb_win_store %rdi, 8*\h+64*\i
.endif
.endr
  vb_amont_ripple \h
.endm
// Both chains' carries (rax = 0) through T[3h..4h-1].
.macro vb_amont_ripple h
.irp i, 0, 1, 2, 3
.if \i < \h / 8
  vb_win_load %rdi, 24*\h+64*\i
.irp r, %r8, %r9, %r10, %r11, %r12, %r13, %r14, %r15
  adcx  %rax, \r
  adox  %rax, \r
.endr
  vb_win_store %rdi, 24*\h+64*\i
.endif
.endr
.endm


// z[h..4h-1] += m, m = the 2h words at rcx plus the word rdx (0 or 1) above them;
// the sum must fit. rdi = z, h = 8, 16, 24 or 32. Clobbers r8-r15, flags.
.macro vb_add_mid h
  clc
.irp c, 0, 1, 2, 3, 4, 5, 6, 7
.if \c < \h / 4
  vb_win_load %rdi, 8*\h+64*\c
  vb_win_adc %rcx, 64*\c
  vb_win_store %rdi, 8*\h+64*\c
.endif
.endr
  vb_win_load %rdi, 24*\h
  vb_win_add_word %rdx
  vb_win_store %rdi, 24*\h
.irp c, 1, 2, 3
.if \c < \h / 8
  vb_win_load %rdi, 24*\h+64*\c
  vb_win_adc0
  vb_win_store %rdi, 24*\h+64*\c
.endif
.endr
.endm

// Karatsuba middle term for a product: with z[0..2h-1] = a0*b0 = L,
// z[2h..4h-1] = a1*b1 = H, rcx = P = |a0-a1| * |b0-b1| (2h words) and rdx = M,
// all-ones when (a0-a1)(b0-b1) >= 0 (so it must be subtracted), zero otherwise:
// m = L + H -/+ P = a0*b1 + a1*b0, formed as L + H + (P ^ M) + (M & 1) with the
// sign word M on top, goes into z at word h. P is overwritten by m.
// Clobbers rax, rbx, rdx, r8-r15, flags.
.macro vb_kmul_combine h
  xor   %eax, %eax          // carry of + L, as 0 / -1
  mov   %rdx, %rbx          // carry of + H, as 0 / -1; starts as the +1 of -P
.irp c, 0, 1, 2, 3
.if \c < \h / 4
  vb_win_load %rcx, 64*\c
  vb_win_xor %rdx
  bt    $0, %rax
  vb_win_adc %rdi, 64*\c
  sbb   %rax, %rax
  bt    $0, %rbx
  vb_win_adc %rdi, 16*\h+64*\c
  sbb   %rbx, %rbx
  vb_win_store %rcx, 64*\c
.endif
.endr
  sub   %rax, %rdx          // top word: M + carries (mod 2^64), 0 or 1
  sub   %rbx, %rdx
  vb_add_mid \h
.endm

// Karatsuba product of 2h-word numbers, x = a0 + 2^(64h) a1, y = b0 + 2^(64h) b1:
//   x*y = L + 2^(128h) H + 2^(64h) (L + H - (a0-a1)(b0-b1)),  L = a0 b0, H = a1 b1,
// with (a0-a1)(b0-b1) as |a0-a1| |b0-b1| and a sign mask. The three half products
// come from the macro \half (rdi = out, rsi = x, rcx = y; 2h words out).
// t: |a0-a1| at t[0..h-1], |b0-b1| at t[h..2h-1], their product at t[2h..4h-1].
// Inputs rdi = z, rsi = x, rdx = y, rcx = t; needs 80 bytes of stack at (rsp)
// (0..31 for vb_mul_8n, then z, x, y, t, sign). z, t, x, y disjoint.
.macro vb_kmul h, half
  mov   %rdi, 32(%rsp)
  mov   %rsi, 40(%rsp)
  mov   %rdx, 48(%rsp)
  mov   %rcx, 56(%rsp)
  mov   %rdx, %rcx
  \half                     // z[0..2h-1] = a0 * b0
  mov   32(%rsp), %rdi
  add   $16*\h, %rdi
  mov   40(%rsp), %rsi
  add   $8*\h, %rsi
  mov   48(%rsp), %rcx
  add   $8*\h, %rcx
  \half                     // z[2h..4h-1] = a1 * b1
  mov   40(%rsp), %rsi
  mov   56(%rsp), %rcx
  vb_absdiff \h             // t[0..h-1] = |a0 - a1|, rax = (a0 < a1 ? -1 : 0)
  mov   %rax, 64(%rsp)
  mov   48(%rsp), %rsi
  mov   56(%rsp), %rcx
  add   $8*\h, %rcx
  vb_absdiff \h             // t[h..2h-1] = |b0 - b1|
  xor   64(%rsp), %rax
  not   %rax
  mov   %rax, 64(%rsp)      // all-ones iff (a0-a1)(b0-b1) >= 0
  mov   56(%rsp), %rsi
  lea   8*\h(%rsi), %rcx
  lea   16*\h(%rsi), %rdi
  \half                     // t[2h..4h-1] = |a0-a1| |b0-b1|
  mov   32(%rsp), %rdi
  mov   56(%rsp), %rcx
  add   $16*\h, %rcx
  mov   64(%rsp), %rdx
  vb_kmul_combine \h
.endm

// 8x8 -> 16 words for vb_kmul 8: rdi = z, rsi = x, rcx = y.
.macro vb_mul8_half
  vb_win_zero
  vb_block8 %rsi, %rcx, %rdi
  add   $64, %rdi
  vb_win_store %rdi
.endm
// The same with padded rows (vb_row8's pad), for vb_kmul 8, vb_mul8_half_pad.
.macro vb_mul8_half_pad
  vb_win_zero
  vb_block8 %rsi, %rcx, %rdi, 1
  add   $64, %rdi
  vb_win_store %rdi
.endm

#endif
#endif
