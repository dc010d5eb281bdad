# The benchmarks of issue 6 (benches/): what the SDK costs next to a plain
# fetch client. Not part of `make test`; bench-smoke runs the same script once
# on tiny inputs so that it cannot rot. Included by the root Makefile.

# The root Makefile may include this file twice (by name and by mk/*.mk).
ifndef BENCH_MK_INCLUDED
BENCH_MK_INCLUDED := 1

.PHONY: bench bench-smoke

# examples-prepare builds pkg/, the debug emulator and the Worker proxy. The
# full run also needs the release emulator: the debug one spends longer on a
# 1,000-row page than the 20 ms latency that walk_100k measures.
bench: pkg examples-prepare
	@$(STEP) "build the release emulator" cargo build --release -p qualys-pci-emulator
	@$(STEP) "benchmarks (node benches/run.mjs; results in target/bench.json)" node benches/run.mjs

# make test runs the smoke run after its own stages, so the script cannot rot.
test: bench-smoke

bench-smoke: examples-prepare
	@$(STEP) "benchmark smoke run on tiny inputs (target/bench-smoke.json)" node benches/run.mjs --smoke

endif
