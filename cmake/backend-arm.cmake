# AArch64 backend tweaks, included by the top-level CMakeLists.txt after the
# vbignum target exists.

# Branch protection: every arm/*.S entry point starts with a BTI landing pad
# (arm/_internal.h), a NOP on cores without BTI, and carries the GNU property note
# that lets a BTI/PAC-enabled program keep enforcement on when it links us.
# The flag also reaches in-tree consumers (tests, benchmarks) so that the test
# binaries can run with BTI enforced under `qemu-aarch64 -cpu max`; installed
# consumers choose their own flags.
option(VBIGNUM_ARM_BRANCH_PROTECTION "Build AArch64 code with -mbranch-protection=standard" ON)
if(VBIGNUM_ARM_BRANCH_PROTECTION)
  include(CheckCCompilerFlag)
  check_c_compiler_flag(-mbranch-protection=standard VBIGNUM_HAVE_BRANCH_PROTECTION)
  if(VBIGNUM_HAVE_BRANCH_PROTECTION)
    target_compile_options(vbignum PUBLIC
      $<BUILD_INTERFACE:$<$<COMPILE_LANGUAGE:C,CXX,ASM>:-mbranch-protection=standard>>)
  else()
    message(WARNING "vbignum: compiler lacks -mbranch-protection; building without BTI/PAC")
  endif()
endif()
