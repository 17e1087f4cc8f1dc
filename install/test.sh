#!/usr/bin/env bash
# Installs what the tests need (Debian's Jupyter packages and jupyter_kernel_test, when run as root),
# then runs every test from the repository root: unit tests, library tests, and the kernel's integration
# tests through the real jupyter_client (on JDK 17, and on Temurin 25 when installed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$root/install/debian-packages.sh"
ensure_debian_packages "iamnb tests" "${IAMNB_RUNTIME_PACKAGES[@]}" python3-jupyter-kernel-test

cd "$root"
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's "frozen modules" note in every kernel test
exec mvn -B verify "$@"   # extra Maven arguments pass through, e.g. -Diamnb.build=target-mine
