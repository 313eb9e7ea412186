#!/usr/bin/env bash
# The FHIR gate of issue 14 (ADR 0013): the HAPI FHIR validator 8.8.1, offline, in one JVM,
# over the conformance resources the library ships (core/fhir/), the library's exports, and
# negative fixtures that must fail (tests/fhir-validator/invalid/). Zero errors allowed in
# what the library writes; every warning printed (and listed in the README).
#   scripts/test-fhir.sh            everything
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command -v mvn >/dev/null || { echo "test-fhir: Maven (mvn) is required" >&2; exit 1; }
out="$root/target/fhir"
rm -rf "$out"
mkdir -p "$out"
valid=()
# Exports of the library, written by the CLI (built by test-rust) when it has the command.
if [ -x target/cli-install/bin/patient-partner ] \
   && target/cli-install/bin/patient-partner fhir --help >/dev/null 2>&1; then
  pp=target/cli-install/bin/patient-partner
  "$pp" fhir export --journal examples/data/journal_2023.json -o "$out/journal_2023.bundle.json"
  "$pp" fhir export --journal examples/data/journal_2023.json --transaction -o "$out/journal_2023.transaction.json"
  "$pp" fhir report examples/data/journal_2023.json --from 2023-01-01 --to 2023-12-31 -o "$out/report_2023.bundle.json"
  "$pp" fhir report examples/data/journal_2023.json --from 2023-01-01 --to 2023-12-31 \
    --by all --bucket quarter --suppress-below 11 -o "$out/report_2023_masked.bundle.json"
  # every journal vector that ingests, exported
  mkdir -p "$out/vectors"
  python3 - "$out/vectors" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
for path in sorted(pathlib.Path("tests/vectors/journal").glob("*.json")):
    vector = json.loads(path.read_text(encoding="utf-8"))
    doc = vector.get("input", {}).get("document")
    if isinstance(doc, dict) and "ok" in vector.get("expect", {}):
        (out / f"{path.stem}.journal.json").write_text(json.dumps(doc), encoding="utf-8")
PY
  for doc in "$out"/vectors/*.journal.json; do
    "$pp" fhir export --journal "$doc" -o "${doc%.journal.json}.bundle.json"
  done
  valid+=("$out"/*.bundle.json "$out"/*.transaction.json "$out"/vectors/*.bundle.json)
  echo "test-fhir: ${#valid[@]} exports to validate"
fi
(cd tests/fhir-validator && mvn -B -q -Dstyle.color=never compile dependency:copy-dependencies \
   -DincludeScope=runtime -DoutputDirectory=target/dependency)
java -Xmx1g -cp "tests/fhir-validator/target/classes:tests/fhir-validator/target/dependency/*" \
  org.patientpartner.fhir.ValidateFhir --conformance core/fhir \
  --valid "${valid[@]}" --invalid tests/fhir-validator/invalid/*.json
