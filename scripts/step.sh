#!/usr/bin/env bash
# Usage: scripts/step.sh NAME COMMAND [ARGS...]
# Runs one stage of `make test` and says how it ended and how long it took, so a
# failure in a long log names its stage.
set -uo pipefail
name=$1
shift
echo "==> $name"
start=$SECONDS
"$@"
status=$?
if [[ $status -eq 0 ]]; then
  echo "<== $name: ok in $((SECONDS - start)) s"
else
  echo "<== $name: FAILED (exit $status) after $((SECONDS - start)) s" >&2
fi
exit "$status"
