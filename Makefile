# Entry points for people and CI. The work is done by the scripts in scripts/,
# which fail with a message naming the failing step.

# The repository's npm tools come first on every recipe's PATH, so that the
# wasm-opt any tool finds is binaryen's from node_modules: Debian's binaryen
# 108 writes modules that fail to instantiate.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# Stages share one target dir and the emulator on one machine: never in parallel.
.NOTPARALLEL:

STEP := scripts/step.sh

.PHONY: help setup emulator emulator-bin build pkg test test-native lint test-wasm test-package \
	test-contract test-docs

help:
	@echo "make setup         install the toolchain, Chromium and the npm dev tools (idempotent)"
	@echo "make emulator      run the API emulator with its defaults on 127.0.0.1:8790"
	@echo "make pkg           build the npm package into pkg/ and print its gzipped size"
	@echo "make test          everything CI runs: native tests, clippy, wasm tests in Node and"
	@echo "                   Chromium, and the package tests"
	@echo "make test-native | lint | test-wasm | test-package | test-contract | test-docs"
	@echo "                   one stage of make test"
	@echo "make demo          the dashboard, the Worker proxy and the emulator; prints the URL to open"
	@echo "make bench         the SDK against a plain fetch client (not part of make test)"
	@echo "make fuzz          each fuzz target for FUZZ_SECONDS (default 60)"

setup:
	@scripts/setup.sh

emulator:
	cargo run -p qualys-pci-emulator --

build: pkg

pkg: setup
	@$(STEP) "make pkg" scripts/build-pkg.sh

# The stages run in this order (.NOTPARALLEL); the mk/*.mk files included
# below add theirs with `test: their-target`, which make runs after these.
test: setup emulator-bin test-native lint test-wasm test-package test-contract test-docs

# Built once into the shared target dir and reused by every stage that starts
# the emulator (scripts/with-emulator.sh only checks that it is fresh).
emulator-bin: setup
	@$(STEP) "build the emulator" cargo build -p qualys-pci-emulator

test-native: setup
	@$(STEP) "native tests (cargo test --workspace)" cargo test --workspace

# The SDK's JS layer and tests/*.rs only compile for wasm32, so they are linted
# for that target as well.
lint: setup
	@$(STEP) "clippy (native)" cargo clippy --workspace --all-targets -- -D warnings
	@$(STEP) "clippy (wasm32)" cargo clippy -p qualys-pci --all-targets --target wasm32-unknown-unknown -- -D warnings

test-wasm: setup
	@$(STEP) "wasm-bindgen-test suites in Node and headless Chromium" scripts/test-wasm.sh

# The spec against the emulator (schemathesis), the SDK's types and the
# vendor's samples; check 2 reads the built package.
test-contract: pkg
	@$(STEP) "contract: OpenAPI spec vs emulator, SDK types and samples" scripts/contract-test.sh

# The root README's quick starts are the package README's tested snippets.
test-docs:
	@$(STEP) "README quick starts match the tested snippets" node scripts/check-readme-snippets.mjs

# Tests what users install: the tarball of a fresh pkg/.
test-package: pkg
	@$(STEP) "package tests (tests/package/)" scripts/test-package.sh
include mk/examples.mk
include mk/bench.mk
include mk/reliability.mk
