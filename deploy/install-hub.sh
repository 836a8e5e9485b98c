#!/usr/bin/env bash
# Puts the built hub and its production dependencies (no Electron, no compiler) in one folder:
#   npm ci && npm run build:hub && sudo deploy/install-hub.sh /opt/counter-hub
# Run again after a new build to upgrade (then restart the hub: its database migrates at start).
# COUNTER_OUT_DIR names the build folder when it is not out/. Needs Node 20.19+ and npm, and the npm registry.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-/opt/counter-hub}
out=${COUNTER_OUT_DIR:-out}
case $out in /*) ;; *) out="$root/$out" ;; esac

if [ ! -f "$out/hub/cli.js" ]; then
  echo "install-hub: no $out/hub/cli.js; run npm run build:hub first." >&2
  exit 1
fi

mkdir -p "$prefix/out"
cp "$root/package.json" "$root/package-lock.json" "$prefix/"
# The whole build folder is replaced, so no file of an older build stays behind.
rm -rf "$prefix/out/hub.new"
cp -R "$out/hub" "$prefix/out/hub.new"
cd "$prefix"
# The lockfile's exact versions; no install scripts (none of the hub's packages needs one).
npm ci --omit=dev --ignore-scripts --no-audit --no-fund
rm -rf out/hub
mv out/hub.new out/hub
echo "install-hub: the hub is in $prefix; run it with: node $prefix/out/hub/cli.js"
