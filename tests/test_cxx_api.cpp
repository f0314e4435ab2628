// The C++ API (vbignum.hpp) against GMP: Montgomery contexts, reduction, modular
// exponentiation and byte conversion, across sizes, bit densities and edge values.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/ref.hpp"
#include "vbignum.hpp"

using vbtest::Density;
using vbtest::from_mpz;
using vbtest::to_mpz;
using vbtest::Words;

namespace {

mpz_class Z(vbignum::words_view x) { return to_mpz(x.data(), x.size()); }

std::vector<size_t> all_sizes() {
  std::vector<size_t> s;
  for (size_t k = 1; k <= 40; ++k) s.push_back(k);
  for (size_t k : {48, 64, 128}) s.push_back(k);
  return s;
}

// Edge values below m: 0, 1, m-1, m-2 and random ones of every density.
std::vector<mpz_class> operands(vbtest::Rng &rng, const mpz_class &m, size_t k) {
  std::vector<mpz_class> v = {0, 1 % m, m - 1, m > 2 ? m - 2 : mpz_class(0)};
  for (Density d : vbtest::all_densities()) v.push_back(to_mpz(rng.words(k, d)) % m);
  return v;
}

class CxxApi : public ::testing::Test {
 protected:
  vbtest::Rng rng{0xc0ffee};
};

TEST_F(CxxApi, ContextConstants) {
  for (size_t k : all_sizes())
    for (Density d : vbtest::all_densities()) {
      Words mw = rng.odd_modulus(k, d);
      mpz_class m = to_mpz(mw), R = vbtest::pow2(64 * k);
      vbignum::montgomery ctx(mw);
      SCOPED_TRACE("k=" + std::to_string(k) + " " + vbtest::name(d));
      ASSERT_EQ(ctx.size(), k);
      EXPECT_EQ(uint64_t(mw[0] * ctx.negated_inverse()), ~uint64_t{0});
      EXPECT_EQ(Z(ctx.r2()), R * R % m);
      EXPECT_EQ(Z(ctx.one()), R % m);
      EXPECT_EQ(Z(ctx.modulus()), m);
    }
}

TEST_F(CxxApi, LeadingZeroWordsOfModulusAreIgnored) {
  Words mw = rng.odd_modulus(3);
  Words padded = mw;
  padded.resize(5, 0);
  vbignum::montgomery ctx(padded);
  EXPECT_EQ(ctx.size(), 3u);
  EXPECT_EQ(Z(ctx.r2()), vbtest::pow2(384) % to_mpz(mw));
}

TEST_F(CxxApi, MulSqrAndConversions) {
  for (size_t k : all_sizes())
    for (Density d : vbtest::all_densities()) {
      Words mw = rng.odd_modulus(k, d);
      mpz_class m = to_mpz(mw), R = vbtest::pow2(64 * k);
      mpz_class Rinv;
      mpz_invert(Rinv.get_mpz_t(), R.get_mpz_t(), m.get_mpz_t());
      vbignum::montgomery ctx(mw);
      auto v = operands(rng, m, k);
      SCOPED_TRACE("k=" + std::to_string(k) + " " + vbtest::name(d));
      for (size_t i = 0; i < v.size(); ++i)
        for (size_t j = i; j < v.size(); j += (k > 40 ? 3 : 1)) {
          Words a = from_mpz(v[i], k), b = from_mpz(v[j], k);
          ASSERT_EQ(Z(ctx.mul(a, b)), v[i] * v[j] * Rinv % m);
          ASSERT_EQ(Z(ctx.modmul(a, b)), v[i] * v[j] % m);
          if (i == j) {
            ASSERT_EQ(Z(ctx.sqr(a)), v[i] * v[i] * Rinv % m);
            ASSERT_EQ(Z(ctx.modsqr(a)), v[i] * v[i] % m);
            ASSERT_EQ(Z(ctx.to_mont(a)), v[i] * R % m);
            ASSERT_EQ(Z(ctx.from_mont(a)), v[i] * Rinv % m);
            ASSERT_EQ(Z(ctx.from_mont(ctx.to_mont(a))), v[i]);
          }
        }
    }
}

// The product + emontredc paths (Karatsuba for 16/24/32 words, four half-size
// Karatsuba products for 48/64, bignum_mul/sqr for other multiples of 8), hammered with many random and extreme values, including
// moduli just below 2^(64k) (where the reduction's carry word is used).
TEST_F(CxxApi, FastPathSizes) {
  for (size_t k : {8, 16, 24, 32, 40, 48, 64})
    for (Density d : vbtest::all_densities())
      for (int t = 0; t < 4; ++t) {
        Words mw = rng.odd_modulus(k, d);
        mpz_class m = to_mpz(mw), R = vbtest::pow2(64 * k), Rinv;
        mpz_invert(Rinv.get_mpz_t(), R.get_mpz_t(), m.get_mpz_t());
        vbignum::montgomery ctx(mw);
        auto v = operands(rng, m, k);
        for (int r = 0; r < 8; ++r) v.push_back(to_mpz(rng.below(mw)));
        SCOPED_TRACE("k=" + std::to_string(k) + " " + vbtest::name(d));
        for (auto &x : v)
          for (auto &y : v) {
            ASSERT_EQ(Z(ctx.mul(from_mpz(x, k), from_mpz(y, k))), x * y * Rinv % m);
          }
        for (auto &x : v) ASSERT_EQ(Z(ctx.sqr(from_mpz(x, k))), x * x * Rinv % m);
      }
}

TEST_F(CxxApi, ReduceAnyLength) {
  for (size_t k : {1, 2, 3, 7, 8, 16, 17, 24, 32, 33}) {
    for (Density d : vbtest::all_densities()) {
      Words mw = rng.odd_modulus(k, d);
      mpz_class m = to_mpz(mw), R = vbtest::pow2(64 * k);
      vbignum::montgomery ctx(mw);
      for (size_t n : {size_t{0}, size_t{1}, k - 1, k, k + 1, 2 * k - 1, 2 * k, 2 * k + 1, 3 * k + 2}) {
        for (Density dx : {Density::Random, Density::Ones, Density::TopBit, Density::Sparse}) {
          Words x = rng.words(n, dx);
          SCOPED_TRACE("k=" + std::to_string(k) + " n=" + std::to_string(n));
          ASSERT_EQ(Z(ctx.reduce(x)), to_mpz(x) % m);
          ASSERT_EQ(Z(ctx.reduce_to_mont(x)), to_mpz(x) * R % m);
        }
      }
    }
  }
}

TEST_F(CxxApi, ModexpAgainstGmp) {
  for (size_t k : all_sizes())
    for (Density d : vbtest::all_densities()) {
      // Slow sizes: one modulus of two densities (one for 128 words).
      if (k >= 48 && d != Density::Random && (d != Density::Ones || k == 128)) continue;
      Words mw = rng.odd_modulus(k, d);
      mpz_class m = to_mpz(mw);
      vbignum::montgomery ctx(mw);
      for (int t = 0; t < (k <= 16 ? 2 : 1); ++t) {
        Words a = rng.below(mw);
        Words e = rng.words(k, vbtest::all_densities()[(k + t) % 6]);
        mpz_class want;
        mpz_powm(want.get_mpz_t(), to_mpz(a).get_mpz_t(), to_mpz(e).get_mpz_t(), m.get_mpz_t());
        SCOPED_TRACE("k=" + std::to_string(k) + " " + vbtest::name(d));
        ASSERT_EQ(Z(vbignum::modexp(ctx, a, e)), want);
      }
    }
}

TEST_F(CxxApi, ModexpEdgeExponents) {
  for (size_t k : {1, 2, 5, 8, 16, 24, 32}) {
    Words mw = rng.odd_modulus(k);
    mpz_class m = to_mpz(mw);
    vbignum::montgomery ctx(mw);
    std::vector<Words> exps = {Words{}, Words{0}, Words{1}, Words{2}, Words{3}, Words{31}, Words{32},
                               rng.words(k, Density::Ones), rng.words(k, Density::TopBit),
                               rng.words(k, Density::Sparse), rng.words(2 * k + 1),  // longer than m
                               vbtest::from_mpz(m - 1, k), vbtest::from_mpz(m - 2, k)};
    for (const mpz_class &a : std::vector<mpz_class>{0, 1, m - 1, to_mpz(rng.below(mw))})
      for (auto &e : exps) {
        mpz_class want;
        mpz_powm(want.get_mpz_t(), a.get_mpz_t(), to_mpz(e).get_mpz_t(), m.get_mpz_t());
        SCOPED_TRACE("k=" + std::to_string(k) + " e words=" + std::to_string(e.size()));
        ASSERT_EQ(Z(vbignum::modexp(ctx, from_mpz(a, k), e)), want);
      }
  }
}

TEST_F(CxxApi, ModexpTinyModuli) {
  for (uint64_t m : {1ull, 3ull, 5ull, 0xffffffffffffffffull, 0x8000000000000001ull})
    for (uint64_t a : {0ull, 1ull, 2ull, 0xfedcba9876543210ull})
      for (uint64_t e : {0ull, 1ull, 2ull, 65537ull, ~0ull}) {
        if (a >= m) continue;
        mpz_class want, mz = to_mpz(&m, 1);
        mpz_powm(want.get_mpz_t(), to_mpz(&a, 1).get_mpz_t(), to_mpz(&e, 1).get_mpz_t(),
                 mz.get_mpz_t());
        uint64_t mw[1] = {m}, aw[1] = {a}, ew[1] = {e};
        ASSERT_EQ(Z(vbignum::modexp(mw, aw, ew)), want) << m << " " << a << " " << e;
      }
}

TEST_F(CxxApi, BytesRoundTrip) {
  for (size_t len : {0, 1, 7, 8, 9, 255, 256, 257, 512}) {
    std::vector<uint8_t> be(len);
    for (auto &b : be) b = uint8_t(rng.word());
    auto w = vbignum::from_bytes(be);
    ASSERT_EQ(w.size(), (len + 7) / 8);
    mpz_class want;
    if (len) mpz_import(want.get_mpz_t(), len, 1, 1, 1, 0, be.data());
    EXPECT_EQ(Z(w), want);
    EXPECT_EQ(vbignum::to_bytes(w, len), be);
    // Wider output gets leading zeros; a wider word count pads with zero words.
    auto wide = vbignum::to_bytes(w, len + 3);
    EXPECT_EQ(std::vector<uint8_t>(wide.begin() + 3, wide.end()), be);
    EXPECT_EQ(wide[0] | wide[1] | wide[2], 0);
    EXPECT_EQ(Z(vbignum::from_bytes(be, w.size() + 2)), want);
  }
  // Leading zero bytes beyond the word count are accepted.
  std::vector<uint8_t> be(20, 0);
  be[19] = 5;
  EXPECT_EQ(vbignum::from_bytes(be, 1)[0], 5u);
}

TEST_F(CxxApi, WordVectorIsUsableAsSpan) {
  vbignum::word_vector v = {1, 2, 3};
  vbignum::words_view s = v;
  EXPECT_EQ(s.size(), 3u);
  EXPECT_EQ(vbignum::significant_words(Words{1, 0, 0}), 1u);
  EXPECT_EQ(vbignum::significant_words(Words{0, 0}), 0u);
}

// A deterministic RSA key from GMP with primes of the given sizes.
struct GmpKey {
  mpz_class n, e, d, p, q;
};
GmpKey gmp_key(size_t pbits, size_t qbits, uint64_t seed, unsigned long e = 65537) {
  gmp_randclass r(gmp_randinit_default);
  r.seed(seed);
  GmpKey k;
  k.e = e;
  for (;;) {
    mpz_class a = r.get_z_bits(pbits) | (mpz_class(1) << (pbits - 1));
    mpz_class b = r.get_z_bits(qbits) | (mpz_class(1) << (qbits - 1));
    mpz_nextprime(k.p.get_mpz_t(), a.get_mpz_t());
    mpz_nextprime(k.q.get_mpz_t(), b.get_mpz_t());
    mpz_class phi = (k.p - 1) * (k.q - 1);
    if (k.p != k.q && mpz_invert(k.d.get_mpz_t(), k.e.get_mpz_t(), phi.get_mpz_t())) break;
  }
  k.n = k.p * k.q;
  return k;
}
std::vector<uint8_t> be(const mpz_class &v, size_t len = 0) {
  size_t bytes = (mpz_sizeinbase(v.get_mpz_t(), 2) + 7) / 8;
  std::vector<uint8_t> out(std::max(len, bytes));
  size_t n = 0;
  if (v != 0) mpz_export(out.data() + out.size() - bytes, &n, 1, 1, 1, 0, v.get_mpz_t());
  return out;
}

// RSA through both key constructors, against GMP's x^d mod n: balanced and
// unbalanced primes, sizes on and off the fast paths, p < q as well as p > q.
TEST_F(CxxApi, RsaAgainstGmp) {
  const std::vector<std::pair<size_t, size_t>> shapes = {
      {64, 64}, {100, 90}, {256, 256}, {512, 512}, {768, 768}, {1024, 1024}, {700, 1100}, {1100, 700}};
  uint64_t seed = 1;
  for (auto [pb, qb] : shapes) {
    const unsigned long e = seed % 2 ? 65537 : 3;
    GmpKey k = gmp_key(pb, qb, seed++, e);
    mpz_class dp = k.d % (k.p - 1), dq = k.d % (k.q - 1), qinv;
    mpz_invert(qinv.get_mpz_t(), k.q.get_mpz_t(), k.p.get_mpz_t());
    auto full = vbignum::rsa_private_key::from_crt(be(k.n), be(k.e), be(k.d), be(k.p), be(k.q),
                                                   be(dp), be(dq), be(qinv));
    auto recovered = vbignum::rsa_private_key::from_exponents(be(k.n), be(k.e), be(k.d));
    EXPECT_EQ(recovered.p(), be(k.p > k.q ? k.p : k.q));  // recovery orders p > q
    EXPECT_EQ(recovered.q(), be(k.p > k.q ? k.q : k.p));
    const size_t len = full.modulus_bytes();
    ASSERT_EQ(len, (mpz_sizeinbase(k.n.get_mpz_t(), 2) + 7) / 8);
    SCOPED_TRACE("p bits " + std::to_string(pb) + ", q bits " + std::to_string(qb));
    std::vector<mpz_class> inputs = {0, 1, 2, k.n - 1, k.p, k.q, k.n - k.p};
    for (int i = 0; i < 4; ++i) inputs.push_back(to_mpz(rng.words(mpz_size(k.n.get_mpz_t()))) % k.n);
    for (const mpz_class &x : inputs) {
      mpz_class want;
      mpz_powm(want.get_mpz_t(), x.get_mpz_t(), k.d.get_mpz_t(), k.n.get_mpz_t());
      ASSERT_EQ(full.private_op(be(x)), be(want, len));
      ASSERT_EQ(recovered.private_op(be(x, len)), be(want, len));
    }
  }
}

}  // namespace
