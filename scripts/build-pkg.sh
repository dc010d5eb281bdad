#!/usr/bin/env bash
# Builds the npm package into pkg/: the release wasm through wasm-pack (with our
# wasm-bindgen CLI, never a downloaded one), wasm-opt from node_modules, then the
# entry modules, README and package.json from pkg-template/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

fail() {
  echo "pkg: FAILED: $*" >&2
  exit 1
}

out=target/wasm-pack
wasm_opt=node_modules/.bin/wasm-opt
[[ -x $wasm_opt ]] || fail "$wasm_opt is missing: run 'make setup'"

# --mode no-install: use the wasm-bindgen on PATH (installed by make setup at the
# version in Cargo.lock) and fail rather than download one.
echo "pkg: building the release wasm (wasm-pack build --target web)"
wasm-pack --quiet build --release --target web --mode no-install --no-pack --no-opt \
  --out-dir "$out" --out-name qualys_pci . ||
  fail "wasm-pack build"

# Rust's wasm32 target emits these post-MVP features by default; wasm-opt must be
# told, or it rejects the module. A feature missing here fails loudly.
echo "pkg: optimising with $("$wasm_opt" --version)"
"$wasm_opt" -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-bulk-memory-opt --enable-call-indirect-overlong \
  --enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types \
  --enable-multivalue --enable-sign-ext \
  "$out/qualys_pci_bg.wasm" -o "$out/qualys_pci_bg.opt.wasm" ||
  fail "wasm-opt -Oz $out/qualys_pci_bg.wasm"

node scripts/assemble-pkg.mjs "$out" "$out/qualys_pci_bg.opt.wasm" pkg ||
  fail "assembling pkg/ from $out and pkg-template/"

# No benchmark exists yet, so every build shows what the package costs users.
gz() { gzip -9 -c "$@" | wc -c; }
raw() { cat "$@" | wc -c; }
printf 'pkg: %-42s %9s B raw, %8s B gzip -9\n' \
  "qualys_pci_bg.wasm" "$(raw pkg/qualys_pci_bg.wasm)" "$(gz pkg/qualys_pci_bg.wasm)" \
  "JS (bundler.js + qualys_pci.js glue)" "$(raw pkg/bundler.js pkg/qualys_pci.js)" "$(gz pkg/bundler.js pkg/qualys_pci.js)"
echo "pkg: built $(node -p 'const p = require("./pkg/package.json"); p.name + "@" + p.version') in pkg/"
