// z = table row idx (height rows of 16 words), reading the whole table.
// idx >= height gives z = 0. z disjoint from table.
#include "table.hpp"

using namespace vbignum::portable;

extern "C" void bignum_copy_row_from_table_16(uint64_t *z, const uint64_t *table,
                                              uint64_t height, uint64_t idx) {
  copy_columns_from_table<16>(z, table, height, 16, idx);
}
