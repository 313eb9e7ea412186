#!/usr/bin/env bash
# Builds the unstripped debug library of bindings/uniffi and generates the bindings of one
# language from it (uniffi-bindgen generate --library, at the workspace's pinned uniffi).
#   scripts/uniffi-generate.sh kotlin|swift OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
lang="$1"
out="$2"
CARGO="${CARGO:-cargo}"
"$CARGO" build -q -p patient-partner-uniffi
"$CARGO" build -q -p uniffi-bindgen
lib="target/debug/libpatient_partner_ffi.so"
case "$(uname -s)" in
  Darwin) lib="target/debug/libpatient_partner_ffi.dylib" ;;
esac
rm -rf "$out"
mkdir -p "$out"
# --no-format: the generated code is compiled, not read; ktlint/swift-format are not needed.
target/debug/uniffi-bindgen generate --library "$lib" --language "$lang" --out-dir "$out" --no-format
