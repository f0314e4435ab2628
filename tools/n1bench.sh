#!/usr/bin/env bash
# N1 performance table for vbignum against OpenSSL 3.0 (issue 3).
#
# On x86-64: cross-builds benchmarks/n1/n1_driver (static: vbignum's arm backend,
# the C++ API, OpenSSL's libcrypto.a) and prices each operation with the N1 model
# (/work/shared/tools/n1model: qemu -cpu neoverse-n1 + llvm-mca -mcpu=neoverse-n1).
# On AArch64 hardware (e.g. Graviton2) it builds natively and times plain loops.
#
#   tools/n1bench.sh [--time] [OP ...]
#     OP: an operation of n1_driver (see benchmarks/n1/n1_driver.cpp), or a group:
#         default  emontredc_8n_16/32 (both code paths), copy_row_16/32, modexp_1024, rsa_2048
#         kernels  every kernel;  modexp  modexp_1024/1536/2048;  rsa  rsa_2048/3072/4096
#         all      everything (the model takes a while: qemu + llvm-mca per run)
#     --time   time on this machine instead of modelling (the default on AArch64)
# Environment: N1BENCH_BUILD (build dir, default build/n1), N1MODEL (path to n1model.py).
# The model's own output goes to $N1BENCH_BUILD/n1model.log.
# Columns: cycles/op for vbignum and OpenSSL, speed-up (OpenSSL cycles / vbignum
# cycles), and for kernels the model's multiplier bound per op (the cycles the
# multiply pipes alone need: scalar M pipe or NEON V0, whichever is larger).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${N1BENCH_BUILD:-$root/build/n1}
n1model=${N1MODEL:-/work/shared/tools/n1model/n1model.py}

timed=0
[ "$(uname -m)" = aarch64 ] && timed=1
ops=()
for a in "$@"; do
  case $a in
    --time) timed=1 ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    default) ops+=(emontredc_8n_16 emontredc_8n_32 copy_row_16 copy_row_32 modexp_1024 rsa_2048) ;;
    kernels) ops+=(emontredc_8n_8 emontredc_8n_16 emontredc_8n_24 emontredc_8n_32 emontredc_8n_64
                   copy_row_16 copy_row_32 copy_row_8n_24 copy_row_17 ge_32 optsub_32 mux_32) ;;
    modexp) ops+=(modexp_1024 modexp_1536 modexp_2048) ;;
    rsa) ops+=(rsa_2048 rsa_3072 rsa_4096) ;;
    all) ops+=(emontredc_8n_8 emontredc_8n_16 emontredc_8n_24 emontredc_8n_32 emontredc_8n_64
               copy_row_16 copy_row_32 copy_row_8n_24 copy_row_17 ge_32 optsub_32 mux_32
               modexp_1024 modexp_1536 modexp_2048 rsa_2048 rsa_3072 rsa_4096) ;;
    *) ops+=("$a") ;;
  esac
done
[ ${#ops[@]} -gt 0 ] || ops=(emontredc_8n_16 emontredc_8n_32 copy_row_16 copy_row_32 modexp_1024 rsa_2048)

# --- build ---------------------------------------------------------------------
if [ "$(uname -m)" = aarch64 ]; then
  cmake_args=()
  cxx=${CXX:-g++}
  libdir=$(dirname "$($cxx -print-file-name=libcrypto.a)")
else
  # The cross build must find the arm64 multiarch packages, not the host's.
  export PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig
  cmake_args=(-DCMAKE_TOOLCHAIN_FILE="$root/cmake/aarch64-linux-gnu.cmake")
  cxx=aarch64-linux-gnu-g++
  libdir=/usr/lib/aarch64-linux-gnu
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVBIGNUM_BUILD_TESTS=OFF \
  "${cmake_args[@]}" >/dev/null
cmake --build "$build" --target vbignum -j 2 >/dev/null
exe=$build/n1_driver
# (glibc warns about getaddrinfo & co. in a static libcrypto: harmless, kept in the log)
if ! $cxx -O2 -std=c++20 -static -Wno-deprecated-declarations -I"$root/include" \
    -I"$root/benchmarks/n1" "$root/benchmarks/n1/n1_driver.cpp" "$build/libvbignum.a" \
    "$libdir/libcrypto.a" -ldl -pthread -o "$exe" 2>"$build/link.log"; then
  cat "$build/link.log" >&2
  exit 1
fi
runner=()  # --time on x86-64 runs under qemu: a smoke test, not a measurement
[ "$(uname -m)" = aarch64 ] || runner=(qemu-aarch64 -cpu neoverse-n1)
log=$build/n1model.log
: >"$log"

# --- run -----------------------------------------------------------------------
calls() {  # calls per run: enough to amortise, few enough for the model
  case $1 in
    emontredc_8n_*|copy_row_*|ge_*|optsub_*|mux_*) echo $((timed ? 200000 : 100)) ;;
    modexp_*) echo $((timed ? 200 : 2)) ;;
    rsa_*) echo $((timed ? 100 : 1)) ;;
  esac
}
impls() {
  case $1 in
    emontredc_8n_*) echo vbignum-scalar vbignum-neon ;;
    modexp_*|rsa_*) echo vbignum openssl ;;
    *) echo vbignum ;;
  esac
}
# One run -> "cycles/op mulbound/op" (model) or "ns/op -" (timed).
measure() {  # op impl
  local n; n=$(calls "$1")
  if [ $timed = 1 ]; then
    "${runner[@]}" "$exe" "$1" "$2" "$n" --time | sed -n 's/.*, \([0-9.]*\) ns\/op.*/\1 -/p'
  else
    python3 "$n1model" --roi n1_roi_begin,n1_roi_end --ops "$n" --top 0 "$exe" "$1" "$2" "$n" \
        2>>"$log" |
      sed -n 's/^N1MODEL_JSON //p' |
      python3 -c 'import json,sys; j=json.loads(sys.stdin.read()); n=float(sys.argv[1]);
print("%.0f %.0f" % (j["cycles_best"]/n, j["cycles_mul_bound"]/n))' "$n"
  fi
}

unit=$([ $timed = 1 ] && echo "ns/op" || echo "N1 cycles/op")
printf '%-34s %16s %16s %9s %14s\n' operation "vbignum $unit" "OpenSSL $unit" speed-up "mul bound"
for op in "${ops[@]}"; do
  declare -A got=()
  for impl in $(impls "$op"); do got[$impl]=$(measure "$op" "$impl"); done
  if [ -n "${got[openssl]:-}" ]; then
    read -r v vb <<<"${got[vbignum]}"; read -r o _ <<<"${got[openssl]}"
    printf '%-34s %16s %16s %8.2fx %14s\n' "$op" "$v" "$o" "$(awk -v o="$o" -v v="$v" 'BEGIN { print o / v }')" "-"
  else
    for impl in $(impls "$op"); do
      read -r v vb <<<"${got[$impl]}"
      label=$op; [ "$impl" = vbignum ] || label="$op ($impl)"
      printf '%-34s %16s %16s %9s %14s\n' "$label" "$v" "-" "-" "$vb"
    done
  fi
  unset got
done
