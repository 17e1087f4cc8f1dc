#!/usr/bin/env bash
# Installs what the tests need (Debian's Jupyter packages, jupyter_kernel_test, chromium and node when run as root;
# playwright-core from npm),
# then runs every test from the repository root: unit tests, library tests, and the kernel's integration
# tests through the real jupyter_client (on JDK 17, and on Temurin 25 when installed).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

source "$root/install/debian-packages.sh"
# Test-only: chromium and node/npm for the browser test (kernel/src/test/python/test_browser_notebooks.py).
test_packages=(python3-jupyter-kernel-test chromium)
command -v node >/dev/null 2>&1 || test_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || test_packages+=(npm)
ensure_debian_packages "iamnb tests" "${IAMNB_RUNTIME_PACKAGES[@]}" "${test_packages[@]}"

# playwright-core, pinned by kernel/src/test/browser/package-lock.json; it drives Debian's chromium (no browser
# download). Reinstalled only when the lock file changed.
browser="$root/kernel/src/test/browser"
if ! cmp -s "$browser/package-lock.json" "$browser/node_modules/.iamnb-installed-lock.json" 2>/dev/null; then
  echo "iamnb tests: installing playwright-core (npm ci)"
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error \
     && cp package-lock.json node_modules/.iamnb-installed-lock.json)
fi

cd "$root"
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's "frozen modules" note in every kernel test
exec mvn -B verify "$@"   # extra Maven arguments pass through, e.g. -Diamnb.build=target-mine
