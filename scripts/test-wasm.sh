#!/usr/bin/env bash
# Runs the SDK's wasm-bindgen-test suites (tests/*.rs) in Node, then in headless
# Chromium, against one emulator.
#
# Without QUALYS_PCI_EMULATOR_URL it starts an emulator itself and runs inside
# it. To reuse a running one, set QUALYS_PCI_EMULATOR_URL and
# WASM_BINDGEN_TEST_ADDRESS=127.0.0.1:PORT, where http://127.0.0.1:PORT is one
# of that emulator's --cors-origin values.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fail() {
  echo "test-wasm: FAILED: $*" >&2
  exit 1
}

if [[ -z ${QUALYS_PCI_EMULATOR_URL:-} ]]; then
  # The test page's origin must be known before the emulator starts, for CORS.
  WASM_BINDGEN_TEST_ADDRESS=127.0.0.1:$(node scripts/free-port.mjs)
  export WASM_BINDGEN_TEST_ADDRESS
  exec scripts/with-emulator.sh --report-step-ms 50 \
    --cors-origin "http://$WASM_BINDGEN_TEST_ADDRESS" -- "$0" "$@"
fi
[[ -n ${WASM_BINDGEN_TEST_ADDRESS:-} ]] ||
  fail "WASM_BINDGEN_TEST_ADDRESS is unset: set it to the 127.0.0.1:PORT that the emulator's --cors-origin allows"

shopt -s nullglob
suites=(tests/*.rs)
if [[ ${#suites[@]} -eq 0 ]]; then
  echo "test-wasm: no tests/*.rs suites yet; nothing to run"
  exit 0
fi

# The runner's default of 20 s per suite is short for the retry and polling tests.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-180}

# The suites read the emulator's URL at compile time (option_env!). They are
# built once, and private copies are run: another build in the shared target
# dir (a colleague's, with their emulator's URL) could otherwise replace a
# suite between the build and its run.
suite_dir=$(mktemp -d "${TMPDIR:-/tmp}/qualys-pci-wasm-suites.XXXXXX")
trap 'rm -rf "$suite_dir"' EXIT
cargo test --target wasm32-unknown-unknown -p qualys-pci --test '*' --no-run --message-format=json-render-diagnostics \
  >"$suite_dir/build.json" || fail "building the wasm test suites (cargo test --target wasm32-unknown-unknown --no-run)"
node -e '
  for (const line of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) {
    const m = line.startsWith("{") ? JSON.parse(line) : {};
    if (m.reason === "compiler-artifact" && m.executable) console.log(m.executable);
  }' "$suite_dir/build.json" | while read -r wasm; do cp "$wasm" "$suite_dir/"; done
copies=("$suite_dir"/*.wasm)
[[ -e ${copies[0]} ]] || fail "cargo built no wasm test suites"

failed=()
run_suites() {
  local where=$1
  for wasm in "${copies[@]}"; do
    echo "test-wasm: $(basename "$wasm" .wasm) in $where"
    wasm-bindgen-test-runner "$wasm" --nocapture || failed+=("$(basename "$wasm" .wasm) in $where")
  done
}

run_suites Node
echo "test-wasm: headless Chromium, test page at http://$WASM_BINDGEN_TEST_ADDRESS"
WASM_BINDGEN_USE_BROWSER=1 \
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/webdriver.json" \
  run_suites Chromium

[[ ${#failed[@]} -eq 0 ]] || fail "these wasm test suites failed: ${failed[*]}"
