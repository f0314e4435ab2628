// Readable assertions on word arrays, and guarded buffers that catch writes out of
// bounds or reads of never-initialised outputs. Shared by the test files.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "support/ref.hpp"

namespace vbtest {

// Most significant word first, words separated by '_'.
inline std::string hex(const uint64_t *x, size_t k) {
  if (k == 0) return "(empty)";
  std::string s = "0x";
  char buf[20];
  for (size_t i = k; i-- > 0;) {
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(x[i]));
    s += buf;
    if (i) s += '_';
  }
  return s;
}
inline std::string hex(const Words &x) { return hex(x.data(), x.size()); }

inline ::testing::AssertionResult same_words(const Words &got, const Words &want) {
  if (got == want) return ::testing::AssertionSuccess();
  size_t i = 0;
  while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
  return ::testing::AssertionFailure()
         << "first difference at word " << i << " (of " << want.size() << ")\n  got:  "
         << hex(got) << "\n  want: " << hex(want);
}

// n words surrounded by canaries; the words themselves start as junk so that a
// function relying on a zeroed output fails.
class Guarded {
 public:
  static constexpr size_t kGuard = 3;
  static constexpr uint64_t kCanary = 0xc0ffee'0ddba11'5ull;

  explicit Guarded(size_t n, uint64_t junk = 0xa5a5'5a5a'a5a5'5a5aull)
      : n_(n), buf_(n + 2 * kGuard, kCanary) {
    for (size_t i = 0; i < n; ++i) buf_[kGuard + i] = junk + i;
  }
  explicit Guarded(const Words &init) : Guarded(init.size()) {
    for (size_t i = 0; i < n_; ++i) buf_[kGuard + i] = init[i];
  }
  uint64_t *data() { return buf_.data() + kGuard; }
  Words words() const { return Words(buf_.begin() + kGuard, buf_.begin() + kGuard + n_); }
  bool intact() const {
    for (size_t i = 0; i < kGuard; ++i)
      if (buf_[i] != kCanary || buf_[kGuard + n_ + i] != kCanary) return false;
    return true;
  }

 private:
  size_t n_;
  Words buf_;
};

}  // namespace vbtest
