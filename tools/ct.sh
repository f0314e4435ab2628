#!/usr/bin/env bash
# Constant-time checks, as CI runs them:
#   1. static:   tools/ct_check.py on arm/*.S and x86/*.S (allowlist + taint dataflow)
#   2. dynamic:  tests/ct/ct_taint under valgrind memcheck, secrets marked undefined,
#                for the x86 and portable backends x GCC and Clang x -O2 and -O3
#   3. negative controls: tools/ct_negative/* must fail check 1, and the leaky
#                functions of tests/ct/leaky.cpp must be reported by check 2.
# Builds into build/ct-<compiler>-<backend>-<opt>. Exits non-zero on any failure.
# Usage: tools/ct.sh [static|dynamic ...]   (default: both)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# beyond the build deps: python3 (static check), clang-14 (second compiler),
# binutils for both targets (objdump)
"$(dirname "$0")/deps.sh" python3 clang-14 binutils binutils-aarch64-linux-gnu || exit 1
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(static dynamic)
jobs=$(( $(nproc) < 2 ? $(nproc) : 2 ))
summary=()
failed=0
note() { summary+=("$(printf '%-4s %s' "$1" "$2")"); [ "$1" = ok ] || failed=1; }
start=$SECONDS

static_checks() {
  local log=$root/build/ct-static.log
  mkdir -p "$root/build"
  # x86 with the CPU dispatch compiled in, as the real build has it
  local -A defines=([arm]="" [x86]="-DVB_HAVE_PORTABLE")
  for d in arm x86; do
    compgen -G "$root/$d/*.S" >/dev/null || continue
    if python3 "$root/tools/ct_check.py" ${defines[$d]} "$root/$d" >"$log" 2>&1; then
      note ok "static $d: $(tail -1 "$log")"
    else
      cat "$log"; note FAIL "static $d: $(tail -1 "$log")"
    fi
  done
  if python3 "$root/tools/ct_check.py" --expect-violations "$root/tools/ct_negative/x86" \
       "$root/tools/ct_negative/arm" >"$log" 2>&1; then
    note ok "static negative controls: $(tail -1 "$log")"
  else
    cat "$log"; note FAIL "static negative controls: $(tail -1 "$log")"
  fi
}

# One dynamic configuration: compiler (gcc|clang), backend (x86|portable), opt (O2|O3).
dynamic_config() {
  local cc=$1 backend=$2 opt=$3 dir="$root/build/ct-$1-$2-$3" cxx t0=$SECONDS
  local name="taint $cc $backend -$opt"
  case $cc in gcc) cxx=g++ ;; clang) cc=clang-14; cxx=clang++-14 ;; esac
  local flags="-$opt -g -gdwarf-4 -DNDEBUG"
  mkdir -p "$root/build"
  if ! { CC=$cc CXX=$cxx cmake -S "$root/tests/ct" -B "$dir" -DCMAKE_BUILD_TYPE=Release \
           -DVBIGNUM_BACKEND="$backend" -DCMAKE_C_FLAGS_RELEASE="$flags" \
           -DCMAKE_CXX_FLAGS_RELEASE="$flags" >"$dir.log" 2>&1 &&
         cmake --build "$dir" -j "$jobs" --target ct_taint >>"$dir.log" 2>&1; }; then
    tail -30 "$dir.log"; note FAIL "$name: build failed ($dir.log)"; return
  fi
  local memcheck=(valgrind --tool=memcheck --error-exitcode=99 --leak-check=no
                  --track-origins=yes --suppressions="$root/tests/ct/declassified.supp")
  local force=0
  grep -qw adx /proc/cpuinfo && grep -qw bmi2 /proc/cpuinfo && force=1
  if VBIGNUM_X86_FORCE_ASM=$force "${memcheck[@]}" "$dir/ct_taint" >"$dir/taint.log" 2>&1; then
    note ok "$name: $(grep -h 'x86 MULX' "$dir/taint.log" | sed 's/ct_taint: //;s/$/; /')no taint report, results correct ($((SECONDS - t0)) s with build)"
  else
    cat "$dir/taint.log"; note FAIL "$name: see $dir/taint.log"
  fi
  # The negative controls must be caught, each by its own kind of report.
  local mode want
  for mode in branch index; do
    [ $mode = branch ] && want="Conditional jump or move depends on uninitialised value" \
                       || want="Use of uninitialised value of size"
    "${memcheck[@]}" "$dir/ct_taint" --leaky-$mode >"$dir/leaky-$mode.log" 2>&1
    if grep -q "$want" "$dir/leaky-$mode.log"; then
      note ok "$name: negative control leaky-$mode caught"
    else
      note FAIL "$name: negative control leaky-$mode NOT caught ($dir/leaky-$mode.log)"
    fi
  done
}

dynamic_checks() {
  local backends=(portable)
  [ "$(uname -m)" = x86_64 ] && backends=(x86 portable)
  for cc in gcc clang; do
    for backend in "${backends[@]}"; do
      for opt in O2 O3; do dynamic_config "$cc" "$backend" "$opt"; done
    done
  done
}

for p in "${parts[@]}"; do
  case $p in
    static) static_checks ;;
    dynamic) dynamic_checks ;;
    *) echo "usage: tools/ct.sh [static|dynamic ...]" >&2; exit 2 ;;
  esac
done

echo "=== constant-time checks ($((SECONDS - start)) s)"
printf '%s\n' "${summary[@]}"
[ $failed -eq 0 ] && echo "ALL PASSED" || echo "FAILED"
exit $failed
