#!/usr/bin/env bash
# Usage: scripts/with-emulator.sh [emulator options] -- COMMAND [ARGS...]
#
# Starts qualys-pci-emulator on a free loopback port, exports its address as
# QUALYS_PCI_EMULATOR_URL, runs COMMAND and stops the emulator afterwards, also
# when COMMAND fails or the run is interrupted. The exit status is COMMAND's.
#
# Port 0 always: several people and CI run tests on one machine at once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

fail() {
  echo "with-emulator: FAILED: $*" >&2
  exit 1
}

emulator_args=()
while [[ $# -gt 0 && $1 != -- ]]; do
  emulator_args+=("$1")
  shift
done
[[ $# -ge 2 ]] || fail "usage: $0 [emulator options] -- COMMAND [ARGS...]"
shift

# Built once into the shared target dir; later calls only check that it is fresh.
cargo build --quiet --manifest-path "$root/Cargo.toml" -p qualys-pci-emulator ||
  fail "building qualys-pci-emulator (cargo build -p qualys-pci-emulator)"

logs="$root/target/emulator-logs"
mkdir -p "$logs"
log="$logs/$(date +%Y%m%d-%H%M%S)-$$.log"
ready="$logs/$$.stdout"
"$root/target/debug/qualys-pci-emulator" --port 0 "${emulator_args[@]}" >"$ready" 2>"$log" &
emulator_pid=$!

stop_emulator() {
  if kill -0 "$emulator_pid" 2>/dev/null; then
    kill -TERM "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -f "$ready"
}
trap stop_emulator EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The emulator's first stdout line is exactly "listening on http://HOST:PORT".
url=""
for _ in $(seq 1 200); do
  line=$(head -n 1 "$ready" 2>/dev/null || true)
  if [[ $line == "listening on http://"* ]]; then
    url=${line#listening on }
    break
  fi
  kill -0 "$emulator_pid" 2>/dev/null ||
    fail "the emulator exited before listening; its log ($log) ends with: $(tail -n 5 "$log")"
  sleep 0.05
done
[[ -n $url ]] || fail "the emulator printed no 'listening on' line within 10 s; see $log"

export QUALYS_PCI_EMULATOR_URL=$url
echo "with-emulator: emulator at $url (log: $log)"
"$@"
