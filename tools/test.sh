#!/usr/bin/env bash
# Builds and runs the whole test suite in every configuration:
#   native (x86-64 assembly where it exists), portable (C++ only), and AArch64
#   cross-built and run under qemu as Neoverse N1 and as "max".
# Usage: tools/test.sh [native|portable|aarch64 ...]   (default: all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/tools/deps.sh"
jobs=$(nproc)
configs=("$@")
[ ${#configs[@]} -gt 0 ] || configs=(native portable aarch64)

run() {  # name, ctest env, cmake args...
  local name=$1; shift
  local dir="$root/build/test-$name"
  echo "=== configuration: $name"
  cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DVBIGNUM_BUILD_TESTS=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs" >/dev/null
}

for c in "${configs[@]}"; do
  case $c in
    native)   run native; (cd "$root/build/test-native" && ctest -j "$jobs" --output-on-failure)
              echo "=== configuration: native with the CPU-dispatch fallbacks forced (no BMI2/ADX path)"
              (cd "$root/build/test-native" && VBIGNUM_X86_FORCE_PORTABLE=1 ctest -j "$jobs" --output-on-failure) ;;
    portable) run portable -DVBIGNUM_BACKEND=portable
              (cd "$root/build/test-portable" && ctest -j "$jobs" --output-on-failure) ;;
    aarch64)  run aarch64 -DCMAKE_TOOLCHAIN_FILE="$root/cmake/aarch64-linux-gnu.cmake"
              for cpu in neoverse-n1 max; do
                echo "=== configuration: aarch64 under qemu -cpu $cpu"
                (cd "$root/build/test-aarch64" && VBIGNUM_QEMU_CPU=$cpu ctest -j "$jobs" --output-on-failure)
              done ;;
    *) echo "unknown configuration $c" >&2; exit 2 ;;
  esac
done
