"""Data frames in through the Arrow PyCapsule interface, reports out as Arrow.

Every kind of frame a notebook holds (polars, pandas, pyarrow, DuckDB) must give exactly
the report the CSV path gives, and the same typed errors, located by row position.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import Any, Callable, Dict

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import patient_partner as pp

REPO = Path(__file__).resolve().parents[3]
LOG = REPO / "examples" / "data" / "interviews_2023.csv"
START, END = "2023-01-01", "2023-12-31"


def csv_report(**kw: Any) -> pp.ActivityReport:
    return pp.activity_report_csv(LOG, START, END, **kw)


def polars_log() -> pl.DataFrame:
    """The bundled log as polars reads it: dates parsed, empty cells null."""
    df = pl.read_csv(LOG, separator=";", infer_schema_length=0)
    return df.with_columns(pl.col("date").str.strptime(pl.Date, "%d/%m/%Y"))


def _duckdb(df: pl.DataFrame) -> Any:
    con = duckdb.connect()
    con.register("log", df.to_arrow())
    return con.sql("select * from log")


FRAMES: Dict[str, Callable[[pl.DataFrame], Any]] = {
    "polars": lambda df: df,
    "polars_lazy": lambda df: df.lazy(),
    "pandas": lambda df: df.to_pandas(),
    "pandas_read_csv": lambda df: pd.read_csv(LOG, sep=";"),
    "pyarrow_table": lambda df: df.to_arrow(),
    "pyarrow_small_batches": lambda df: pa.Table.from_batches(df.to_arrow().to_batches(max_chunksize=7)),
    "pyarrow_batch": lambda df: df.to_arrow().combine_chunks().to_batches()[0],
    "pyarrow_reader": lambda df: pa.RecordBatchReader.from_batches(
        df.to_arrow().schema, df.to_arrow().to_batches(max_chunksize=50)
    ),
    "duckdb": _duckdb,
}


@pytest.mark.parametrize("kind", sorted(FRAMES))
def test_every_frame_gives_the_csv_report(kind: str) -> None:
    frame = FRAMES[kind](polars_log())
    assert pp.activity_report(frame, START, END) == csv_report()
    frame = FRAMES[kind](polars_log())  # a reader is read once
    masked = pp.activity_report(frame, START, END, suppress_below=11, by="establishment")
    assert masked == csv_report(suppress_below=11, by="establishment")


@pytest.mark.parametrize("kind", sorted(FRAMES))
def test_every_frame_gives_the_csv_interviews(kind: str) -> None:
    frame = FRAMES[kind](polars_log())
    log = pp.as_interviews(frame)
    assert log == pp.read_interviews_csv(LOG)
    assert log.summary is not None and log.summary["format"] == "frame"
    assert log.summary["rows"] == len(log)


def test_typed_columns_read_as_their_text() -> None:
    df = polars_log().with_columns(
        pl.col("date").cast(pl.Datetime("us", "Europe/Paris")),
        pl.col("modality").cast(pl.Categorical),
        pl.col("duration_minutes").cast(pl.Int16),
        pl.col("partner").cast(pl.Enum(["PP-A", "PP-B", "PP-C"])),
    )
    assert pp.activity_report(df, START, END) == csv_report()
    pdf = pd.read_csv(LOG, sep=";")
    pdf["date"] = pd.to_datetime(pdf["date"], dayfirst=True)
    pdf["modality"] = pdf["modality"].astype("category")
    pdf["duration_minutes"] = pdf["duration_minutes"].astype("Int64")
    assert pp.activity_report(pdf, START, END) == csv_report()
    table = polars_log().to_arrow()
    table = table.set_column(0, "date", table["date"].cast(pa.date64()))
    table = table.set_column(2, "patient", table["patient"].cast(pa.large_string()))
    assert pp.activity_report(table, START, END) == csv_report()


def test_french_headers_and_mapped_columns_like_the_csv() -> None:
    df = polars_log().rename(
        {"date": "Date", "partner": "Partenaire", "modality": "Modalité", "patient": "Code"}
    )
    report = pp.activity_report(df, START, END, columns={"patient": "Code"})
    assert report == csv_report()


def bad_frame() -> pl.DataFrame:
    df = polars_log()
    modality = df["modality"].to_list()
    modality[57] = "fax\x00"
    return df.with_columns(pl.Series("modality", modality))


@pytest.mark.parametrize("kind", ["polars", "pandas", "pyarrow_small_batches", "pyarrow_reader", "duckdb"])
def test_a_bad_cell_names_its_row_position_and_column(kind: str) -> None:
    frame = FRAMES[kind](bad_frame())
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(frame, START, END)
    err = info.value
    assert err.kind == "invalid_modality"
    assert (err.row, err.column, err.field, err.line) == (57, 4, "modality", None)
    assert "frame row 57, column 4 (modality)" in str(err)
    assert "fax\\0" in str(err)  # escaped, never raw
    with pytest.raises(pp.DataImportError) as again:
        pp.as_interviews(frame if kind != "pyarrow_reader" else FRAMES[kind](bad_frame()))
    assert again.value.row == 57


def test_a_pandas_index_label_names_the_bad_row() -> None:
    pdf = bad_frame().to_pandas()
    pdf.index = [f"r{i}" for i in range(len(pdf))]
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(pdf, START, END)
    assert info.value.row == 57 and info.value.row_label == "r57"
    assert "r57" not in info.value.summary and "r57" not in info.value.summary_fr
    assert 'frame row 57 (index "r57")' in str(info.value)
    pdf = pdf.iloc[10:]  # a slice keeps its labels: the position is in the slice
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(pdf, START, END)
    assert (info.value.row, info.value.row_label) == (47, "r57")


def test_wrong_types_and_missing_columns_are_typed_errors() -> None:
    df = polars_log()
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(df.drop("modality"), START, END)
    assert info.value.kind == "missing_column" and info.value.field == "modality"
    listy = df.with_columns(pl.col("patient").map_elements(lambda p: [p], return_dtype=pl.List(pl.String)))
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(listy, START, END)
    assert info.value.kind == "unsupported_column_type" and info.value.field == "patient"
    numbers = df.with_columns(pl.lit(1.5).alias("duration_minutes"))
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(numbers, START, END)
    assert (info.value.kind, info.value.row) == ("invalid_number", 0)
    nulls = df.with_columns(pl.when(pl.int_range(pl.len()) == 3).then(None).otherwise(pl.col("date")).alias("date"))
    nulls = nulls.with_columns(pl.when(pl.int_range(pl.len()) == 3).then(pl.lit("x")).otherwise(pl.col("partner")).alias("partner"))
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(nulls, START, END)
    assert (info.value.kind, info.value.row, info.value.field) == ("missing_value", 3, "date")


def test_unused_columns_warn_and_strict_refuses_them() -> None:
    df = polars_log().with_columns(pl.lit("note").alias("Commentaire"))
    with pytest.warns(pp.DataImportWarning, match="Commentaire"):
        report = pp.activity_report(df, START, END)
    assert report == csv_report()
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(df, START, END, strict=True)
    assert info.value.kind == "unknown_column"


def test_blank_rows_are_skipped_and_named() -> None:
    pdf = pd.read_csv(LOG, sep=";")
    blank = pd.DataFrame([[None] * len(pdf.columns)], columns=pdf.columns)
    pdf = pd.concat([pdf.iloc[:5], blank, pdf.iloc[5:]], ignore_index=True)
    with pytest.warns(pp.DataImportWarning, match="blank row"):
        log = pp.as_interviews(pdf)
    assert log.summary is not None and log.summary["blank_row_lines"] == [5]
    assert log == pp.read_interviews_csv(LOG)


def test_empty_frames_give_empty_reports() -> None:
    empty = polars_log().head(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for frame in (empty, empty.to_pandas(), empty.to_arrow()):
            report = pp.activity_report(frame, START, END)
            assert report.rows == [] or all(r["total"] == 0 for r in report.rows)
            assert len(pp.as_interviews(frame)) == 0


def test_report_to_arrow_is_read_by_pyarrow_and_polars() -> None:
    report = csv_report(suppress_below=11)
    table = pa.table(report.to_arrow())
    assert table.num_rows == len(report.rows)
    assert table.schema.field("start").type == pa.date32()
    assert table.schema.field("total").type == pa.int64()
    assert pa.types.is_dictionary(table.schema.field("reporting").type)
    assert table.schema.field("masked").type.value_type == pa.string()
    assert table.column("total").to_pylist() == [r["total"] for r in report.rows]
    assert table.column("masked").to_pylist() == [r.get("masked", []) for r in report.rows]
    totals = pa.table(report.to_arrow("totals"))
    assert totals.column("patients").to_pylist() == [t["patients"] for t in report.totals]
    via_capsule = pl.DataFrame(report.to_arrow())
    assert via_capsule.height == len(report.rows)
    with pytest.raises(ValueError):
        report.to_arrow("columns")


def test_to_pandas_has_real_dtypes() -> None:
    report = csv_report(suppress_below=11)
    df = report.to_pandas()
    assert str(df["start"].dtype).startswith("datetime64")
    assert df["start"].iloc[0] == pd.Timestamp(report.rows[0]["start"])
    for col in ("in_person", "phone", "video", "total", "new_patients", "patients"):
        assert str(df[col].dtype) == "Int64", col
    assert df["partial"].dtype == bool
    assert isinstance(df["reporting"].dtype, pd.CategoricalDtype)
    masked = df["masked"].tolist()
    assert all(isinstance(m, list) for m in masked)  # never NaN, never a joined string
    assert masked == [r.get("masked", []) for r in report.rows]
    assert any(m == [] for m in masked) and any(m for m in masked)
    hidden = df[df["masked"].map(len) > 0].iloc[0]
    assert pd.isna(hidden[hidden["masked"][0]])
    totals = report.to_pandas("totals")
    assert list(totals["patients"].astype(object).where(totals["patients"].notna(), None)) == [
        t["patients"] for t in report.totals
    ]


def test_to_polars_has_real_dtypes() -> None:
    report = csv_report(suppress_below=11)
    df = report.to_polars()
    assert df.schema["start"] == pl.Date and df.schema["total"] == pl.Int64
    assert df.schema["partial"] == pl.Boolean
    assert df.schema["masked"] == pl.List(pl.String)
    assert df.schema["reporting"] in (pl.Categorical, pl.Categorical())
    assert df["start"][0] == dt.date.fromisoformat(report.rows[0]["start"])
    assert df["masked"].to_list() == [r.get("masked", []) for r in report.rows]


def test_mixed_object_columns_in_pandas_are_read_as_text() -> None:
    pdf = pd.read_csv(LOG, sep=";")
    patients = pdf["patient"].astype(object)
    patients.iloc[0] = 1234  # an id typed as a number in one row, text elsewhere
    pdf["patient"] = patients
    log = pp.as_interviews(pdf)
    assert log[0].patient == "1234"
    assert [i.patient for i in log][1:] == [i.patient for i in pp.read_interviews_csv(LOG)][1:]


def test_a_producer_that_fails_mid_stream_is_a_typed_error() -> None:
    table = polars_log().to_arrow()
    batches = table.to_batches(max_chunksize=50)

    def produce() -> Any:
        yield batches[0]
        raise RuntimeError("the database went away")

    reader = pa.RecordBatchReader.from_batches(table.schema, produce())
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(reader, START, END)
    assert info.value.kind == "io_error" and info.value.row == 50
    assert "the database went away" in str(info.value)


def test_duplicate_columns_of_a_pandas_frame_are_refused() -> None:
    pdf = pd.read_csv(LOG, sep=";")
    pdf.columns = ["date", "partner", "patient", "modality", "referral", "duration_minutes", "partner"]
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(pdf, START, END)
    assert info.value.kind in ("duplicate_column",), info.value


def test_polars_frames_are_read_slice_by_slice(monkeypatch: pytest.MonkeyPatch) -> None:
    # polars exports a whole frame at once when asked for its stream; slices are exported
    # one at a time. Small slices: the report, the rows and the errors are the same.
    from patient_partner import _frames

    monkeypatch.setattr(_frames, "POLARS_SLICE_ROWS", 10)
    assert pp.activity_report(polars_log(), START, END) == csv_report()
    assert len(pp.as_interviews(polars_log())) == len(pp.read_interviews_csv(LOG))
    with pytest.raises(pp.DataImportError) as info:
        pp.activity_report(bad_frame(), START, END)
    assert (info.value.row, info.value.column) == (57, 4)  # slice 6, row 7 of it
    assert pp.activity_report(polars_log().head(0), START, END).totals == []
