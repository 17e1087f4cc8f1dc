#!/usr/bin/env bash
# Re-executes committed notebooks on the same data and reports, cell by cell, any output that
# differs from the committed one (timings and object addresses ignored). Exit 1 on any difference.
#   install/reproduce.sh notebooks/10-admin-audit.ipynb [more.ipynb ...]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -ge 1 ] || { echo "usage: install/reproduce.sh NOTEBOOK.ipynb [...]" >&2; exit 2; }
exec /usr/bin/python3 "$here/notebooks.py" reproduce "$@"
