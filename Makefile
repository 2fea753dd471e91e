# DossierKiosk: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=

.PHONY: demo test bench deps build clean

## Install what is missing, build, and start the kiosk on simulated hardware and a simulated backend in a throw-away state directory.
demo: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product kioskd
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product kiosk-hwsim
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product onestop-sim
	scripts/demo

## Install what is missing, build everything, run every test, then check onestop-sim against its contract.
test: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --build-tests
	$(SWIFT) test $(SWIFT_BUILD_FLAGS) --skip-build
	scripts/contract-check

## Build the benchmarks in release mode and record their results in Benchmarks/results/
## (the receipt comparison first sets up a Python venv with python-escpos under .build/).
bench: deps
	$(SWIFT) build -c release --product locker-bench
	$(SWIFT) build -c release --product receipt-bench
	$(SWIFT) build -c release --product sync-bench
	$$($(SWIFT) build -c release --show-bin-path)/locker-bench Benchmarks/results
	$$($(SWIFT) build -c release --show-bin-path)/receipt-bench Benchmarks/results --python "$$(Benchmarks/python/setup | tail -n 1)"
	$$($(SWIFT) build -c release --show-bin-path)/sync-bench Benchmarks/results

## The Debian packages the build, the tests and the demo need (idempotent).
deps:
	scripts/install-deps

build: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

clean:
	rm -rf .build
