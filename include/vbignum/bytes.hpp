// Big-endian byte strings <-> little-endian word vectors.
// Time depends on the lengths only; the "does it fit" checks branch on one bit
// (whether the input is valid), nothing else.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "error.hpp"
#include "words.hpp"

namespace vbignum {

using bytes_view = std::span<const std::uint8_t>;

inline std::size_t words_for_bytes(std::size_t nbytes) { return (nbytes + 7) / 8; }

// The number held big-endian in `be`, as exactly k words. Throws if it needs more.
inline word_vector from_bytes(bytes_view be, std::size_t k) {
  word_vector z(k, 0);
  std::uint8_t overflow = 0;
  const std::size_t n = be.size();
  for (std::size_t i = 0; i < n; ++i) {  // i counts bytes from the least significant
    const std::uint8_t b = be[n - 1 - i];
    if (i / 8 < k)
      z[i / 8] |= static_cast<std::uint64_t>(b) << (8 * (i % 8));
    else
      overflow |= b;
  }
  if (overflow != 0) throw error("byte string does not fit in " + std::to_string(k) + " words");
  return z;
}

// The number held big-endian in `be`, in as many words as its length needs.
inline word_vector from_bytes(bytes_view be) { return from_bytes(be, words_for_bytes(be.size())); }

// x written big-endian into exactly out.size() bytes. Throws if it does not fit.
inline void to_bytes(words_view x, std::span<std::uint8_t> out) {
  std::uint64_t overflow = 0;
  const std::size_t n = out.size();
  for (std::size_t i = 0; i < n; ++i)
    out[n - 1 - i] = i / 8 < x.size() ? static_cast<std::uint8_t>(x[i / 8] >> (8 * (i % 8))) : 0;
  for (std::size_t j = 0; j < x.size(); ++j) {  // words, or parts of words, beyond n bytes
    if (8 * (j + 1) <= n) continue;
    overflow |= 8 * j >= n ? x[j] : x[j] >> (8 * (n - 8 * j));
  }
  if (overflow != 0) {
    secure_wipe(out.data(), out.size());
    throw error("number does not fit in " + std::to_string(n) + " bytes");
  }
}

inline std::vector<std::uint8_t> to_bytes(words_view x, std::size_t len) {
  std::vector<std::uint8_t> out(len);
  to_bytes(x, out);
  return out;
}

}  // namespace vbignum
