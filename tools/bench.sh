#!/usr/bin/env bash
# The main benchmark job: builds Release in build/bench with the benchmark driver
# and compares vbignum, OpenSSL and GMP on modular exponentiation and the RSA
# private operation, printing throughput (operations per second of CPU time).
# Usage: tools/bench.sh [--benchmark_* flags...]   (passed to bench_vbignum, after
#        the defaults, so they override them; e.g. --benchmark_min_time=1)
# The full driver, kernels included: build/bench/benchmarks/bench_vbignum --help
# VBIGNUM_BENCH_BUILD=<dir> builds elsewhere than build/bench; VBIGNUM_BACKEND=portable
# (or x86, arm) measures one backend rather than the target's best.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$(dirname "$0")/deps.sh"

build="${VBIGNUM_BENCH_BUILD:-$root/build/bench}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVBIGNUM_BUILD_BENCHMARKS=ON \
      -DVBIGNUM_BUILD_TESTS=OFF -DVBIGNUM_BACKEND="${VBIGNUM_BACKEND:-auto}" >/dev/null
cmake --build "$build" -j "$(nproc)" --target bench_vbignum >/dev/null

csv=$(mktemp)
trap 'rm -f "$csv"' EXIT
"$build/benchmarks/bench_vbignum" --benchmark_filter='^(modexp|rsa_private)/' \
  --benchmark_min_time=0.5 --benchmark_out="$csv" --benchmark_out_format=csv "$@"

# Table: one row per operation/bits; the median of repetitions when there are some.
awk -F, '
  /^"(modexp|rsa_private)\/(vbignum|openssl|gmp)\/[0-9]+(_median)?"/ {
    name = $1; gsub(/"/, "", name)
    median = sub(/_median$/, "", name)
    split(name, f, "/"); row = f[1] "/" f[3]; impl = f[2]
    t = $4; unit = $5
    scale = unit == "ns" ? 1e-9 : unit == "us" ? 1e-6 : unit == "ms" ? 1e-3 : 1
    ops = 1 / (t * scale)
    if (median) { med[row, impl] = ops }
    else { sum[row, impl] += ops; cnt[row, impl]++ }
    if (!(row in seen)) { seen[row] = 1; order[++n] = row }
  }
  END {
    printf "\n%-20s %12s %12s %12s %16s\n", "operation/bits", "vbignum/s", "OpenSSL/s", "GMP/s", "vbignum/OpenSSL"
    for (i = 1; i <= n; i++) {
      row = order[i]
      for (j = 1; j <= 3; j++) {
        impl = j == 1 ? "vbignum" : j == 2 ? "openssl" : "gmp"
        v[impl] = (row, impl) in med ? med[row, impl] : cnt[row, impl] ? sum[row, impl] / cnt[row, impl] : 0
      }
      ratio = v["openssl"] > 0 ? sprintf("%.2f", v["vbignum"] / v["openssl"]) : "-"
      printf "%-20s %12.1f %12.1f %12.1f %16s\n", row, v["vbignum"], v["openssl"], v["gmp"], ratio
    }
  }' "$csv"
