// Product kernels shared by the fixed-size, Karatsuba and generic products:
// truncated schoolbook multiply and square, and Karatsuba templates on top of them.
// Constant time: loops and branches depend on sizes only.
#pragma once

#include <cstddef>

#include "internal.hpp"

namespace vbignum::portable {

// z = x * y mod 2^(64k); x has m words, y has n. z disjoint from x and y.
inline void mul_low(u64 *z, size_t k, const u64 *x, size_t m, const u64 *y, size_t n) {
  for (size_t i = 0; i < k; ++i) z[i] = 0;
  for (size_t i = 0; i < m && i < k; ++i) {
    // Row i adds x[i] * y into z[i..]; words past k are dropped.
    size_t len = n < k - i ? n : k - i;
    u64 carry = 0;
    for (size_t j = 0; j < len; ++j) carry = mac(z[i + j], x[i], y[j], carry);
    if (i + len < k) z[i + len] = carry;  // a fresh word: earlier rows stop below it
  }
}

// z = x^2 mod 2^(64k); x has n words. z disjoint from x.
// Each cross product x[i]*x[j] (i < j) is computed once and doubled.
inline void sqr_low(u64 *z, size_t k, const u64 *x, size_t n) {
  for (size_t i = 0; i < k; ++i) z[i] = 0;
  for (size_t i = 0; i + 1 < n && 2 * i + 1 < k; ++i) {
    size_t start = 2 * i + 1;  // word of x[i] * x[i+1]
    size_t len = n - i - 1 < k - start ? n - i - 1 : k - start;
    u64 carry = 0;
    for (size_t j = 0; j < len; ++j) carry = mac(z[start + j], x[i], x[i + 1 + j], carry);
    if (start + len < k) z[start + len] = carry;
  }
  u64 shifted_out = 0;
  for (size_t w = 0; w < k; ++w) {
    u64 v = z[w];
    z[w] = (v << 1) | shifted_out;
    shifted_out = v >> 63;
  }
  u64 carry = 0;
  for (size_t i = 0; 2 * i < k; ++i) {
    Wide sq = i < n ? mul_wide(x[i], x[i]) : Wide{0, 0};
    carry = add_carry(z[2 * i], z[2 * i], sq.lo, carry);
    if (2 * i + 1 < k) carry = add_carry(z[2 * i + 1], z[2 * i + 1], sq.hi, carry);
  }
}

// d = |a - b| (h words each); returns all-ones if a < b, else zero.
inline u64 abs_diff(u64 *d, const u64 *a, const u64 *b, size_t h) {
  u64 borrow = 0;
  for (size_t i = 0; i < h; ++i) borrow = sub_borrow(d[i], a[i], b[i], borrow);
  u64 negative = value_barrier(0 - borrow);
  // Conditional two's-complement negation: d = (d ^ negative) - negative.
  u64 carry = negative & 1;
  for (size_t i = 0; i < h; ++i) carry = add_carry(d[i], d[i] ^ negative, 0, carry);
  return negative;
}

// Karatsuba recombination for an n x n product with halves of h = n/2 words.
// On entry z[0..n) = lo * lo', z[n..2n) = hi * hi' and mid = |hi - lo| * |hi' - lo'|
// (n words, clobbered). Adds (lo*lo' + hi*hi' -/+ mid) * 2^(64h) into z:
// subtract_mask all-ones subtracts mid, zero adds it.
inline void karatsuba_combine(u64 *z, u64 *mid, size_t n, u64 subtract_mask) {
  // mid := lo*lo' + hi*hi' + (mid ^ mask) + (mask & 1), i.e. the middle coefficient
  // modulo 2^(64(n+1)); its top word (0 or 1 as the true value is < 2^(64n+1))
  // is the sum's carry plus the sign extension of the two's-complement term.
  u64 sum_carry = 0, term_carry = subtract_mask & 1;
  for (size_t i = 0; i < n; ++i) {
    u64 s;
    sum_carry = add_carry(s, z[i], z[n + i], sum_carry);
    term_carry = add_carry(mid[i], s, mid[i] ^ subtract_mask, term_carry);
  }
  u64 top = sum_carry + term_carry + subtract_mask;

  size_t h = n / 2;
  u64 carry = 0;
  for (size_t i = 0; i < n; ++i) carry = add_carry(z[h + i], z[h + i], mid[i], carry);
  carry = add_carry(z[h + n], z[h + n], top, carry);
  for (size_t i = h + n + 1; i < 2 * n; ++i) carry = add_carry(z[i], z[i], 0, carry);
}

// Below this many words per operand, schoolbook beats another Karatsuba level.
inline constexpr size_t kKaratsubaMinWords = 12;

// Scratch words kmul<N> and ksqr<N> use: each Karatsuba level keeps its differences
// and middle product while the next level down runs above them.
template <size_t N>
constexpr size_t kmul_temp_words() {
  if constexpr (N < kKaratsubaMinWords) return 0;
  else return 2 * N + kmul_temp_words<N / 2>();
}
template <size_t N>
constexpr size_t ksqr_temp_words() {
  if constexpr (N < kKaratsubaMinWords) return 0;
  else return N / 2 + N + ksqr_temp_words<N / 2>();
}

// z = x * y (N x N -> 2N words): x*y = L + (L + H - (xh - xl)(yh - yl)) 2^(64h) +
// H 2^(128h), three half-size products. z, t, x, y disjoint (x may equal y).
template <size_t N>
void kmul(u64 *z, const u64 *x, const u64 *y, u64 *t) {
  if constexpr (N < kKaratsubaMinWords) {
    mul_low(z, 2 * N, x, N, y, N);
  } else {
    static_assert(N % 2 == 0, "Karatsuba splits into equal halves");
    constexpr size_t h = N / 2;
    kmul<h>(z, x, y, t);
    kmul<h>(z + N, x + h, y + h, t);
    u64 *dx = t, *dy = t + h, *mid = t + N;
    u64 x_negative = abs_diff(dx, x + h, x, h);
    u64 y_negative = abs_diff(dy, y + h, y, h);
    kmul<h>(mid, dx, dy, t + 2 * N);
    // (xh - xl)(yh - yl) = +mid when the signs agree: subtract it then.
    karatsuba_combine(z, mid, N, value_barrier(~(x_negative ^ y_negative)));
  }
}

// z = x^2 (N -> 2N words): as kmul with y = x, where the middle product
// (xh - xl)^2 is never negative, so it is always subtracted. z, t, x disjoint.
template <size_t N>
void ksqr(u64 *z, const u64 *x, u64 *t) {
  if constexpr (N < kKaratsubaMinWords) {
    sqr_low(z, 2 * N, x, N);
  } else {
    static_assert(N % 2 == 0, "Karatsuba splits into equal halves");
    constexpr size_t h = N / 2;
    ksqr<h>(z, x, t);
    ksqr<h>(z + N, x + h, t);
    u64 *dx = t, *mid = t + h;
    abs_diff(dx, x + h, x, h);
    ksqr<h>(mid, dx, t + h + N);
    karatsuba_combine(z, mid, N, ~static_cast<u64>(0));
  }
}

}  // namespace vbignum::portable
