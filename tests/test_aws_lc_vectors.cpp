// AWS-LC's bignum test vectors (../shared/vectors/aws-lc-bn) through vbignum:
// ModExp, ModMul and ModSquare through the C++ API, Product and Square through
// bignum_mul / bignum_sqr.
//
// What is skipped or adapted, and why:
// - Even moduli (ModExp, ModMul): Montgomery arithmetic needs an odd modulus; the
//   C++ API rejects them (checked here: it must throw vbignum::error).
// - Negative operands (a leading '-'): reduced mod M with GMP first, since the API
//   works on natural numbers. Non-negative operands of any size are reduced with
//   montgomery::reduce, so that path is exercised too.
// - Product/Square with negative operands: checked on absolute values.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "support/ref.hpp"
#include "vbignum.hpp"

using vbtest::from_mpz;
using vbtest::to_mpz;
using vbtest::Words;

namespace {

using Block = std::map<std::string, mpz_class>;

// Blocks of "Name = hex" lines, separated by blank lines; '#' starts a comment.
std::vector<Block> read_blocks(const std::string &file) {
  std::ifstream in(std::string(VBIGNUM_VECTORS_DIR) + "/aws-lc-bn/" + file);
  EXPECT_TRUE(in.good()) << "cannot open " << file;
  std::vector<Block> blocks;
  Block cur;
  std::string line;
  auto flush = [&] {
    if (!cur.empty()) blocks.push_back(cur);
    cur.clear();
  };
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) { flush(); continue; }
    if (line[0] == '#') continue;
    auto eq = line.find(" = ");
    if (eq == std::string::npos) { ADD_FAILURE() << "bad line: " << line; continue; }
    mpz_class v;
    EXPECT_EQ(v.set_str(line.substr(eq + 3), 16), 0) << line;
    cur[line.substr(0, eq)] = v;
  }
  flush();
  return blocks;
}

size_t words_of(const mpz_class &v) { return (mpz_sizeinbase(v.get_mpz_t(), 2) + 63) / 64; }
Words W(const mpz_class &v) { return from_mpz(abs(v), std::max<size_t>(1, words_of(abs(v)))); }
mpz_class Z(vbignum::words_view x) { return to_mpz(x.data(), x.size()); }

// An operand as the API sees it: below M, reduced by the library when it is not
// negative, by GMP when it is.
Words operand(const vbignum::montgomery &ctx, const mpz_class &v, const mpz_class &m) {
  if (v >= 0) {
    auto r = ctx.reduce(W(v));
    return Words(r.begin(), r.end());
  }
  mpz_class r = v % m;
  if (r < 0) r += m;
  return from_mpz(r, ctx.size());
}

TEST(AwsLcVectors, ModExp) {
  int run = 0, even = 0;
  for (auto &b : read_blocks("mod_exp_tests.txt")) {
    ASSERT_TRUE(b.count("ModExp") && b.count("A") && b.count("E") && b.count("M"));
    const mpz_class &m = b["M"];
    SCOPED_TRACE("M=" + m.get_str(16).substr(0, 40));
    if (m % 2 == 0) {
      EXPECT_THROW(vbignum::montgomery{W(m)}, vbignum::error);
      ++even;
      continue;
    }
    vbignum::montgomery ctx(W(m));
    Words a = operand(ctx, b["A"], m);
    EXPECT_EQ(Z(vbignum::modexp(ctx, a, W(b["E"]))), b["ModExp"]);
    ++run;
  }
  std::printf("ModExp: %d run, %d skipped (even modulus)\n", run, even);
  EXPECT_GT(run, 100);
}

TEST(AwsLcVectors, ModMulAndModSquare) {
  int run = 0, even = 0, squares = 0;
  for (auto &b : read_blocks("mod_mul_tests.txt")) {
    const mpz_class &m = b["M"];
    SCOPED_TRACE("M=" + m.get_str(16).substr(0, 40));
    if (m % 2 == 0) {
      EXPECT_THROW(vbignum::montgomery{W(m)}, vbignum::error);
      ++even;
      continue;
    }
    vbignum::montgomery ctx(W(m));
    Words a = operand(ctx, b["A"], m);
    if (b.count("ModSquare")) {
      EXPECT_EQ(Z(ctx.modsqr(a)), b["ModSquare"]);
      ++squares;
    } else {
      ASSERT_TRUE(b.count("ModMul") && b.count("B"));
      EXPECT_EQ(Z(ctx.modmul(a, operand(ctx, b["B"], m))), b["ModMul"]);
    }
    ++run;
  }
  std::printf("ModMul/ModSquare: %d run (%d squares), %d skipped (even modulus)\n", run, squares, even);
  EXPECT_GT(run, 200);
  EXPECT_EQ(squares, 2);
}

TEST(AwsLcVectors, ProductAndSquare) {
  int products = 0, squares = 0;
  for (auto &b : read_blocks("product_tests.txt")) {
    Words a = W(b["A"]);
    if (b.count("Square")) {
      const mpz_class want = abs(b["Square"]);
      Words z(2 * a.size());
      bignum_sqr(z.size(), z.data(), a.size(), a.data());
      EXPECT_EQ(to_mpz(z), want);
      ++squares;
    } else {
      ASSERT_TRUE(b.count("Product") && b.count("B"));
      Words bw = W(b["B"]), z(a.size() + bw.size());
      bignum_mul(z.size(), z.data(), a.size(), a.data(), bw.size(), bw.data());
      EXPECT_EQ(to_mpz(z), abs(b["Product"]));
      ++products;
    }
  }
  std::printf("Product: %d, Square: %d\n", products, squares);
  EXPECT_GT(products, 100);
  EXPECT_GT(squares, 50);
}

}  // namespace
