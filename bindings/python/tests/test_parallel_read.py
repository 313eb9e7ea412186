"""One CSV log read by several threads (issue 15, item 2): ``threads=`` and ``PP_THREADS``.
The report, the summary and the first error are those of one thread, whatever the number."""

from __future__ import annotations

import os
import warnings
from datetime import date
from pathlib import Path
from typing import List, Tuple

import pytest

import patient_partner as pp
from patient_partner import _native


def write_log(path: Path, rows: int, bad_line: int = 0) -> Tuple[int, str]:
    """A Windows-1252 log with French headers, CRLF and quoted comments, ~35 bytes a row;
    with ``bad_line``, that physical line holds the modality "fax". Returns the rows and
    the text of the bad line."""
    modalities = ("présentiel", "téléphone", "visio")
    lines: List[str] = ["Date;Partenaire;Patient;Modalité;Commentaire"]
    for k in range(rows):
        comment = f'"vu; {k % 7}"' if k % 5 == 0 else "ras"
        lines.append(
            f"2023-{k % 12 + 1:02d}-{k % 28 + 1:02d};PP-{k % 40:02d};PAT-{k % 9000:05d};"
            f"{modalities[k % 3]};{comment}"
        )
    bad = ""
    if bad_line:
        bad = "2023-05-05;PP-01;PAT-1;fax;ras"
        lines[bad_line - 1] = bad
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("windows-1252"))
    return rows, bad


def report(path: Path, threads: int) -> Tuple[str, List[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = pp.activity_report_csv(path, "2023-01-01", "2023-12-31", threads=threads)
    return r.to_csv(), [str(w.message) for w in caught]


def test_the_report_is_the_same_for_any_number_of_threads(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    rows, _ = write_log(path, 150_000)  # ~5 MB: cut into ranges of at least 1 MiB
    assert path.stat().st_size > 4 << 20
    one, notes = report(path, 1)
    assert one.count("\n") > 40 * 12
    for threads in (2, 3, 4):
        assert report(path, threads) == (one, notes)
    # The counts add up to the rows (nothing lost or counted twice at a cut).
    with pytest.warns(pp.DataImportWarning, match="Commentaire"):
        total = pp.activity_report_csv(path, "2023-01-01", "2023-12-31", by="all", threads=4)
    assert total.totals[0]["total"] == rows


def test_the_first_bad_row_is_reported_at_its_line_for_any_number_of_threads(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bad.csv"
    write_log(path, 150_000, bad_line=140_001)
    errors = []
    for threads in (1, 2, 4):
        with pytest.raises(pp.DataImportError) as caught:
            pp.activity_report_csv(path, "2023-01-01", "2023-12-31", threads=threads)
        e = caught.value
        errors.append((e.kind, e.line, e.column, e.field, str(e)))
    assert errors[0][:4] == ("invalid_modality", 140_001, 4, "modality")
    assert errors[1] == errors[0] and errors[2] == errors[0]


def test_threads_must_be_a_positive_whole_number(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.csv"
    write_log(path, 10)
    with pytest.raises(pp.ReportError) as caught:
        pp.activity_report_csv(path, "2023-01-01", "2023-12-31", threads=0)
    assert caught.value.kind == "invalid_request"
    monkeypatch.setenv("PP_THREADS", "deux")
    with pytest.raises(pp.ReportError) as caught:
        pp.activity_report_csv(path, "2023-01-01", "2023-12-31")
    assert "PP_THREADS" in str(caught.value)
    monkeypatch.setenv("PP_THREADS", "2")
    with pytest.warns(pp.DataImportWarning):
        from_env = pp.activity_report_csv(path, "2023-01-01", "2023-12-31")
    assert report(path, 2)[0] == from_env.to_csv()


def test_progress_is_told_to_a_callable_and_to_a_tqdm_bar(tmp_path: Path) -> None:
    from tqdm import tqdm

    path = tmp_path / "log.csv"
    write_log(path, 150_000)
    size = path.stat().st_size
    for threads in (1, 2):
        seen: List[Tuple[int, int]] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pp.activity_report_csv(
                path, "2023-01-01", "2023-12-31", threads=threads,
                progress=lambda done, total: seen.append((done, total)),
            )
        assert seen[-1] == (size, size)
        assert all(total == size and 0 <= done <= size for done, total in seen)
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with open(os.devnull, "w") as sink, tqdm(file=sink, unit="B") as bar:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pp.activity_report_csv(path, "2023-01-01", "2023-12-31", progress=bar)
        assert (bar.n, bar.total) == (size, size)


def test_an_exception_of_the_progress_callback_is_raised(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    write_log(path, 1000)

    def fail(done: int, total: int) -> None:
        raise RuntimeError(f"stop at {done} of {total}")

    with pytest.raises(RuntimeError, match="stop at"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pp.activity_report_csv(path, "2023-01-01", "2023-12-31", progress=fail)
    with pytest.raises(TypeError, match="progress="):
        pp.activity_report_csv(path, "2023-01-01", "2023-12-31", progress=42)


def test_frame_batches_on_several_threads_give_the_one_thread_report() -> None:
    import pyarrow as pa

    modalities = ("in_person", "phone", "video")
    n = 20_000
    columns = {
        "date": [f"2023-{k % 12 + 1:02d}-{k % 28 + 1:02d}" for k in range(n)],
        "partner": [f"PP-{k % 30:02d}" for k in range(n)],
        "patient": [f"PAT-{k % 3000:05d}" for k in range(n)],
        "modality": [modalities[k % 3] for k in range(n)],
    }
    # Many small batches, so that each thread gets several.
    table = pa.Table.from_batches(pa.table(columns).to_batches(max_chunksize=700))
    assert len(table.to_batches()) > 20
    one = pp.activity_report(table, "2023-01-01", "2023-12-31", threads=1).to_csv()
    for threads in (2, 4):
        assert pp.activity_report(table, "2023-01-01", "2023-12-31", threads=threads).to_csv() == one
    # The first bad row in row order, at its position, whatever the threads.
    columns["modality"][15_001] = "fax"
    columns["modality"][4_002] = "fax"
    bad = pa.Table.from_batches(pa.table(columns).to_batches(max_chunksize=700))
    seen = []
    for threads in (1, 2, 4):
        with pytest.raises(pp.DataImportError) as caught:
            pp.activity_report(bad, "2023-01-01", "2023-12-31", threads=threads)
        seen.append((caught.value.kind, caught.value.row, str(caught.value)))
    assert seen[0][:2] == ("invalid_modality", 4_002)
    assert seen[1] == seen[0] and seen[2] == seen[0]


def test_the_default_period_is_found_on_several_threads_too(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    write_log(path, 150_000)
    span = [_native.interviews_file_date_span(path, threads=t) for t in (1, 2, 4)]
    assert span[0] == (date(2023, 1, 1), date(2023, 12, 28))
    assert span[1] == span[0] and span[2] == span[0]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reports = [pp.activity_report_csv(path, threads=t).to_csv() for t in (1, 2)]
    assert reports[0] == reports[1]
    bad = tmp_path / "bad.csv"
    write_log(bad, 150_000, bad_line=120_000)
    errors = []
    for threads in (1, 2):
        with pytest.raises(pp.DataImportError) as caught:
            _native.interviews_file_date_span(bad, threads=threads)
        errors.append((caught.value.kind, caught.value.line, str(caught.value)))
    assert errors[0][:2] == ("invalid_modality", 120_000)
    assert errors[1] == errors[0]
