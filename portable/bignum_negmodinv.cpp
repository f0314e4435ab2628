// z = -1/x mod 2^(64k), i.e. x * z + 1 == 0 (mod 2^(64k)). Precondition: x odd.
// z may equal x (x is then first copied aside: the digit loop reads x to the end).
#include <vector>

#include "mont_internal.hpp"

using namespace vbignum::portable;

namespace {

// Digit by digit (Hensel lifting by words): z holds e = 1 + x * d, where d are the
// digits found so far. Choosing digit i = e[i] * w (w = -1/x[0] mod 2^64) clears
// word i of e, so words below i of e are zero and can hold the digits themselves.
void negmodinv(u64 k, u64 *z, const u64 *x) {
  u64 w = negmodinv_word(x[0]);
  z[0] = 1;
  for (u64 j = 1; j < k; ++j) z[j] = 0;
  for (u64 i = 0; i < k; ++i) {
    u64 digit = z[i] * w;
    muladd_row(k - i, z + i, x, digit);  // mod 2^(64k): the carry out is dropped
    z[i] = digit;
  }
}

}  // namespace

extern "C" void bignum_negmodinv(uint64_t k, uint64_t *z, const uint64_t *x) {
  if (k == 0) return;
  if (z != x) {
    negmodinv(k, z, x);
    return;
  }
  // Aliased: the pointers are public, so this branch leaks nothing. RSA sizes
  // (up to 8192 bits) copy to the stack; larger ones to the heap.
  constexpr u64 stack_words = 128;
  u64 stack_copy[stack_words];
  std::vector<u64> heap_copy;
  u64 *copy = stack_copy;
  if (k > stack_words) {
    heap_copy.resize(k);
    copy = heap_copy.data();
  }
  for (u64 j = 0; j < k; ++j) copy[j] = x[j];
  negmodinv(k, z, copy);
}
