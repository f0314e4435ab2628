// N1-model driver for the fixed-size product kernels: checks one call against
// schoolbook, then calls the kernel N times between two marker functions, so
// n1model prices exactly those calls.
//
//   usage: kernels_driver KERNEL N      KERNEL = mul_4_8 | sqr_4_8 | ... | ksqr_32_64,
//          or portable_<same> for the portable C++ version when linked in.
//
// Build (static, from the repo root; the portable versions are optional and are
// compiled under another name so both can live in one binary):
//   A=arm; P=portable; O=/tmp/n1k; mkdir -p $O
//   for f in mul_4_8 sqr_4_8 mul_8_16 sqr_8_16 kmul_16_32 ksqr_16_32 \
//            kmul_24_48 ksqr_24_48 kmul_32_64 ksqr_32_64; do
//     aarch64-linux-gnu-gcc -c -I$A $A/bignum_$f.S -o $O/$f.o
//     aarch64-linux-gnu-g++ -O2 -std=c++20 -Iinclude -I$P -c $P/bignum_$f.cpp \
//       -Dbignum_$f=portable_$f -o $O/p_$f.o
//   done
//   aarch64-linux-gnu-gcc -O2 -Iinclude benchmarks/n1/kernels_driver.c $O/*.o \
//     -static -o $O/kernels_driver
// Model (cycles per call = cycles_best / N):
//   python3 /work/shared/tools/n1model/n1model.py --roi n1_roi_begin,n1_roi_end \
//     --ops 200 $O/kernels_driver kmul_16_32 200
// Caveat: llvm-mca gives every call instruction (here the blr of each call) a
// 100-cycle latency unless run with --call-latency=1, which holds up retirement
// in the trace windows; for the 4x4 and 8x8 kernels that inflates cycles_best
// by up to ~50 cycles per call; the block model (cycles_per_op) barely moves.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vbignum.h"

typedef void (*mul_fn)(uint64_t *, const uint64_t *, const uint64_t *);
typedef void (*sqr_fn)(uint64_t *, const uint64_t *);
typedef void (*kmul_fn)(uint64_t *, const uint64_t *, const uint64_t *, uint64_t *);
typedef void (*ksqr_fn)(uint64_t *, const uint64_t *, uint64_t *);

// Portable versions, present only when linked in (weak: null otherwise).
#define PORTABLE(ret, name, args) ret name args __attribute__((weak));
PORTABLE(void, portable_mul_4_8, (uint64_t *, const uint64_t *, const uint64_t *))
PORTABLE(void, portable_sqr_4_8, (uint64_t *, const uint64_t *))
PORTABLE(void, portable_mul_8_16, (uint64_t *, const uint64_t *, const uint64_t *))
PORTABLE(void, portable_sqr_8_16, (uint64_t *, const uint64_t *))
PORTABLE(void, portable_kmul_16_32, (uint64_t *, const uint64_t *, const uint64_t *, uint64_t *))
PORTABLE(void, portable_ksqr_16_32, (uint64_t *, const uint64_t *, uint64_t *))
PORTABLE(void, portable_kmul_24_48, (uint64_t *, const uint64_t *, const uint64_t *, uint64_t *))
PORTABLE(void, portable_ksqr_24_48, (uint64_t *, const uint64_t *, uint64_t *))
PORTABLE(void, portable_kmul_32_64, (uint64_t *, const uint64_t *, const uint64_t *, uint64_t *))
PORTABLE(void, portable_ksqr_32_64, (uint64_t *, const uint64_t *, uint64_t *))

// Also weak, so the driver links while some kernels are still missing.
#pragma weak bignum_mul_4_8
#pragma weak bignum_sqr_4_8
#pragma weak bignum_mul_8_16
#pragma weak bignum_sqr_8_16
#pragma weak bignum_kmul_16_32
#pragma weak bignum_ksqr_16_32
#pragma weak bignum_kmul_24_48
#pragma weak bignum_ksqr_24_48
#pragma weak bignum_kmul_32_64
#pragma weak bignum_ksqr_32_64

// The region-of-interest markers n1model keys on; noinline and non-empty so each
// keeps its own entry block.
__attribute__((noinline)) void n1_roi_begin(void) { __asm__ volatile("" ::: "memory"); }
__attribute__((noinline)) void n1_roi_end(void) { __asm__ volatile("" ::: "memory"); }

struct kernel {
  const char *name;
  int kind;  // 0 mul, 1 sqr, 2 kmul, 3 ksqr
  int n;     // input words
  void (*fn)(void);
};

#define K(kind, n, f) {#f, kind, n, (void (*)(void))bignum_##f}, \
                      {"portable_" #f, kind, n, (void (*)(void))portable_##f}
static const struct kernel kernels[] = {
    K(0, 4, mul_4_8),     K(1, 4, sqr_4_8),     K(0, 8, mul_8_16),    K(1, 8, sqr_8_16),
    K(2, 16, kmul_16_32), K(3, 16, ksqr_16_32), K(2, 24, kmul_24_48), K(3, 24, ksqr_24_48),
    K(2, 32, kmul_32_64), K(3, 32, ksqr_32_64),
};

// z[0..2n) = x * y, the plain way.
static void schoolbook(uint64_t *z, const uint64_t *x, const uint64_t *y, int n) {
  memset(z, 0, 16 * (size_t)n);
  for (int i = 0; i < n; i++) {
    unsigned __int128 c = 0;
    for (int j = 0; j < n; j++) {
      c += (unsigned __int128)x[i] * y[j] + z[i + j];
      z[i + j] = (uint64_t)c;
      c >>= 64;
    }
    z[i + n] = (uint64_t)c;
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s KERNEL N\n", argv[0]);
    return 2;
  }
  const struct kernel *k = NULL;
  for (size_t i = 0; i < sizeof kernels / sizeof kernels[0]; i++)
    if (!strcmp(argv[1], kernels[i].name)) k = &kernels[i];
  if (!k || !k->fn) {
    fprintf(stderr, "kernel %s unknown or not linked in\n", argv[1]);
    return 2;
  }
  long n = atol(argv[2]);

  static uint64_t x[32], y[32], z[64], t[96];
  uint64_t s = 0x9e3779b97f4a7c15u;  // xorshift: arbitrary dense operands
  for (int i = 0; i < 32; i++) {
    s ^= s << 13, s ^= s >> 7, s ^= s << 17, x[i] = s;
    s ^= s << 13, s ^= s >> 7, s ^= s << 17, y[i] = s;
  }

  // Check one call against schoolbook before timing (no GMP needed here).
  switch (k->kind) {
    case 0: ((mul_fn)k->fn)(z, x, y); break;
    case 1: ((sqr_fn)k->fn)(z, x); break;
    case 2: ((kmul_fn)k->fn)(z, x, y, t); break;
    default: ((ksqr_fn)k->fn)(z, x, t); break;
  }
  uint64_t want[64];
  schoolbook(want, x, k->kind & 1 ? x : y, k->n);
  if (memcmp(want, z, 16 * k->n)) {
    fprintf(stderr, "%s: wrong product\n", k->name);
    return 1;
  }

  n1_roi_begin();
  for (long i = 0; i < n; i++) {
    switch (k->kind) {
      case 0: ((mul_fn)k->fn)(z, x, y); break;
      case 1: ((sqr_fn)k->fn)(z, x); break;
      case 2: ((kmul_fn)k->fn)(z, x, y, t); break;
      default: ((ksqr_fn)k->fn)(z, x, t); break;
    }
  }
  n1_roi_end();

  uint64_t h = 0;  // keep the result live
  for (int i = 0; i < 64; i++) h ^= z[i];
  printf("%s x %ld: %016llx\n", k->name, n, (unsigned long long)h);
  return 0;
}
