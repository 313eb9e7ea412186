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
