#!/usr/bin/env bash
# Installs what the tests need (Debian's Jupyter packages and jupyter_kernel_test, when run as root),
# then runs every test from the repository root: unit tests, library tests, and the kernel's integration
# tests through the real jupyter_client (on JDK 17, and on Temurin 25 when installed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

packages=(jupyter-client python3-jupyter-client python3-nbclient python3-nbformat python3-nbconvert
          jupyter-nbconvert jupyter-console python3-ipykernel python3-jupyter-kernel-test fontconfig fonts-dejavu-core)
command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "iamnb tests: installing ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "iamnb tests: these Debian packages are missing: ${missing[*]}" >&2
    echo "             install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

cd "$root"
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's "frozen modules" note in every kernel test
exec mvn -B verify "$@"   # extra Maven arguments pass through, e.g. -Diamnb.build=target-mine
