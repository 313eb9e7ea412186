#!/usr/bin/env bash
# JMH benchmarks of the Kotlin bindings (BENCHMARKS.md, "Kotlin: the app flow"): the app's flow
# end to end and single calls, time per call (median and 99.9 % interval) and bytes allocated
# per call (`-prof gc`), against the release library. A measurement, not a test.
# Extra JMH arguments: PP_JMH_ARGS (default `-prof gc`).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
cargo build -q --release -p patient-partner-uniffi
scripts/uniffi-generate.sh kotlin bindings/uniffi/kotlin/target/generated-sources/uniffi >/dev/null
cd bindings/uniffi/kotlin-jmh
mvn -B -q -Dstyle.color=never -Dpp.lib.dir="$root/target/release" \
  -Dpp.jmh.args="${PP_JMH_ARGS:--prof gc}" compile exec:exec 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
