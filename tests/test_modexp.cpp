// bignum_modexp against GMP's mpz_powm: sizes 1..16, 24 and 32, every modulus
// density, random and edge exponents (0, 1, 2, all-ones, sparse, top bit only),
// edge bases (0, 1, m-1, m, a >= m, all-ones), m = 1; guarded output and temp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/check.hpp"
#include "support/ref.hpp"
#include "vbignum.h"

using namespace vbtest;

namespace {

std::vector<size_t> sizes() {
  std::vector<size_t> s;
  for (size_t k = 1; k <= 16; ++k) s.push_back(k);
  s.push_back(24);
  s.push_back(32);
  return s;
}

void check_modexp(size_t k, const Words &a, const Words &p, const Words &m) {
  SCOPED_TRACE("k = " + std::to_string(k) + ", m = " + hex(m) + ", a = " + hex(a) +
               ", p = " + hex(p));
  Guarded gz(k), ga(a), gp(p), gm(m), gt(VBIGNUM_MODEXP_TEMP_WORDS(k));
  bignum_modexp(k, gz.data(), ga.data(), gp.data(), gm.data(), gt.data());
  EXPECT_TRUE(gz.intact() && ga.intact() && gp.intact() && gm.intact() && gt.intact())
      << "wrote out of bounds";
  EXPECT_EQ(ga.words(), a) << "base modified";
  EXPECT_EQ(gp.words(), p) << "exponent modified";
  EXPECT_EQ(gm.words(), m) << "modulus modified";
  mpz_class want;
  mpz_powm(want.get_mpz_t(), to_mpz(a).get_mpz_t(), to_mpz(p).get_mpz_t(),
           to_mpz(m).get_mpz_t());
  EXPECT_TRUE(same_words(gz.words(), from_mpz(want, k)));
}

// Edge exponents of k words: 0, 1, 2, all-ones, top bit only, a sparse one.
std::vector<Words> edge_exponents(Rng &rng, size_t k) {
  Words zero(k, 0), one = zero, two = zero, ones(k, ~0ull), top = zero;
  one[0] = 1;
  two[0] = 2;
  top[k - 1] = 1ull << 63;
  return {zero, one, two, ones, top, rng.words(k, Density::Sparse)};
}

// Edge bases: 0, 1, m-1, m, m+1 (wrapping), all-ones, and a random a >= m when one fits.
std::vector<Words> edge_bases(Rng &rng, const Words &m) {
  size_t k = m.size();
  mpz_class mm = to_mpz(m), R = pow2(64 * k);
  Words zero(k, 0), one = zero, ones(k, ~0ull);
  one[0] = 1;
  std::vector<Words> bases = {zero, one, from_mpz(mm - 1, k), m, from_mpz(mm + 1, k), ones};
  if (R - mm > 1) bases.push_back(from_mpz(mm + to_mpz(rng.words(k)) % (R - mm), k));
  return bases;
}

TEST(BignumModexp, RandomAtEverySizeAndDensity) {
  Rng rng(21);
  for (size_t k : sizes())
    for (Density d : all_densities()) {
      // Every density up to 16 words; the costly RSA sizes take every other one.
      int reps = k <= 8 ? 3 : k <= 16 ? 1 : static_cast<int>(d) % 2;
      for (int rep = 0; rep < reps; ++rep) {
        Words m = rng.odd_modulus(k, d);
        Words a = rng.words(k, all_densities()[rng.below(6)]);
        check_modexp(k, a, rng.words(k, all_densities()[rng.below(6)]), m);
      }
    }
}

TEST(BignumModexp, EdgeExponents) {
  Rng rng(22);
  for (size_t k : {1, 2, 3, 4, 7, 8, 16}) {
    Words m = rng.odd_modulus(k, k % 2 ? Density::TopBit : Density::Random);
    for (const Words &p : edge_exponents(rng, k)) check_modexp(k, rng.below(m), p, m);
  }
}

TEST(BignumModexp, EdgeBases) {
  Rng rng(23);
  for (size_t k : {1, 2, 3, 5, 8, 16}) {
    for (Density d : {Density::TopBit, Density::Sparse, Density::Ones}) {
      Words m = rng.odd_modulus(k, d);
      for (const Words &a : edge_bases(rng, m)) check_modexp(k, a, rng.words(k), m);
    }
  }
}

TEST(BignumModexp, SmallModuliAndModulusOne) {
  Rng rng(24);
  check_modexp(1, Words{5}, Words{3}, Words{1});  // everything is 0 mod 1
  check_modexp(1, Words{0}, Words{0}, Words{1});
  for (size_t k : {1, 2, 4, 9}) {
    Words m(k, 0);
    m[0] = rng.word() | 1;  // a one-word modulus padded with zero words
    check_modexp(k, rng.words(k), rng.words(k), m);
    check_modexp(k, rng.words(k), Words(k, 0), m);
    m[0] = 3;
    check_modexp(k, rng.words(k), rng.words(k), m);
  }
}

TEST(BignumModexp, RsaSizes) {  // 1536- and 2048-bit moduli with the top bit set
  Rng rng(25);
  for (size_t k : {24, 32}) {
    Words m = rng.odd_modulus(k, Density::TopBit);
    check_modexp(k, rng.below(m), rng.words(k), m);
    Words e(k, 0);
    e[0] = 65537;
    check_modexp(k, rng.words(k, Density::Ones), e, m);
  }
}

}  // namespace
