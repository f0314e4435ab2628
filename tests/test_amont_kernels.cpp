// bignum_amontmul / bignum_amontsqr at the sizes the modexp chains use (k a
// multiple of 8: 16, 24, 32, 48, 64 in x86 assembly, 8 and 40 through the portable
// composition), against GMP. Beyond the congruence the contract states, checks:
// z < 2m whenever x < m or y < m (what normalize() relies on), inputs untouched,
// nothing written outside z, and, for k = 16 .. 64, the exact value this
// implementation gives (assembly and portable composition alike): with
// r = (x y + q m) / R, q = -x y / m mod R, z = r when r < R and r - m otherwise
// (the reduction's carry picks the subtraction). Edge moduli make that carry
// happen: 2^(64k) - 1 and 2^(64k-1) + 1 with all-ones operands.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/check.hpp"
#include "support/ref.hpp"
#include "vbignum.h"

using namespace vbtest;

namespace {

const std::vector<size_t> kSizes = {8, 16, 24, 32, 40, 48, 64};

bool exact_sizes(size_t k) { return k == 16 || k == 24 || k == 32 || k == 48 || k == 64; }

struct Counts {
  int carries = 0;  // r >= R: m was subtracted
  int cases = 0;
};

// One call (y == nullptr: the square of x) with guarded buffers and every check.
// *out (if given) receives z.
void check(size_t k, const Words &x, const Words *y, const Words &m, Counts &n,
           Words *out = nullptr) {
  const Words &yy = y ? *y : x;
  auto where = [&] {
    return "k = " + std::to_string(k) + ", m = " + hex(m) + ", x = " + hex(x) +
           (y ? ", y = " + hex(*y) : " (square)");
  };
  Guarded gz(k), gx(x), gy(yy), gm(m);
  if (y)
    bignum_amontmul(k, gz.data(), gx.data(), gy.data(), gm.data());
  else
    bignum_amontsqr(k, gz.data(), gx.data(), gm.data());
  ASSERT_TRUE(gz.intact() && gx.intact() && gy.intact() && gm.intact())
      << "wrote out of bounds\n  " << where();
  ASSERT_EQ(gx.words(), x) << "x modified\n  " << where();
  ASSERT_EQ(gy.words(), yy) << "y modified\n  " << where();
  ASSERT_EQ(gm.words(), m) << "m modified\n  " << where();

  const mpz_class R = pow2(64 * k), mm = to_mpz(m), xy = to_mpz(x) * to_mpz(yy);
  mpz_class minv, rinv;
  ASSERT_NE(mpz_invert(minv.get_mpz_t(), mm.get_mpz_t(), R.get_mpz_t()), 0);
  ASSERT_NE(mpz_invert(rinv.get_mpz_t(), mpz_class(R % mm).get_mpz_t(), mm.get_mpz_t()), 0);
  if (out) *out = gz.words();
  const mpz_class got = to_mpz(gz.words());
  ASSERT_EQ(mpz_class(got % mm), mpz_class(xy * rinv % mm))
      << "not congruent: z = " << hex(gz.words()) << "\n  " << where();
  if (to_mpz(x) < mm || to_mpz(yy) < mm) {
    ASSERT_LT(got, 2 * mm) << "z >= 2m with an operand below m: z = " << hex(gz.words())
                           << "\n  " << where();
  }
  mpz_class q = mpz_class(-xy * minv) % R;
  if (q < 0) q += R;
  const mpz_class r = (xy + q * mm) / R;
  const bool carry = r >= R;
  n.carries += carry;
  n.cases += 1;
  if (exact_sizes(k)) {
    ASSERT_EQ(got, carry ? mpz_class(r - mm) : r)
        << "z = " << hex(gz.words()) << ", r = " << r.get_str(16) << "\n  " << where();
  }
}

void both(size_t k, const Words &x, const Words &y, const Words &m, Counts &n) {
  check(k, x, &y, m, n);
  check(k, x, nullptr, m, n);
}

Words power_of_two(size_t k, size_t bit) {
  Words w(k, 0);
  w[bit / 64] = 1ull << (bit % 64);
  return w;
}

// 2^(64k) - 1 and 2^(64k-1) + 1: with all-ones operands the reduction carries out.
TEST(AmontKernels, CarryOutModuli) {
  for (size_t k : kSizes) {
    SCOPED_TRACE("k = " + std::to_string(k));
    Words ones(k, ~0ull), half = power_of_two(k, 64 * k - 1);
    half[0] |= 1;
    Counts n;
    for (const Words &m : {ones, half}) {
      Words zero(k, 0), top = power_of_two(k, 64 * k - 1), one = power_of_two(k, 0);
      Words below = from_mpz(to_mpz(m) - 1, k);
      for (const Words &x : {ones, zero, top, one, below, m})
        for (const Words &y : {ones, zero, top, one, below, m}) both(k, x, y, m, n);
    }
    EXPECT_GT(n.carries, 0) << "the carry-out path was never taken";
  }
}

// Random operands of every density against moduli of every density, plus moduli
// with a top word of 1 (where r can be far above m).
TEST(AmontKernels, RandomOfEveryDensity) {
  Rng rng(0xa307);
  for (size_t k : kSizes) {
    SCOPED_TRACE("k = " + std::to_string(k));
    const int reps = exact_sizes(k) ? 12 : 3;
    Counts n;
    for (Density dm : all_densities())
      for (Density dx : all_densities())
        for (Density dy : all_densities())
          for (int rep = 0; rep < reps; ++rep) {
            Words m = rng.odd_modulus(k, dm);
            if (rep % 4 == 3) m[k - 1] = 1;
            Words x = rng.words(k, dx), y = rng.words(k, dy);
            if (rep % 3 == 1) x = rng.below(m);  // the z < 2m guarantee
            if (rep % 3 == 2) y = rng.below(m);
            both(k, x, y, m, n);
            if (HasFatalFailure()) return;
          }
    if (exact_sizes(k)) {
      EXPECT_GT(n.carries, 0) << "the carry-out path was never taken";
    }
  }
}

// Chains as modexp runs them: each output is the next input (almost reduced values
// feeding back), with and without an operand below m.
TEST(AmontKernels, Chains) {
  Rng rng(0xc4a1);
  for (size_t k : kSizes) {
    SCOPED_TRACE("k = " + std::to_string(k));
    Counts n;
    for (Density dm : {Density::Random, Density::Ones, Density::TopBit, Density::Sparse}) {
      Words m = rng.odd_modulus(k, dm), base = rng.below(m), acc = Words(k, ~0ull);
      for (int step = 0; step < 40; ++step) {
        Words sq;
        check(k, acc, nullptr, m, n, &sq);
        check(k, sq, &base, m, n, &acc);
        if (HasFatalFailure()) return;
      }
    }
  }
}

// The square at k = 2h = 48, 64 is a Karatsuba step over the halves x = x0 + B x1
// (|x0 - x1|^2 and x0^2 + x1^2 - |x0 - x1|^2): halves whose difference takes
// either sign, is zero, is +-1 (a borrow or the negation's carry rippling through
// every word), or differs only in the lowest or top word.
TEST(AmontKernels, SquareHalves) {
  Rng rng(0x5a48);
  for (size_t k : {48, 64}) {
    SCOPED_TRACE("k = " + std::to_string(k));
    const size_t h = k / 2;
    const Words ones(h, ~0ull), zero(h, 0);
    Words one(h, 0), high(h, 0);
    one[0] = 1;
    high[h - 1] = 1ull << 63;
    auto plus = [&](const Words &a, const Words &b) {  // a + b mod 2^(64h)
      return from_mpz(mpz_class((to_mpz(a) + to_mpz(b)) % pow2(64 * h)), h);
    };
    auto minus_one = [&](const Words &a) { return plus(a, ones); };
    std::vector<std::pair<Words, Words>> halves = {
        {ones, ones}, {ones, zero}, {zero, ones}, {zero, zero}, {one, zero},
        {zero, one},  {high, minus_one(high)}, {minus_one(high), high}};
    for (int rep = 0; rep < 6; ++rep) {
      Density d = all_densities()[rep % all_densities().size()];
      Words a = rng.words(h, d), b = rng.words(h, d), low = a, top = a;
      low[0] ^= 1ull << rep;
      top[h - 1] ^= 1ull << (63 - rep);
      halves.push_back({a, b});
      halves.push_back({b, a});
      halves.push_back({a, a});
      halves.push_back({a, plus(a, one)});  // x0 - x1 = -1 (mod 2^(64h) wrap too)
      halves.push_back({plus(a, one), a});  // +1
      halves.push_back({a, low});
      halves.push_back({low, a});
      halves.push_back({a, top});
      halves.push_back({top, a});
    }
    // x^2 with zero words 3h .. 3h+7 where x1^2 (at word 2h) has all-ones words: the
    // middle term's carry into x^2's top block ripples through a whole 8-word window.
    // x = isqrt(v), v with those words zero and words 2h .. 3h-1 stopping the borrow.
    int ripples = 0;
    for (int tries = 0; tries < 400 && ripples < 4; ++tries) {
      Words v = rng.words(2 * k);
      v[2 * k - 1] |= 1ull << 63;
      v[2 * h] |= 1;
      for (size_t i = 3 * h; i < 3 * h + 8; ++i) v[i] = 0;
      mpz_class r;
      mpz_sqrt(r.get_mpz_t(), to_mpz(v).get_mpz_t());
      Words x = from_mpz(r, k);
      const mpz_class x1 = to_mpz(Words(x.begin() + h, x.end())), window = pow2(512);
      if (mpz_class((x1 * x1 >> (64 * h)) % window) != window - 1) continue;
      ++ripples;
      halves.push_back({Words(x.begin(), x.begin() + h), Words(x.begin() + h, x.end())});
    }
    EXPECT_GT(ripples, 0) << "no square rippling a carry through its top block";
    const Words all_ones(k, ~0ull);
    Counts n;
    for (const Words &m : {rng.odd_modulus(k), rng.odd_modulus(k, Density::Ones), all_ones})
      for (const auto &[x0, x1] : halves) {
        Words x = x0;
        x.insert(x.end(), x1.begin(), x1.end());
        check(k, x, nullptr, m, n);
        if (HasFatalFailure()) return;
      }
    EXPECT_GT(n.carries, 0) << "the carry-out path was never taken";
  }
}

}  // namespace
