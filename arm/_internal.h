// Included by every arm/*.S. Function entry with a BTI landing pad ("bti c" =
// hint #34, a NOP on cores without BTI) when the build uses -mbranch-protection,
// and the GNU property note that lets BTI-enabled programs link these objects.
#ifndef VBIGNUM_ARM_INTERNAL_H
#define VBIGNUM_ARM_INTERNAL_H

#if defined(__ARM_FEATURE_BTI_DEFAULT) && __ARM_FEATURE_BTI_DEFAULT == 1
#define VB_LANDING_PAD hint #34
#define VB_PROPERTY_BTI 1
#else
#define VB_LANDING_PAD
#define VB_PROPERTY_BTI 0
#endif
#if defined(__ARM_FEATURE_PAC_DEFAULT)
#define VB_PROPERTY_PAC 2  /* leaf routines never sign: nothing to do but say so */
#else
#define VB_PROPERTY_PAC 0
#endif

#define VB_FUNCTION(name)  \
  .text;                   \
  .balign 4;               \
  .globl name;             \
  .type name, %function;   \
  name:                    \
  VB_LANDING_PAD

#define VB_END(name) .size name, .-name

// GNU_PROPERTY_AARCH64_FEATURE_1_AND note (type 0xc0000000), emitted once per object.
#if VB_PROPERTY_BTI || VB_PROPERTY_PAC
#define VB_GNU_PROPERTY                              \
  .pushsection .note.gnu.property, "a";              \
  .balign 8;                                         \
  .long 4; .long 16; .long 5; .asciz "GNU";          \
  .long 0xc0000000; .long 4;                         \
  .long (VB_PROPERTY_BTI | VB_PROPERTY_PAC); .long 0; \
  .popsection
#else
#define VB_GNU_PROPERTY
#endif

// Non-executable stack for every object.
#define VB_NOTE_STACK .section .note.GNU-stack, "", %progbits

#endif
