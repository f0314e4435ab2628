// Variable-time natural-number arithmetic for RSA key loading only: validating the
// key's components and recovering p and q from (n, e, d). It runs once per key,
// not per operation, and its running time DOES depend on the key's values; it is
// deliberately simple (shift-and-subtract division, binary gcd) rather than fast.
// Never use it on a per-message path.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "../vbignum.h"
#include "words.hpp"

namespace vbignum::detail::vt {

using nat = word_vector;  // normalised: no zero words on top (zero is empty)

inline nat trimmed(words_view x) { return nat(x.begin(), x.begin() + significant_words(x)); }
inline void trim(nat &x) { x.resize(significant_words(x)); }
inline nat from_u64(std::uint64_t v) { return v ? nat{v} : nat{}; }
inline bool is_zero(const nat &x) { return x.empty(); }
inline bool is_odd(const nat &x) { return !x.empty() && (x[0] & 1); }

inline int cmp(const nat &a, const nat &b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

inline nat add(const nat &a, const nat &b) {
  nat z(std::max(a.size(), b.size()) + 1);
  bignum_add(z.size(), z.data(), a.size(), a.data(), b.size(), b.data());
  trim(z);
  return z;
}
inline nat sub(const nat &a, const nat &b) {  // a >= b
  nat z(a.size());
  bignum_sub(z.size(), z.data(), a.size(), a.data(), b.size(), b.data());
  trim(z);
  return z;
}
inline nat mul(const nat &a, const nat &b) {
  nat z(a.size() + b.size());
  bignum_mul(z.size(), z.data(), a.size(), a.data(), b.size(), b.data());
  trim(z);
  return z;
}

inline std::size_t bit_length(const nat &x) {
  return x.empty() ? 0 : 64 * x.size() - static_cast<std::size_t>(__builtin_clzll(x.back()));
}
inline bool bit(const nat &x, std::size_t i) { return i / 64 < x.size() && ((x[i / 64] >> (i % 64)) & 1); }

inline nat shl(const nat &x, std::size_t s) {
  if (x.empty()) return {};
  nat z(x.size() + s / 64 + 1, 0);
  for (std::size_t i = 0; i < x.size(); ++i) {
    z[i + s / 64] |= x[i] << (s % 64);
    if (s % 64) z[i + s / 64 + 1] |= x[i] >> (64 - s % 64);
  }
  trim(z);
  return z;
}
inline nat shr(const nat &x, std::size_t s) {
  if (s / 64 >= x.size()) return {};
  nat z(x.size() - s / 64, 0);
  for (std::size_t i = 0; i < z.size(); ++i) {
    z[i] = x[i + s / 64] >> (s % 64);
    if (s % 64 && i + s / 64 + 1 < x.size()) z[i] |= x[i + s / 64 + 1] << (64 - s % 64);
  }
  trim(z);
  return z;
}

// (a / b, a mod b), b nonzero: shift-and-subtract, one quotient bit per step.
inline std::pair<nat, nat> divmod(const nat &a, const nat &b) {
  nat q, r = a;
  if (cmp(a, b) < 0) return {q, r};
  const std::size_t shift = bit_length(a) - bit_length(b);
  q.assign(shift / 64 + 1, 0);
  nat d = shl(b, shift);
  for (std::size_t i = shift + 1; i-- > 0;) {
    if (cmp(r, d) >= 0) {
      r = sub(r, d);
      q[i / 64] |= std::uint64_t{1} << (i % 64);
    }
    d = shr(d, 1);
  }
  trim(q);
  return {q, r};
}
inline nat mod(const nat &a, const nat &b) { return divmod(a, b).second; }

// Number of trailing zero bits of nonzero x.
inline std::size_t trailing_zeros(const nat &x) {
  std::size_t i = 0;
  while (x[i / 64] == 0) i += 64;
  return i + static_cast<std::size_t>(__builtin_ctzll(x[i / 64]));
}

// gcd(a, b) by the binary algorithm.
inline nat gcd(nat a, nat b) {
  if (is_zero(a)) return b;
  if (is_zero(b)) return a;
  const std::size_t common = std::min(trailing_zeros(a), trailing_zeros(b));
  a = shr(a, trailing_zeros(a));
  while (!is_zero(b)) {
    b = shr(b, trailing_zeros(b));
    if (cmp(a, b) > 0) std::swap(a, b);
    b = sub(b, a);
  }
  return shl(a, common);
}

}  // namespace vbignum::detail::vt
