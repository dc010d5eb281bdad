#!/usr/bin/env bash
# `make demo`: builds quietly (the log is kept in target/demo/), then runs the
# stack, which prints the one URL to open. Ctrl-C stops everything.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$root/target/demo"
log="$root/target/demo/build.log"

echo "Building the package and the examples (log: target/demo/build.log)..."
if ! make -C "$root" --no-print-directory examples-prepare >"$log" 2>&1; then
  echo "demo: FAILED while building; the log ends with:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
exec node "$root/examples/scripts/demo.mjs"
