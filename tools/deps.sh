#!/usr/bin/env bash
# Installs, with apt-get, whatever the build, tests and benchmarks need and the
# machine lacks (Debian 12, as root). Idempotent: a no-op when all is present.
set -euo pipefail

host_pkgs=(cmake g++ make pkg-config python3 clang-14 libgtest-dev libbenchmark-dev libgmp-dev
           libssl-dev valgrind gcc-aarch64-linux-gnu g++-aarch64-linux-gnu qemu-user)
arm64_pkgs=(libgmp-dev:arm64 libssl-dev:arm64 libgtest-dev:arm64 libbenchmark-dev:arm64)
extra=("$@")   # callers may ask for more (e.g. hol-light)

missing=()
for p in "${host_pkgs[@]}" "${arm64_pkgs[@]}" "${extra[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "deps.sh: missing packages: ${missing[*]}; run as root (or install them) first" >&2
  exit 1
fi
echo "deps.sh: installing ${missing[*]}"
dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
