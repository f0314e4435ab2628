// The C++ layer's "almost Montgomery" chains (include/vbignum/mont.hpp): mul_raw/
// sqr_raw take any k-word operands and return a k-word value that is only
// congruent to x*y/R mod m. Checked against GMP at the boundaries:
// moduli with the top bit set, with a top word of 1 (values can then be ~2^64
// times m), all-ones; operands all-ones, 2^(64k) - 1 - small, m, m-1, m+1, random
// at or above m. Then the users of the chains: normalize (z < 2m -> z mod m),
// modexp and the RSA private operation with such moduli.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/check.hpp"
#include "support/ref.hpp"
#include "vbignum.hpp"

using namespace vbtest;

namespace {

// Moduli of k words at the edges of the almost-reduced range.
std::vector<Words> edge_moduli(Rng &rng, size_t k) {
  Words top = rng.words(k, Density::TopBit), small_top = rng.words(k), ones(k, ~0ull);
  top[0] |= 1;
  small_top[0] |= 1;
  small_top[k - 1] = 1;  // m just above 2^(64(k-1)): 2^(64k) / m ~ 2^63
  Words random = rng.odd_modulus(k, Density::Random), sparse = rng.odd_modulus(k, Density::Sparse);
  return {top, small_top, ones, random, sparse};
}

// Operands for m: below it, at it and above it up to all-ones.
std::vector<Words> operands(Rng &rng, const Words &m) {
  const size_t k = m.size();
  const mpz_class mm = to_mpz(m), R = pow2(64 * k);
  std::vector<Words> v = {rng.below(m), from_mpz(mm - 1, k), Words(k, 0), Words(k, ~0ull),
                          from_mpz(R - 1 - rng.word() % 1000, k), m};
  if (R - mm > 1) {
    v.push_back(from_mpz(mm + 1, k));
    v.push_back(from_mpz(mm + to_mpz(rng.words(k)) % (R - mm), k));
  }
  return v;
}

Words plain(const vbignum::word_vector &v) { return Words(v.begin(), v.end()); }

TEST(AlmostMontgomery, RawChainsStayCongruent) {
  Rng rng(0xa1'05'7e);
  for (size_t k : {1, 3, 8, 16, 24, 32, 40, 48, 64}) {
    for (const Words &m : edge_moduli(rng, k)) {
      const vbignum::montgomery ctx(m);
      const mpz_class mm = to_mpz(m), rinv = [&] {
        mpz_class r, R = pow2(64 * k);
        mpz_invert(r.get_mpz_t(), R.get_mpz_t(), mm.get_mpz_t());
        return r;
      }();
      for (const Words &x : operands(rng, m)) {
        for (const Words &y : operands(rng, m)) {
          SCOPED_TRACE("k = " + std::to_string(k) + ", m = " + hex(m) + ", x = " + hex(x) +
                       ", y = " + hex(y));
          // z <- z*y, z^2, z*y, ... eight steps, each result fed back in.
          Words z = x, t(k);
          mpz_class want = to_mpz(x) % mm;
          for (int step = 0; step < 8; ++step) {
            if (step % 2 == 0) {
              ctx.mul_raw(t.data(), z.data(), y.data());
              want = want * to_mpz(y) * rinv % mm;
            } else {
              ctx.sqr_raw(t.data(), z.data());
              want = want * want * rinv % mm;
            }
            z.swap(t);
            ASSERT_EQ(to_mpz(z) % mm, want) << "step " << step;
          }
          // One operand below m: the result is below 2m and normalize reduces it.
          const Words below = rng.below(m);
          ctx.mul_raw(t.data(), below.data(), y.data());
          ASSERT_LT(to_mpz(t), 2 * mm);
          ctx.normalize(t.data());
          ASSERT_TRUE(same_words(t, from_mpz(to_mpz(below) * to_mpz(y) * rinv % mm, k)));
        }
      }
    }
  }
}

// The checked operations still return fully reduced values.
TEST(AlmostMontgomery, CheckedOperationsReduce) {
  Rng rng(0xc4ec'6ed);
  for (size_t k : {3, 5, 8, 16, 24, 32, 48, 64}) {
    for (const Words &m : edge_moduli(rng, k)) {
      const vbignum::montgomery ctx(m);
      const mpz_class mm = to_mpz(m), R = pow2(64 * k);
      for (Words x : {rng.below(m), from_mpz(mm - 1, k)}) {
        Words y = from_mpz(mm - 1, k);
        SCOPED_TRACE("k = " + std::to_string(k) + ", m = " + hex(m) + ", x = " + hex(x));
        const mpz_class xm = to_mpz(x), ym = to_mpz(y);
        EXPECT_TRUE(same_words(plain(ctx.modmul(x, y)), from_mpz(xm * ym % mm, k)));
        EXPECT_TRUE(same_words(plain(ctx.modsqr(x)), from_mpz(xm * xm % mm, k)));
        EXPECT_TRUE(same_words(plain(ctx.to_mont(x)), from_mpz(xm * R % mm, k)));
        Words wide = rng.words(3 * k, Density::Ones);
        EXPECT_TRUE(same_words(plain(ctx.reduce(wide)), from_mpz(to_mpz(wide) % mm, k)));
        EXPECT_TRUE(same_words(plain(ctx.reduce_to_mont(wide)), from_mpz(to_mpz(wide) * R % mm, k)));
      }
    }
  }
}

TEST(AlmostMontgomery, ModexpAtTheEdges) {
  Rng rng(0x3e'0d6e);
  for (size_t k : {3, 5, 8, 16, 24, 32, 48, 64}) {
    for (const Words &m : edge_moduli(rng, k)) {
      const vbignum::montgomery ctx(m);
      const mpz_class mm = to_mpz(m);
      for (const Words &a : {rng.below(m), from_mpz(mm - 1, k)}) {
        for (const Words &e : {rng.words(k), Words{1}}) {
          SCOPED_TRACE("k = " + std::to_string(k) + ", m = " + hex(m) + ", a = " + hex(a) +
                       ", e = " + hex(e));
          mpz_class want;
          mpz_powm(want.get_mpz_t(), to_mpz(a).get_mpz_t(), to_mpz(e).get_mpz_t(), mm.get_mpz_t());
          EXPECT_TRUE(same_words(plain(vbignum::modexp(ctx, a, e)), from_mpz(want, k)));
        }
      }
    }
  }
}

std::vector<uint8_t> be(const mpz_class &v) {
  std::vector<uint8_t> out((mpz_sizeinbase(v.get_mpz_t(), 2) + 7) / 8);
  size_t n = 0;
  mpz_export(out.data(), &n, 1, 1, 1, 0, v.get_mpz_t());
  out.resize(n);
  return out;
}

// RSA keys whose primes leave the top bits of their words clear (and one with the
// top bit set): the CRT halves then run their chains far above p and q.
TEST(AlmostMontgomery, RsaPrimesOfEveryTopWord) {
  gmp_randclass gen(gmp_randinit_default);
  gen.seed(0x125a);
  const struct { unsigned pbits, qbits; } shapes[] = {{1000, 1000}, {1024, 1009}, {961, 1024},
                                                       {1536, 1530}};
  for (auto [pbits, qbits] : shapes) {
    mpz_class e = 65537, p, q, phi;
    do {
      mpz_class a = gen.get_z_bits(pbits) | (mpz_class(1) << (pbits - 1));
      mpz_class b = gen.get_z_bits(qbits) | (mpz_class(1) << (qbits - 1));
      mpz_nextprime(p.get_mpz_t(), a.get_mpz_t());
      mpz_nextprime(q.get_mpz_t(), b.get_mpz_t());
      phi = (p - 1) * (q - 1);
    } while (gcd(e, phi) != 1 || p == q || mpz_sizeinbase(p.get_mpz_t(), 2) != pbits ||
             mpz_sizeinbase(q.get_mpz_t(), 2) != qbits);
    mpz_class n = p * q, d, qinv;
    mpz_invert(d.get_mpz_t(), e.get_mpz_t(), phi.get_mpz_t());
    mpz_invert(qinv.get_mpz_t(), q.get_mpz_t(), p.get_mpz_t());
    mpz_class dp = d % (p - 1), dq = d % (q - 1);
    auto key = vbignum::rsa_private_key::from_crt(be(n), be(e), be(d), be(p), be(q), be(dp), be(dq),
                                                  be(qinv));
    for (const mpz_class &c : std::vector<mpz_class>{0, 1, n - 1, p, q, gen.get_z_range(n)}) {
      SCOPED_TRACE("p bits " + std::to_string(pbits) + ", q bits " + std::to_string(qbits) +
                   ", c = " + c.get_str(16));
      mpz_class want;
      mpz_powm(want.get_mpz_t(), c.get_mpz_t(), d.get_mpz_t(), n.get_mpz_t());
      std::vector<uint8_t> got = key.private_op(be(c)), want_be = be(want);
      want_be.insert(want_be.begin(), got.size() - want_be.size(), 0);
      EXPECT_EQ(got, want_be);
    }
  }
}

}  // namespace
