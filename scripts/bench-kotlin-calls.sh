#!/usr/bin/env bash
# Measures the stripped release library's size and the cost of one rule check called from
# Kotlin across the uniffi boundary against the same check in Rust (BENCHMARKS.md, section
# "Kotlin/Swift bindings"). A measurement, not a test: not part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
cargo build -q --release -p patient-partner-uniffi
cargo build -q -p uniffi-bindgen
strip -o target/release/libpatient_partner_ffi.stripped.so target/release/libpatient_partner_ffi.so
echo "release cdylib: $(stat -c %s target/release/libpatient_partner_ffi.so) bytes; stripped: $(stat -c %s target/release/libpatient_partner_ffi.stripped.so) bytes"
gen="bindings/uniffi/kotlin/target/generated-sources/uniffi"
rm -rf "$gen" && mkdir -p "$gen"
target/debug/uniffi-bindgen generate --library target/release/libpatient_partner_ffi.so \
  --language kotlin --out-dir "$gen" --no-format
cargo run -q --release -p patient-partner-uniffi --example call_cost
(cd bindings/uniffi/kotlin && mvn -B -q -Dstyle.color=never -Dpp.lib.dir="$root/target/release" \
  test-compile exec:java 2>&1 | sed 's/\x1b\[[0-9;]*m//g')
