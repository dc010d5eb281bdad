#!/usr/bin/env bash
# Installs everything `make pkg` and `make test` need, from the package
# registries only. Each step first checks whether its tool is already there, so
# a second run takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_PACK_VERSION=0.15.1
# Vite 8 and playwright-core need this Node at least.
NODE_MIN=20.19.0

say() { echo "setup: $*"; }
fail() {
  echo "setup: FAILED: $*" >&2
  exit 1
}

# cargo install with the tool's own Cargo.lock first, for the versions its
# authors tested. A registry mirror can lack a version that lock names (seen:
# webpki-roots 1.0.11 for wasm-bindgen-cli 0.2.130); then resolve afresh within
# the tool's semver ranges rather than give up.
cargo_install() {
  local crate=$1 version=$2
  cargo install "$crate" --version "$version" --locked --force && return 0
  say "$crate $version did not install with --locked (a locked dependency is missing from the registry); retrying with fresh resolution"
  cargo install "$crate" --version "$version" --force ||
    fail "cargo install $crate --version $version"
}

# --- Rust target -------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "wasm32-unknown-unknown target present"
else
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown || fail "rustup target add wasm32-unknown-unknown"
fi

# --- wasm-bindgen CLI, at the exact version of the crate in Cargo.lock ---------
# The CLI refuses to process a module built by another version of the crate.
[[ -f Cargo.lock ]] || fail "Cargo.lock is missing: run 'cargo generate-lockfile' and commit it"
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
[[ -n $bindgen_version ]] || fail "Cargo.lock has no wasm-bindgen package: the SDK crate must depend on wasm-bindgen"
installed=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [[ $installed == "$bindgen_version" ]] && command -v wasm-bindgen-test-runner >/dev/null; then
  say "wasm-bindgen-cli $bindgen_version present"
else
  say "installing wasm-bindgen-cli $bindgen_version (found '${installed:-none}'); this compiles for a few minutes"
  cargo_install wasm-bindgen-cli "$bindgen_version"
fi

# --- wasm-pack -----------------------------------------------------------------
installed=$(wasm-pack --version 2>/dev/null | awk '{ print $2 }' || true)
if [[ $installed == "$WASM_PACK_VERSION" ]]; then
  say "wasm-pack $WASM_PACK_VERSION present"
else
  say "installing wasm-pack $WASM_PACK_VERSION (found '${installed:-none}')"
  cargo_install wasm-pack "$WASM_PACK_VERSION"
fi

# --- Chromium and its WebDriver, from Debian ------------------------------------
# Playwright's and wasm-pack's own browser downloads cannot work here; both are
# pointed at these binaries instead.
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  say "chromium and chromedriver present"
else
  [[ $(id -u) == 0 ]] || fail "chromium or chromedriver is missing and installing them needs root: apt-get install chromium chromium-driver"
  say "installing chromium and chromium-driver from Debian"
  apt-get update || fail "apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver ||
    fail "apt-get install chromium chromium-driver"
fi

# --- Node and the npm dev tools --------------------------------------------------
command -v node >/dev/null || fail "node is missing: install Node.js $NODE_MIN or later"
node -e '
  const rank = (v) => v.split(".").reduce((sum, part) => sum * 1000 + Number(part), 0);
  process.exit(rank(process.versions.node) >= rank(process.argv[1]) ? 0 : 1);
' "$NODE_MIN" || fail "node $(node --version) is too old: Node.js $NODE_MIN or later is needed"

# npm writes node_modules/.package-lock.json on every install; when it is newer
# than both manifests, node_modules already matches the lock.
hidden_lock=node_modules/.package-lock.json
if [[ -f $hidden_lock && $hidden_lock -nt package-lock.json && $hidden_lock -nt package.json ]]; then
  say "node_modules matches package-lock.json"
else
  say "installing the npm dev tools (npm ci)"
  npm ci --no-audit --no-fund --prefer-offline || fail "npm ci"
fi

say "done"
