#!/usr/bin/env bash
# The Kotlin face, tested for real on the JVM:
#  1. builds the unstripped debug library and generates the Kotlin bindings into
#     bindings/uniffi/kotlin/target/generated-sources/uniffi (never committed);
#  2. mvn test: compiles them with kotlin-maven-plugin and runs every vector of tests/vectors
#     (and $PP_VECTORS_DIR) plus the Kotlin-specific tests, loading target/debug's library;
#  3. runs the Kotlin example (examples/kotlin) and checks the 2023 totals it prints.
# Needs Java 17+ and Maven; Maven fetches Kotlin, JNA, JUnit and org.json from Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
command -v mvn >/dev/null || { echo "test-kotlin: Maven (mvn) is required" >&2; exit 1; }
command -v java >/dev/null || { echo "test-kotlin: Java 17+ is required" >&2; exit 1; }

gen="bindings/uniffi/kotlin/target/generated-sources/uniffi"
scripts/uniffi-generate.sh kotlin "$gen"
# KDoc is for Kotlin readers: no Rust intra-doc link (`[`Type::method`]`) may reach it.
if grep -n '\[`[^]]*`\]' -r "$gen" --include='*.kt'; then
  echo "test-kotlin: Rust doc links in the generated KDoc (above): write them as plain code" >&2
  exit 1
fi

MVN=(mvn -B -q -Dstyle.color=never -Dpp.lib.dir="$root/target/debug")
# Maven still emits colour resets in batch mode: strip them so the summaries stand alone.
plain() { sed -u 's/\x1b\[[0-9;]*m//g'; }
echo "test-kotlin: Kotlin tests (vectors + Kotlin-specific)"
(cd bindings/uniffi/kotlin && "${MVN[@]}" test 2>&1 | plain)
echo
# Surefire's summary, for the record.
python3 - <<'PY'
import glob, xml.etree.ElementTree as ET
t = f = e = s = 0
for path in glob.glob("bindings/uniffi/kotlin/target/surefire-reports/TEST-*.xml"):
    r = ET.parse(path).getroot()
    t += int(r.get("tests")); f += int(r.get("failures")); e += int(r.get("errors")); s += int(r.get("skipped"))
print(f"kotlin: {t - f - e - s} passed, {f + e} failed")
if t == 0 or f or e or s:
    raise SystemExit("test-kotlin: no test ran, or some failed or were skipped")
PY

echo "test-kotlin: Kotlin example (examples/kotlin)"
out="$(cd examples/kotlin && "${MVN[@]}" compile exec:java -Dexec.args="$root/examples/data/interviews_2023.csv" 2>&1 | plain)"
echo "$out"
for want in "Partner A" "Partner B" "total interviews: 146" "total interviews: 43"; do
  grep -qF "$want" <<<"$out" || { echo "test-kotlin: example output lacks \"$want\"" >&2; exit 1; }
done
echo "test-kotlin: the app flow (examples/kotlin AppFlow.kt: typed values only)"
out="$(cd examples/kotlin && "${MVN[@]}" compile exec:java -Dpp.main=org.patientpartner.example.AppFlowKt 2>&1 | plain)"
echo "$out"
for want in "REF-1: CLOSED" "REF-2: DECLINED" "ACT-1: groupe de parole, 8 participants" \
            "refused: REF-1 (event) : adressage déjà terminé" \
            "PP-007 2023-01: in person 1, phone 0, video 1, total 2, new patients 1, patients 1" \
            "  séances collectives cliniques: 1 activities, 90 min, 8 participants" \
            "  formation: 1 activities, 120 min, 15 participants"; do
  grep -qF "$want" <<<"$out" || { echo "test-kotlin: app flow output lacks \"$want\"" >&2; exit 1; }
done
if grep -rn 'Json\|"[a-z]*_[a-z_]*"' examples/kotlin/src/main/kotlin/org/patientpartner/example/AppFlow.kt; then
  echo "test-kotlin: the app flow must use no JSON and no wire-name string (above)" >&2; exit 1
fi
echo "test-kotlin: ok"
