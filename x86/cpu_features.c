// CPU dispatch for the x86-64 assembly: decides once, at load time, whether the
// MULX/ADCX/ADOX kernels may run (CPUID: BMI2 and ADX), unless the environment
// variable VBIGNUM_X86_FORCE_PORTABLE=1 asks for the portable C++ fallbacks (used
// by the tests to cover the fallback path on machines that have the instructions).
// VBIGNUM_X86_FORCE_ASM=1 skips the CPUID test: only for tools that run the code
// but hide ADX from CPUID (valgrind 3.19 does), see tools/valgrind-kernels.sh.
// The table lookups use AVX2 when the CPU has it and the OS saves the YMM state
// (vbignum_x86_has_avx2); VBIGNUM_X86_FORCE_PORTABLE=1 turns that off too, so the
// forced run also covers their SSE2 path. With AVX-512F and VL and the OS saving
// the AVX-512 state, they use VPTERNLOGQ (vbignum_x86_has_avx512vl);
// VBIGNUM_X86_NO_AVX512=1 turns that off, so tests also cover the AVX2 path.
// Until the constructor has run the flags are 0, which is always safe.
#include <cpuid.h>
#include <stdlib.h>
#include <string.h>

__attribute__((visibility("hidden"))) unsigned char vbignum_x86_has_mulx_adx = 0;
__attribute__((visibility("hidden"))) unsigned char vbignum_x86_has_avx2 = 0;
__attribute__((visibility("hidden"))) unsigned char vbignum_x86_has_avx512vl = 0;

static int cpu_has_mulx_adx(void) {
  unsigned a, b, c, d;
  if (__get_cpuid_max(0, 0) < 7) return 0;
  __cpuid_count(7, 0, a, b, c, d);
  return (b >> 8 & 1) && (b >> 19 & 1);  // leaf 7 EBX: bit 8 BMI2, bit 19 ADX
}

static int cpu_has_avx2(void) {
  unsigned a, b, c, d;
  if (__get_cpuid_max(0, 0) < 7) return 0;
  __cpuid(1, a, b, c, d);
  if (!(c >> 27 & 1) || !(c >> 28 & 1)) return 0;  // leaf 1 ECX: bit 27 OSXSAVE, bit 28 AVX
  unsigned xcr0_lo, xcr0_hi;
  __asm__("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
  if ((xcr0_lo & 6) != 6) return 0;  // XCR0: the OS saves the XMM (bit 1) and YMM (bit 2) state
  __cpuid_count(7, 0, a, b, c, d);
  return b >> 5 & 1;  // leaf 7 EBX: bit 5 AVX2
}

// Call only when cpu_has_avx2() holds (so leaf 7 exists and XGETBV is allowed).
static int cpu_has_avx512vl(void) {
  unsigned a, b, c, d, xcr0_lo, xcr0_hi;
  __asm__("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
  if ((xcr0_lo & 0xe6) != 0xe6) return 0;  // XCR0 bits 5-7: opmask, ZMM_Hi256, Hi16_ZMM
  __cpuid_count(7, 0, a, b, c, d);
  return (b >> 16 & 1) && (b >> 31 & 1);  // leaf 7 EBX: bit 16 AVX512F, bit 31 AVX512VL
}

__attribute__((constructor(101))) static void vbignum_x86_init(void) {
  const char *portable = getenv("VBIGNUM_X86_FORCE_PORTABLE");
  const char *assume = getenv("VBIGNUM_X86_FORCE_ASM");
  if (portable && strcmp(portable, "1") == 0) {
    vbignum_x86_has_mulx_adx = 0;
    return;
  }
  vbignum_x86_has_avx2 = cpu_has_avx2();
  const char *no512 = getenv("VBIGNUM_X86_NO_AVX512");
  if (vbignum_x86_has_avx2 && !(no512 && strcmp(no512, "1") == 0))
    vbignum_x86_has_avx512vl = cpu_has_avx512vl();
  if (assume && strcmp(assume, "1") == 0)
    vbignum_x86_has_mulx_adx = 1;
  else
    vbignum_x86_has_mulx_adx = cpu_has_mulx_adx();
}

// For tests: 1 when the MULX/ADX assembly is in use, 0 when calls go to the
// portable fallbacks.
int vbignum_x86_mulx_active(void) { return vbignum_x86_has_mulx_adx; }
// For tests: 1 when the table lookups use AVX2.
int vbignum_x86_avx2_active(void) { return vbignum_x86_has_avx2; }
// For tests: 1 when they also use AVX-512VL.
int vbignum_x86_avx512vl_active(void) { return vbignum_x86_has_avx512vl; }
