# Sourced by install.sh and test.sh: makes sure Debian packages are installed.
#   ensure_debian_packages LABEL PACKAGE...
# Installs the missing ones when run as root (apt-get update first); otherwise names them and the command
# that installs them, and exits 1. A JDK and Maven are added to the list when `javac` or `mvn` is missing.

ensure_debian_packages() {
  local label="$1"; shift
  local packages=("$@") missing=() p
  command -v javac >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || packages+=(maven)
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $(id -u) -eq 0 ]]; then
    echo "$label: installing ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  else
    echo "$label: these Debian packages are missing: ${missing[*]}" >&2
    echo "  install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

# What running and rendering notebooks needs: the classic notebook (the README's `jupyter notebook notebooks/`),
# the console, nbconvert; fonts, because charts are drawn headless by the JVM.
IAMNB_RUNTIME_PACKAGES=(jupyter-client python3-jupyter-client python3-nbclient python3-nbformat python3-nbconvert
                        jupyter-nbconvert jupyter-console jupyter-notebook python3-ipykernel
                        fontconfig fonts-dejavu-core)
