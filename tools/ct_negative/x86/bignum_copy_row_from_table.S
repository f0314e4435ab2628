// NEGATIVE CONTROL (leaky on purpose): reads only row idx, at an address
// computed from the secret idx (r8), instead of scanning the whole table.
// ct-expect: memory address depends on secret register(s) rax
#include "_internal.h"
.intel_syntax noprefix
VB_FUNCTION(bignum_copy_row_from_table)
  mov rax, r8
  imul rax, rcx          // idx * width
  lea rax, [rsi + 8*rax] // &table[idx * width]
  test rcx, rcx
  jz 2f
1:
  mov r9, [rax]
  mov [rdi], r9
  add rax, 8
  add rdi, 8
  dec rcx
  jnz 1b
2:
  ret
VB_END(bignum_copy_row_from_table)
VB_NOTE_STACK
