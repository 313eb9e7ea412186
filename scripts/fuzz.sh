#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for SECONDS each (default 30), seeded from the
# repository's vectors and fixtures. Needs the nightly toolchain (rustup) and cargo-fuzz
# (installed here when missing). A crash leaves its input in fuzz/artifacts/<target>/ and
# fails the script.
#   scripts/fuzz.sh              every target, 30 s each (the corpora grow in fuzz/corpus/)
#   scripts/fuzz.sh 300 csv_report   one target, 5 min
#   scripts/fuzz.sh --check      what `make test` runs: fresh seed corpora, a fixed seed and
#                                a fixed number of runs per target (reproducible, ~3 min)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHECK=0
if [ "${1:-}" = "--check" ]; then
    CHECK=1
    shift
fi
SECONDS_EACH="${1:-30}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
    TARGETS=(csv_report workbook journal_ingest policy report_request disclosure fhir_import)
fi
command -v cargo-fuzz >/dev/null || cargo install --quiet --locked cargo-fuzz@0.13.2
rustup toolchain list | grep -q '^nightly' || { echo "fuzz: the nightly toolchain is required (rustup toolchain install nightly)" >&2; exit 1; }

# Seed corpora (git-ignored), made afresh from what the repository holds.
seed() {
    local target="$1"; shift
    local dir="$ROOT/fuzz/corpus/$target"
    if [ "$CHECK" = 1 ]; then rm -rf "$dir"; fi
    mkdir -p "$dir"
    python3 - "$dir" "$@" <<'PY'
import hashlib, json, pathlib, sys
out = pathlib.Path(sys.argv[1]); kinds = sys.argv[2:]
root = out.parents[2]
def put(data: bytes):
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
for path in sorted((root / "tests" / "vectors").rglob("*.json")):
    case = json.loads(path.read_text(encoding="utf-8"))
    inp = case.get("input", {})
    if "csv" in kinds and isinstance(inp.get("text"), str) and case["op"].startswith("import_"):
        put(inp["text"].encode("utf-8"))
    if "json" in kinds:
        for key in ("document", "policy", "post", "mandate", "request"):
            if key in inp:
                put(json.dumps(inp[key]).encode("utf-8"))
        for key in ("documents",):
            for d in inp.get(key, []):
                put(json.dumps(d).encode("utf-8"))
fixtures = root / "tests" / "fixtures" / "spreadsheets"
for path in sorted(fixtures.iterdir()):
    if "csv" in kinds and path.suffix in (".csv", ".txt"):
        put(path.read_bytes())
    if "workbook" in kinds and path.suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        put(path.read_bytes())
if "json" in kinds:
    for path in sorted((root / "core" / "data").glob("*.json")):
        put(path.read_bytes())
if "fhir" in kinds:
    for path in sorted((root / "fuzz" / "seeds" / "fhir_import").glob("*.json")):
        put(path.read_bytes())
if "table" in kinds:
    for i in range(16):
        put(bytes([i % 6] + [(i * 7 + j * 3) % 40 for j in range(18)]))
PY
}
seed csv_report csv
seed workbook workbook
seed journal_ingest json
seed policy json
seed report_request json
seed disclosure table
seed fhir_import fhir

cd "$ROOT/fuzz"
failed=()
# Runs per target in --check mode: about 20 s each on this project's 2-core machine.
declare -A RUNS=([csv_report]=5000 [workbook]=2000 [journal_ingest]=100000 [policy]=100000
                 [report_request]=400000 [disclosure]=1000 [fhir_import]=20000)
for t in "${TARGETS[@]}"; do
    if [ "$CHECK" = 1 ]; then
        limit=(-runs="${RUNS[$t]:-10000}")
        echo "fuzz: $t, ${RUNS[$t]:-10000} runs"
    else
        limit=(-max_total_time="$SECONDS_EACH")
        echo "fuzz: $t for ${SECONDS_EACH}s"
    fi
    # -seed fixes the mutation sequence; rss_limit keeps a run within the machine.
    cargo +nightly fuzz run -O "$t" "corpus/$t" -- "${limit[@]}" -seed=1 \
        -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 2>&1 \
        | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+.*DONE|==[0-9]+==|SUMMARY|thread '|panicked)" || true
    if [ -n "$(ls -A "artifacts/$t" 2>/dev/null)" ]; then
        echo "fuzz: $t found a crash: fuzz/artifacts/$t/" >&2
        failed+=("$t")
    fi
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "fuzz: crashes in ${failed[*]} (inputs under fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: ${#TARGETS[@]} targets ran, no crash"
