// Montgomery arithmetic modulo an odd number of 1 to max_words words.
//
// With R = 2^(64k), k the modulus's word count, x is held as x*R mod m. The
// constructor precomputes w = -1/m mod 2^64, R mod m and R^2 mod m. Multiplication
// picks its kernel by size: a full product then extended Montgomery reduction
// (emontredc_8n) when k is a multiple of 8 -- Karatsuba products for 16, 24 and 32
// words (RSA-2048/3072/4096 primes), four of them for 48 and 64 words (3072- and
// 4096-bit moduli), bignum_mul/bignum_sqr for other multiples of 8 -- and the
// interleaved montmul/montsqr for every other size.
// The raw kernels used by modexp and RSA keep values "almost reduced" (below
// 2^(64k), not necessarily below m) when k is a multiple of 8: that saves a
// comparison per step; results leave the chain through demont or normalize().
// All arithmetic is constant time in the values; only sizes steer control flow.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "../vbignum.h"
#include "error.hpp"
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
    kernel_ = kernel_for(k_);
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
    scratch s(*this);
    mul_raw(z.data(), a.data(), r2_.data(), s);
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
    scratch s(*this);
    mul_raw(z.data(), a.data(), b.data(), s);
    normalize(z.data());
    return z;
  }
  word_vector sqr(words_view x) const {  // x^2/R mod m
    word_vector a = load(x), z(k_);
    scratch s(*this);
    sqr_raw(z.data(), a.data(), s);
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

  // --- Unchecked kernels for the modexp and RSA code: z disjoint from x and y, s a
  // scratch of this context. z == x*y/R (mod m) and z < 2^(64k): the operands may be
  // any k-word values when k is a multiple of 8 (almost Montgomery); otherwise they
  // must be below m, and so is z, which lets chains of raw operations go on. If x or
  // y is below m, then z < 2m and normalize(z) reduces it.
  struct scratch {
    explicit scratch(const montgomery &c) : buf(c.kernel_ == kernel::generic ? 0 : 3 * c.k_ + 96) {}
    word_vector buf;  // 2k-word product, then room for the product kernels' temps
  };
  void mul_raw(std::uint64_t *z, const std::uint64_t *x, const std::uint64_t *y, scratch &s) const {
    std::uint64_t *prod = s.buf.data(), *t = prod + 2 * k_;
    const std::size_t h = k_ / 2;
    switch (kernel_) {
      case kernel::karatsuba: kmul(k_, prod, x, y, t); break;
      case kernel::halves:  // (x1 B + x0)(y1 B + y0), B = 2^(64h): four Karatsuba products
        kmul(h, prod, x, y, t + k_);
        kmul(h, prod + k_, x + h, y + h, t + k_);
        kmul(h, t, x, y + h, t + k_);
        bignum_add(3 * h, prod + h, 3 * h, prod + h, k_, t);
        kmul(h, t, x + h, y, t + k_);
        bignum_add(3 * h, prod + h, 3 * h, prod + h, k_, t);
        break;
      case kernel::any8n: bignum_mul(2 * k_, prod, k_, x, k_, y); break;
      case kernel::generic: bignum_montmul(k_, z, x, y, m_.data()); return;
    }
    reduce_product(z, prod);
  }
  void sqr_raw(std::uint64_t *z, const std::uint64_t *x, scratch &s) const {
    std::uint64_t *prod = s.buf.data(), *t = prod + 2 * k_;
    const std::size_t h = k_ / 2;
    switch (kernel_) {
      case kernel::karatsuba: ksqr(k_, prod, x, t); break;
      case kernel::halves:  // x0^2 + 2 x0 x1 B + x1^2 B^2
        ksqr(h, prod, x, t + k_);
        ksqr(h, prod + k_, x + h, t + k_);
        kmul(h, t, x, x + h, t + k_);
        bignum_add(3 * h, prod + h, 3 * h, prod + h, k_, t);
        bignum_add(3 * h, prod + h, 3 * h, prod + h, k_, t);
        break;
      case kernel::any8n: bignum_sqr(2 * k_, prod, k_, x); break;
      case kernel::generic: bignum_montsqr(k_, z, x, m_.data()); return;
    }
    reduce_product(z, prod);
  }
  // z mod m for z < 2m, in place.
  void normalize(std::uint64_t *z) const {
    bignum_optsub(k_, z, z, bignum_ge(k_, z, k_, m_.data()), m_.data());
  }

 private:
  // karatsuba: k in {16, 24, 32}; halves: k in {48, 64}, products built from four
  // half-size Karatsuba products; any8n: other multiples of 8; generic: the rest.
  enum class kernel { karatsuba, halves, any8n, generic };

  static kernel kernel_for(std::size_t k) {
    if (k == 16 || k == 24 || k == 32) return kernel::karatsuba;
    if (k == 48 || k == 64) return kernel::halves;
    return k % 8 == 0 ? kernel::any8n : kernel::generic;
  }

  // z = x*y and z = x^2 (2n words) by the Karatsuba kernels, n in {16, 24, 32}.
  static void kmul(std::size_t n, std::uint64_t *z, const std::uint64_t *x, const std::uint64_t *y,
                   std::uint64_t *t) {
    if (n == 16)
      bignum_kmul_16_32(z, x, y, t);
    else if (n == 24)
      bignum_kmul_24_48(z, x, y, t);
    else
      bignum_kmul_32_64(z, x, y, t);
  }
  static void ksqr(std::size_t n, std::uint64_t *z, const std::uint64_t *x, std::uint64_t *t) {
    if (n == 16)
      bignum_ksqr_16_32(z, x, t);
    else if (n == 24)
      bignum_ksqr_24_48(z, x, t);
    else
      bignum_ksqr_32_64(z, x, t);
  }

  // z == prod / R (mod m), z < 2^(64k), for a product of two k-word numbers (k a
  // multiple of 8). emontredc leaves q in the low half and r = 2^(64k)*c + high
  // half, with prod + q*m = R*r, so r = prod/R + q*m/R < 2^(64k) + m: subtracting m
  // when c = 1 is enough to bring r below 2^(64k) (almost Montgomery; no compare).
  // If one factor is below m, prod/R < m and r < 2m, which stays true after it.
  void reduce_product(std::uint64_t *z, std::uint64_t *prod) const {
    std::uint64_t c = bignum_emontredc_8n(k_, prod, m_.data(), w_);
    bignum_optsub(k_, z, prod + k_, c, m_.data());
  }

  // (x mod m) * R^e mod m, e in {0, 1}, x of n words. montredc needs
  // x <= 2^(64p) * m; as m >= 2^(64(k-1)), any p >= n-k+1 will do, and the least
  // multiple of k, p = j*k, makes montredc give x / R^j mod m. Montgomery-
  // multiplying that by R^(j+1+e) gives x * R^e.
  word_vector reduce_times_r(words_view x, unsigned e) const {
    const std::size_t n = x.size();
    const std::size_t j = std::max<std::size_t>(1, n / k_);  // ceil((n-k+1)/k), at least 1
    word_vector xr(k_), factor = to_word_vector(r2_), tmp(k_);
    scratch s(*this);
    bignum_montredc(k_, xr.data(), n, x.data(), m_.data(), j * k_);
    for (std::size_t i = 1; i < j + e; ++i) {  // R^(a+1) = R^a * R^2 / R
      mul_raw(tmp.data(), factor.data(), r2_.data(), s);
      factor.swap(tmp);
    }
    mul_raw(tmp.data(), xr.data(), factor.data(), s);  // xr < m: tmp < 2m
    normalize(tmp.data());
    return tmp;
  }

  std::size_t k_ = 0;
  word_vector m_, r2_, one_;
  std::uint64_t w_ = 0;
  kernel kernel_ = kernel::generic;
};

}  // namespace vbignum
