# DossierKiosk: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
SWIFT_BUILD_FLAGS ?=

.PHONY: demo test deps build clean

## Install what is missing, build, and start the kiosk on simulated hardware in a throw-away state directory.
demo: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product kioskd
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product kiosk-hwsim
	scripts/demo

## Install what is missing, build everything, and run every test.
test: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --build-tests
	$(SWIFT) test $(SWIFT_BUILD_FLAGS) --skip-build

## The Debian packages the build, the tests and the demo need (idempotent).
deps:
	scripts/install-deps

build: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS)

clean:
	rm -rf .build
