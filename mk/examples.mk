# The examples of issue 5: the Worker proxy, the dashboard, and the demo that
# runs both against the emulator. Included by the root Makefile.

.PHONY: demo demo-check test-examples examples-prepare

# The dashboard's browser tests start the same stack as `make demo`, so they
# are the demo's check.
DEMO_CHECK := $(STEP) "demo-check: the dashboard through the proxy in headless Chromium" \
	node --test --test-concurrency=1 examples/dashboard/tests/

# The package, the emulator, and both examples installed and built.
examples-prepare: pkg
	@$(STEP) "build the emulator" cargo build -p qualys-pci-emulator
	@$(STEP) "install and build the examples" examples/scripts/prepare.sh

# Prints one URL to open; Ctrl-C stops the emulator, the proxy and the dashboard.
demo:
	@examples/scripts/demo.sh

demo-check: examples-prepare
	@$(DEMO_CHECK)

test-examples: examples-prepare
	@$(STEP) "worker-proxy tests (workerd via Miniflare, against the emulator)" \
		node --test --test-concurrency=1 examples/worker-proxy/tests/
	@$(DEMO_CHECK)

test: test-examples
