# Issue 7: fuzzing and the proxy's load test. Neither runs in `make test`:
# fuzzing needs nightly and minutes per target, the load test is a benchmark.
# Included by the root Makefile.

.PHONY: fuzz bench-proxy-load bench

# Seconds per fuzz target; `make fuzz FUZZ_SECONDS=600` for a longer hunt.
FUZZ_SECONDS ?= 60

fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked || cargo install cargo-fuzz
	@$(STEP) "fuzz every target for $(FUZZ_SECONDS) s (cargo +nightly fuzz)" \
		env FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

# 5,000 requests at 32 concurrent through the Worker proxy in Miniflare,
# against the emulator, all on loopback.
bench-proxy-load: examples-prepare
	@$(STEP) "proxy load test (5,000 requests, 32 concurrent)" \
		node examples/worker-proxy/load/run.mjs

bench: bench-proxy-load
