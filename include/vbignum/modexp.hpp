// Constant-time modular exponentiation with a fixed window.
//
// Every window of the exponent is processed, whatever its bits: the sequence of
// operations and memory addresses depends on the modulus size and the exponent's
// storage length (both public), never on the exponent's value. Table rows are
// fetched with the constant-time row copies, which read the whole table.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>

#include "../vbignum.h"
#include "mont.hpp"
#include "words.hpp"

namespace vbignum {

// Window width by modulus size: 2^w table entries against 1 multiply per w bits.
constexpr unsigned modexp_window_bits(std::size_t k) { return k >= 8 ? 5 : k >= 2 ? 4 : 3; }

namespace detail {

// z = table row idx (k words); the whole table is read whatever idx is.
inline void fetch_row(std::uint64_t *z, const std::uint64_t *table, std::size_t rows,
                      std::size_t k, std::uint64_t idx) {
  if (k == 16)
    bignum_copy_row_from_table_16(z, table, rows, idx);
  else if (k == 32)
    bignum_copy_row_from_table_32(z, table, rows, idx);
  else if (k % 8 == 0)
    bignum_copy_row_from_table_8n(z, table, rows, k, idx);
  else
    bignum_copy_row_from_table(z, table, rows, k, idx);
}

// Bits [pos, pos+w) of e, which is padded with a zero word past its top.
inline std::uint64_t window_at(const word_vector &e, std::size_t pos, unsigned w) {
  const std::size_t i = pos / 64, sh = pos % 64;
  std::uint64_t bits = e[i] >> sh;
  if (sh + w > 64) bits |= e[i + 1] << (64 - sh);
  return bits & ((std::uint64_t{1} << w) - 1);
}

// z = base^e in Montgomery form, base (k words, below m) in Montgomery form.
// Scans 64 * max(k, e.size()) exponent bits.
inline void pow_mont(const montgomery &ctx, std::uint64_t *z, const std::uint64_t *base,
                     words_view e) {
  const std::size_t k = ctx.size();
  const std::size_t ewords = std::max(k, e.size()), nbits = 64 * ewords;
  const unsigned w = modexp_window_bits(k);
  const std::size_t rows = std::size_t{1} << w;

  word_vector exp(ewords + 1, 0);  // zero word on top so window_at never reads past
  std::copy(e.begin(), e.end(), exp.begin());

  // table[i] = base^i (Montgomery form).
  word_vector table(rows * k);
  std::copy(ctx.one().begin(), ctx.one().end(), table.begin());
  std::copy(base, base + k, table.begin() + k);
  for (std::size_t i = 2; i < rows; ++i)
    ctx.mul_raw(&table[i * k], &table[(i - 1) * k], base);

  word_vector acc(k), tmp(k), row(k);
  const std::size_t windows = (nbits + w - 1) / w;
  fetch_row(acc.data(), table.data(), rows, k, window_at(exp, (windows - 1) * w, w));
  for (std::size_t i = windows - 1; i-- > 0;) {
    for (unsigned j = 0; j < w; ++j) {
      ctx.sqr_raw(tmp.data(), acc.data());
      acc.swap(tmp);
    }
    fetch_row(row.data(), table.data(), rows, k, window_at(exp, i * w, w));
    ctx.mul_raw(tmp.data(), acc.data(), row.data());
    acc.swap(tmp);
  }
  std::copy(acc.begin(), acc.end(), z);
}

}  // namespace detail

// base^exponent mod m. base must be below m (reduce it first with ctx.reduce()
// otherwise); exponent has any length. Constant time: depends only on ctx.size()
// and exponent.size().
inline word_vector modexp(const montgomery &ctx, words_view base, words_view exponent) {
  word_vector b = ctx.to_mont(base), z(ctx.size());
  detail::pow_mont(ctx, z.data(), b.data(), exponent);
  bignum_demont(ctx.size(), z.data(), z.data(), ctx.modulus().data());
  return z;
}

inline word_vector modexp(words_view modulus, words_view base, words_view exponent) {
  return modexp(montgomery(modulus), base, exponent);
}

}  // namespace vbignum
