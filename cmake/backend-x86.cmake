# x86-64 backend: CPU dispatch for the assembly.
# Functions whose x86/<fn>.S uses MULX/ADCX/ADOX start with VB_REQUIRE_MULX, which
# tail-jumps to the portable version when x86/cpu_features.c found no BMI2/ADX, or
# when the environment has VBIGNUM_X86_FORCE_PORTABLE=1. That portable version is
# portable/<fn>.cpp compiled once more under the name vbignum_portable_<fn> (the
# define renames the header prototype and the definition alike).
target_sources(vbignum PRIVATE ${PROJECT_SOURCE_DIR}/x86/cpu_features.c)

foreach(fn IN LISTS VBIGNUM_ASM_FUNCTIONS)
  file(STRINGS ${PROJECT_SOURCE_DIR}/x86/${fn}.S needs_mulx REGEX "VB_REQUIRE_MULX")
  if(NOT needs_mulx)
    continue()
  endif()
  set(portable_src ${PROJECT_SOURCE_DIR}/portable/${fn}.cpp)
  if(NOT EXISTS ${portable_src})
    message(WARNING "vbignum: no portable/${fn}.cpp, so x86/${fn}.S has no fallback "
                    "for CPUs without BMI2/ADX")
    continue()
  endif()
  # A copy under the build tree, so the renamed object does not clash with the
  # (unused) original in object-file naming, and its defines stay per file.
  set(renamed ${PROJECT_BINARY_DIR}/x86-fallback/vbignum_portable_${fn}.cpp)
  file(WRITE ${renamed}.in "#include \"${portable_src}\"\n")
  configure_file(${renamed}.in ${renamed} COPYONLY)
  target_sources(vbignum PRIVATE ${renamed})
  # Hidden: an implementation detail, not exported from a shared library.
  set_source_files_properties(${renamed} PROPERTIES
    COMPILE_DEFINITIONS "${fn}=vbignum_portable_${fn}"
    COMPILE_OPTIONS "-fvisibility=hidden")
  set_property(SOURCE ${PROJECT_SOURCE_DIR}/x86/${fn}.S APPEND PROPERTY
    COMPILE_DEFINITIONS VB_HAVE_PORTABLE)
endforeach()

# CI coverage of the fallback path: once the tests exist, run the focused x86
# tests a second time with the assembly switched off. (The whole suite in that
# mode: VBIGNUM_X86_FORCE_PORTABLE=1 ctest.)
if(VBIGNUM_BUILD_TESTS)
  function(vbignum_x86_add_forced_fallback_test)
    if(TARGET test_x86_focus)
      add_test(NAME x86_focus_forced_portable COMMAND test_x86_focus)
      set_tests_properties(x86_focus_forced_portable PROPERTIES
        ENVIRONMENT VBIGNUM_X86_FORCE_PORTABLE=1 TIMEOUT 600)
      # The table lookups' AVX2 path, on CPUs that would take the AVX-512VL one.
      add_test(NAME x86_focus_no_avx512 COMMAND test_x86_focus)
      set_tests_properties(x86_focus_no_avx512 PROPERTIES
        ENVIRONMENT VBIGNUM_X86_NO_AVX512=1 TIMEOUT 600)
    endif()
  endfunction()
  cmake_language(DEFER DIRECTORY ${PROJECT_SOURCE_DIR}
                 CALL vbignum_x86_add_forced_fallback_test)
endif()
