// Constant-time table lookups: every height 0..64, several widths, every index,
// and indices at or past the height (z must come back zero). Rows are random and
// distinct, the output starts as junk and is guarded against overruns.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "support/check.hpp"
#include "support/ref.hpp"
#include "vbignum.h"

using namespace vbtest;

namespace {

using LookupFn = std::function<void(uint64_t *z, const uint64_t *table, uint64_t height,
                                    uint64_t idx)>;

constexpr uint64_t kMaxHeight = 64;

// Checks lookup on tables of the given width for every height and index.
void check_lookup(uint64_t width, const LookupFn &lookup) {
  Rng rng(0x7461626c0000 + width);
  for (uint64_t height = 0; height <= kMaxHeight; ++height) {
    Words table = rng.words(height * width, Density::Random);
    Guarded gt(table);
    std::vector<uint64_t> indices;
    for (uint64_t i = 0; i < height; ++i) indices.push_back(i);
    for (uint64_t past : {height, height + 1, height + 63, uint64_t{1} << 32,
                          uint64_t{1} << 63, ~uint64_t{0}})
      indices.push_back(past);
    for (uint64_t idx : indices) {
      Guarded gz(width);
      lookup(gz.data(), gt.data(), height, idx);
      Words want(width, 0);
      if (idx < height) want.assign(table.begin() + idx * width, table.begin() + (idx + 1) * width);
      ASSERT_TRUE(same_words(gz.words(), want))
          << "width " << width << ", height " << height << ", idx " << idx
          << (idx < height ? "" : " (past the end: want zero)");
      ASSERT_TRUE(gz.intact()) << "wrote past z, width " << width << ", height " << height;
    }
    ASSERT_EQ(gt.words(), table) << "table modified";
  }
}

TEST(CopyRowFromTable, Widths1To20) {
  for (uint64_t width = 1; width <= 20; ++width)
    check_lookup(width, [width](uint64_t *z, const uint64_t *t, uint64_t h, uint64_t i) {
      bignum_copy_row_from_table(z, t, h, width, i);
    });
}

TEST(CopyRowFromTable8n, MultiplesOf8) {
  for (uint64_t width : {8, 16, 24, 32, 40, 48, 64})
    check_lookup(width, [width](uint64_t *z, const uint64_t *t, uint64_t h, uint64_t i) {
      bignum_copy_row_from_table_8n(z, t, h, width, i);
    });
}

TEST(CopyRowFromTable16, Width16) { check_lookup(16, bignum_copy_row_from_table_16); }
TEST(CopyRowFromTable32, Width32) { check_lookup(32, bignum_copy_row_from_table_32); }

// Rows that differ in a single bit from all-ones and all-zeros: a mask that leaks
// one bit of a wrong row, or drops one of the right row, shows up.
TEST(CopyRowFromTable, AdjacentRowsOfExtremeValues) {
  const uint64_t width = 16, height = 32;
  Words table(height * width);
  for (uint64_t r = 0; r < height; ++r)
    for (uint64_t j = 0; j < width; ++j) table[r * width + j] = r % 2 ? ~0ull : 1ull << ((r + j) % 64);
  for (uint64_t idx = 0; idx < height; ++idx) {
    Words want(table.begin() + idx * width, table.begin() + (idx + 1) * width);
    Words z1(width), z2(width), z3(width), z4(32);
    bignum_copy_row_from_table(z1.data(), table.data(), height, width, idx);
    bignum_copy_row_from_table_8n(z2.data(), table.data(), height, width, idx);
    bignum_copy_row_from_table_16(z3.data(), table.data(), height, idx);
    bignum_copy_row_from_table_32(z4.data(), table.data(), height / 2, idx / 2);
    Words want32(table.begin() + (idx / 2) * 32, table.begin() + (idx / 2 + 1) * 32);
    ASSERT_TRUE(same_words(z1, want)) << "generic, idx " << idx;
    ASSERT_TRUE(same_words(z2, want)) << "_8n, idx " << idx;
    ASSERT_TRUE(same_words(z3, want)) << "_16, idx " << idx;
    ASSERT_TRUE(same_words(z4, want32)) << "_32, idx " << idx / 2;
  }
}

}  // namespace
