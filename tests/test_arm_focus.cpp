// Focused differential tests, against GMP, of the functions the AArch64 backend
// implements in assembly: bignum_emontredc_8n (both of its code paths when the
// library has them), the four constant-time table lookups, bignum_ge,
// bignum_optsub and bignum_mux. Through the C API only, so they run on every
// backend; on AArch64 they also check the calling convention (x19-x28 and d8-d15
// survive every call) and the CPU dispatch of emontredc.
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "support/check.hpp"
#include "support/ref.hpp"
#include "vbignum.h"

using namespace vbtest;

extern "C" {
// Defined by arm/bignum_emontredc_8n.S only: 0 undecided, 1 scalar, 2 NEON offload.
__attribute__((weak)) extern int vbignum_arm_emontredc_mode;
}

namespace {

// ---- calling convention (AArch64 only) ------------------------------------------
#if defined(__aarch64__)
// vbtest_arm_call(fn, args, ret): calls fn(args[0..5]) with known values in the
// callee-saved x19-x28 and d8-d15, stores fn's x0 in *ret, and returns a bit mask
// of the callee-saved registers that came back changed (bit i: x19+i, bit 10+i: d8+i).
extern "C" uint64_t vbtest_arm_call(const void *fn, const uint64_t *args, uint64_t *ret);
__asm__(R"(
        .text
        .balign 4
        .globl  vbtest_arm_call
        .type   vbtest_arm_call, %function
vbtest_arm_call:
        hint    #34
        stp     x29, x30, [sp, #-176]!
        mov     x29, sp
        stp     x19, x20, [sp, #16]
        stp     x21, x22, [sp, #32]
        stp     x23, x24, [sp, #48]
        stp     x25, x26, [sp, #64]
        stp     x27, x28, [sp, #80]
        stp     d8, d9, [sp, #96]
        stp     d10, d11, [sp, #112]
        stp     d12, d13, [sp, #128]
        stp     d14, d15, [sp, #144]
        str     x2, [sp, #160]
        mov     x16, x0
        mov     x17, x1
        mov     x19, #0x1919
        mov     x20, #0x2020
        mov     x21, #0x2121
        mov     x22, #0x2222
        mov     x23, #0x2323
        mov     x24, #0x2424
        mov     x25, #0x2525
        mov     x26, #0x2626
        mov     x27, #0x2727
        mov     x28, #0x2828
        mov     x0, #0x0808
        fmov    d8, x0
        mov     x0, #0x0909
        fmov    d9, x0
        mov     x0, #0x1010
        fmov    d10, x0
        mov     x0, #0x1111
        fmov    d11, x0
        mov     x0, #0x1212
        fmov    d12, x0
        mov     x0, #0x1313
        fmov    d13, x0
        mov     x0, #0x1414
        fmov    d14, x0
        mov     x0, #0x1515
        fmov    d15, x0
        ldp     x0, x1, [x17]
        ldp     x2, x3, [x17, #16]
        ldp     x4, x5, [x17, #32]
        blr     x16
        ldr     x2, [sp, #160]
        str     x0, [x2]
        mov     x0, #0
        .irp    r, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28
        mov     x1, #0x\r\r
        cmp     x\r, x1
        cset    x2, ne
        orr     x0, x0, x2, lsl #(\r - 19)
        .endr
        .irp    r, 8, 9, 10, 11, 12, 13, 14, 15
        fmov    x3, d\r
        mov     x1, #(((\r / 10) * 16 + (\r % 10)) * 0x101)
        cmp     x3, x1
        cset    x2, ne
        orr     x0, x0, x2, lsl #(\r + 2)
        .endr
        ldp     x19, x20, [sp, #16]
        ldp     x21, x22, [sp, #32]
        ldp     x23, x24, [sp, #48]
        ldp     x25, x26, [sp, #64]
        ldp     x27, x28, [sp, #80]
        ldp     d8, d9, [sp, #96]
        ldp     d10, d11, [sp, #112]
        ldp     d12, d13, [sp, #128]
        ldp     d14, d15, [sp, #144]
        ldp     x29, x30, [sp], #176
        ret
        .size   vbtest_arm_call, .-vbtest_arm_call
)");

template <class T>
uint64_t word(T a) {
  if constexpr (std::is_pointer_v<T>)
    return reinterpret_cast<uint64_t>(a);
  else
    return static_cast<uint64_t>(a);
}

// Calls fn with up to six integer or pointer arguments through the checking
// trampoline; returns fn's x0 (meaningless for void functions).
template <class R, class... P, class... A>
uint64_t call(R (*fn)(P...), A... a) {
  uint64_t args[6] = {word(static_cast<P>(a))...}, ret = 0;
  uint64_t changed = vbtest_arm_call(reinterpret_cast<const void *>(fn), args, &ret);
  EXPECT_EQ(changed, 0u) << "callee-saved registers clobbered (mask 0x" << std::hex << changed
                         << "; bits 0-9 x19-x28, 10-17 d8-d15)";
  return ret;
}
#else
// Elsewhere a direct call; arguments arrive as words and go back to their types.
template <class P>
P from_word(uint64_t v) {
  if constexpr (std::is_pointer_v<P>) return reinterpret_cast<P>(v);
  else return static_cast<P>(v);
}
template <class R, class... P, class... A>
uint64_t call(R (*fn)(P...), A... a) {
  if constexpr (std::is_void_v<R>) {
    fn(from_word<P>(uint64_t(a))...);
    return 0;
  } else {
    return fn(from_word<P>(uint64_t(a))...);
  }
}
#endif

// ---- bignum_emontredc_8n ------------------------------------------------------------
// The code paths to try: the library's own choice, then (on arm) each one forced.
std::vector<int> emontredc_modes() {
  if (!&vbignum_arm_emontredc_mode) return {0};
  return {0, 1, 2};
}
struct ModeGuard {  // restores the library's choice after a forced path
  int saved = &vbignum_arm_emontredc_mode ? vbignum_arm_emontredc_mode : 0;
  ~ModeGuard() { if (&vbignum_arm_emontredc_mode) vbignum_arm_emontredc_mode = saved; }
};

// Runs emontredc on (z0, m) in the given mode; checks z0 + q*m == 2^(64k) * r with
// r = 2^(64k) c + z[k..2k-1], q < 2^(64k), c in {0, 1}, r < 2m when z0 < 2^(64k) m,
// guards and m intact. Returns the output words followed by c.
Words run_emontredc(int mode, const Words &z0, const Words &m) {
  const size_t k = m.size();
  ModeGuard guard;
  if (mode) vbignum_arm_emontredc_mode = mode;
  Guarded gz(z0), gm(m);
  uint64_t c = call(bignum_emontredc_8n, k, gz.data(), gm.data(), word_negmodinv(m[0]));
  EXPECT_TRUE(gz.intact() && gm.intact()) << "wrote out of bounds";
  EXPECT_EQ(gm.words(), m) << "modulus modified";
  EXPECT_LE(c, 1u);
  Words out = gz.words();
  mpz_class R = pow2(64 * k), q = to_mpz(out.data(), k), hi = to_mpz(out.data() + k, k);
  mpz_class r = R * c + hi, mm = to_mpz(m), z0m = to_mpz(z0);
  EXPECT_EQ(mpz_class(z0m + q * mm), mpz_class(R * r))
      << "mode " << mode << ", k " << k << ", c " << c << "\n m = " << hex(m) << "\n z0 = " << hex(z0);
  if (z0m < R * mm) EXPECT_LT(r, 2 * mm) << "mode " << mode << ", k " << k;
  out.push_back(c);
  return out;
}

// Every mode must give the same words: q and r are determined by z0 and m.
int check_emontredc(const Words &z0, const Words &m) {
  Words first;
  for (int mode : emontredc_modes()) {
    Words got = run_emontredc(mode, z0, m);
    if (first.empty())
      first = got;
    else
      EXPECT_TRUE(same_words(got, first)) << "code path " << mode << " differs";
  }
  return first.empty() ? 0 : int(first.back());
}

Words odd_modulus(Rng &rng, size_t k, Density d, bool top) {
  Words m = rng.odd_modulus(k, d);
  if (top) m[k - 1] |= 1ull << 63;
  return m;
}

// Every block count 1..12 (the chunk loop runs 0..11 times), every density pair.
TEST(ArmFocusEmontredc, EveryBlockCountAndDensity) {
  Rng rng(0xe3071);
  int carries = 0;
  for (size_t k = 8; k <= 96; k += 8)
    for (Density dm : all_densities())
      for (Density dz : all_densities()) {
        SCOPED_TRACE("k " + std::to_string(k) + ", m " + name(dm) + ", z0 " + name(dz));
        carries += check_emontredc(rng.words(2 * k, dz), odd_modulus(rng, k, dm, k % 16 == 0));
      }
  EXPECT_GT(carries, 0) << "the carry-out path was never taken";
}

// Carry stress: all-ones z0 and moduli, moduli with the top bit set, the largest z0
// the contract bounds (2^(64k) m - 1), and z0 whose blocks are all ones in turn.
TEST(ArmFocusEmontredc, CarryExtremes) {
  Rng rng(0xca44);
  int carries = 0;
  for (size_t k : {8, 16, 24, 32, 40, 64}) {
    SCOPED_TRACE("k " + std::to_string(k));
    const Words ones(k, ~0ull), ones2(2 * k, ~0ull);
    Words top = rng.words(k);
    top[0] |= 1, top[k - 1] |= 1ull << 63;
    Words low = Words(k, 0);  // m = 2^(64k-1) + 1: top bit and bit 0 only
    low[0] = 1, low[k - 1] = 1ull << 63;
    for (const Words &m : {ones, top, low}) {
      const mpz_class R = pow2(64 * k), mm = to_mpz(m);
      carries += check_emontredc(ones2, m);
      carries += check_emontredc(Words(2 * k, 0), m);
      carries += check_emontredc(from_mpz(R * mm - 1, 2 * k), m);       // largest bounded z0
      carries += check_emontredc(from_mpz(R * mm - mm, 2 * k), m);      // multiple of m
      for (size_t b = 0; b < 2 * k; b += 8) {  // one all-ones block, the rest random
        Words z0 = rng.words(2 * k, Density::Dense);
        std::fill(z0.begin() + b, z0.begin() + b + 8, ~0ull);
        carries += check_emontredc(z0, m);
      }
    }
  }
  EXPECT_GT(carries, 0);
}

#if defined(__aarch64__)
// The library's own choice: NEON offload on Arm Neoverse N1 (one multiply pipe),
// scalar elsewhere. Under qemu the MIDR is the emulated CPU's.
TEST(ArmFocusEmontredc, DispatchFollowsMidr) {
  if (!&vbignum_arm_emontredc_mode) GTEST_SKIP() << "not the arm backend";
  Rng rng(1);
  Words m = odd_modulus(rng, 8, Density::Random, true);
  ModeGuard guard;
  vbignum_arm_emontredc_mode = 0;  // decide again
  Words z = rng.words(16);
  call(bignum_emontredc_8n, 8, z.data(), m.data(), word_negmodinv(m[0]));
  uint64_t midr;
  __asm__ volatile("mrs %0, midr_el1" : "=r"(midr));
  const uint64_t implementer = (midr >> 24) & 0xff, part = (midr >> 4) & 0xfff;
  const bool n1 = implementer == 0x41 && part == 0xd0c;
  EXPECT_EQ(vbignum_arm_emontredc_mode, n1 ? 2 : 1)
      << "MIDR_EL1 0x" << std::hex << midr;
}
#endif

// ---- table lookups --------------------------------------------------------------------
using Lookup = std::function<void(uint64_t *z, const uint64_t *table, uint64_t height,
                                  uint64_t width, uint64_t idx)>;

// Heights 1..64 (and 0), every idx plus some past the end, tables and outputs at
// 16-byte-aligned and misaligned addresses (the NEON versions use q loads).
void check_lookup(const std::string &what, uint64_t width, const Lookup &lookup) {
  Rng rng(0x7ab1e + width);
  for (uint64_t height = 0; height <= 64; ++height)
    for (size_t skew : {0, 1}) {
      Words table = rng.words(height * width + skew);
      Words buf(width + skew + 2, 0x5a5a5a5a5a5a5a5aull);
      const uint64_t *t = table.data() + skew;
      for (uint64_t idx = 0; idx < height + 3; ++idx) {
        std::fill(buf.begin(), buf.end(), 0x5a5a5a5a5a5a5a5aull);
        uint64_t *z = buf.data() + skew;
        uint64_t i = idx < height + 2 ? idx : ~0ull;
        lookup(z, t, height, width, i);
        Words got(z, z + width), want(width, 0);
        if (i < height) want.assign(t + i * width, t + (i + 1) * width);
        ASSERT_TRUE(same_words(got, want)) << what << ": width " << width << ", height " << height
                                           << ", idx " << i << ", skew " << skew;
        ASSERT_EQ(z[width], 0x5a5a5a5a5a5a5a5aull) << what << ": wrote past z";
        if (skew) ASSERT_EQ(buf[0], 0x5a5a5a5a5a5a5a5aull) << what << ": wrote before z";
      }
    }
}

TEST(ArmFocusTable, Generic) {
  for (uint64_t width : {0, 1, 2, 3, 5, 8, 9, 16, 17, 32})
    check_lookup("copy_row_from_table", width, [](uint64_t *z, const uint64_t *t, uint64_t h,
                                                  uint64_t w, uint64_t i) {
      call(bignum_copy_row_from_table, z, t, h, w, i);
    });
}
TEST(ArmFocusTable, MultiplesOf8) {
  for (uint64_t width : {0, 8, 16, 24, 32, 48})
    check_lookup("copy_row_from_table_8n", width, [](uint64_t *z, const uint64_t *t, uint64_t h,
                                                     uint64_t w, uint64_t i) {
      call(bignum_copy_row_from_table_8n, z, t, h, w, i);
    });
}
TEST(ArmFocusTable, Width16) {
  check_lookup("copy_row_from_table_16", 16,
               [](uint64_t *z, const uint64_t *t, uint64_t h, uint64_t, uint64_t i) {
                 call(bignum_copy_row_from_table_16, z, t, h, i);
               });
}
TEST(ArmFocusTable, Width32) {
  check_lookup("copy_row_from_table_32", 32,
               [](uint64_t *z, const uint64_t *t, uint64_t h, uint64_t, uint64_t i) {
                 call(bignum_copy_row_from_table_32, z, t, h, i);
               });
}

// ---- bignum_ge, bignum_optsub, bignum_mux -------------------------------------------------
TEST(ArmFocusSmall, GeEveryShape) {
  Rng rng(0x6e);
  for (size_t m = 0; m <= 12; ++m)
    for (size_t n = 0; n <= 12; ++n)
      for (int rep = 0; rep < 12; ++rep) {
        Density dx = all_densities()[rep % 6], dy = all_densities()[(rep / 2) % 6];
        Words x = rng.words(m, dx), y = rng.words(n, dy);
        if (rep % 3 == 0)  // equal common part: the longer tail decides
          for (size_t i = 0; i < std::min(m, n); ++i) y[i] = x[i];
        if (rep % 4 == 1 && m && n) y[0] = x[0] + (rep & 1 ? 1 : -1);
        bool want = to_mpz(x) >= to_mpz(y);
        EXPECT_EQ(call(bignum_ge, m, x.data(), n, y.data()), uint64_t(want))
            << "m " << m << ", n " << n << "\n x = " << hex(x) << "\n y = " << hex(y);
        if (rep == 0) EXPECT_EQ(call(bignum_ge, m, x.data(), m, x.data()), 1u) << "x >= x";
      }
}

TEST(ArmFocusSmall, OptsubAndMuxEverySizeAndAliasing) {
  Rng rng(0x05);
  for (size_t k = 0; k <= 20; ++k)
    for (uint64_t p : {uint64_t{0}, uint64_t{1}, uint64_t{1} << 63, ~uint64_t{0}, uint64_t{2}})
      for (int rep = 0; rep < 4; ++rep) {
        SCOPED_TRACE("k " + std::to_string(k) + ", p " + std::to_string(p));
        Words x = rng.words(k, all_densities()[rep]), y = rng.words(k, all_densities()[5 - rep]);
        mpz_class R = pow2(64 * k), d = to_mpz(x) - to_mpz(y);
        Words want = p ? from_mpz(d, k) : x;
        uint64_t want_borrow = p && d < 0;
        Guarded gz(k);
        EXPECT_EQ(call(bignum_optsub, k, gz.data(), x.data(), p, y.data()), want_borrow);
        EXPECT_TRUE(same_words(gz.words(), want));
        EXPECT_TRUE(gz.intact());
        Words zx = x, zy = y;  // z == x, then z == y
        EXPECT_EQ(call(bignum_optsub, k, zx.data(), zx.data(), p, y.data()), want_borrow);
        EXPECT_TRUE(same_words(zx, want));
        EXPECT_EQ(call(bignum_optsub, k, zy.data(), x.data(), p, zy.data()), want_borrow);
        EXPECT_TRUE(same_words(zy, want));

        Guarded gm(k);
        call(bignum_mux, p, k, gm.data(), x.data(), y.data());
        EXPECT_TRUE(same_words(gm.words(), p ? x : y));
        EXPECT_TRUE(gm.intact());
        zx = x, zy = y;
        call(bignum_mux, p, k, zx.data(), zx.data(), y.data());
        EXPECT_TRUE(same_words(zx, p ? x : y));
        call(bignum_mux, p, k, zy.data(), x.data(), zy.data());
        EXPECT_TRUE(same_words(zy, p ? x : y));
      }
}

}  // namespace
