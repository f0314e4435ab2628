#!/usr/bin/env bash
# Runs every test executable of a native (x86-64 assembly) build under valgrind
# memcheck; any invalid read/write or use of uninitialised memory fails the run.
# valgrind 3.19 executes MULX/ADCX/ADOX but hides ADX from CPUID, so the CPU
# dispatch is told to trust us (VBIGNUM_X86_FORCE_ASM=1), or the assembly would
# never run. Usage: tools/valgrind-kernels.sh [build-dir]   (default build/test-native,
# configured and built if needed). Env VALGRIND_JOBS: parallel executables (default 2).
# Takes a while: about 6 min of CPU for the whole suite, mostly test_cxx_api and
# test_wycheproof_rsa (19 min wall on the shared 2-core dev machine at load ~11).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/build/test-native}
jobs=${VALGRIND_JOBS:-2}
command -v valgrind >/dev/null || { echo "valgrind-kernels.sh: valgrind missing (tools/deps.sh)" >&2; exit 1; }
cmake -S "$root" -B "$dir" -DCMAKE_BUILD_TYPE=Release -DVBIGNUM_BUILD_TESTS=ON >/dev/null
cmake --build "$dir" -j "$jobs" >/dev/null

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
start=$SECONDS
export VBIGNUM_X86_FORCE_ASM=1
# One valgrind per executable, $jobs at a time; each writes its own log.
# The kernel tests by default; VALGRIND_ALL=1 adds the C++ API, vector and RSA tests
# (those take most of the time and exercise the same kernels).
skip='test_(cxx_api|aws_lc_vectors|wycheproof_rsa)$'
[ "${VALGRIND_ALL:-0}" = 1 ] && skip='^$'
find "$dir/tests" -maxdepth 1 -type f -name 'test_*' -perm -u+x | grep -Ev "$skip" | sort |
  xargs -P "$jobs" -I{} sh -c \
    's=$(date +%s); valgrind -q --error-exitcode=1 --leak-check=no "$1" --gtest_brief=1 \
       >"$2/$(basename "$1").log" 2>&1 && echo "ok   $(basename "$1") ($(( $(date +%s) - s ))s)" ||
     { echo "FAIL $(basename "$1") (log below)"; cat "$2/$(basename "$1").log"; exit 255; }' \
    _ {} "$logs"
echo "valgrind-kernels.sh: all test executables clean under memcheck ($((SECONDS - start))s)"
