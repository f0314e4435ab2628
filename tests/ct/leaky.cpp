// Negative controls for the taint test: deliberately leaky code that memcheck must
// catch (tools/ct.sh fails if it does not). Never part of the library.
#include <cstdint>

// A branch on a secret bit. The two arms differ by an opaque asm statement, so no
// compiler can merge them into a conditional move.
extern "C" __attribute__((noinline)) uint64_t ct_leaky_branch(uint64_t secret) {
  uint64_t r = secret;
  if (secret & 1)
    __asm__ volatile("add $1, %0" : "+r"(r));
  else
    __asm__ volatile("sub $1, %0" : "+r"(r));
  return r;
}

// A table read at a secret index (the cache line touched reveals it).
extern "C" __attribute__((noinline)) uint64_t ct_leaky_index(const uint64_t *table,
                                                            uint64_t secret) {
  return table[secret & 15];
}
