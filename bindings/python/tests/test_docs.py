"""The README's Python quick start and the example notebook are executed, so they cannot rot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def python_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(
        r"<!-- section: python -->(.*?)<!-- /section: python -->", readme, flags=re.S
    )
    assert match, "README.md has no python section"
    return match.group(1)


def test_readme_python_quick_start(monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", python_section(), flags=re.S)
    assert blocks, "the README python section has no ```python block"
    monkeypatch.chdir(REPO)  # the quick start reads the bundled log by a relative path
    for block in blocks:
        namespace: dict = {"__name__": "__readme__"}
        exec(compile(block, "README.md", "exec"), namespace)


def test_notebook_runs() -> None:
    import nbformat
    from nbclient import NotebookClient

    path = REPO / "examples" / "notebooks" / "activity_report.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    # The tables were shown (HTML) and the chart was drawn (a PNG).
    assert any("text/html" in o.get("data", {}) for o in outputs)
    assert any("image/png" in o.get("data", {}) for o in outputs)
    text = "".join(str(o.get("text", "")) for o in outputs)
    assert "PP-A" in text and "146" in text
    # The region's 5,000-partner report is shown in under 200 KB of HTML, with its legend.
    html = [str(o["data"]["text/html"]) for o in outputs if "text/html" in o.get("data", {})]
    region = [h for h in html if "5,000 partners × 12 months" in h]
    assert len(region) == 1, "the region's report is displayed once"
    assert len(region[0].encode("utf-8")) < 200_000
    assert "10 of 5,000 partners shown" in region[0] and ">s</td>" in region[0]
    assert "<b>s</b> suppressed: below 11, or masked to protect another" in region[0]
    assert all(len(h.encode("utf-8")) < 200_000 for h in html)
    assert "… 3 of 5,000 partners shown" in text  # the text preview, 3 groups
    # The executed notebook, for a look (target/ is ignored by git).
    executed = REPO / "target" / "notebooks" / "activity_report.executed.ipynb"
    executed.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, executed)


def test_notebook_and_examples_are_mypy_strict_clean(tmp_path: Path) -> None:
    import json

    from mypy import api

    path = REPO / "examples" / "notebooks" / "activity_report.ipynb"
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "pp.activity_report" in code
    script = tmp_path / "activity_report_notebook.py"
    script.write_text(code + "\n", encoding="utf-8")
    examples = REPO / "examples" / "data" / "generate_reference_log.py"
    out, err, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir=/dev/null", str(script), str(examples)]
    )
    assert status == 0, out + err
