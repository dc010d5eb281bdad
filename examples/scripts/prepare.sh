#!/usr/bin/env bash
# Installs and builds both examples against the freshly built pkg/. Run by
# `make demo`, `make demo-check` and `make test-examples` after `make pkg`.
set -euo pipefail
examples=$(cd "$(dirname "$0")/.." && pwd)

fail() {
  echo "examples/prepare: FAILED: $*" >&2
  exit 1
}

[[ -f "$examples/../pkg/package.json" ]] || fail "pkg/ is missing: run \`make pkg\` first"

# Wrangler only bundles here (--dry-run): it needs no account and sends nothing.
export WRANGLER_SEND_METRICS=false WRANGLER_LOG=warn

for name in worker-proxy dashboard; do
  dir="$examples/$name"
  # npm ci again only when the lock file changed since the last install.
  stamp="$dir/node_modules/.installed-lock.sha256"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [[ ! -f $stamp || $(cat "$stamp") != "$want" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund) || fail "npm ci in examples/$name"
    echo "$want" >"$stamp"
  fi
  (cd "$dir" && npm run --silent build) || fail "npm run build in examples/$name"
done
