"""Conversions between the core's records and data frames, CSV text and HTML (no rules).

pandas and polars are optional: they are imported only by the functions that need them,
with an ``ImportError`` naming the package to install when missing.
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import io
import math
from typing import Any, Dict, Iterable, List, Mapping, Sequence

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


def pandas_to_csv(df: Any) -> str:
    """CSV text from a pandas DataFrame with the log's columns, by pandas' own writer."""
    pd = require("pandas", "a pandas DataFrame")
    df = df.copy()
    for col in df.columns:
        series = df[col]
        if pd.api.types.is_float_dtype(series.dtype):
            non_null = series.dropna()
            if len(non_null) == 0 or (non_null == non_null.round()).all():
                df[col] = series.astype("Int64")
        elif pd.api.types.is_datetime64_any_dtype(series.dtype):
            df[col] = series.dt.strftime("%Y-%m-%d")
    return str(df.to_csv(index=False, lineterminator="\n"))


def polars_to_csv(df: Any) -> str:
    """CSV text from a polars DataFrame with the log's columns, by polars' own writer."""
    pl = require("polars", "a polars DataFrame")
    casts = [
        pl.col(name).dt.date()
        for name, dtype in df.schema.items()
        if dtype == pl.Datetime or isinstance(dtype, pl.Datetime)
    ]
    if casts:
        df = df.with_columns(casts)
    return str(df.write_csv())


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


_COUNTS = ("in_person", "phone", "video", "total", "new_patients")


def _report_table(report: Dict[str, Any], table: str) -> List[Dict[str, Any]]:
    if table not in ("rows", "totals"):
        raise ValueError(f"table must be 'rows' or 'totals', not {table!r}")
    records: List[Dict[str, Any]] = [dict(r) for r in report[table]]
    for rec in records:
        if "masked" in rec:
            rec["masked"] = ",".join(rec["masked"])
    return _dates(records, ("start", "end"))


def _report_columns(report: Dict[str, Any], table: str) -> List[str]:
    group = {"partner": ["partner"], "establishment": ["establishment"]}.get(
        report["group_by"], []
    )
    if table == "rows":
        return group + [
            report["bucket"],
            "start",
            "end",
            "partial",
            "reporting",
            *_COUNTS,
            "masked",
        ]
    return group + [*_COUNTS, "patients", "buckets", "buckets_not_reported", "masked"]


def report_to_pandas(report: Dict[str, Any], table: str) -> Any:
    pd = require("pandas", "ActivityReport.to_pandas()")
    records = _report_table(report, table)
    df = pd.DataFrame.from_records(records, columns=_report_columns(report, table))
    for col in (*_COUNTS, "patients"):
        if col in df.columns:
            df[col] = df[col].astype("Int64")  # null (masked / not reported) stays <NA>
    return df


def report_to_polars(report: Dict[str, Any], table: str) -> Any:
    pl = require("polars", "ActivityReport.to_polars()")
    records = _report_table(report, table)
    columns = _report_columns(report, table)
    schema: Dict[str, Any] = {}
    for col in columns:
        if col in ("start", "end"):
            schema[col] = pl.Date
        elif col in (*_COUNTS, "patients", "buckets", "buckets_not_reported"):
            schema[col] = pl.Int64
        elif col == "partial":
            schema[col] = pl.Boolean
        else:
            schema[col] = pl.Utf8
    data = {c: [r.get(c) for r in records] for c in columns}
    return pl.DataFrame(data, schema=schema)


def report_to_html(report: Dict[str, Any]) -> str:
    """The report as HTML: one table per group, its totals in bold; masked or not reported
    cells shown as an en dash."""
    key = {"partner": "partner", "establishment": "establishment"}.get(report["group_by"])
    bucket = report["bucket"]
    esc = html.escape
    parts = [
        '<div class="patient-partner-report">',
        f"<p><b>Activity report</b> {esc(report['period']['start'])} to "
        f"{esc(report['period']['end'])}, by {esc(report['group_by'])} and {esc(bucket)}"
        + (
            f", counts below {report['suppress_below']} masked"
            if report.get("suppress_below") is not None
            else ""
        )
        + "</p>",
    ]
    head = "".join(f"<th>{esc(c)}</th>" for c in (bucket, *_COUNTS))

    def cell(v: Any) -> str:
        return "&ndash;" if v is None else esc(str(v))

    rows = report["rows"]
    i = 0
    for totals in report["totals"]:
        n = int(totals["buckets"])
        title = totals.get(key) if key else "all"
        parts.append(f"<h4>{esc(str(title if title is not None else '(none)'))}</h4>")
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
        for row in rows[i : i + n]:
            label = esc(str(row[bucket])) + ("*" if row.get("partial") else "")
            cells = "".join(f"<td>{cell(row.get(c))}</td>" for c in _COUNTS)
            parts.append(f"<tr><td>{label}</td>{cells}</tr>")
        i += n
        cells = "".join(f"<td><b>{cell(totals.get(c))}</b></td>" for c in _COUNTS)
        parts.append(
            f"<tr><td><b>total</b></td>{cells}</tr></tbody></table>"
            f"<p>distinct patients: {cell(totals.get('patients'))}</p>"
        )
    parts.append("</div>")
    return "\n".join(parts)
