// bignum_emontredc_8n at the sizes the modexp uses (k = 48, 64) and around them,
// against GMP: the exact identity z0 + q*m = 2^(64k) * r, q < 2^(64k), c in {0, 1},
// r < 2m for bounded z0, m untouched, nothing written outside z. Inputs aimed at the
// carries (between 8-word blocks and chunks in the blocked code, out of each row's top
// word in the full-width rows at 16..64 words): all-ones and zero z0, the largest bounded
// z0, moduli 2^(64k) - 1, 2^(64k-1) + 1, m[0] = 1 or all-ones (w = -1 or 1), small
// moduli padded with zero words, and z0 whose top half is all ones (carry out set).
// Also k = 0 and k not a multiple of 8 (the tail jump to the portable code).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/check.hpp"
#include "support/ref.hpp"
#include "vbignum.h"

using namespace vbtest;

namespace {

const std::vector<size_t> kSizes = {8, 16, 24, 32, 40, 48, 56, 64, 72, 128};

// Runs the reduction on z0 and checks the contract; returns c.
uint64_t check(size_t k, const Words &z0, const Words &m) {
  auto where = [&] {
    return "k = " + std::to_string(k) + "\n  m = " + hex(m) + "\n  z0 = " + hex(z0);
  };
  Guarded gz(z0), gm(m);
  uint64_t c = bignum_emontredc_8n(k, gz.data(), gm.data(), word_negmodinv(m[0]));
  EXPECT_TRUE(gz.intact() && gm.intact()) << "wrote out of bounds\n  " << where();
  EXPECT_EQ(gm.words(), m) << "modulus modified\n  " << where();
  EXPECT_LE(c, 1u) << where();
  Words out = gz.words();
  mpz_class R = pow2(64 * k), mm = to_mpz(m), z0m = to_mpz(z0);
  mpz_class q = to_mpz(out.data(), k), r = R * c + to_mpz(out.data() + k, k);
  EXPECT_EQ(mpz_class(z0m + q * mm), mpz_class(R * r))
      << "c = " << c << "\n  out = " << hex(out) << "\n  " << where();
  if (z0m < R * mm) EXPECT_LT(r, 2 * mm) << where();
  return c;
}

// Moduli that stress the carries: all-ones, 2^(64k-1) + 1, m[0] = 1 with the rest
// random (w = all-ones), m[0] = all-ones (w = 1), a one-word modulus padded with
// zeros, and one random modulus of each density.
std::vector<Words> moduli(Rng &rng, size_t k) {
  std::vector<Words> ms;
  ms.push_back(Words(k, ~0ull));
  Words half(k, 0);
  half[0] = 1;
  half[k - 1] |= 1ull << 63;
  ms.push_back(half);
  Words one_low = rng.words(k);
  one_low[0] = 1;
  ms.push_back(one_low);
  Words ones_low = rng.words(k, Density::TopBit);
  ones_low[0] = ~0ull;
  ms.push_back(ones_low);
  Words small(k, 0);
  small[0] = rng.word() | 1;
  ms.push_back(small);
  for (Density d : all_densities()) ms.push_back(rng.odd_modulus(k, d));
  return ms;
}

TEST(EmontredcEdges, StructuredInputs) {
  Rng rng(0xed9e);
  for (size_t k : kSizes) {
    int carries = 0;
    for (const Words &m : moduli(rng, k)) {
      SCOPED_TRACE("k = " + std::to_string(k) + ", m = " + hex(m));
      mpz_class R = pow2(64 * k), Rm = R * to_mpz(m);
      Words ones(2 * k, ~0ull), zero(2 * k, 0);
      carries += check(k, ones, m);
      carries += check(k, zero, m);
      carries += check(k, from_mpz(Rm - 1, 2 * k), m);          // largest bounded z0
      carries += check(k, from_mpz(Rm - to_mpz(m), 2 * k), m);  // a multiple of m
      Words top_ones = ones;                                    // top half all-ones
      for (size_t i = 0; i < k; ++i) top_ones[i] = rng.word();
      carries += check(k, top_ones, m);
      Words low_ones = zero;                                    // low half all-ones
      for (size_t i = 0; i < k; ++i) low_ones[i] = ~0ull;
      carries += check(k, low_ones, m);
      // One all-ones 8-word block at each block position of the top half, the rest
      // zero: a carry that has to cross every later block.
      for (size_t b = k; b < 2 * k; b += 8) {
        Words z = zero;
        for (size_t i = b; i < b + 8 && i < 2 * k; ++i) z[i] = ~0ull;
        z[0] = rng.word();
        carries += check(k, z, m);
      }
    }
    EXPECT_GT(carries, 0) << "k = " << k << ": the carry-out path was never exercised";
  }
}

TEST(EmontredcEdges, RandomDensities) {
  Rng rng(0x5eed48);
  for (size_t k : kSizes) {
    int carries = 0;
    for (Density dm : all_densities())
      for (Density dz : all_densities()) {
        SCOPED_TRACE("k = " + std::to_string(k) + ", m " + name(dm) + ", z0 " + name(dz));
        Words m = rng.odd_modulus(k, dm);
        carries += check(k, rng.words(2 * k, dz), m);
        mpz_class Rm = pow2(64 * k) * to_mpz(m);  // and a bounded one (r < 2m)
        carries += check(k, from_mpz(to_mpz(rng.words(2 * k + 1, dz)) % Rm, 2 * k), m);
      }
    EXPECT_GT(carries, 0) << "k = " << k;
  }
}

// k = 0 touches nothing and returns 0. Beyond the header's contract (k a multiple of
// 8), the x86-64 and portable versions also take any k (x86 hands it to the portable
// code) and must satisfy the same equation; the AArch64 one does not promise that.
TEST(EmontredcEdges, ZeroAndOtherSizes) {
  Rng rng(0x0dd);
  Guarded gz(4), gm(Words{3});
  Words before = gz.words();
  EXPECT_EQ(bignum_emontredc_8n(0, gz.data(), gm.data(), word_negmodinv(3)), 0u);
  EXPECT_EQ(gz.words(), before);
  EXPECT_TRUE(gz.intact() && gm.intact());
#if defined(__aarch64__)
  const std::vector<size_t> other_sizes = {};
#else
  const std::vector<size_t> other_sizes = {1, 4, 12, 20, 44, 60};
#endif
  for (size_t k : other_sizes) {
    SCOPED_TRACE("k = " + std::to_string(k));
    for (const Words &m : moduli(rng, k)) {
      check(k, Words(2 * k, ~0ull), m);
      check(k, rng.words(2 * k), m);
    }
  }
}

}  // namespace
