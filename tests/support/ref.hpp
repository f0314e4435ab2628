// Test support: GMP as the independent reference, and seeded random numbers of
// varied bit density. Shared by every test file.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace vbtest {

using Words = std::vector<uint64_t>;

// Little-endian words -> GMP integer.
inline mpz_class to_mpz(const uint64_t *x, size_t k) {
  mpz_class r;
  if (k) mpz_import(r.get_mpz_t(), k, -1, sizeof(uint64_t), 0, 0, x);
  return r;
}
inline mpz_class to_mpz(const Words &x) { return to_mpz(x.data(), x.size()); }

// GMP integer (non-negative) -> k little-endian words, reduced mod 2^(64k).
inline Words from_mpz(const mpz_class &v, size_t k) {
  mpz_class r = v;
  if (r < 0) { mpz_class m = 1; m <<= 64 * k; r %= m; if (r < 0) r += m; }
  mpz_class mask = 1;
  mask <<= 64 * k;
  mask -= 1;
  r &= mask;
  Words out(k, 0);
  size_t count = 0;
  if (r != 0) mpz_export(out.data(), &count, -1, sizeof(uint64_t), 0, 0, r.get_mpz_t());
  return out;
}

inline mpz_class pow2(size_t bits) { mpz_class r = 1; r <<= bits; return r; }

// Bit densities that shake out carry and sign bugs.
enum class Density { Random, Sparse, Dense, Zero, Ones, TopBit };
inline const std::vector<Density> &all_densities() {
  static const std::vector<Density> d = {Density::Random, Density::Sparse, Density::Dense,
                                         Density::Zero,   Density::Ones,   Density::TopBit};
  return d;
}
inline std::string name(Density d) {
  switch (d) {
    case Density::Random: return "random";
    case Density::Sparse: return "sparse";
    case Density::Dense: return "dense";
    case Density::Zero: return "zero";
    case Density::Ones: return "ones";
    case Density::TopBit: return "topbit";
  }
  return "?";
}

class Rng {
 public:
  explicit Rng(uint64_t seed = 0x5eed'0f'b16'0000ull) : gen_(seed) {}
  uint64_t word() { return gen_(); }
  uint64_t below(uint64_t n) { return n ? gen_() % n : 0; }

  // A word with few bits set / few bits clear.
  uint64_t sparse_word() {
    uint64_t w = 0;
    for (int i = 0, n = below(3); i < n; ++i) w |= 1ull << below(64);
    return w;
  }

  Words words(size_t k, Density d = Density::Random) {
    Words x(k);
    for (auto &w : x) {
      switch (d) {
        case Density::Random: w = word(); break;
        case Density::Sparse: w = sparse_word(); break;
        case Density::Dense: w = ~sparse_word(); break;
        case Density::Zero: w = 0; break;
        case Density::Ones: w = ~0ull; break;
        case Density::TopBit: w = word(); break;
      }
    }
    if (d == Density::TopBit && k) x[k - 1] |= 1ull << 63;
    return x;
  }

  // An odd k-word modulus of the given density (top word nonzero).
  Words odd_modulus(size_t k, Density d = Density::Random) {
    Words m = words(k, d == Density::Zero ? Density::Sparse : d);
    if (k) {
      m[0] |= 1;
      if (m[k - 1] == 0) m[k - 1] = 1ull << below(64);
    }
    return m;
  }

  // A number uniformly below m (k words).
  Words below(const Words &m) {
    mpz_class mz = to_mpz(m), r = to_mpz(words(m.size() + 1)) % mz;
    return from_mpz(r, m.size());
  }

 private:
  std::mt19937_64 gen_;
};

}  // namespace vbtest
