// z = table row idx (height rows of width words), reading the whole table.
// idx >= height gives z = 0. z disjoint from table.
#include "table.hpp"

using namespace vbignum::portable;

extern "C" void bignum_copy_row_from_table(uint64_t *z, const uint64_t *table,
                                           uint64_t height, uint64_t width, uint64_t idx) {
  copy_row_from_table(z, table, height, width, idx);
}
