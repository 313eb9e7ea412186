#!/usr/bin/env bash
# Python suite of patient-partner: builds the wheel, installs it in .venv, runs the vector
# runner and the Python tests (pytest), stubtest on the hand-written stub, and the notebook.
# Idempotent: creates .venv at the repository root only when missing.
#   scripts/test-python.sh            everything
#   PYTHON=python3.12 scripts/...     another interpreter for the venv
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"

if [ ! -x "$VENV/bin/python" ]; then
    echo "test-python: creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
# The tools of the suite (quietly; pip is a no-op when they are already there).
"$PY" -m pip install --quiet --disable-pip-version-check \
    "maturin==1.16.*" pytest mypy pandas polars matplotlib nbclient nbformat ipykernel openpyxl scipy pyarrow duckdb tqdm

# Build the wheel (release: the GIL and large-report tests run real sizes) and install it.
rm -f "$ROOT"/target/wheels/patient_partner-*.whl
"$VENV/bin/maturin" build --quiet --release -m bindings/python/Cargo.toml --out target/wheels \
    --interpreter "$PY"
WHEEL="$(ls -t "$ROOT"/target/wheels/patient_partner-*.whl | head -n 1)"
"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$WHEEL"

# The notebook test (tests/test_docs.py) runs on ipykernel's `python3` kernel, which is
# this venv's interpreter. Run from outside the source tree so that the installed package is
# the one imported.
cd "$ROOT/bindings/python/tests"
# pytest exits 5 when it collects no test: that is a failure here too.
"$PY" -m pytest -q -p no:cacheprovider .
echo "test-python: stubtest"
"$PY" -m mypy.stubtest patient_partner._native
echo "test-python: mypy (the package, strict; a typed use of the public API)"
"$PY" -m mypy --no-incremental --cache-dir=/dev/null --strict "$ROOT/bindings/python/python/patient_partner"
"$PY" -m mypy --no-incremental --cache-dir=/dev/null "$ROOT/bindings/python/tests/test_api_typing.py"
echo "test-python: pip install ./bindings/python in a fresh virtualenv"
FRESH="$ROOT/target/fresh-venv"
rm -rf "$FRESH"
"$PYTHON" -m venv "$FRESH"
"$FRESH/bin/python" -m pip install --quiet --disable-pip-version-check "$ROOT/bindings/python"
(cd "$FRESH" && "$FRESH/bin/python" - "$FRESH" <<'PY'
import sys
import patient_partner as pp
assert pp.__file__.startswith(sys.argv[1]), pp.__file__  # the installed package
log = pp.parse_interviews_csv("date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\n")
report = pp.activity_report(log, start="2023-01-01", end="2023-01-31")
assert report.to_dict()["totals"][0]["phone"] == 1, report.to_dict()
print(f"test-python: fresh install of patient_partner {pp.__version__} works")
PY
)
echo "test-python: all Python checks passed"
