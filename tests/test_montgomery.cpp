// The Montgomery family against GMP: word_negmodinv, bignum_negmodinv,
// bignum_emontredc_8n (the exact identity z0 + q*m = 2^(64k) * r), bignum_montredc
// (all shapes of n and p), bignum_montmul/montsqr (exact, reduced), bignum_amontmul/
// amontsqr (congruent, any inputs), bignum_demont and bignum_montifier; every size
// 1..40, 48, 64, 128, every density, edge values, guarded buffers, allowed aliasing.
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
  for (size_t k = 1; k <= 40; ++k) s.push_back(k);
  for (size_t k : {48, 64, 128}) s.push_back(k);
  return s;
}

// Fewer random cases at the big sizes: the suite also runs under qemu.
int reps(size_t k) { return k <= 16 ? 6 : k <= 40 ? 3 : 2; }

std::string label(size_t k, Density d, int rep) {
  return "k = " + std::to_string(k) + ", density " + name(d) + ", case " + std::to_string(rep);
}

// Moduli for one size and density, plus the awkward ones: all-ones (Density::Ones),
// top bit set (Density::TopBit), and a small odd modulus padded with zero words.
Words modulus(Rng &rng, size_t k, Density d) { return rng.odd_modulus(k, d); }
Words small_modulus(Rng &rng, size_t k) {
  Words m(k, 0);
  m[0] = rng.word() | 1;
  return m;
}

// A k-word number below m with the requested bit pattern when that fits.
Words below(Rng &rng, const Words &m, Density d) {
  Words x = rng.words(m.size(), d);
  mpz_class xm = to_mpz(x), mm = to_mpz(m);
  return xm < mm ? x : from_mpz(xm % mm, m.size());
}

Words minus_one(const Words &m) { return from_mpz(to_mpz(m) - 1, m.size()); }

mpz_class inverse(const mpz_class &a, const mpz_class &m) {
  mpz_class r;
  if (m == 1) return 0;
  EXPECT_NE(mpz_invert(r.get_mpz_t(), a.get_mpz_t(), m.get_mpz_t()), 0);
  return r;
}

// x * y / 2^(64k) mod m.
mpz_class mont(const mpz_class &xy, const Words &m) {
  mpz_class mm = to_mpz(m);
  return xy * inverse(pow2(64 * m.size()) % mm, mm) % mm;
}

TEST(WordNegmodinv, RandomAndEdgeOddWords) {
  Rng rng(1);
  std::vector<uint64_t> cases = {
      1, 3, 5, ~0ull, ~0ull - 2, (1ull << 63) + 1, 0x5555555555555555ull};
  for (int i = 0; i < 20000; ++i) cases.push_back(rng.word() | 1);
  for (int i = 0; i < 2000; ++i) cases.push_back(rng.sparse_word() | 1);
  for (int i = 0; i < 2000; ++i) cases.push_back(~rng.sparse_word() | 1);
  for (uint64_t a : cases) {
    uint64_t w = word_negmodinv(a);
    ASSERT_EQ(a * w, ~0ull) << "a = " << a << ", w = " << w;
  }
}

void check_negmodinv(size_t k, const Words &x, bool aliased) {
  auto where = [&] { return "x = " + hex(x) + (aliased ? " (z == x)" : ""); };
  Guarded gz(x.size());
  if (aliased) {
    gz = Guarded(x);
    bignum_negmodinv(k, gz.data(), gz.data());
  } else {
    Guarded gx(x);
    bignum_negmodinv(k, gz.data(), gx.data());
    EXPECT_EQ(gx.words(), x) << "input modified\n  " << where();
  }
  EXPECT_TRUE(gz.intact()) << "wrote out of bounds\n  " << where();
  mpz_class e = to_mpz(x) * to_mpz(gz.words()) + 1;
  EXPECT_EQ(mpz_class(e % pow2(64 * k)), 0) << "z = " << hex(gz.words()) << "\n  " << where();
}

TEST(BignumNegmodinv, IdentityAtAllSizesAndDensities) {
  Rng rng(2);
  for (size_t k : sizes())
    for (Density d : all_densities())
      for (int rep = 0; rep < reps(k); ++rep) {
        SCOPED_TRACE(label(k, d, rep));
        Words x = rng.words(k, d);
        x[0] |= 1;
        check_negmodinv(k, x, rep % 2 == 1);
      }
}

TEST(BignumNegmodinv, EdgeValuesAndAliasing) {
  Rng rng(3);
  for (size_t k : {1, 2, 3, 8, 31, 64, 128, 129, 200}) {  // > 128: aliased copy on the heap
    SCOPED_TRACE("k = " + std::to_string(k));
    Words one(k, 0), ones(k, ~0ull), top(k, 0);
    one[0] = 1;
    top[0] = 1;
    top[k - 1] |= 1ull << 63;
    Words random = rng.words(k);
    random[0] |= 1;
    for (const Words &x : {one, ones, top, random}) {
      check_negmodinv(k, x, false);
      check_negmodinv(k, x, true);
    }
  }
}

// Runs emontredc on z0 and checks z0 + q*m == 2^(64k) * r exactly, q < 2^(64k),
// c in {0, 1}, and r < 2m when z0 < 2^(64k) * m. Returns c.
uint64_t check_emontredc(size_t k, const Words &z0, const Words &m) {
  auto where = [&] { return "m = " + hex(m) + ", z0 = " + hex(z0); };
  Guarded gz(z0), gm(m);
  uint64_t c = bignum_emontredc_8n(k, gz.data(), gm.data(), word_negmodinv(m[0]));
  EXPECT_TRUE(gz.intact() && gm.intact()) << "wrote out of bounds\n  " << where();
  EXPECT_EQ(gm.words(), m) << "modulus modified\n  " << where();
  EXPECT_LE(c, 1u) << "\n  " << where();
  Words out = gz.words();
  mpz_class q = to_mpz(out.data(), k), hi = to_mpz(out.data() + k, k);
  mpz_class R = pow2(64 * k), r = R * c + hi, mm = to_mpz(m), z0m = to_mpz(z0);
  EXPECT_EQ(mpz_class(z0m + q * mm), mpz_class(R * r))
      << "c = " << c << ", out = " << hex(out) << "\n  " << where();
  if (z0m < R * mm) {
    EXPECT_LT(r, 2 * mm) << "\n  " << where();
  }
  return c;
}

TEST(BignumEmontredc8n, ExactIdentity) {
  Rng rng(4);
  int carries = 0;
  for (size_t k : {8, 16, 24, 32, 40, 48, 64, 128})
    for (Density dm : all_densities())
      for (Density dz : all_densities()) {
        SCOPED_TRACE("k = " + std::to_string(k) + ", m " + name(dm) + ", z0 " + name(dz));
        Words m = modulus(rng, k, dm);
        carries += check_emontredc(k, rng.words(2 * k, dz), m);
      }
  EXPECT_GT(carries, 0) << "the carry-out path was never exercised";
}

TEST(BignumEmontredc8n, EdgeInputsAndCarryOut) {
  Rng rng(5);
  int carries = 0;
  for (size_t k : {8, 16, 24, 32, 40, 48, 64, 128}) {
    SCOPED_TRACE("k = " + std::to_string(k));
    for (Density dm : {Density::TopBit, Density::Ones, Density::Random, Density::Sparse}) {
      Words m = modulus(rng, k, dm);
      mpz_class Rm = pow2(64 * k) * to_mpz(m);
      Words all_ones(2 * k, ~0ull), zero(2 * k, 0);
      Words near_top = all_ones;
      near_top[0] = rng.word();
      carries += check_emontredc(k, all_ones, m);  // 2^(128k) - 1
      carries += check_emontredc(k, near_top, m);
      carries += check_emontredc(k, zero, m);
      carries += check_emontredc(k, from_mpz(Rm - 1, 2 * k), m);  // largest z0 < R*m
      for (int rep = 0; rep < 3; ++rep)                           // reduced inputs
        carries += check_emontredc(k, from_mpz(to_mpz(rng.words(2 * k + 1)) % Rm, 2 * k), m);
    }
  }
  EXPECT_GT(carries, 0) << "the carry-out path was never exercised";
}

// montredc on x' = v (v <= 2^(64p) * m), stored in n words; words beyond p+k are junk
// the function must ignore. unit = 1/2^(64p) mod m.
void check_montredc(Rng &rng, size_t k, const Words &m, size_t n, size_t p, const mpz_class &v,
                    const mpz_class &unit) {
  auto where = [&] {
    return "n = " + std::to_string(n) + ", p = " + std::to_string(p) + ", m = " + hex(m) +
           ", x' = " + v.get_str(16);
  };
  Words x = from_mpz(v, n);
  for (size_t i = p + k; i < n; ++i) x[i] = rng.word();
  Guarded gz(k), gx(x), gm(m);
  bignum_montredc(k, gz.data(), n, gx.data(), gm.data(), p);
  EXPECT_TRUE(gz.intact() && gx.intact() && gm.intact())
      << "wrote out of bounds\n  " << where();
  EXPECT_EQ(gx.words(), x) << "input modified\n  " << where();
  EXPECT_TRUE(same_words(gz.words(), from_mpz(v * unit % to_mpz(m), k))) << "\n  " << where();
}

TEST(BignumMontredc, AllShapesOfNAndP) {
  Rng rng(6);
  for (size_t k : sizes())
    for (Density d : all_densities()) {
      SCOPED_TRACE("k = " + std::to_string(k) + ", density " + name(d));
      Words m = modulus(rng, k, d);
      mpz_class mm = to_mpz(m);
      for (size_t p : {size_t{0}, size_t{1}, k, 2 * k + 1}) {
        mpz_class limit = pow2(64 * p) * mm;  // x' <= limit
        mpz_class unit = inverse(pow2(64 * p) % mm, mm);
        for (size_t n : {size_t{0}, (p + k) / 2, p + k, p + k + 3}) {
          mpz_class cap = pow2(64 * std::min(n, p + k)) - 1;  // what n words can hold
          mpz_class top = limit < cap ? limit : cap;
          check_montredc(rng, k, m, n, p, top, unit);
          check_montredc(rng, k, m, n, p, 0, unit);
          check_montredc(rng, k, m, n, p, to_mpz(rng.words(n + k + 1, d)) % (top + 1), unit);
        }
      }
    }
}

TEST(BignumMontredc, SmallModulusInManyWords) {
  Rng rng(7);
  for (size_t k : {1, 2, 5, 16}) {
    Words m = small_modulus(rng, k);
    for (size_t p : {0, 1, 3}) {
      mpz_class mm = to_mpz(m), unit = inverse(pow2(64 * p) % mm, mm);
      check_montredc(rng, k, m, p + k, p, to_mpz(rng.words(p + 2)) % (pow2(64 * p) * mm + 1),
                     unit);
    }
  }
}

using MontFn = void (*)(uint64_t, uint64_t *, const uint64_t *, const uint64_t *,
                        const uint64_t *);

// Runs a Montgomery product (y == nullptr: the square of x) and returns z, checking
// buffers; `reduced` demands z == x*y/R mod m exactly, else z congruent to it.
void check_mont(size_t k, const Words &x, const Words *y, const Words &m, bool reduced) {
  auto where = [&] {
    return "m = " + hex(m) + ", x = " + hex(x) + (y ? ", y = " + hex(*y) : "");
  };
  Guarded gz(k), gx(x), gy(y ? *y : x), gm(m);
  if (y && reduced) bignum_montmul(k, gz.data(), gx.data(), gy.data(), gm.data());
  if (y && !reduced) bignum_amontmul(k, gz.data(), gx.data(), gy.data(), gm.data());
  if (!y && reduced) bignum_montsqr(k, gz.data(), gx.data(), gm.data());
  if (!y && !reduced) bignum_amontsqr(k, gz.data(), gx.data(), gm.data());
  EXPECT_TRUE(gz.intact() && gx.intact() && gy.intact() && gm.intact())
      << "wrote out of bounds\n  " << where();
  EXPECT_EQ(gx.words(), x) << "input modified\n  " << where();
  EXPECT_EQ(gm.words(), m) << "modulus modified\n  " << where();
  mpz_class want = mont(to_mpz(x) * to_mpz(y ? *y : x), m), got = to_mpz(gz.words());
  if (reduced)
    EXPECT_TRUE(same_words(gz.words(), from_mpz(want, k))) << "\n  " << where();
  else
    EXPECT_EQ(mpz_class(got % to_mpz(m)), want)
        << "z = " << hex(gz.words()) << "\n  " << where();
}

TEST(BignumMontmul, ReducedInputsAtAllSizesAndDensities) {
  Rng rng(8);
  for (size_t k : sizes())
    for (Density d : all_densities())
      for (int rep = 0; rep < reps(k); ++rep) {
        SCOPED_TRACE(label(k, d, rep));
        Words m = modulus(rng, k, d);
        Density dx = all_densities()[rng.below(6)];
        Words x = below(rng, m, dx), y = below(rng, m, d);
        check_mont(k, x, &y, m, true);
        check_mont(k, x, nullptr, m, true);
      }
}

TEST(BignumMontmul, EdgeValues) {
  Rng rng(9);
  for (size_t k : sizes()) {
    SCOPED_TRACE("k = " + std::to_string(k));
    for (Words m : {modulus(rng, k, Density::TopBit), modulus(rng, k, Density::Ones),
                    modulus(rng, k, Density::Sparse), small_modulus(rng, k)}) {
      Words zero(k, 0), one = zero, top = minus_one(m), r = below(rng, m, Density::Random);
      one[0] = 1;
      for (const Words &x : {zero, one, top, r}) {
        for (const Words &y : {zero, one, top, r}) check_mont(k, x, &y, m, true);
        check_mont(k, x, nullptr, m, true);
      }
      Words ones(k, ~0ull);  // x >= m is allowed while x * y <= R * m
      check_mont(k, ones, &one, m, true);
      check_mont(k, one, &ones, m, true);
    }
  }
  Words one = {1};  // m = 1: everything is 0
  check_mont(1, Words{0}, &one, one, true);
  check_mont(1, Words{0}, nullptr, one, true);
}

TEST(BignumAmontmul, AnyInputsAtAllSizesAndDensities) {
  Rng rng(10);
  for (size_t k : sizes())
    for (Density d : all_densities())
      for (int rep = 0; rep < reps(k); ++rep) {
        SCOPED_TRACE(label(k, d, rep));
        Words m = rep == 0 ? small_modulus(rng, k) : modulus(rng, k, d);
        Words x = rng.words(k, all_densities()[rng.below(6)]), y = rng.words(k, d);
        check_mont(k, x, &y, m, false);
        check_mont(k, x, nullptr, m, false);
      }
}

TEST(BignumAmontmul, EdgeValues) {
  Rng rng(11);
  for (size_t k : sizes()) {
    SCOPED_TRACE("k = " + std::to_string(k));
    for (Words m : {modulus(rng, k, Density::TopBit), modulus(rng, k, Density::Ones),
                    modulus(rng, k, Density::Sparse), small_modulus(rng, k)}) {
      Words zero(k, 0), ones(k, ~0ull), top = minus_one(m), mm = m;
      for (const Words &x : {zero, ones, top, mm}) {
        for (const Words &y : {zero, ones, top, mm}) check_mont(k, x, &y, m, false);
        check_mont(k, x, nullptr, m, false);
      }
    }
  }
  Words one = {1};
  check_mont(1, Words{~0ull}, &one, one, false);
  check_mont(1, Words{~0ull}, nullptr, one, false);
}

void check_demont(size_t k, const Words &x, const Words &m, bool aliased) {
  auto where = [&] {
    return "m = " + hex(m) + ", x = " + hex(x) + (aliased ? " (z == x)" : "");
  };
  Guarded gz = aliased ? Guarded(x) : Guarded(k), gx(x), gm(m);
  bignum_demont(k, gz.data(), aliased ? gz.data() : gx.data(), gm.data());
  EXPECT_TRUE(gz.intact() && gx.intact() && gm.intact())
      << "wrote out of bounds\n  " << where();
  EXPECT_EQ(gx.words(), x) << "input modified\n  " << where();
  EXPECT_TRUE(same_words(gz.words(), from_mpz(mont(to_mpz(x), m), k))) << "\n  " << where();
}

TEST(BignumDemont, AnyInputsAndAliasing) {
  Rng rng(12);
  for (size_t k : sizes()) {
    for (Density d : all_densities())
      for (int rep = 0; rep < reps(k); ++rep) {
        SCOPED_TRACE(label(k, d, rep));
        Words m = modulus(rng, k, all_densities()[rng.below(6)]);
        check_demont(k, rng.words(k, d), m, rep % 2 == 0);
      }
    SCOPED_TRACE("edge values, k = " + std::to_string(k));
    for (Words m : {modulus(rng, k, Density::TopBit), modulus(rng, k, Density::Ones),
                    small_modulus(rng, k)}) {
      Words zero(k, 0), ones(k, ~0ull), top = minus_one(m);
      for (const Words &x : {zero, ones, top, m})  // x = m must come out as 0
        for (bool aliased : {false, true}) check_demont(k, x, m, aliased);
    }
  }
  check_demont(1, Words{~0ull}, Words{1}, true);
}

void check_montifier(size_t k, const Words &m) {
  auto where = [&] { return "m = " + hex(m); };
  Guarded gz(k), gt(k), gm(m);
  bignum_montifier(k, gz.data(), gm.data(), gt.data());
  EXPECT_TRUE(gz.intact() && gt.intact() && gm.intact())
      << "wrote out of bounds\n  " << where();
  EXPECT_EQ(gm.words(), m) << "modulus modified\n  " << where();
  EXPECT_TRUE(same_words(gz.words(), from_mpz(pow2(128 * k) % to_mpz(m), k)))
      << "\n  " << where();
}

TEST(BignumMontifier, AllSizesAndDensities) {
  Rng rng(13);
  for (size_t k : sizes()) {
    SCOPED_TRACE("k = " + std::to_string(k));
    for (Density d : all_densities()) check_montifier(k, modulus(rng, k, d));
    check_montifier(k, small_modulus(rng, k));
    Words three(k, 0);
    three[0] = 3;
    check_montifier(k, three);
  }
  check_montifier(1, Words{1});
  check_montifier(1, Words{~0ull});
}

}  // namespace
