#!/usr/bin/env bash
# Installs iamnb: what is missing (Debian's Jupyter packages, when run as root), the build, and the
# "iamnb" kernelspec ("Java (iamnb)" in Jupyter's launcher). Safe to re-run: it rebuilds and replaces.
#
#   install/install.sh                 kernelspec for the current user (~/.local/share/jupyter/kernels/iamnb)
#   install/install.sh --sys-prefix    kernelspec in Python's prefix (e.g. /usr/share/jupyter/kernels/iamnb)
#   install/install.sh --prefix DIR    kernelspec in DIR/share/jupyter/kernels/iamnb
#
# The kernel reads these environment variables when it starts (see install/kernelspec/iamnb-kernel):
#   IAMNB_JAVA_HOME / JAVA_HOME   JDK to run (17+; default `java` on PATH)
#   IAMNB_JAVA_OPTS               extra JVM options, e.g. IAMNB_JAVA_OPTS="-Xmx4g"
#   IAMNB_CLASSPATH               extra class path entries for notebooks (':'-separated)
#   IAMNB_STARTUP                 .jsh scripts run when a kernel starts (':'-separated)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
python=/usr/bin/python3   # Debian's Python: it sees the Debian Jupyter packages (a pyenv `python3` may not)
export PYDEVD_DISABLE_FILE_VALIDATION=1   # quiets debugpy's "frozen modules" note on every jupyter command

scope=(--user)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --user) scope=(--user) ;;
    --sys-prefix) scope=(--sys-prefix) ;;
    --prefix) [[ $# -ge 2 ]] || { echo "install.sh: --prefix needs a directory" >&2; exit 2; }
              scope=(--prefix "$2"); shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (use --user, --sys-prefix or --prefix DIR)" >&2; exit 2 ;;
  esac
  shift
done

# --- 1. What is missing -------------------------------------------------------------------------------
source "$here/debian-packages.sh"
ensure_debian_packages iamnb "${IAMNB_RUNTIME_PACKAGES[@]}"

# --- 2. Build -------------------------------------------------------------------------------------------
echo "iamnb: building (mvn -B -q -DskipTests package)"
(cd "$root" && mvn -B -q -DskipTests package)
jar="$root/kernel/target/iamnb-kernel.jar"
[[ -f "$jar" ]] || { echo "iamnb: build finished but $jar is missing" >&2; exit 1; }

# --- 3. Kernelspec --------------------------------------------------------------------------------------
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
spec="$staging/iamnb"
mkdir -p "$spec"
cp "$jar" "$spec/iamnb-kernel.jar"
install -m 0755 "$here/kernelspec/iamnb-kernel" "$spec/iamnb-kernel"
"$python" "$here/make_logos.py" "$spec"
cat > "$spec/kernel.json" <<JSON
{
  "argv": ["{resource_dir}/iamnb-kernel", "{connection_file}"],
  "display_name": "Java (iamnb)",
  "language": "java",
  "interrupt_mode": "message",
  "metadata": {"debugger": false}
}
JSON
"$python" -m jupyter kernelspec install "${scope[@]}" --replace --name iamnb "$spec" 2>/dev/null
if [[ "${scope[0]}" == "--prefix" ]]; then
  export JUPYTER_PATH="${scope[1]}/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
  echo "iamnb: for Jupyter to find it, set JUPYTER_PATH=$JUPYTER_PATH"
fi
echo "iamnb: kernelspec installed:"
"$python" -m jupyter kernelspec list | grep -E "^\s+iamnb\s" || { echo "iamnb: kernelspec not listed" >&2; exit 1; }
installed="$("$python" -m jupyter kernelspec list --json \
  | "$python" -c 'import json,sys; print(json.load(sys.stdin)["kernelspecs"]["iamnb"]["resource_dir"])')"

# A class-data-sharing archive of the classes a kernel start loads makes later starts faster. It is made in
# place (it records the jar's path) and is tied to the JDK that made it: another JDK simply ignores it. The same
# step unpacks the jar's classes into iamnb-kernel.classes, which JShell's compiler reads instead of the jar.
if "$installed/iamnb-kernel" --make-cds-archive "$installed/iamnb.jsa" >/dev/null 2>&1 && [[ -s "$installed/iamnb.jsa" ]]; then
  echo "iamnb: class-data-sharing archive created"
else
  rm -f "$installed/iamnb.jsa"
fi
if [[ -f "$installed/iamnb-kernel.classes/.iamnb-jar-stamp" ]]; then
  echo "iamnb: class folder for JShell's compiler unpacked"
fi

# --- 4. Notebooks ---------------------------------------------------------------------------------------
# Every runbook notebook runs top to bottom on the embedded demo account through the kernelspec just
# installed, and is rendered to HTML. One line per notebook: findings announced, seconds, ok or FAILED.
html="${IAMNB_HTML_DIR:-$root/build/notebooks}"
echo "iamnb: executing the runbook notebooks on the demo account"
if "$python" "$here/notebooks.py" execute --html "$html"; then
  # The committed notebooks' outputs were just reproduced here, so they are trusted for the user who installed
  # them: the classic notebook then shows their stored HTML with its styles (untrusted, it strips them).
  "$python" -m nbformat.sign "$root"/notebooks/*.ipynb >/dev/null
  echo "iamnb: done. Open $html/00-start-here.html, or run: jupyter notebook $root/notebooks"
else
  echo "iamnb: some notebooks failed (see above); the HTML of every notebook is in $html" >&2
  exit 1
fi
