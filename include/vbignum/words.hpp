// Word vectors that wipe themselves: every buffer that may hold a secret is a
// word_vector, so its memory is zeroed when freed or reallocated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <vector>

namespace vbignum {

// Zero n bytes at p in a way the optimiser may not remove as a dead store.
inline void secure_wipe(void *p, std::size_t n) noexcept {
  if (n == 0) return;
  std::memset(p, 0, n);
#if defined(__GNUC__)
  __asm__ __volatile__("" : : "r"(p) : "memory");
#endif
}

template <class T>
struct wiping_allocator {
  using value_type = T;
  wiping_allocator() noexcept = default;
  template <class U>
  wiping_allocator(const wiping_allocator<U> &) noexcept {}
  T *allocate(std::size_t n) { return std::allocator<T>{}.allocate(n); }
  void deallocate(T *p, std::size_t n) noexcept {
    secure_wipe(p, n * sizeof(T));
    std::allocator<T>{}.deallocate(p, n);
  }
  template <class U>
  bool operator==(const wiping_allocator<U> &) const noexcept { return true; }
};

// A number as little-endian 64-bit words, wiped on destruction.
using word_vector = std::vector<std::uint64_t, wiping_allocator<std::uint64_t>>;
using words_view = std::span<const std::uint64_t>;

inline word_vector to_word_vector(words_view x) { return word_vector(x.begin(), x.end()); }

// Number of significant words of x (0 for zero). Variable time: for public values.
inline std::size_t significant_words(words_view x) {
  std::size_t n = x.size();
  while (n > 0 && x[n - 1] == 0) --n;
  return n;
}

}  // namespace vbignum
