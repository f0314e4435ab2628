// z = table row idx (height rows of width words, width a multiple of 8), reading
// the whole table, eight columns at a time. idx >= height gives z = 0.
// z disjoint from table.
#include "table.hpp"

using namespace vbignum::portable;

extern "C" void bignum_copy_row_from_table_8n(uint64_t *z, const uint64_t *table,
                                              uint64_t height, uint64_t width,
                                              uint64_t idx) {
  for (uint64_t column = 0; column < width; column += 8)
    copy_columns_from_table<8>(z + column, table + column, height, width, idx);
}
