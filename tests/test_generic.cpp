// Generic add, sub, ge, optsub, mux, modadd, modsub against GMP: every size 1..40,
// 48, 64, 128, shorter and longer operands, zero sizes, every density, carries
// that ripple through every word, and the aliasing each contract allows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/check.hpp"
#include "support/ref.hpp"
#include "vbignum.h"

using namespace vbtest;

namespace {

const std::vector<size_t> &sizes() {
  static const std::vector<size_t> s = [] {
    std::vector<size_t> v;
    for (size_t i = 1; i <= 40; ++i) v.push_back(i);
    for (size_t i : {48, 64, 128}) v.push_back(i);
    return v;
  }();
  return s;
}

int reps_for(size_t s) { return s <= 16 ? 4 : 2; }

// x mod 2^(64p), as a GMP integer.
mpz_class low_words(const Words &x, size_t p) {
  return to_mpz(x.data(), x.size() < p ? x.size() : p);
}

std::string shape(size_t p, size_t m, size_t n) {
  return "p=" + std::to_string(p) + " m=" + std::to_string(m) + " n=" + std::to_string(n);
}

// ---------------------------------------------------------------------------
// bignum_add / bignum_sub: z (p words) = x (m words) +/- y (n words).

using AddSubFn = uint64_t (*)(uint64_t, uint64_t *, uint64_t, const uint64_t *, uint64_t,
                              const uint64_t *);

struct Shape { size_t p, m, n; };

std::vector<Shape> add_shapes(size_t s, Rng &rng) {
  std::vector<Shape> v = {{s, s, s},     {s, s / 2, s}, {s, s, s / 2}, {s, 2 * s, s},
                          {s, s, 2 * s}, {s + 3, s, s}, {s, 1, s},     {0, s, s},
                          {s, 0, s},     {s, s, 0},     {s, 0, 0}};
  for (int r = 0; r < 3; ++r) v.push_back({rng.below(2 * s + 2), rng.below(2 * s + 2), rng.below(2 * s + 2)});
  return v;
}

// Expected (z, carry or borrow) for x +/- y truncated to p words.
std::pair<Words, uint64_t> add_sub_reference(bool subtract, size_t p, const Words &x,
                                             const Words &y) {
  mpz_class a = low_words(x, p), b = low_words(y, p);
  if (subtract) return {from_mpz(a - b, p), a < b ? 1u : 0u};
  mpz_class s = a + b;
  return {from_mpz(s, p), s >= pow2(64 * p) ? 1u : 0u};
}

void check_add_sub(bool subtract, AddSubFn fn) {
  for (size_t s : sizes()) {
    Rng rng((subtract ? 0x737562000 : 0x616464000) + s);
    for (const Shape &sh : add_shapes(s, rng))
      for (Density dx : all_densities())
        for (Density dy : all_densities())
          for (int r = 0; r < reps_for(s); ++r) {
            Words x = rng.words(sh.m, dx), y = rng.words(sh.n, dy);
            auto [want, want_c] = add_sub_reference(subtract, sh.p, x, y);
            Guarded gx(x), gy(y), gz(sh.p);
            uint64_t c = fn(sh.p, gz.data(), sh.m, gx.data(), sh.n, gy.data());
            ASSERT_TRUE(same_words(gz.words(), want))
                << shape(sh.p, sh.m, sh.n) << " density " << name(dx) << " x " << name(dy)
                << "\n  x = " << hex(x) << "\n  y = " << hex(y);
            ASSERT_EQ(c, want_c) << "carry/borrow, " << shape(sh.p, sh.m, sh.n);
            ASSERT_TRUE(gz.intact() && gx.intact() && gy.intact()) << shape(sh.p, sh.m, sh.n);
            ASSERT_EQ(gx.words(), x);
            ASSERT_EQ(gy.words(), y);
          }
  }
}

// z == x (and z == y): the buffer holds max(p, length) words.
void check_add_sub_aliasing(bool subtract, AddSubFn fn) {
  Rng rng(subtract ? 0xa5b : 0xaad);
  for (size_t s : sizes())
    for (size_t len : {s, s / 2, 2 * s})  // operand shorter, equal, longer than p
      for (bool alias_x : {true, false})
        for (int r = 0; r < 6; ++r) {
          Density d = all_densities()[r];
          Words a = rng.words(len, d), b = rng.words(rng.below(2 * s + 1), Density::Random);
          const Words &x = alias_x ? a : b, &y = alias_x ? b : a;
          auto [want, want_c] = add_sub_reference(subtract, s, x, y);
          Words buf = a;
          buf.resize(std::max(s, len), 0);
          uint64_t c = alias_x ? fn(s, buf.data(), len, buf.data(), b.size(), b.data())
                               : fn(s, buf.data(), b.size(), b.data(), len, buf.data());
          buf.resize(s);
          ASSERT_TRUE(same_words(buf, want))
              << (alias_x ? "z == x, " : "z == y, ") << shape(s, x.size(), y.size())
              << " density " << name(d);
          ASSERT_EQ(c, want_c) << (alias_x ? "z == x, " : "z == y, ") << shape(s, x.size(), y.size());
        }
}

// Carries and borrows that ripple through every word: all-ones + 1, 0 - 1.
void check_add_sub_ripple(bool subtract, AddSubFn fn) {
  for (size_t s : sizes()) {
    Words ones(s, ~0ull), zero(s, 0), one(1, 1);
    const Words &x = subtract ? zero : ones;
    auto [want, want_c] = add_sub_reference(subtract, s, x, one);
    Words z(s);
    uint64_t c = fn(s, z.data(), s, x.data(), 1, one.data());
    ASSERT_TRUE(same_words(z, want)) << "ripple, p = " << s;
    ASSERT_EQ(c, 1u) << "ripple, p = " << s;
    ASSERT_EQ(want_c, 1u);
    // One word short of the end the carry stays inside: p = s + 1.
    Words z1(s + 1);
    ASSERT_EQ(fn(s + 1, z1.data(), s, x.data(), 1, one.data()), subtract ? 1u : 0u);
    ASSERT_TRUE(same_words(z1, add_sub_reference(subtract, s + 1, x, one).first));
  }
}

TEST(Add, AllShapesAndDensities) { check_add_sub(false, bignum_add); }
TEST(Add, Aliasing) { check_add_sub_aliasing(false, bignum_add); }
TEST(Add, CarryRipplesThroughEveryWord) { check_add_sub_ripple(false, bignum_add); }
TEST(Sub, AllShapesAndDensities) { check_add_sub(true, bignum_sub); }
TEST(Sub, Aliasing) { check_add_sub_aliasing(true, bignum_sub); }
TEST(Sub, BorrowRipplesThroughEveryWord) { check_add_sub_ripple(true, bignum_sub); }

// ---------------------------------------------------------------------------
// bignum_ge

TEST(Ge, RandomAndDifferentSizes) {
  for (size_t s : sizes()) {
    Rng rng(0x6765000 + s);
    for (const Shape &sh : add_shapes(s, rng))
      for (Density dx : all_densities())
        for (Density dy : all_densities())
          for (int r = 0; r < reps_for(s); ++r) {
            Words x = rng.words(sh.m, dx), y = rng.words(sh.n, dy);
            uint64_t want = to_mpz(x) >= to_mpz(y);
            ASSERT_EQ(bignum_ge(sh.m, x.data(), sh.n, y.data()), want)
                << "m=" << sh.m << " n=" << sh.n << " density " << name(dx) << " x "
                << name(dy) << "\n  x = " << hex(x) << "\n  y = " << hex(y);
          }
  }
}

// Equal values (with zero padding on either side), and neighbours x = y +/- 1.
TEST(Ge, EqualAndAdjacentValues) {
  Rng rng(0x6765);
  for (size_t s : sizes())
    for (Density d : all_densities())
      for (size_t pad : {0, 1, 3}) {
        Words x = rng.words(s, d), y = x;
        y.resize(s + pad, 0);
        ASSERT_EQ(bignum_ge(s, x.data(), s + pad, y.data()), 1u) << "x == y, s=" << s << " pad=" << pad;
        ASSERT_EQ(bignum_ge(s + pad, y.data(), s, x.data()), 1u) << "y == x, s=" << s << " pad=" << pad;
        Words bigger = from_mpz(to_mpz(x) + 1, s + 1);
        bigger.resize(s + pad + 1, 0);
        ASSERT_EQ(bignum_ge(s, x.data(), bigger.size(), bigger.data()), 0u)
            << "x < x+1, s=" << s << " density " << name(d);
        ASSERT_EQ(bignum_ge(bigger.size(), bigger.data(), s, x.data()), 1u)
            << "x+1 >= x, s=" << s << " density " << name(d);
      }
  Words empty, zero(4, 0), one = {1};
  EXPECT_EQ(bignum_ge(0, empty.data(), 0, empty.data()), 1u);
  EXPECT_EQ(bignum_ge(0, empty.data(), 4, zero.data()), 1u);
  EXPECT_EQ(bignum_ge(4, zero.data(), 0, empty.data()), 1u);
  EXPECT_EQ(bignum_ge(0, empty.data(), 1, one.data()), 0u);
  EXPECT_EQ(bignum_ge(1, one.data(), 0, empty.data()), 1u);
}

// ---------------------------------------------------------------------------
// bignum_optsub and bignum_mux: the condition p is any word, tested at 0, 1,
// single high bits and all-ones.

const std::vector<uint64_t> &conditions() {
  static const std::vector<uint64_t> p = {0, 1, 2, 0x100, 1ull << 32, 1ull << 63, ~0ull,
                                          0x123456789abcdef0ull};
  return p;
}

enum class Alias { None, ZisX, ZisY };
const char *alias_name(Alias a) {
  return a == Alias::None ? "no alias" : a == Alias::ZisX ? "z == x" : "z == y";
}

TEST(OptSub, AllSizesConditionsAndAliasing) {
  for (size_t k : sizes())
    for (uint64_t p : conditions())
      for (Alias alias : {Alias::None, Alias::ZisX, Alias::ZisY}) {
        Rng rng(0x6f7073000 + k * 16 + p % 7);
        for (Density dx : all_densities())
          for (Density dy : all_densities()) {
            Words x = rng.words(k, dx), y = rng.words(k, dy);
            mpz_class a = to_mpz(x), b = to_mpz(y);
            Words want = p ? from_mpz(a - b, k) : x;
            uint64_t want_borrow = p && a < b;
            Words z(k), xs = x, ys = y;
            uint64_t *out = alias == Alias::ZisX ? xs.data() : alias == Alias::ZisY ? ys.data() : z.data();
            uint64_t borrow = bignum_optsub(k, out, xs.data(), p, ys.data());
            Words got(out, out + k);
            ASSERT_TRUE(same_words(got, want)) << "k=" << k << " p=" << p << " " << alias_name(alias)
                                               << " density " << name(dx) << " x " << name(dy);
            ASSERT_EQ(borrow, want_borrow) << "k=" << k << " p=" << p << " " << alias_name(alias);
          }
      }
  Words none;
  EXPECT_EQ(bignum_optsub(0, none.data(), none.data(), 1, none.data()), 0u) << "k = 0";
}

TEST(Mux, AllSizesConditionsAndAliasing) {
  for (size_t k : sizes())
    for (uint64_t p : conditions())
      for (Alias alias : {Alias::None, Alias::ZisX, Alias::ZisY}) {
        Rng rng(0x6d7578000 + k * 16 + p % 7);
        for (Density d : all_densities()) {
          Words x = rng.words(k, d), y = rng.words(k, Density::Random);
          Words z(k, 0x5a5a), xs = x, ys = y;
          uint64_t *out = alias == Alias::ZisX ? xs.data() : alias == Alias::ZisY ? ys.data() : z.data();
          bignum_mux(p, k, out, xs.data(), ys.data());
          Words got(out, out + k);
          ASSERT_TRUE(same_words(got, p ? x : y))
              << "k=" << k << " p=" << p << " " << alias_name(alias) << " density " << name(d);
        }
      }
}

// ---------------------------------------------------------------------------
// bignum_modadd / bignum_modsub: x, y < m.

using ModFn = void (*)(uint64_t, uint64_t *, const uint64_t *, const uint64_t *,
                       const uint64_t *);

// Moduli of every density (nonzero), plus 2^(64k) - 1 so that x + y carries out of
// the top word, and 1 (only x = y = 0 allowed).
std::vector<Words> moduli(size_t k, Rng &rng) {
  std::vector<Words> ms;
  for (Density d : all_densities()) {
    Words m = rng.words(k, d == Density::Zero ? Density::Sparse : d);
    if (to_mpz(m) == 0) m[0] = 1;
    ms.push_back(m);
  }
  ms.push_back(Words(k, ~0ull));
  Words one(k, 0);
  one[0] = 1;
  ms.push_back(one);
  return ms;
}

// Operands below m: random, and the edges 0, 1, m - 1, m - 2.
std::vector<Words> below(const Words &m, Rng &rng) {
  mpz_class mz = to_mpz(m);
  size_t k = m.size();
  std::vector<Words> v = {Words(k, 0), from_mpz(mz - 1, k)};
  if (mz > 1) v.push_back(from_mpz(mpz_class(1), k));
  if (mz > 2) v.push_back(from_mpz(mz - 2, k));
  for (int r = 0; r < 3; ++r) v.push_back(rng.below(m));
  return v;
}

void check_mod(bool subtract, ModFn fn) {
  for (size_t k : sizes()) {
    Rng rng((subtract ? 0x6d73000 : 0x6d61000) + k);
    for (const Words &m : moduli(k, rng)) {
      mpz_class mz = to_mpz(m);
      std::vector<Words> xs = below(m, rng);
      for (const Words &x : xs)
        for (const Words &y : xs)
          for (Alias alias : {Alias::None, Alias::ZisX, Alias::ZisY}) {
            mpz_class r = to_mpz(x);
            if (subtract) r -= to_mpz(y); else r += to_mpz(y);
            r %= mz;
            if (r < 0) r += mz;
            Words want = from_mpz(r, k);
            Guarded gx(x), gy(y), gz(k), gm(m);
            uint64_t *out = alias == Alias::ZisX ? gx.data() : alias == Alias::ZisY ? gy.data() : gz.data();
            fn(k, out, gx.data(), gy.data(), gm.data());
            ASSERT_TRUE(same_words(Words(out, out + k), want))
                << "k=" << k << " " << alias_name(alias) << "\n  m = " << hex(m)
                << "\n  x = " << hex(x) << "\n  y = " << hex(y);
            ASSERT_TRUE(gx.intact() && gy.intact() && gz.intact() && gm.intact()) << "k=" << k;
            ASSERT_EQ(gm.words(), m) << "modulus modified";
          }
      // x == y == z: one buffer for everything but m.
      Words x = xs.back(), buf = x;
      fn(k, buf.data(), buf.data(), buf.data(), m.data());
      mpz_class r = subtract ? mpz_class(0) : mpz_class((2 * to_mpz(x)) % mz);
      ASSERT_TRUE(same_words(buf, from_mpz(r, k))) << "x == y == z, k=" << k;
    }
  }
}

TEST(ModAdd, AllSizesModuliAndEdges) { check_mod(false, bignum_modadd); }
TEST(ModSub, AllSizesModuliAndEdges) { check_mod(true, bignum_modsub); }

}  // namespace
