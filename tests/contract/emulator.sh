#!/usr/bin/env bash
# Check 1 of the contract: schemathesis against a running emulator.
#
# Usage: QUALYS_PCI_EMULATOR_URL=http://127.0.0.1:PORT \
#          tests/contract/emulator.sh SPEC LOG [SCHEMATHESIS OPTIONS...]
# (scripts/with-emulator.sh sets the variable). Every operation is tested with
# positive and negative cases, the examples and the stateful links of SPEC;
# the responses must not be 5xx, must have a documented status, content type
# and headers, and must conform to their schemas; invalid input and missing
# credentials must be rejected. The run is bounded by a number of cases per
# operation, not by time, so that it decides the same way on a slow machine.
# One worker: hypothesis parses lambdas with ast in each thread, and CPython
# 3.11 fails at random on that with "AST constructor recursion depth mismatch".
# Prints the case count on success; schemathesis's output is appended to LOG.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
spec=${1:?usage: $0 SPEC LOG [SCHEMATHESIS OPTIONS...]}
log=${2:?usage: $0 SPEC LOG [SCHEMATHESIS OPTIONS...]}
shift 2
url=${QUALYS_PCI_EMULATOR_URL:?run me under scripts/with-emulator.sh}
venv=${CONTRACT_VENV:-$root/target/contract-venv}

checks=(
  not_a_server_error
  status_code_conformance
  content_type_conformance
  response_headers_conformance
  response_schema_conformance
  negative_data_rejection
  ignored_auth
)

spec=$(realpath -m "$spec")
log=$(realpath -m "$log")
# schemathesis keeps the failures of past runs in its working directory and
# replays them; each run gets a fresh one so that it decides on its own.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

status=0
"$venv/bin/schemathesis" run "$spec" \
  --url "$url" \
  --auth demo:demo \
  --checks "$(IFS=,; echo "${checks[*]}")" \
  --mode all \
  --phases examples,coverage,fuzzing,stateful \
  --max-examples 40 \
  --seed "${CONTRACT_SEED:-20241223}" \
  --workers 1 \
  --request-timeout 10 \
  --generation-database none \
  --no-color \
  "$@" \
  >>"$log" 2>&1 || status=$?

# The summary has a line such as "Test cases: 512 generated, 512 passed".
cases=$(grep -Eo '[0-9]+ generated' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo "?")
if [[ $status -ne 0 ]]; then
  echo "schemathesis found problems in $cases cases, listed in $log" >&2
  exit 1
fi
echo "$cases cases"
