// Constant-time table lookup shared by the bignum_copy_row_from_table* functions.
// Every row is read and the wanted one is picked by a mask, so time and addresses
// do not depend on idx; an idx >= height matches no row and yields zero.
#pragma once

#include <cstddef>

#include "internal.hpp"

namespace vbignum::portable {

// z = row idx of a height x width table. z disjoint from table.
inline void copy_row_from_table(u64 *z, const u64 *table, u64 height, u64 width, u64 idx) {
  for (u64 j = 0; j < width; ++j) z[j] = 0;
  for (u64 row = 0; row < height; ++row, table += width) {
    u64 take = value_barrier(mask_eq(row, idx));
    for (u64 j = 0; j < width; ++j) z[j] |= table[j] & take;
  }
}

// Columns [0, Width) of row idx, rows stride words apart. With Width known the
// accumulators stay in registers instead of being stored to z row after row.
template <size_t Width>
inline void copy_columns_from_table(u64 *z, const u64 *table, u64 height, u64 stride,
                                    u64 idx) {
  u64 acc[Width] = {};
  for (u64 row = 0; row < height; ++row, table += stride) {
    u64 take = value_barrier(mask_eq(row, idx));
    for (size_t j = 0; j < Width; ++j) acc[j] |= table[j] & take;
  }
  for (size_t j = 0; j < Width; ++j) z[j] = acc[j];
}

}  // namespace vbignum::portable
