#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 60) each, one after the
# other (the machine is shared), and prints executions and crashes per target.
# A crash does not stop the others; the script fails at the end if any
# target crashed. The input that crashed is left in artifacts/<target>/.
set -uo pipefail
cd "$(dirname "$0")"

seconds=${FUZZ_SECONDS:-60}
targets=(decode_payloads error_body content_disposition validation base_url)
summary=last-run.txt
: >"$summary"
crashed=()

# The vendor's samples, exactly as printed, seed the payload decoder.
seeds_of() {
  if [[ $1 == decode_payloads ]]; then echo ../tests/fixtures; else echo "seeds/$1"; fi
}

printf '%-22s %14s %8s %s\n' target executions crashes seconds | tee -a "$summary"
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target"
  log=$(mktemp)
  cargo +nightly fuzz run "$target" "corpus/$target" "$(seeds_of "$target")" -- \
    -max_total_time="$seconds" -print_final_stats=1 >"$log" 2>&1
  status=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=0
  if [[ $status -ne 0 ]]; then
    crashes=1
    crashed+=("$target")
    tail -40 "$log" >&2
  fi
  printf '%-22s %14s %8s %s\n' "$target" "${execs:-?}" "$crashes" "$seconds" | tee -a "$summary"
  rm -f "$log"
done

if [[ ${#crashed[@]} -gt 0 ]]; then
  echo "fuzz: these targets crashed: ${crashed[*]} (inputs in fuzz/artifacts/)" >&2
  exit 1
fi
