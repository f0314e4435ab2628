// Edge cases of the fixed-size products, through the C API, against GMP:
// carries rippling across every word, the sign of every Karatsuba difference at
// every split level the kernels use, top bits, and the aliasing that
// bignum_mul_4_8 / bignum_sqr_4_8 allow. Guard words around z and t catch
// writes out of bounds; the inputs are checked to be left untouched.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

#include "support/ref.hpp"
#include "vbignum.h"

namespace {

using vbtest::Density;
using vbtest::Rng;
using vbtest::to_mpz;
using vbtest::Words;

struct Kernel {
  const char *name;
  size_t n;           // input words; the product has 2n
  size_t temp;        // scratch words (0: none)
  bool square;
  std::vector<size_t> blocks;  // block sizes of the Karatsuba splits
  void (*mul)(uint64_t *, const uint64_t *, const uint64_t *, uint64_t *);
};

void PrintTo(const Kernel &k, std::ostream *os) { *os << k.name; }

// Uniform wrappers (t unused by the non-k functions, y unused by squares).
void mul_4_8(uint64_t *z, const uint64_t *x, const uint64_t *y, uint64_t *) { bignum_mul_4_8(z, x, y); }
void sqr_4_8(uint64_t *z, const uint64_t *x, const uint64_t *, uint64_t *) { bignum_sqr_4_8(z, x); }
void mul_8_16(uint64_t *z, const uint64_t *x, const uint64_t *y, uint64_t *) { bignum_mul_8_16(z, x, y); }
void sqr_8_16(uint64_t *z, const uint64_t *x, const uint64_t *, uint64_t *) { bignum_sqr_8_16(z, x); }
void ksqr_16_32(uint64_t *z, const uint64_t *x, const uint64_t *, uint64_t *t) { bignum_ksqr_16_32(z, x, t); }
void ksqr_24_48(uint64_t *z, const uint64_t *x, const uint64_t *, uint64_t *t) { bignum_ksqr_24_48(z, x, t); }
void ksqr_32_64(uint64_t *z, const uint64_t *x, const uint64_t *, uint64_t *t) { bignum_ksqr_32_64(z, x, t); }

// Block sizes: every half at every level of a binary split, plus the 8-word
// blocks of the three-way split used at 24 words.
const std::vector<Kernel> &kernels() {
  static const std::vector<Kernel> k = {
      {"mul_4_8", 4, 0, false, {2, 1}, mul_4_8},
      {"sqr_4_8", 4, 0, true, {2, 1}, sqr_4_8},
      {"mul_8_16", 8, 0, false, {4, 2, 1}, mul_8_16},
      {"sqr_8_16", 8, 0, true, {4, 2, 1}, sqr_8_16},
      {"kmul_16_32", 16, VBIGNUM_KMUL_16_32_TEMP_WORDS, false, {8, 4, 2, 1}, bignum_kmul_16_32},
      {"ksqr_16_32", 16, VBIGNUM_KSQR_16_32_TEMP_WORDS, true, {8, 4, 2, 1}, ksqr_16_32},
      {"kmul_24_48", 24, VBIGNUM_KMUL_24_48_TEMP_WORDS, false, {12, 8, 6, 4, 3, 2, 1}, bignum_kmul_24_48},
      {"ksqr_24_48", 24, VBIGNUM_KSQR_24_48_TEMP_WORDS, true, {12, 8, 6, 4, 3, 2, 1}, ksqr_24_48},
      {"kmul_32_64", 32, VBIGNUM_KMUL_32_64_TEMP_WORDS, false, {16, 8, 4, 2, 1}, bignum_kmul_32_64},
      {"ksqr_32_64", 32, VBIGNUM_KSQR_32_64_TEMP_WORDS, true, {16, 8, 4, 2, 1}, ksqr_32_64},
  };
  return k;
}

constexpr size_t kGuard = 4;
constexpr uint64_t kGuardWord = 0x6a09e667f3bcc908ull;

// Runs the kernel on x (and y) in fresh buffers with guard words; checks the
// result against GMP, the guards and the inputs. x and y may be the same
// vector object: then the kernel gets the same pointer twice.
void check(const Kernel &k, const Words &x, const Words &y, const std::string &what) {
  ASSERT_EQ(x.size(), k.n);
  ASSERT_EQ(y.size(), k.n);
  const bool same = &x == &y;
  std::vector<uint64_t> xb(x), yb(y);
  std::vector<uint64_t> zb(2 * k.n + 2 * kGuard, kGuardWord);
  std::vector<uint64_t> tb(k.temp + 2 * kGuard, kGuardWord);
  uint64_t *z = zb.data() + kGuard, *t = tb.data() + kGuard;
  const uint64_t *yp = same ? xb.data() : yb.data();
  k.mul(z, xb.data(), k.square ? xb.data() : yp, t);

  mpz_class want = to_mpz(x) * (k.square ? to_mpz(x) : to_mpz(y));
  EXPECT_EQ(to_mpz(z, 2 * k.n), want) << k.name << ": " << what;
  for (size_t i = 0; i < kGuard; ++i) {
    EXPECT_EQ(zb[i], kGuardWord) << k.name << ": write below z, " << what;
    EXPECT_EQ(zb[kGuard + 2 * k.n + i], kGuardWord) << k.name << ": write above z, " << what;
    EXPECT_EQ(tb[i], kGuardWord) << k.name << ": write below t, " << what;
    EXPECT_EQ(tb[kGuard + k.temp + i], kGuardWord) << k.name << ": write above t, " << what;
  }
  EXPECT_EQ(xb, x) << k.name << ": x modified, " << what;
  if (!same) {
    EXPECT_EQ(yb, y) << k.name << ": y modified, " << what;
  }
}

// n words made of n/b blocks of b words: block 0 is `base`, block j is
// base + delta[j] (delta in {-1, 0, +1}, wrapping modulo 2^(64b)). Equal
// blocks, and blocks one apart, make every Karatsuba difference at this split
// zero or +-1, its smallest and most carry-sensitive values.
Words blocky(size_t n, size_t b, const Words &base, const std::vector<int> &delta) {
  Words x(n);
  const mpz_class mod = vbtest::pow2(64 * b);
  for (size_t j = 0; j < n / b; ++j) {
    mpz_class v = to_mpz(base) + delta[j];
    if (v < 0) v += mod;
    if (v >= mod) v -= mod;
    Words w = vbtest::from_mpz(v, b);
    std::copy(w.begin(), w.end(), x.begin() + j * b);
  }
  return x;
}

class ProductEdges : public ::testing::TestWithParam<Kernel> {};

TEST_P(ProductEdges, AllOnesRipplesEveryCarry) {
  const Kernel &k = GetParam();
  const Words ones(k.n, ~0ull), ones_copy = ones;
  check(k, ones, ones_copy, "all ones times all ones");
  check(k, ones, ones, "all ones, x == y pointer");
  Words one(k.n, 0), top(k.n, 0), almost(k.n, ~0ull), low(k.n, 0);
  one[0] = 1;
  top[k.n - 1] = 1ull << 63;
  almost[0] = ~1ull;                  // 2^(64n) - 2
  low[0] = ~0ull;                     // 2^64 - 1
  const Words zero(k.n, 0);
  const std::vector<const Words *> corners = {&ones, &one, &top, &almost, &low, &zero};
  for (const Words *a : corners)
    for (const Words *b : corners) {
      check(k, *a, *b, "corner operands");
      if (k.square) break;
    }
  // Every word all-ones but one, which is zero / one: the carry chain stops there.
  for (size_t i = 0; i < k.n; ++i) {
    Words a = ones;
    a[i] = 0;
    check(k, a, ones, "ones with a zero word at " + std::to_string(i));
    a[i] = 1;
    check(k, a, a, "ones with a one word at " + std::to_string(i));
  }
}

TEST_P(ProductEdges, TopBitsAndDensities) {
  const Kernel &k = GetParam();
  Rng rng(0x70b1 + k.n);
  for (Density dx : vbtest::all_densities())
    for (Density dy : vbtest::all_densities())
      for (int rep = 0; rep < 4; ++rep) {
        Words x = rng.words(k.n, dx), y = rng.words(k.n, dy);
        check(k, x, y, vbtest::name(dx) + " x " + vbtest::name(dy));
        if (rep == 0) {
          x[k.n - 1] |= 1ull << 63;
          y[k.n - 1] |= 1ull << 63;
          check(k, x, y, "top bits forced");
          check(k, x, x, "top bit, x == y pointer");
        }
      }
}

// Karatsuba difference signs: at every block size the kernels split on, x and
// y made of equal or adjacent blocks, every combination of x_hi <, ==, > x_lo
// with the same for y in each pair of blocks (exhaustively where there are
// few blocks, pseudo-randomly otherwise).
TEST_P(ProductEdges, KaratsubaDifferenceSigns) {
  const Kernel &k = GetParam();
  Rng rng(0xd1ff + k.n);
  for (size_t b : k.blocks) {
    if (k.n % b || b == k.n) continue;
    const size_t nb = k.n / b;
    std::vector<std::vector<int>> patterns;
    if (nb <= 3) {  // all 3^(nb-1) patterns, block 0 as the reference
      size_t total = 1;
      for (size_t j = 1; j < nb; ++j) total *= 3;
      for (size_t p = 0; p < total; ++p) {
        std::vector<int> d(nb, 0);
        for (size_t j = 1, q = p; j < nb; ++j, q /= 3) d[j] = int(q % 3) - 1;
        patterns.push_back(d);
      }
    } else {
      patterns.push_back(std::vector<int>(nb, 0));
      for (int r = 0; r < 8; ++r) {
        std::vector<int> d(nb);
        for (auto &v : d) v = int(rng.below(3)) - 1;
        patterns.push_back(d);
      }
    }
    for (Density d : {Density::Random, Density::Ones, Density::Zero, Density::TopBit,
                      Density::Sparse, Density::Dense}) {
      const Words bx = rng.words(b, d), by = rng.words(b, d == Density::Zero ? Density::Ones : d);
      for (const auto &px : patterns) {
        const Words x = blocky(k.n, b, bx, px);
        if (k.square) {
          check(k, x, x, "blocks of " + std::to_string(b) + ", " + vbtest::name(d));
          continue;
        }
        for (const auto &py : patterns) {
          const Words y = blocky(k.n, b, by, py);
          check(k, x, y, "blocks of " + std::to_string(b) + ", " + vbtest::name(d));
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Kernels, ProductEdges, ::testing::ValuesIn(kernels()),
                         [](const auto &info) { return std::string(info.param.name); });

// bignum_mul_4_8 and bignum_sqr_4_8 read all their input before writing: z may
// overlap x and/or y anywhere, including z == x and z == y.
TEST(ProductAliasing, Mul48AndSqr48AnyOverlap) {
  Rng rng(0xa11a5);
  for (Density d : vbtest::all_densities())
    for (int rep = 0; rep < 3; ++rep)
      for (size_t zo = 0; zo <= 8; ++zo)
        for (size_t xo = 0; xo <= 12; ++xo)
          for (size_t yo : {size_t(0), size_t(3), size_t(6), size_t(12)}) {
            // One 16-word buffer holds z (8 words at zo), x (at xo), y (at yo).
            if (zo + 8 > 16 || xo + 4 > 16 || yo + 4 > 16) continue;
            Words buf = rng.words(16, d);
            const Words x(buf.begin() + xo, buf.begin() + xo + 4);
            const Words y(buf.begin() + yo, buf.begin() + yo + 4);
            const mpz_class want_mul = to_mpz(x) * to_mpz(y), want_sqr = to_mpz(x) * to_mpz(x);
            Words b1 = buf;
            bignum_mul_4_8(b1.data() + zo, b1.data() + xo, b1.data() + yo);
            EXPECT_EQ(to_mpz(b1.data() + zo, 8), want_mul)
                << "mul_4_8 z@" << zo << " x@" << xo << " y@" << yo << " " << vbtest::name(d);
            Words b2 = buf;
            bignum_sqr_4_8(b2.data() + zo, b2.data() + xo);
            EXPECT_EQ(to_mpz(b2.data() + zo, 8), want_sqr)
                << "sqr_4_8 z@" << zo << " x@" << xo << " " << vbtest::name(d);
            // Words outside z are untouched.
            for (size_t i = 0; i < 16; ++i)
              if (i < zo || i >= zo + 8) {
                EXPECT_EQ(b1[i], buf[i]) << "mul_4_8 wrote outside z at " << i;
                EXPECT_EQ(b2[i], buf[i]) << "sqr_4_8 wrote outside z at " << i;
              }
          }
}

}  // namespace
