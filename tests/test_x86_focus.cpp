// Focused differential tests, against GMP, of the functions the x86-64 backend
// implements in assembly (products, Montgomery reduction, comparisons, selection,
// table lookup), through the C API only, so they run on every backend. Extra
// checks when the library carries the x86 CPU dispatch (weak symbols, absent
// elsewhere): the dispatch obeys VBIGNUM_X86_FORCE_PORTABLE, and assembly and
// portable fallback agree word for word.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <functional>

#include "support/ref.hpp"
#include "vbignum.h"

using vbtest::Density;
using vbtest::Rng;
using vbtest::to_mpz;
using vbtest::Words;

extern "C" {
// Defined by the x86 backend only (x86/cpu_features.c and the renamed fallbacks).
__attribute__((weak)) int vbignum_x86_mulx_active(void);
__attribute__((weak)) int vbignum_x86_avx2_active(void);
__attribute__((weak)) int vbignum_x86_avx512vl_active(void);
__attribute__((weak)) void vbignum_portable_bignum_kmul_16_32(uint64_t *, const uint64_t *,
                                                              const uint64_t *, uint64_t *);
__attribute__((weak)) void vbignum_portable_bignum_kmul_32_64(uint64_t *, const uint64_t *,
                                                              const uint64_t *, uint64_t *);
__attribute__((weak)) void vbignum_portable_bignum_ksqr_32_64(uint64_t *, const uint64_t *,
                                                              uint64_t *);
__attribute__((weak)) uint64_t vbignum_portable_bignum_emontredc_8n(uint64_t, uint64_t *,
                                                                    const uint64_t *, uint64_t);
}

namespace {

constexpr uint64_t kCanary = 0xc0ffee'0ddba11ull;

// Inputs cycle through every density pair; a few extra rounds of pure random.
std::vector<std::pair<Density, Density>> density_pairs() {
  std::vector<std::pair<Density, Density>> v;
  for (auto a : vbtest::all_densities())
    for (auto b : vbtest::all_densities()) v.push_back({a, b});
  for (int i = 0; i < 20; ++i) v.push_back({Density::Random, Density::Random});
  return v;
}

// Fixed-size product z = x * y (n x n -> 2n) given as a callable with scratch t;
// checks the result, that nothing past z is written, and that inputs stay intact.
using Product = std::function<void(uint64_t *, const uint64_t *, const uint64_t *, uint64_t *)>;
void check_product(size_t n, size_t temp, const Product &f, bool square) {
  Rng rng(0x86f0c05 + n + square);
  for (auto [da, db] : density_pairs()) {
    Words x = rng.words(n, da), y = square ? x : rng.words(n, db);
    Words x0 = x, y0 = y;
    Words z(2 * n + 1, kCanary), t(temp + 1, kCanary);
    f(z.data(), x.data(), y.data(), t.data());
    ASSERT_EQ(to_mpz(z.data(), 2 * n), to_mpz(x) * to_mpz(y))
        << "n=" << n << " " << vbtest::name(da) << "/" << vbtest::name(db);
    EXPECT_EQ(z[2 * n], kCanary) << "wrote past z";
    EXPECT_EQ(t[temp], kCanary) << "wrote past t";
    EXPECT_EQ(x, x0);
    EXPECT_EQ(y, y0);
  }
}

TEST(X86Focus, Mul4x8) {
  check_product(4, 0, [](auto z, auto x, auto y, auto) { bignum_mul_4_8(z, x, y); }, false);
}
TEST(X86Focus, Sqr4x8) {
  check_product(4, 0, [](auto z, auto x, auto, auto) { bignum_sqr_4_8(z, x); }, true);
}
TEST(X86Focus, Mul8x16) {
  check_product(8, 0, [](auto z, auto x, auto y, auto) { bignum_mul_8_16(z, x, y); }, false);
}
TEST(X86Focus, Sqr8x16) {
  check_product(8, 0, [](auto z, auto x, auto, auto) { bignum_sqr_8_16(z, x); }, true);
}
TEST(X86Focus, Kmul16) {
  check_product(16, VBIGNUM_KMUL_16_32_TEMP_WORDS, bignum_kmul_16_32, false);
  check_product(16, VBIGNUM_KMUL_16_32_TEMP_WORDS, bignum_kmul_16_32, true);  // x == y
}
TEST(X86Focus, Ksqr16) {
  check_product(16, VBIGNUM_KSQR_16_32_TEMP_WORDS,
                [](auto z, auto x, auto, auto t) { bignum_ksqr_16_32(z, x, t); }, true);
}
TEST(X86Focus, Kmul24) {
  check_product(24, VBIGNUM_KMUL_24_48_TEMP_WORDS, bignum_kmul_24_48, false);
}
TEST(X86Focus, Ksqr24) {
  check_product(24, VBIGNUM_KSQR_24_48_TEMP_WORDS,
                [](auto z, auto x, auto, auto t) { bignum_ksqr_24_48(z, x, t); }, true);
}
TEST(X86Focus, Kmul32) {
  check_product(32, VBIGNUM_KMUL_32_64_TEMP_WORDS, bignum_kmul_32_64, false);
}
TEST(X86Focus, Ksqr32) {
  check_product(32, VBIGNUM_KSQR_32_64_TEMP_WORDS,
                [](auto z, auto x, auto, auto t) { bignum_ksqr_32_64(z, x, t); }, true);
}

// The 4_8 products promise to work in place: z overlapping x or y.
TEST(X86Focus, Mul4x8InPlace) {
  Rng rng(48);
  for (int i = 0; i < 200; ++i) {
    Words x = rng.words(4), y = rng.words(4);
    mpz_class want = to_mpz(x) * to_mpz(y), want_sq = to_mpz(x) * to_mpz(x);
    Words buf(8);
    std::copy(x.begin(), x.end(), buf.begin());
    bignum_mul_4_8(buf.data(), buf.data(), y.data());
    EXPECT_EQ(to_mpz(buf), want);
    std::copy(y.begin(), y.end(), buf.begin() + 4);
    bignum_mul_4_8(buf.data(), x.data(), buf.data() + 4);
    EXPECT_EQ(to_mpz(buf), want);
    std::copy(x.begin(), x.end(), buf.begin());
    bignum_sqr_4_8(buf.data(), buf.data());
    EXPECT_EQ(to_mpz(buf), want_sq);
  }
}

// Generic products, including truncation and k not a multiple of 8.
TEST(X86Focus, MulSqrGeneric) {
  Rng rng(0x9e11);
  for (size_t m = 0; m <= 34; m += 1 + m / 6)
    for (size_t n = 0; n <= 34; n += 1 + n / 5)
      for (size_t k : {m + n, (m + n) / 2, m + n + 3, size_t{1}}) {
        auto d = vbtest::all_densities()[(m + n + k) % 6];
        Words x = rng.words(m, d), y = rng.words(n, Density::Random);
        Words z(k + 1, kCanary);
        bignum_mul(k, z.data(), m, x.data(), n, y.data());
        mpz_class want = to_mpz(x) * to_mpz(y);
        ASSERT_EQ(to_mpz(z.data(), k), want % vbtest::pow2(64 * k)) << m << "x" << n << "->" << k;
        EXPECT_EQ(z[k], kCanary);
        std::fill(z.begin(), z.end(), kCanary);
        bignum_sqr(k, z.data(), m, x.data());
        ASSERT_EQ(to_mpz(z.data(), k), to_mpz(x) * to_mpz(x) % vbtest::pow2(64 * k))
            << m << "^2->" << k;
        EXPECT_EQ(z[k], kCanary);
      }
}

// Generic products at the RSA-like shapes (multiples of 8 words, full-width
// result), which backends may route to their fixed-size kernels.
TEST(X86Focus, MulSqrGenericBlockShapes) {
  Rng rng(0xb10c);
  for (size_t m : {8, 16, 24, 32, 40, 64})
    for (size_t n : {8, 16, 24, 32, 40}) {
      for (auto d : vbtest::all_densities()) {
        Words x = rng.words(m, d), y = rng.words(n, Density::Random);
        if (d == Density::Ones) y = rng.words(n, d);
        Words z(m + n + 1, kCanary);
        bignum_mul(m + n, z.data(), m, x.data(), n, y.data());
        ASSERT_EQ(to_mpz(z.data(), m + n), to_mpz(x) * to_mpz(y)) << m << "x" << n;
        EXPECT_EQ(z[m + n], kCanary);
        Words s(2 * m + 1, kCanary);
        bignum_sqr(2 * m, s.data(), m, x.data());
        ASSERT_EQ(to_mpz(s.data(), 2 * m), to_mpz(x) * to_mpz(x)) << m << "^2";
        EXPECT_EQ(s[2 * m], kCanary);
      }
    }
}

// Extended Montgomery reduction: the contract's identity, with z0 both bounded
// (z0 < 2^(64k) m, so r < 2m) and arbitrary.
TEST(X86Focus, Emontredc8n) {
  Rng rng(0xe3);
  for (size_t k : {8, 16, 24, 32, 40, 64}) {
    for (auto [dm, dz] : density_pairs()) {
      Words m = rng.odd_modulus(k, dm);
      uint64_t w = word_negmodinv(m[0]);
      mpz_class mz = to_mpz(m);
      for (bool bounded : {true, false}) {
        Words z = rng.words(2 * k, dz);
        if (bounded) z = vbtest::from_mpz(to_mpz(z) % (mz << (64 * k)), 2 * k);
        mpz_class z0 = to_mpz(z);
        Words m0 = m;
        z.push_back(kCanary);
        uint64_t c = bignum_emontredc_8n(k, z.data(), m.data(), w);
        ASSERT_LE(c, 1u);
        mpz_class q = to_mpz(z.data(), k);
        mpz_class r = to_mpz(z.data() + k, k) + (mpz_class(c) << (64 * k));
        ASSERT_EQ(z0 + q * mz, r << (64 * k)) << "k=" << k;
        if (bounded) EXPECT_LT(r, 2 * mz);
        EXPECT_EQ(z[2 * k], kCanary);
        EXPECT_EQ(m, m0);
      }
    }
  }
}

// Montgomery multiply and square at every size up to 34 words and the RSA sizes.
TEST(X86Focus, MontmulMontsqr) {
  Rng rng(0x3017);
  std::vector<size_t> sizes;
  for (size_t k = 1; k <= 34; ++k) sizes.push_back(k);
  for (size_t k : {48, 64}) sizes.push_back(k);
  for (size_t k : sizes) {
    for (auto d : vbtest::all_densities()) {
      Words m = rng.odd_modulus(k, d);
      mpz_class mz = to_mpz(m), rinv;
      mpz_class r = vbtest::pow2(64 * k);
      mpz_invert(rinv.get_mpz_t(), r.get_mpz_t(), mz.get_mpz_t());
      Words x = rng.below(m), y = rng.below(m);
      if (d == Density::Ones) x = vbtest::from_mpz(mz - 1, k);  // modulus - 1
      Words z(k + 1, kCanary);
      bignum_montmul(k, z.data(), x.data(), y.data(), m.data());
      ASSERT_EQ(to_mpz(z.data(), k), to_mpz(x) * to_mpz(y) * rinv % mz) << "k=" << k;
      EXPECT_EQ(z[k], kCanary);
      bignum_montsqr(k, z.data(), x.data(), m.data());
      ASSERT_EQ(to_mpz(z.data(), k), to_mpz(x) * to_mpz(x) * rinv % mz) << "k=" << k;
      EXPECT_EQ(z[k], kCanary);
    }
  }
}

TEST(X86Focus, GeOptsubMux) {
  Rng rng(0x6e);
  for (size_t m = 0; m <= 20; ++m)
    for (size_t n = 0; n <= 20; n += 1 + (n > 10)) {
      for (auto d : vbtest::all_densities()) {
        Words x = rng.words(m, d), y = rng.words(n, d);
        if (m == n && m && d == Density::Random) y = x;  // equal values
        if (m > n && n) std::copy(y.begin(), y.end(), x.begin());  // equal low words
        uint64_t want = to_mpz(x) >= to_mpz(y);
        ASSERT_EQ(bignum_ge(m, x.data(), n, y.data()), want) << m << " " << n;
        ASSERT_EQ(bignum_ge(n, y.data(), m, x.data()), uint64_t(to_mpz(y) >= to_mpz(x)));
      }
    }
  for (size_t k = 0; k <= 40; ++k) {
    for (auto d : vbtest::all_densities()) {
      Words x = rng.words(k, d), y = rng.words(k, Density::Random);
      mpz_class mod = vbtest::pow2(64 * k), diff = to_mpz(x) - to_mpz(y);
      for (uint64_t p : {uint64_t{0}, uint64_t{1}, uint64_t{1} << 63, ~uint64_t{0}}) {
        Words z(k + 1, kCanary);
        uint64_t b = bignum_optsub(k, z.data(), x.data(), p, y.data());
        mpz_class want = p ? (diff % mod + mod) % mod : to_mpz(x);
        if (k == 0) want = 0;
        ASSERT_EQ(to_mpz(z.data(), k), want) << "k=" << k << " p=" << p;
        EXPECT_EQ(b, uint64_t(p && diff < 0));
        EXPECT_EQ(z[k], kCanary);
        Words zx = x;  // z == x
        bignum_optsub(k, zx.data(), zx.data(), p, y.data());
        EXPECT_EQ(to_mpz(zx.data(), k), want);
        Words zy = y;  // z == y
        bignum_optsub(k, zy.data(), x.data(), p, zy.data());
        EXPECT_EQ(to_mpz(zy.data(), k), want);

        std::fill(z.begin(), z.end(), kCanary);
        bignum_mux(p, k, z.data(), x.data(), y.data());
        EXPECT_EQ(Words(z.begin(), z.begin() + k), p ? x : y);
        EXPECT_EQ(z[k], kCanary);
        zx = x;
        bignum_mux(p, k, zx.data(), zx.data(), y.data());
        EXPECT_EQ(zx, p ? x : y);
      }
    }
  }
}

TEST(X86Focus, CopyRowFromTable) {
  Rng rng(0x7ab);
  for (size_t height : {1, 2, 5, 16, 32, 33}) {
    for (size_t width : {1, 3, 7, 8, 9, 16, 24, 32, 33}) {
      Words table = rng.words(height * width);
      for (size_t idx = 0; idx <= height; ++idx) {  // idx == height: out of range
        Words want(width, 0);
        if (idx < height)
          std::copy(table.begin() + idx * width, table.begin() + (idx + 1) * width,
                    want.begin());
        auto run = [&](auto f) {
          Words z(width + 1, kCanary);
          f(z.data());
          EXPECT_EQ(Words(z.begin(), z.begin() + width), want)
              << "h=" << height << " w=" << width << " idx=" << idx;
          EXPECT_EQ(z[width], kCanary);
        };
        run([&](uint64_t *z) {
          bignum_copy_row_from_table(z, table.data(), height, width, idx);
        });
        if (width % 8 == 0)
          run([&](uint64_t *z) {
            bignum_copy_row_from_table_8n(z, table.data(), height, width, idx);
          });
        if (width == 16)
          run([&](uint64_t *z) { bignum_copy_row_from_table_16(z, table.data(), height, idx); });
        if (width == 32)
          run([&](uint64_t *z) { bignum_copy_row_from_table_32(z, table.data(), height, idx); });
      }
    }
  }
}

// x86 dispatch: VBIGNUM_X86_FORCE_PORTABLE=1 must switch the assembly off,
// VBIGNUM_X86_FORCE_ASM=1 on (for valgrind, which hides ADX from CPUID), and
// without them the assembly must be on exactly when the CPU has BMI2 and ADX.
TEST(X86Focus, DispatchFollowsCpuAndEnvironment) {
  if (!vbignum_x86_mulx_active) GTEST_SKIP() << "not the x86 backend";
  auto env_is_1 = [](const char *name) {
    const char *v = std::getenv(name);
    return v && std::strcmp(v, "1") == 0;
  };
  bool forced = env_is_1("VBIGNUM_X86_FORCE_PORTABLE");
#if defined(__x86_64__)
  bool cpu = __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("adx");
#else
  bool cpu = false;
#endif
  if (!forced && env_is_1("VBIGNUM_X86_FORCE_ASM")) cpu = true;
  EXPECT_EQ(vbignum_x86_mulx_active(), int(cpu && !forced));
  std::printf("x86 dispatch: %s\n", vbignum_x86_mulx_active() ? "MULX/ADX assembly"
                                                              : "portable fallbacks");
}

// The table lookups' vector path: SSE2 when forced portable, AVX2 with the CPU's
// AVX2, AVX-512VL (VPTERNLOGQ) with AVX-512F and VL unless VBIGNUM_X86_NO_AVX512=1.
// (The OS-support half of the test, XGETBV, is assumed here: a CPU reporting the
// features under an OS that does not save their state would fail this check.)
TEST(X86Focus, TablePathFollowsCpuAndEnvironment) {
  if (!vbignum_x86_avx2_active || !vbignum_x86_avx512vl_active) GTEST_SKIP() << "not the x86 backend";
  auto env_is_1 = [](const char *name) {
    const char *v = std::getenv(name);
    return v && std::strcmp(v, "1") == 0;
  };
  bool forced = env_is_1("VBIGNUM_X86_FORCE_PORTABLE");
#if defined(__x86_64__)
  bool avx2 = __builtin_cpu_supports("avx2");
  bool avx512vl = avx2 && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl");
#else
  bool avx2 = false, avx512vl = false;
#endif
  EXPECT_EQ(vbignum_x86_avx2_active(), int(avx2 && !forced));
  EXPECT_EQ(vbignum_x86_avx512vl_active(),
            int(avx512vl && !forced && !env_is_1("VBIGNUM_X86_NO_AVX512")));
  std::printf("x86 table lookups: %s\n", vbignum_x86_avx512vl_active() ? "AVX-512VL"
                                         : vbignum_x86_avx2_active()  ? "AVX2"
                                                                      : "SSE2");
}

// Assembly and portable fallback give identical words (where both exist).
TEST(X86Focus, AssemblyMatchesFallback) {
  if (!vbignum_portable_bignum_kmul_32_64 && !vbignum_portable_bignum_emontredc_8n)
    GTEST_SKIP() << "no renamed portable fallbacks in this build";
  Rng rng(0xfa11);
  for (auto [da, db] : density_pairs()) {
    Words x = rng.words(32, da), y = rng.words(32, db), t(96), z1(64), z2(64);
    if (vbignum_portable_bignum_kmul_16_32) {
      bignum_kmul_16_32(z1.data(), x.data(), y.data(), t.data());
      vbignum_portable_bignum_kmul_16_32(z2.data(), x.data(), y.data(), t.data());
      EXPECT_EQ(Words(z1.begin(), z1.begin() + 32), Words(z2.begin(), z2.begin() + 32));
    }
    if (vbignum_portable_bignum_kmul_32_64) {
      bignum_kmul_32_64(z1.data(), x.data(), y.data(), t.data());
      vbignum_portable_bignum_kmul_32_64(z2.data(), x.data(), y.data(), t.data());
      EXPECT_EQ(z1, z2);
    }
    if (vbignum_portable_bignum_ksqr_32_64) {
      bignum_ksqr_32_64(z1.data(), x.data(), t.data());
      vbignum_portable_bignum_ksqr_32_64(z2.data(), x.data(), t.data());
      EXPECT_EQ(z1, z2);
    }
    if (vbignum_portable_bignum_emontredc_8n) {
      Words m = rng.odd_modulus(16, da), a(32), b(32);
      for (size_t i = 0; i < 32; ++i) a[i] = b[i] = x[i] ^ y[i];
      uint64_t w = word_negmodinv(m[0]);
      uint64_t c1 = bignum_emontredc_8n(16, a.data(), m.data(), w);
      uint64_t c2 = vbignum_portable_bignum_emontredc_8n(16, b.data(), m.data(), w);
      EXPECT_EQ(a, b);
      EXPECT_EQ(c1, c2);
    }
  }
}

#if defined(__x86_64__)
// System V ABI check: calls fn with up to six integer arguments, rbx, rbp and
// r12-r15 preloaded with distinct values; returns a bit mask of those it changed
// (bit 0 rbx, 1 rbp, 2-5 r12-r15) and the function's rax in *ret. A wrong rsp on
// return would crash the pops.
extern "C" uint64_t vbtest_x86_call(const void *fn, const uint64_t *args, uint64_t *ret);
asm(R"(
        .text
        .p2align 4
        .globl  vbtest_x86_call
        .type   vbtest_x86_call, @function
vbtest_x86_call:
        endbr64
        push    %rbx
        push    %rbp
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        push    %rdx
        mov     %rdi, %r11
        mov     %rsi, %rax
        mov     0(%rax), %rdi
        mov     8(%rax), %rsi
        mov     16(%rax), %rdx
        mov     24(%rax), %rcx
        mov     32(%rax), %r8
        mov     40(%rax), %r9
        movabs  $0x0b0b0b0b0b0b0b01, %rbx
        movabs  $0x0b0b0b0b0b0b0b02, %rbp
        movabs  $0x0b0b0b0b0b0b0b03, %r12
        movabs  $0x0b0b0b0b0b0b0b04, %r13
        movabs  $0x0b0b0b0b0b0b0b05, %r14
        movabs  $0x0b0b0b0b0b0b0b06, %r15
        call    *%r11
        xor     %r10d, %r10d
        movabs  $0x0b0b0b0b0b0b0b01, %r11
        cmp     %r11, %rbx
        setne   %cl
        movzbl  %cl, %ecx
        or      %rcx, %r10
        movabs  $0x0b0b0b0b0b0b0b02, %r11
        cmp     %r11, %rbp
        setne   %cl
        movzbl  %cl, %ecx
        shl     $1, %ecx
        or      %rcx, %r10
        movabs  $0x0b0b0b0b0b0b0b03, %r11
        cmp     %r11, %r12
        setne   %cl
        movzbl  %cl, %ecx
        shl     $2, %ecx
        or      %rcx, %r10
        movabs  $0x0b0b0b0b0b0b0b04, %r11
        cmp     %r11, %r13
        setne   %cl
        movzbl  %cl, %ecx
        shl     $3, %ecx
        or      %rcx, %r10
        movabs  $0x0b0b0b0b0b0b0b05, %r11
        cmp     %r11, %r14
        setne   %cl
        movzbl  %cl, %ecx
        shl     $4, %ecx
        or      %rcx, %r10
        movabs  $0x0b0b0b0b0b0b0b06, %r11
        cmp     %r11, %r15
        setne   %cl
        movzbl  %cl, %ecx
        shl     $5, %ecx
        or      %rcx, %r10
        pop     %rdx
        mov     %rax, (%rdx)
        mov     %r10, %rax
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbp
        pop     %rbx
        ret
        .size   vbtest_x86_call, .-vbtest_x86_call
        .section .note.GNU-stack, "", @progbits
        .text
)");

template <class Fn, class... A>
uint64_t abi_call(Fn *fn, A... a) {
  uint64_t args[6] = {uint64_t(a)...}, ret = 0;
  uint64_t changed = vbtest_x86_call(reinterpret_cast<const void *>(fn), args, &ret);
  EXPECT_EQ(changed, 0u) << "callee-saved registers clobbered (mask 0x" << std::hex << changed
                         << ": bit 0 rbx, 1 rbp, 2-5 r12-r15)";
  return ret;
}
#define ARG(p) reinterpret_cast<uint64_t>(p)

// Every function through the ABI-checking call, with valid arguments, once with
// the results compared to direct calls.
TEST(X86Focus, CalleeSavedRegistersPreserved) {
  Rng rng(0xab1);
  const size_t k = 32;
  Words x = rng.words(4 * k), y = rng.words(4 * k), m = rng.odd_modulus(2 * k);
  Words xm = rng.below(m), ym = rng.below(m);
  Words z(4 * k), t(128), want(4 * k), tab = rng.words(32 * 32);
  uint64_t w = word_negmodinv(m[0]);
  auto same = [&](auto direct, auto checked) {
    std::fill(want.begin(), want.end(), 1);
    std::fill(z.begin(), z.end(), 1);
    uint64_t r2 = checked(z.data());  // first: a clobber would derail the direct call
    uint64_t r1 = direct(want.data());
    EXPECT_EQ(want, z);
    EXPECT_EQ(r1, r2);
  };
#define SAME(call_direct, call_checked)                                   \
  same([&](uint64_t *o) -> uint64_t { return call_direct; },             \
       [&](uint64_t *o) -> uint64_t { return call_checked; })
#define V(e) ((e), uint64_t{0})
  SAME(V(bignum_mul_4_8(o, x.data(), y.data())),
       V(abi_call(bignum_mul_4_8, ARG(o), ARG(x.data()), ARG(y.data()))));
  SAME(V(bignum_sqr_4_8(o, x.data())), V(abi_call(bignum_sqr_4_8, ARG(o), ARG(x.data()))));
  SAME(V(bignum_mul_8_16(o, x.data(), y.data())),
       V(abi_call(bignum_mul_8_16, ARG(o), ARG(x.data()), ARG(y.data()))));
  SAME(V(bignum_sqr_8_16(o, x.data())), V(abi_call(bignum_sqr_8_16, ARG(o), ARG(x.data()))));
  SAME(V(bignum_kmul_16_32(o, x.data(), y.data(), t.data())),
       V(abi_call(bignum_kmul_16_32, ARG(o), ARG(x.data()), ARG(y.data()), ARG(t.data()))));
  SAME(V(bignum_ksqr_16_32(o, x.data(), t.data())),
       V(abi_call(bignum_ksqr_16_32, ARG(o), ARG(x.data()), ARG(t.data()))));
  SAME(V(bignum_kmul_24_48(o, x.data(), y.data(), t.data())),
       V(abi_call(bignum_kmul_24_48, ARG(o), ARG(x.data()), ARG(y.data()), ARG(t.data()))));
  SAME(V(bignum_ksqr_24_48(o, x.data(), t.data())),
       V(abi_call(bignum_ksqr_24_48, ARG(o), ARG(x.data()), ARG(t.data()))));
  SAME(V(bignum_kmul_32_64(o, x.data(), y.data(), t.data())),
       V(abi_call(bignum_kmul_32_64, ARG(o), ARG(x.data()), ARG(y.data()), ARG(t.data()))));
  SAME(V(bignum_ksqr_32_64(o, x.data(), t.data())),
       V(abi_call(bignum_ksqr_32_64, ARG(o), ARG(x.data()), ARG(t.data()))));
  for (uint64_t kk : {8, 16, 24, 32, 40, 48, 64}) {
    SAME(V(bignum_amontmul(kk, o, x.data(), y.data(), m.data())),
         V(abi_call(bignum_amontmul, kk, ARG(o), ARG(x.data()), ARG(y.data()), ARG(m.data()))));
    SAME(V(bignum_amontsqr(kk, o, x.data(), m.data())),
         V(abi_call(bignum_amontsqr, kk, ARG(o), ARG(x.data()), ARG(m.data()))));
    SAME((std::copy(x.begin(), x.begin() + 2 * kk, o),
          bignum_emontredc_8n(kk, o, m.data(), w)),
         (std::copy(x.begin(), x.begin() + 2 * kk, o),
          abi_call(bignum_emontredc_8n, kk, ARG(o), ARG(m.data()), w)));
  }
  for (uint64_t kk : {8, 16, 24, 32, 5}) {
    Words mm(m.begin(), m.begin() + kk);
    SAME(V(bignum_montmul(kk, o, xm.data(), ym.data(), m.data())),
         V(abi_call(bignum_montmul, kk, ARG(o), ARG(xm.data()), ARG(ym.data()), ARG(m.data()))));
    SAME(V(bignum_montsqr(kk, o, xm.data(), m.data())),
         V(abi_call(bignum_montsqr, kk, ARG(o), ARG(xm.data()), ARG(m.data()))));
  }
  for (uint64_t n : {8, 16, 24, 32, 40}) {
    SAME(V(bignum_mul(2 * n, o, n, x.data(), n, y.data())),
         V(abi_call(bignum_mul, 2 * n, ARG(o), n, ARG(x.data()), n, ARG(y.data()))));
    SAME(V(bignum_sqr(2 * n, o, n, x.data())),
         V(abi_call(bignum_sqr, 2 * n, ARG(o), n, ARG(x.data()))));
  }
  SAME(bignum_ge(20, x.data(), 13, y.data()),
       abi_call(bignum_ge, 20, ARG(x.data()), 13, ARG(y.data())));
  SAME(bignum_optsub(k, o, x.data(), 1, y.data()),
       abi_call(bignum_optsub, k, ARG(o), ARG(x.data()), 1, ARG(y.data())));
  SAME(V(bignum_mux(1, k, o, x.data(), y.data())),
       V(abi_call(bignum_mux, 1, k, ARG(o), ARG(x.data()), ARG(y.data()))));
  SAME(V(bignum_copy_row_from_table(o, tab.data(), 32, 13, 7)),
       V(abi_call(bignum_copy_row_from_table, ARG(o), ARG(tab.data()), 32, 13, 7)));
  SAME(V(bignum_copy_row_from_table_8n(o, tab.data(), 32, 24, 7)),
       V(abi_call(bignum_copy_row_from_table_8n, ARG(o), ARG(tab.data()), 32, 24, 7)));
  SAME(V(bignum_copy_row_from_table_16(o, tab.data(), 32, 7)),
       V(abi_call(bignum_copy_row_from_table_16, ARG(o), ARG(tab.data()), 32, 7)));
  SAME(V(bignum_copy_row_from_table_32(o, tab.data(), 32, 7)),
       V(abi_call(bignum_copy_row_from_table_32, ARG(o), ARG(tab.data()), 32, 7)));
#undef SAME
#undef V
}
#undef ARG
#endif

// Montgomery multiply and square for k a multiple of 8 (emontredc, then the
// 8-words-a-step final subtraction): each of the three ways r = c * 2^(64k) + hi
// can end (c set; c clear and hi >= m; hi < m) must be hit and give x*y/R mod m.
// Moduli of at least 3/4 2^(64k) make all three common.
TEST(X86Focus, MontmulFinalSubtractionCases) {
  Rng rng(0xf1a1);
  for (size_t k : {8, 16, 24, 32, 40, 64, 128}) {
    mpz_class R = vbtest::pow2(64 * k), rinv;
    int hits[3] = {0, 0, 0};
    for (int rep = 0; rep < 24; ++rep) {
      Words m = rng.odd_modulus(k, rep % 3 == 0 ? Density::Ones : Density::Random);
      m[k - 1] |= 0xc000'0000'0000'0000ull;  // m >= 3R/4: r lands in [0, m), [m, R), [R, 2m)
      mpz_class mz = to_mpz(m);
      mpz_invert(rinv.get_mpz_t(), R.get_mpz_t(), mz.get_mpz_t());
      Words x = rng.below(m), y = rep % 4 == 0 ? vbtest::from_mpz(mz - 1, k) : rng.below(m);
      for (bool square : {false, true}) {
        // r = (t + q m) / R with q = -t / m mod R, as emontredc computes it.
        mpz_class t = to_mpz(x) * to_mpz(square ? x : y), minv;
        mpz_invert(minv.get_mpz_t(), mz.get_mpz_t(), R.get_mpz_t());
        mpz_class q = (R - t * minv % R) % R, r = (t + q * mz) / R;
        hits[r >= R ? 0 : r >= mz ? 1 : 2]++;
        Words z(k + 1, kCanary);
        if (square)
          bignum_montsqr(k, z.data(), x.data(), m.data());
        else
          bignum_montmul(k, z.data(), x.data(), y.data(), m.data());
        ASSERT_EQ(to_mpz(z.data(), k), mpz_class(t * rinv % mz)) << "k=" << k << " rep=" << rep;
        EXPECT_EQ(z[k], kCanary);
      }
    }
    EXPECT_GT(hits[0], 0) << "k=" << k << ": no case with c = 1";
    EXPECT_GT(hits[1], 0) << "k=" << k << ": no case with c = 0, r >= m";
    EXPECT_GT(hits[2], 0) << "k=" << k << ": no case with r < m";
  }
}

}  // namespace
