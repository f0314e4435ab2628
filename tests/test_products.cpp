// Products against GMP: the fixed-size and Karatsuba products on every density
// pair, edge values and Karatsuba-shaped inputs (equal, ascending and descending
// halves at every recursion level), with guarded outputs and temp buffers; the
// generic bignum_mul / bignum_sqr at every size 1..40, 48, 64, 128 and varied k, m, n.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "support/check.hpp"
#include "support/ref.hpp"
#include "vbignum.h"

using namespace vbtest;

namespace {

using MulFn = std::function<void(uint64_t *z, const uint64_t *x, const uint64_t *y)>;
using SqrFn = std::function<void(uint64_t *z, const uint64_t *x)>;

constexpr int kRepsPerDensityPair = 6;
constexpr int kShapedCases = 150;

// w plus or minus one, wrapping around.
Words plus_one(Words w) { for (auto &v : w) if (++v != 0) break; return w; }
Words minus_one(Words w) { for (auto &v : w) if (v-- != 0) break; return w; }

Words concat(const Words &lo, const Words &hi) {
  Words r = lo;
  r.insert(r.end(), hi.begin(), hi.end());
  return r;
}

// A number whose halves (recursively, down to a few words) are equal, differ by
// one either way, or are unrelated: the sign cases of |hi - lo| at every level.
Words karatsuba_shaped(Rng &rng, size_t n) {
  if (n < 4 || n % 2) return rng.words(n, all_densities()[rng.below(6)]);
  Words lo = karatsuba_shaped(rng, n / 2);
  switch (rng.below(4)) {
    case 0: return concat(lo, lo);
    case 1: return concat(lo, plus_one(lo));   // hi > lo (or wraps to 0 < lo)
    case 2: return concat(lo, minus_one(lo));  // hi < lo (or wraps when lo = 0)
    default: return concat(lo, karatsuba_shaped(rng, n / 2));
  }
}

// High halves whose product xh * yh lies just below a multiple of 2^(64(n-1)):
// the Karatsuba middle term's carry then ripples up into the top word. For a
// product, xh * yh = (2^b - 1)(2^b + 1) = 2^(64(n-1)) - 1; for a square, xh is the
// integer square root of K * 2^(64(n-1)), K = which + 2.
std::pair<Words, Words> top_carry_pair(Rng &rng, size_t n, bool square, int which) {
  size_t h = n / 2;
  Words xl = rng.words(h, Density::Dense), yl = rng.words(h, Density::Dense);
  mpz_class b = pow2(32 * (n - 1)), xh = b - 1, yh = b + 1;
  if (square) xh = yh = sqrt(mpz_class((which + 2) * pow2(64 * (n - 1))));
  return {concat(xl, from_mpz(xh, n - h)), concat(square ? xl : yl, from_mpz(yh, n - h))};
}

// Edge values: zero, one, all-ones, top bit only, and halves ordered both ways.
std::vector<std::pair<Words, std::string>> edge_values(size_t n) {
  size_t h = n / 2;
  Words zero(n, 0), one = zero, ones(n, ~0ull), top = zero, lo_ones = zero, hi_ones = zero;
  one[0] = 1;
  top[n - 1] = 1ull << 63;
  for (size_t i = 0; i < h; ++i) lo_ones[i] = ~0ull;
  for (size_t i = h; i < n; ++i) hi_ones[i] = ~0ull;
  return {{zero, "zero"},   {one, "one"},          {ones, "all-ones"},
          {top, "top-bit"}, {lo_ones, "hi<lo max"}, {hi_ones, "hi>lo max"}};
}

Words product(const Words &x, const Words &y) {
  return from_mpz(to_mpz(x) * to_mpz(y), x.size() + y.size());
}

// Runs mul on one pair with guarded buffers; checks result, bounds and inputs.
void check_mul_case(size_t n, const MulFn &mul, const Words &x, const Words &y,
                    const std::string &label) {
  SCOPED_TRACE(label + ", x = " + hex(x) + ", y = " + hex(y));
  Guarded gx(x), gy(y), gz(2 * n);
  mul(gz.data(), gx.data(), gy.data());
  EXPECT_TRUE(same_words(gz.words(), product(x, y)));
  EXPECT_TRUE(gz.intact() && gx.intact() && gy.intact()) << "wrote out of bounds";
  EXPECT_EQ(gx.words(), x) << "input x modified";
  EXPECT_EQ(gy.words(), y) << "input y modified";
}

void check_sqr_case(size_t n, const SqrFn &sqr, const Words &x, const std::string &label) {
  SCOPED_TRACE(label + ", x = " + hex(x));
  Guarded gx(x), gz(2 * n);
  sqr(gz.data(), gx.data());
  EXPECT_TRUE(same_words(gz.words(), product(x, x)));
  EXPECT_TRUE(gz.intact() && gx.intact()) << "wrote out of bounds";
  EXPECT_EQ(gx.words(), x) << "input x modified";
}

// Every density pair, the edge values pairwise, and Karatsuba-shaped inputs.
void check_mul(size_t n, const MulFn &mul) {
  Rng rng(0x6d756c00 + n);
  for (Density dx : all_densities())
    for (Density dy : all_densities())
      for (int r = 0; r < kRepsPerDensityPair && !::testing::Test::HasFailure(); ++r)
        check_mul_case(n, mul, rng.words(n, dx), rng.words(n, dy),
                       "density " + name(dx) + " x " + name(dy));
  for (const auto &[x, xl] : edge_values(n))
    for (const auto &[y, yl] : edge_values(n))
      if (!::testing::Test::HasFailure()) check_mul_case(n, mul, x, y, xl + " x " + yl);
  for (int r = 0; r < kShapedCases && !::testing::Test::HasFailure(); ++r)
    check_mul_case(n, mul, karatsuba_shaped(rng, n), karatsuba_shaped(rng, n), "shaped");
  for (int r = 0; r < 20 && !::testing::Test::HasFailure(); ++r) {
    auto [x, y] = top_carry_pair(rng, n, false, r);
    check_mul_case(n, mul, x, y, "carry into the top word");
    check_mul_case(n, mul, y, x, "carry into the top word");
  }
  // The same operand twice (x may equal y): through the pointer-equal path.
  for (int r = 0; r < 20 && !::testing::Test::HasFailure(); ++r) {
    Words x = karatsuba_shaped(rng, n);
    Guarded gx(x), gz(2 * n);
    mul(gz.data(), gx.data(), gx.data());
    EXPECT_TRUE(same_words(gz.words(), product(x, x))) << "x == y, x = " << hex(x);
  }
}

void check_sqr(size_t n, const SqrFn &sqr) {
  Rng rng(0x73717200 + n);
  for (Density d : all_densities())
    for (int r = 0; r < 6 * kRepsPerDensityPair && !::testing::Test::HasFailure(); ++r)
      check_sqr_case(n, sqr, rng.words(n, d), "density " + name(d));
  for (const auto &[x, label] : edge_values(n)) check_sqr_case(n, sqr, x, label);
  for (int r = 0; r < 20 && !::testing::Test::HasFailure(); ++r)
    check_sqr_case(n, sqr, top_carry_pair(rng, n, true, r).first, "carry into the top word");
  for (int r = 0; r < kShapedCases && !::testing::Test::HasFailure(); ++r)
    check_sqr_case(n, sqr, karatsuba_shaped(rng, n), "shaped");
}

// The Karatsuba functions with a guarded temp buffer of exactly the header's size.
MulFn with_temp(size_t temp_words,
                void (*f)(uint64_t *, const uint64_t *, const uint64_t *, uint64_t *)) {
  return [=](uint64_t *z, const uint64_t *x, const uint64_t *y) {
    Guarded t(temp_words);
    f(z, x, y, t.data());
    EXPECT_TRUE(t.intact()) << "temp buffer overrun (" << temp_words << " words)";
  };
}
SqrFn with_temp(size_t temp_words, void (*f)(uint64_t *, const uint64_t *, uint64_t *)) {
  return [=](uint64_t *z, const uint64_t *x) {
    Guarded t(temp_words);
    f(z, x, t.data());
    EXPECT_TRUE(t.intact()) << "temp buffer overrun (" << temp_words << " words)";
  };
}

TEST(FixedProducts, Mul4x8) { check_mul(4, bignum_mul_4_8); }
TEST(FixedProducts, Sqr4x8) { check_sqr(4, bignum_sqr_4_8); }
TEST(FixedProducts, Mul8x16) { check_mul(8, bignum_mul_8_16); }
TEST(FixedProducts, Sqr8x16) { check_sqr(8, bignum_sqr_8_16); }

TEST(Karatsuba, Kmul16x32) {
  check_mul(16, with_temp(VBIGNUM_KMUL_16_32_TEMP_WORDS, bignum_kmul_16_32));
}
TEST(Karatsuba, Ksqr16x32) {
  check_sqr(16, with_temp(VBIGNUM_KSQR_16_32_TEMP_WORDS, bignum_ksqr_16_32));
}
TEST(Karatsuba, Kmul24x48) {
  check_mul(24, with_temp(VBIGNUM_KMUL_24_48_TEMP_WORDS, bignum_kmul_24_48));
}
TEST(Karatsuba, Ksqr24x48) {
  check_sqr(24, with_temp(VBIGNUM_KSQR_24_48_TEMP_WORDS, bignum_ksqr_24_48));
}
TEST(Karatsuba, Kmul32x64) {
  check_mul(32, with_temp(VBIGNUM_KMUL_32_64_TEMP_WORDS, bignum_kmul_32_64));
}
TEST(Karatsuba, Ksqr32x64) {
  check_sqr(32, with_temp(VBIGNUM_KSQR_32_64_TEMP_WORDS, bignum_ksqr_32_64));
}

// bignum_mul_4_8 / bignum_sqr_4_8 read all inputs before writing: z may overlap
// x or y anywhere. x and y sit at fixed places in one buffer, z slides across them.
TEST(FixedProducts, Mul4x8Overlap) {
  Rng rng(48);
  for (int r = 0; r < 20; ++r) {
    for (size_t x_at : {0, 4, 6})
      for (size_t y_at : {0, 2, 4, 8})
        for (size_t z_at = 0; z_at <= 8; ++z_at) {
          Words buf = rng.words(16, Density::Random);
          Words x(buf.begin() + x_at, buf.begin() + x_at + 4);
          Words y(buf.begin() + y_at, buf.begin() + y_at + 4);
          bignum_mul_4_8(buf.data() + z_at, buf.data() + x_at, buf.data() + y_at);
          Words z(buf.begin() + z_at, buf.begin() + z_at + 8);
          ASSERT_TRUE(same_words(z, product(x, y)))
              << "x at " << x_at << ", y at " << y_at << ", z at " << z_at;
        }
  }
}

TEST(FixedProducts, Sqr4x8Overlap) {
  Rng rng(48);
  for (int r = 0; r < 20; ++r)
    for (size_t x_at : {0, 2, 4, 8})
      for (size_t z_at = 0; z_at <= 8; ++z_at) {
        Words buf = rng.words(16, Density::Random);
        Words x(buf.begin() + x_at, buf.begin() + x_at + 4);
        bignum_sqr_4_8(buf.data() + z_at, buf.data() + x_at);
        Words z(buf.begin() + z_at, buf.begin() + z_at + 8);
        ASSERT_TRUE(same_words(z, product(x, x))) << "x at " << x_at << ", z at " << z_at;
      }
}

// ---------------------------------------------------------------------------
// Generic products: z = x * y mod 2^(64k) for any k, m, n.

const std::vector<size_t> &generic_sizes() {
  static const std::vector<size_t> sizes = [] {
    std::vector<size_t> s;
    for (size_t i = 1; i <= 40; ++i) s.push_back(i);
    for (size_t i : {48, 64, 128}) s.push_back(i);
    return s;
  }();
  return sizes;
}

struct Shape { size_t k, m, n; };

// Output and operand lengths around size s: full product, truncated (k below, at
// and between m and n), longer than the product, unequal operands, and zeros.
std::vector<Shape> shapes_around(size_t s, Rng &rng) {
  std::vector<Shape> v = {{2 * s, s, s},     {s, s, s},         {2 * s + 3, s, s},
                          {s / 2, s, s},     {s + 1, s, 1},     {s, 2 * s, s},
                          {2 * s, s, s / 2 + 1}, {s, 1, 2 * s}, {3 * s, 2 * s, s},
                          {0, s, s},         {s, 0, s},         {s, s, 0}};
  for (int r = 0; r < 4; ++r)
    v.push_back({rng.below(3 * s + 2), rng.below(2 * s + 2), rng.below(2 * s + 2)});
  return v;
}

int reps_for(size_t s) { return s <= 16 ? 3 : 1; }

TEST(GenericProducts, Mul) {
  for (size_t s : generic_sizes()) {
    Rng rng(0x67656e00 + s);
    for (const Shape &sh : shapes_around(s, rng)) {
      for (Density dx : all_densities())
        for (Density dy : all_densities())
          for (int r = 0; r < reps_for(s); ++r) {
            Words x = rng.words(sh.m, dx), y = rng.words(sh.n, dy);
            Guarded gx(x), gy(y), gz(sh.k);
            bignum_mul(sh.k, gz.data(), sh.m, gx.data(), sh.n, gy.data());
            Words want = from_mpz(to_mpz(x) * to_mpz(y), sh.k);
            ASSERT_TRUE(same_words(gz.words(), want))
                << "k=" << sh.k << " m=" << sh.m << " n=" << sh.n << " density " << name(dx)
                << " x " << name(dy) << "\n  x = " << hex(x) << "\n  y = " << hex(y);
            ASSERT_TRUE(gz.intact() && gx.intact() && gy.intact())
                << "out of bounds: k=" << sh.k << " m=" << sh.m << " n=" << sh.n;
            ASSERT_EQ(gx.words(), x);
            ASSERT_EQ(gy.words(), y);
          }
    }
  }
}

TEST(GenericProducts, Sqr) {
  for (size_t s : generic_sizes()) {
    Rng rng(0x73717200 + s);
    for (const Shape &sh : shapes_around(s, rng)) {
      for (Density d : all_densities())
        for (int r = 0; r < 4 * reps_for(s); ++r) {
          Words x = rng.words(sh.n, d);
          Guarded gx(x), gz(sh.k);
          bignum_sqr(sh.k, gz.data(), sh.n, gx.data());
          Words want = from_mpz(to_mpz(x) * to_mpz(x), sh.k);
          ASSERT_TRUE(same_words(gz.words(), want))
              << "k=" << sh.k << " n=" << sh.n << " density " << name(d) << "\n  x = " << hex(x);
          ASSERT_TRUE(gz.intact() && gx.intact()) << "out of bounds: k=" << sh.k << " n=" << sh.n;
          ASSERT_EQ(gx.words(), x);
        }
    }
  }
}

// The generic functions agree with the fixed-size ones on shaped inputs too.
TEST(GenericProducts, KaratsubaShapedInputs) {
  Rng rng(0x6b73);
  for (size_t s : {4, 8, 12, 16, 24, 32, 48, 64}) {
    for (int r = 0; r < 20; ++r) {
      Words x = karatsuba_shaped(rng, s), y = karatsuba_shaped(rng, s);
      Words z(2 * s), q(2 * s);
      bignum_mul(2 * s, z.data(), s, x.data(), s, y.data());
      bignum_sqr(2 * s, q.data(), s, x.data());
      ASSERT_TRUE(same_words(z, product(x, y))) << "mul, s=" << s;
      ASSERT_TRUE(same_words(q, product(x, x))) << "sqr, s=" << s;
    }
  }
}

}  // namespace
