// The fast path of the portable almost-Montgomery product and square for k a
// multiple of 8 (up to a stack buffer's worth): the library's kernels, composed
// as in the C++ layer, so each backend's assembly does the work where it exists.
#pragma once

#include "mont_internal.hpp"
#include "vbignum/mont_kernels.hpp"

namespace vbignum::portable {

inline constexpr u64 amont_8n_max_k = 256;

inline bool amont_8n_fits(u64 k) { return k != 0 && k % 8 == 0 && k <= amont_8n_max_k; }

inline void amont_8n(u64 k, u64 *z, const u64 *x, const u64 *y, const u64 *m) {
  const u64 w = negmodinv_word(m[0]);  // first, so it overlaps the product
  alignas(64) u64 t[vbignum::detail::amont_kernels_temp_words(amont_8n_max_k)];
  vbignum::detail::amont_by_kernels(k, z, x, y, m, w, t);
}

}  // namespace vbignum::portable
