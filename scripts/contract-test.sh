#!/usr/bin/env bash
# Checks openapi/pci-merchant.yaml both ways (issue 8):
#   check 3  the vendor's JSON samples against the spec;
#   check 1  the emulator against the spec, with schemathesis, and that it
#            serves the spec at /__emulator/openapi.json;
#   check 2  the package's .d.ts against types generated from the spec
#            (needs pkg/ from `make pkg`, or QUALYS_PCI_TYPES=path/to.d.ts);
# then proves that each check rejects a copy of the spec with one field renamed.
#
# Prints one pass/fail line per check and "N passed, N failed"; exits 1 if any
# failed. Logs go to target/contract/. Installs its own tools on first use:
# a Python venv in target/contract-venv and openapi/node_modules.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

spec=openapi/pci-merchant.yaml
logs=target/contract
venv=$(realpath -m "${CONTRACT_VENV:-target/contract-venv}")
export CONTRACT_VENV=$venv
# No __pycache__ beside the test files.
export PYTHONDONTWRITEBYTECODE=1
mkdir -p "$logs"
passed=0
failed=0

# Limits so high that no call reaches them, only so that every response
# carries the rate-limit headers and their schemas are checked.
emulator_options=(--report-step-ms 0 --rate-limit 1000000/60 --concurrency-limit 64)

# Runs "$@" with its output in LOG, then prints the result line; the last
# line of the output, if any, completes the message.
check() {
  local name=$1 log=$2
  shift 2
  local start=$SECONDS status
  "$@" >"$log" 2>&1
  status=$?
  local detail
  detail=$(grep -v '^with-emulator: ' "$log" | tail -n 1)
  if [[ $status -eq 0 ]]; then
    passed=$((passed + 1))
    echo "pass  $name${detail:+: $detail} ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    echo "FAIL  $name: ${detail:-failed} (log: $log, $((SECONDS - start)) s)"
  fi
}

# Succeeds when "$@" fails and OUT names the renamed field, so that the broken
# copy is rejected for the right reason and not, say, for a missing tool.
# The command's output is appended to OUT, to which it may also write itself.
rejects() {
  local out=$1
  shift
  : >"$out"
  if "$@" >>"$out" 2>&1; then
    echo "the broken copy was accepted; see $out"
    return 1
  fi
  if ! grep -q complianceState "$out"; then
    echo "it failed without naming complianceState; see $out"
    return 1
  fi
  echo "rejected, naming complianceState"
}

setup() {
  if [[ ! -x $venv/bin/python ]]; then
    python3 -m venv "$venv" || return 1
  fi
  if [[ ! -f $venv/.installed || openapi/requirements.txt -nt $venv/.installed ]]; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r openapi/requirements.txt &&
      touch "$venv/.installed" || return 1
  fi
  if [[ ! -f openapi/node_modules/.package-lock.json ||
    openapi/package-lock.json -nt openapi/node_modules/.package-lock.json ]]; then
    npm ci --prefix openapi --no-audit --no-fund --loglevel=error || return 1
  fi
  cargo build --quiet -p qualys-pci-emulator
}

if ! setup >"$logs/setup.log" 2>&1; then
  echo "FAIL  setup (venv, openapi/node_modules, emulator build): see $logs/setup.log"
  echo "0 passed, 1 failed"
  exit 1
fi

check "spec is valid OpenAPI 3.1 (openapi-spec-validator)" "$logs/validate.log" \
  "$venv/bin/openapi-spec-validator" "$spec"
check "check 3, samples against the spec" "$logs/samples.log" \
  "$venv/bin/python" tests/contract/samples.py --spec "$spec"
rm -f "$logs/schemathesis.log"
check "check 1, emulator against the spec (schemathesis)" "$logs/emulator.log" \
  scripts/with-emulator.sh "${emulator_options[@]}" -- \
  tests/contract/emulator.sh "$spec" "$logs/schemathesis.log"
check "check 1, emulator's injected 409, 429, 500 and 503 against the spec" "$logs/faults.log" \
  scripts/with-emulator.sh -- "$venv/bin/python" tests/contract/faults.py "$spec"
check "the emulator serves the spec" "$logs/served-spec.log" \
  scripts/with-emulator.sh -- "$venv/bin/python" tests/contract/served_spec.py
check "check 2, SDK types against the spec" "$logs/sdk-types.log" \
  node tests/contract/sdk-types.mjs "$spec"

broken=$logs/broken-spec.json
"$venv/bin/python" tests/contract/broken_spec.py "$spec" "$broken"
check "broken copy rejected by check 3" "$logs/broken-samples.log" \
  rejects "$logs/broken-samples.out" "$venv/bin/python" tests/contract/samples.py --spec "$broken"
check "broken copy rejected by check 1" "$logs/broken-emulator.log" \
  rejects "$logs/broken-schemathesis.log" \
  scripts/with-emulator.sh "${emulator_options[@]}" -- \
  tests/contract/emulator.sh "$broken" "$logs/broken-schemathesis.log" \
  --include-operation-id getComplianceSummary --mode positive --phases examples,fuzzing --max-examples 5
check "broken copy rejected by check 2" "$logs/broken-sdk-types.log" \
  rejects "$logs/broken-sdk-types.out" node tests/contract/sdk-types.mjs "$broken"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
