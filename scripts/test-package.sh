#!/usr/bin/env bash
# Runs the package checks in tests/package/*/run.mjs against the tarball that
# `npm pack pkg/` makes, with one emulator for all of them.
#
# Without QUALYS_PCI_EMULATOR_URL it starts an emulator itself and runs inside
# it. To reuse a running one, set QUALYS_PCI_EMULATOR_URL and
# QUALYS_PCI_PAGE_PORT, where http://127.0.0.1:PORT is one of that emulator's
# --cors-origin values (the browser check serves its page there).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fail() {
  echo "test-package: FAILED: $*" >&2
  exit 1
}

[[ -f pkg/package.json ]] || fail "pkg/ is missing: run 'make pkg' first"

if [[ -z ${QUALYS_PCI_EMULATOR_URL:-} ]]; then
  QUALYS_PCI_PAGE_PORT=$(node scripts/free-port.mjs)
  export QUALYS_PCI_PAGE_PORT
  exec scripts/with-emulator.sh --report-step-ms 50 \
    --cors-origin "http://127.0.0.1:$QUALYS_PCI_PAGE_PORT" -- "$0" "$@"
fi

packs=target/package-tests
mkdir -p "$packs"
# "./pkg", not "pkg": a bare name is looked up in the registry.
tarball=$(npm pack ./pkg --pack-destination "$packs" --silent) || fail "npm pack ./pkg"
export QUALYS_PCI_TARBALL="$root/$packs/$tarball"
echo "test-package: testing $QUALYS_PCI_TARBALL"

passed=0
failed=0
for run in tests/package/*/run.mjs; do
  if node "$run"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done
echo "package-checks: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
