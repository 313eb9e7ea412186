# patient-partner: one entry point for every test.
#   make test        everything CI runs (Rust, then each binding adds its target below)
#   make report      the main job: the 2023 activity tables from the bundled log
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

TEST_TARGETS := test-hygiene test-rust
# Bindings register their test targets here, one line each.
TEST_TARGETS += test-python
TEST_TARGETS += test-kotlin test-swift
TEST_TARGETS += test-fhir
TEST_TARGETS += test-fuzz

.PHONY: test test-hygiene test-rust report test-kotlin test-swift test-python test-fhir test-fuzz
test: $(TEST_TARGETS)
	@echo "make test: all suites passed ($(TEST_TARGETS))"

test-hygiene:
	python3 scripts/check_no_real_names.py

test-rust:
	$(CARGO) fmt --all --check
	$(CARGO) test --workspace
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc --no-deps -p patient-partner
	# the core without its optional features (no workbooks, no xlsx writer) still builds
	RUSTFLAGS="-D warnings" $(CARGO) check -q -p patient-partner --no-default-features --lib
	$(CARGO) run -q --example quickstart >/dev/null
	# `cargo install --path cli` works (debug, into target/, reusing the build above)
	$(CARGO) install --quiet --path cli --debug --locked --force --root target/cli-install --target-dir target
	target/cli-install/bin/patient-partner report tests/fixtures/spreadsheets/interviews_2023.ods \
		--from 2023-01-01 --to 2023-12-31 --quiet --format csv >/dev/null

test-python:
	scripts/test-python.sh

test-kotlin:
	scripts/test-kotlin.sh

test-swift:
	scripts/test-swift.sh

# The HAPI FHIR validator (Maven, offline) over core/fhir/ and the library's FHIR exports
test-fhir:
	scripts/test-fhir.sh

# A short, reproducible fuzz run of every target (nightly + cargo-fuzz; see fuzz/README.md)
test-fuzz:
	scripts/fuzz.sh --check

report:
	$(CARGO) run --release --example activity_report
