"""Conversions between the core's records and data frames, CSV text and HTML (no rules).

pandas and polars are optional: they are imported only by the functions that need them,
with an ``ImportError`` naming the package to install when missing.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import math
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

#: The columns of an interview log, in the order of the CSV format.
INTERVIEW_COLUMNS = (
    "date",
    "partner",
    "patient",
    "modality",
    "referral",
    "duration_minutes",
    "establishment",
    "id",
)


def require(package: str, purpose: str) -> Any:
    """Imports an optional package, or raises ImportError naming it."""
    try:
        return __import__(package)
    except ModuleNotFoundError as e:  # pragma: no cover - exercised by a subprocess test
        raise ImportError(
            f"{purpose} needs the optional package {package!r}: "
            f"pip install {package}  (or: pip install 'patient-partner[{package}]')"
        ) from e


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    # pandas NA / NaT compare oddly; they all say they are missing through this test.
    try:
        return bool(value != value)
    except Exception:  # pragma: no cover - pandas.NA raises on bool()
        return True


def _cell(value: Any) -> str:
    """One value as the CSV format writes it (dates ISO, whole floats as integers)."""
    if _is_missing(value):
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def records_to_csv(records: Iterable[Mapping[str, Any]]) -> str:
    """CSV text with the interview log's columns from a list of dicts (keys as the CSV
    header; the core checks them)."""
    rows: List[Mapping[str, Any]] = list(records)
    header: List[str] = []
    for row in rows:
        if not isinstance(row, Mapping):
            raise TypeError(f"expected dicts of interview fields, got {type(row).__name__}")
        for key in row:
            if key not in header:
                header.append(key)
    if not header:
        header = list(INTERVIEW_COLUMNS[:4])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(row.get(col)) for col in header])
    return out.getvalue()


def _default_index(index: Any) -> bool:
    """Whether a pandas index is 0, 1, 2...: its labels are the positions (no need to name
    them in an error)."""
    pd = require("pandas", "a pandas DataFrame")
    return (
        isinstance(index, pd.RangeIndex)
        and index.start == 0
        and index.step == 1
    )


def _pandas_to_arrow(df: Any) -> Any:
    """A pandas DataFrame as a pyarrow Table (its index left out). An object column that
    pyarrow cannot type (ids written as numbers in some rows, text in others) is passed as
    text, as a CSV export of it would be."""
    pa = require("pyarrow", "a pandas DataFrame")
    names = [str(c) for c in df.columns]
    if not df.columns.is_unique or names != list(df.columns):
        # pyarrow refuses repeated or non-text column names; the core names the repeat.
        arrays = [_pandas_column(pa, df.iloc[:, i]) for i in range(len(names))]
        return pa.Table.from_arrays(arrays, names=names)
    try:
        return pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        arrays = [_pandas_column(pa, df[name]) for name in df.columns]
        return pa.Table.from_arrays(arrays, names=names)


def _pandas_column(pa: Any, series: Any) -> Any:
    """One pandas column as an Arrow array; an object column pyarrow cannot type as text."""
    try:
        return pa.Array.from_pandas(series)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if _is_missing(v) else _cell(v) for v in series], pa.string())


#: Rows per slice when a polars DataFrame is read (its export is per slice, see arrow_source).
POLARS_SLICE_ROWS = 262_144


def arrow_source(obj: Any) -> Optional[Tuple[Any, Any]]:
    """``(an object exporting Arrow, the pandas index or None)`` for a data frame of any
    library, or ``None`` when ``obj`` is not one. polars LazyFrames are collected; pandas
    goes through pyarrow (``preserve_index=False``: the index is not a column, its labels
    name bad rows); DuckDB relations, pyarrow tables, batches and readers, and anything
    with ``__arrow_c_stream__`` / ``__arrow_c_array__`` are passed as they are."""
    library = type(obj).__module__.split(".")[0]
    if library == "polars" and type(obj).__name__ == "LazyFrame":
        obj = obj.collect()
    if is_pandas(obj):
        index = None if _default_index(obj.index) else obj.index
        return _pandas_to_arrow(obj), index
    if library == "polars" and type(obj).__name__ == "DataFrame" and obj.height > 0:
        # polars converts a whole frame when its `__arrow_c_stream__` is asked for (+386 MiB
        # for 10M rows); slices (zero-copy views) are exported one at a time instead.
        return iter(obj.iter_slices(POLARS_SLICE_ROWS)), None
    if hasattr(obj, "__arrow_c_stream__") or hasattr(obj, "__arrow_c_array__"):
        return obj, None
    if library == "duckdb" and hasattr(obj, "fetch_record_batch"):
        # DuckDB before 1.1 has no PyCapsule export on relations: a pyarrow reader instead.
        return obj.fetch_record_batch(), None
    return None


def arrow_to_pandas(table: Any) -> Any:
    """A report table (``ActivityReport.to_arrow()``) as a pandas DataFrame."""
    pd = require("pandas", "ActivityReport.to_pandas()")
    pa = require("pyarrow", "ActivityReport.to_pandas()")

    def mapper(data_type: Any) -> Any:
        if data_type == pa.int64():
            return pd.Int64Dtype()
        if pa.types.is_list(data_type):
            return pd.ArrowDtype(data_type)
        return None

    return pa.table(table).to_pandas(types_mapper=mapper, date_as_object=False)


def arrow_to_polars(table: Any) -> Any:
    """A report table (``ActivityReport.to_arrow()``) as a polars DataFrame."""
    pl = require("polars", "ActivityReport.to_polars()")
    return pl.DataFrame(table)


def is_pandas(obj: Any) -> bool:
    return type(obj).__module__.split(".")[0] == "pandas" and hasattr(obj, "to_csv")


def is_polars(obj: Any) -> bool:
    return type(obj).__module__.split(".")[0] == "polars" and hasattr(obj, "write_csv")


def _dates(records: List[Dict[str, Any]], columns: Sequence[str]) -> List[Dict[str, Any]]:
    for rec in records:
        for col in columns:
            value = rec.get(col)
            if isinstance(value, str):
                rec[col] = _dt.date.fromisoformat(value)
    return records


def interviews_to_pandas(records: List[Dict[str, Any]]) -> Any:
    pd = require("pandas", "Interviews.to_pandas()")
    recs = _dates(records, ("date",))
    df = pd.DataFrame.from_records(recs, columns=list(INTERVIEW_COLUMNS))
    df["duration_minutes"] = df["duration_minutes"].astype("Int64")
    return df


def interviews_to_polars(records: List[Dict[str, Any]]) -> Any:
    pl = require("polars", "Interviews.to_polars()")
    recs = _dates(records, ("date",))
    schema = {
        "date": pl.Date,
        "partner": pl.Utf8,
        "patient": pl.Utf8,
        "modality": pl.Utf8,
        "referral": pl.Utf8,
        "duration_minutes": pl.Int64,
        "establishment": pl.Utf8,
        "id": pl.Utf8,
    }
    columns = {c: [r.get(c) for r in recs] for c in INTERVIEW_COLUMNS}
    return pl.DataFrame(columns, schema=schema)
