// CPU dispatch for the x86-64 assembly: decides once, at load time, whether the
// MULX/ADCX/ADOX kernels may run (CPUID: BMI2 and ADX), unless the environment
// variable VBIGNUM_X86_FORCE_PORTABLE=1 asks for the portable C++ fallbacks (used
// by the tests to cover the fallback path on machines that have the instructions).
// VBIGNUM_X86_FORCE_ASM=1 skips the CPUID test: only for tools that run the code
// but hide ADX from CPUID (valgrind 3.19 does), see tools/valgrind-kernels.sh.
// Until the constructor has run the flag is 0, which is always safe.
#include <cpuid.h>
#include <stdlib.h>
#include <string.h>

__attribute__((visibility("hidden"))) unsigned char vbignum_x86_has_mulx_adx = 0;

static int cpu_has_mulx_adx(void) {
  unsigned a, b, c, d;
  if (__get_cpuid_max(0, 0) < 7) return 0;
  __cpuid_count(7, 0, a, b, c, d);
  return (b >> 8 & 1) && (b >> 19 & 1);  // leaf 7 EBX: bit 8 BMI2, bit 19 ADX
}

__attribute__((constructor(101))) static void vbignum_x86_init(void) {
  const char *portable = getenv("VBIGNUM_X86_FORCE_PORTABLE");
  const char *assume = getenv("VBIGNUM_X86_FORCE_ASM");
  if (portable && strcmp(portable, "1") == 0)
    vbignum_x86_has_mulx_adx = 0;
  else if (assume && strcmp(assume, "1") == 0)
    vbignum_x86_has_mulx_adx = 1;
  else
    vbignum_x86_has_mulx_adx = cpu_has_mulx_adx();
}

// For tests: 1 when the MULX/ADX assembly is in use, 0 when calls go to the
// portable fallbacks.
int vbignum_x86_mulx_active(void) { return vbignum_x86_has_mulx_adx; }
