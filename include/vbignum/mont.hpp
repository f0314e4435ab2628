// Montgomery arithmetic modulo an odd number of 1 to max_words words.
//
// With R = 2^(64k), k the modulus's word count, x is held as x*R mod m. The
// constructor precomputes w = -1/m mod 2^64, R mod m and R^2 mod m. Every product
// and square is one "almost" Montgomery step (for k a multiple of 8: a full
// product by the size's best kernel, extended Montgomery reduction and one
// subtraction under its carry; see step()), so values in a chain stay below
// 2^(64k) but not necessarily below m: that saves a comparison per step; results
// leave the chain through demont or normalize().
// All arithmetic is constant time in the values; only sizes steer control flow.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "../vbignum.h"
#include "error.hpp"
#include "mont_kernels.hpp"
#include "words.hpp"

namespace vbignum {

inline constexpr std::size_t max_words = 256;  // 16384-bit moduli

class montgomery {
 public:
  // m: the modulus, little-endian words; leading zero words are ignored.
  explicit montgomery(words_view modulus) {
    k_ = significant_words(modulus);
    if (k_ == 0) throw error("modulus is zero");
    if ((modulus[0] & 1) == 0) throw error("modulus is even (Montgomery arithmetic needs an odd modulus)");
    if (k_ > max_words)
      throw error("unsupported modulus size: " + std::to_string(k_) + " words (at most " +
                  std::to_string(max_words) + ")");
    m_.assign(modulus.begin(), modulus.begin() + k_);
    w_ = word_negmodinv(m_[0]);
    r2_.assign(k_, 0);
    word_vector t(VBIGNUM_MONTIFIER_TEMP_WORDS(k_));
    bignum_montifier(k_, r2_.data(), m_.data(), t.data());
    one_.assign(k_, 0);
    bignum_demont(k_, one_.data(), r2_.data(), m_.data());  // R^2 / R = R mod m
  }

  std::size_t size() const { return k_; }
  words_view modulus() const { return m_; }
  std::uint64_t negated_inverse() const { return w_; }  // w = -1/m mod 2^64
  words_view r2() const { return r2_; }                 // R^2 mod m
  words_view one() const { return one_; }               // R mod m: 1 in Montgomery form

  // --- Checked operations: operands must be below m (any length, leading zeros ok).

  // x as exactly k words; throws unless x < m.
  word_vector load(words_view x, const char *what = "operand") const {
    word_vector z(k_, 0);
    std::uint64_t high = 0;
    for (std::size_t i = 0; i < x.size(); ++i) (i < k_ ? z[i] : high) |= x[i];
    if (high != 0 || bignum_ge(k_, z.data(), k_, m_.data()))
      throw error(std::string(what) + " is not below the modulus");
    return z;
  }

  word_vector to_mont(words_view x) const {  // x*R mod m
    word_vector a = load(x), z(k_);
    mul_raw(z.data(), a.data(), r2_.data());
    normalize(z.data());
    return z;
  }
  word_vector from_mont(words_view x) const {  // x/R mod m
    word_vector z = load(x);
    bignum_demont(k_, z.data(), z.data(), m_.data());
    return z;
  }
  word_vector mul(words_view x, words_view y) const {  // x*y/R mod m
    word_vector a = load(x), b = load(y), z(k_);
    mul_raw(z.data(), a.data(), b.data());
    normalize(z.data());
    return z;
  }
  word_vector sqr(words_view x) const {  // x^2/R mod m
    word_vector a = load(x), z(k_);
    sqr_raw(z.data(), a.data());
    normalize(z.data());
    return z;
  }
  // Plain modular product and square: x*y mod m, x^2 mod m.
  word_vector modmul(words_view x, words_view y) const { return mul(to_mont(x), y); }
  word_vector modsqr(words_view x) const { return mul(to_mont(x), x); }

  // x mod m for x of any length (no "below m" precondition); constant time in x.
  word_vector reduce(words_view x) const { return reduce_times_r(x, 0); }
  // (x mod m) in Montgomery form, x of any length.
  word_vector reduce_to_mont(words_view x) const { return reduce_times_r(x, 1); }

  // --- Unchecked kernels for the modexp and RSA code: z disjoint from x and y.
  // z == x*y/R (mod m) and z < 2^(64k) for any k-word operands, so chains of raw
  // operations can go on; if x or y is below m, then z < 2m and normalize(z)
  // reduces it.
  void mul_raw(std::uint64_t *z, const std::uint64_t *x, const std::uint64_t *y) const {
    step(z, x, y);
  }
  void sqr_raw(std::uint64_t *z, const std::uint64_t *x) const { step(z, x, x); }
  // z mod m for z < 2m, in place.
  void normalize(std::uint64_t *z) const {
    bignum_optsub(k_, z, z, bignum_ge(k_, z, k_, m_.data()), m_.data());
  }

 private:
  // One almost-Montgomery step (y == x: a square). Where the library has a fused
  // routine (x86-64 at 16, 24, 32, 48 and 64 words), one call; otherwise, for k a
  // multiple of 8, the kernels composed here with this context's w, which saves a
  // call level and recomputing w per step; other k, the library's word-serial
  // routine.
  void step(std::uint64_t *z, const std::uint64_t *x, const std::uint64_t *y) const {
#if defined(__x86_64__)
    const bool fused = k_ == 16 || k_ == 24 || k_ == 32 || k_ == 48 || k_ == 64;
#else
    const bool fused = false;
#endif
    if (fused || k_ % 8 != 0) {
      x == y ? bignum_amontsqr(k_, z, x, m_.data()) : bignum_amontmul(k_, z, x, y, m_.data());
      return;
    }
    alignas(64) std::uint64_t t[detail::amont_kernels_temp_words(max_words)];
    detail::amont_by_kernels(k_, z, x, y, m_.data(), w_, t);
  }

  // (x mod m) * R^e mod m, e in {0, 1}, x of n words. montredc needs
  // x <= 2^(64p) * m; as m >= 2^(64(k-1)), any p >= n-k+1 will do, and the least
  // multiple of k, p = j*k, makes montredc give x / R^j mod m. Montgomery-
  // multiplying that by R^(j+1+e) gives x * R^e.
  word_vector reduce_times_r(words_view x, unsigned e) const {
    const std::size_t n = x.size();
    const std::size_t j = std::max<std::size_t>(1, n / k_);  // ceil((n-k+1)/k), at least 1
    word_vector xr(k_), factor = to_word_vector(r2_), tmp(k_);
    bignum_montredc(k_, xr.data(), n, x.data(), m_.data(), j * k_);
    for (std::size_t i = 1; i < j + e; ++i) {  // R^(a+1) = R^a * R^2 / R
      mul_raw(tmp.data(), factor.data(), r2_.data());
      factor.swap(tmp);
    }
    mul_raw(tmp.data(), xr.data(), factor.data());  // xr < m: tmp < 2m
    normalize(tmp.data());
    return tmp;
  }

  std::size_t k_ = 0;
  word_vector m_, r2_, one_;
  std::uint64_t w_ = 0;
};

}  // namespace vbignum
