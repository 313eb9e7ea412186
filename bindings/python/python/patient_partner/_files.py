"""Files as teams keep them: Excel and LibreOffice workbooks, CSV exports (any encoding,
``;``, ``,`` or tab), read by the core with its aliases for French headers.

Whatever an import leaves aside on purpose (a comments column, blank rows) is named in a
:class:`~patient_partner.errors.DataImportWarning` and in the ``summary`` of what it
returns; ``strict=True`` refuses unused columns instead.
"""

from __future__ import annotations

import os

from . import _native
from .errors import DataImportWarning

# `typing` costs ~10 ms to import: names for type checkers only (import time, issue 12).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, TypeVar, Union

    from ._types import ImportSummary

    Source = Union[str, "os.PathLike[str]", bytes, bytearray]
    T = TypeVar("T")


if TYPE_CHECKING:

    class ImportedList(List[T]):
        """A list of records read from a file, with the ``summary`` of the import."""

        summary: ImportSummary

        def __init__(self, items: List[T], summary: ImportSummary) -> None: ...

else:

    class ImportedList(list):
        """A list of records read from a file, with the ``summary`` of the import (a dict:
        ``format``, ``sheet``, ``encoding``, ``separator``, ``columns``, ``rows``,
        ``ignored_columns``, ``blank_rows``, ``blank_row_lines``, ``message``). Generic
        for type checkers (``ImportedList[Referral]``); a plain list subclass at run time,
        so that importing the package does not import ``typing``."""

        def __init__(self, items, summary):
            super().__init__(items)
            self.summary = summary


def _warn(summary: Optional[Mapping[str, Any]], source: Any, stacklevel: int = 3) -> None:
    if not summary:
        return
    if summary.get("has_notes"):
        where: Any = source if isinstance(source, (str, os.PathLike)) else "the data"
        import warnings

        warnings.warn(
            DataImportWarning(f"{os.fspath(where)}: {summary['message']}", dict(summary)),
            stacklevel=stacklevel,
        )


def read_interviews(
    source: Source,
    *,
    sheet: Optional[str] = None,
    encoding: Optional[str] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
) -> _native.Interviews:
    """Reads an interview log from a file as teams keep it.

    Args:
        source: a path, or the file's bytes: ``.xlsx``, ``.xlsm``, ``.xlsb``, ``.xls``,
            ``.ods`` or CSV (the kind is read from the content, not the name).
        sheet: the sheet of a workbook (default: the first).
        encoding: the encoding of a CSV file (``"windows-1252"``, ``"utf-8"``,
            ``"utf-16"``...; default: detected).
        columns: headers to read as the log's columns, e.g. ``{"partner": "Intervenant"}``
            (French headers such as ``Partenaire``, ``Modalité``, ``Durée (min)`` are known
            already).
        strict: refuse columns the log does not use instead of ignoring them.

    Returns:
        :class:`Interviews`, whose ``summary`` says what was read and left aside. A
        :class:`~patient_partner.errors.DataImportWarning` names ignored columns and
        skipped blank rows.

    Raises:
        DataImportError: a bad row, with ``line`` and ``column`` (CSV) or ``sheet``,
            ``line``, ``column`` and ``cell`` (workbooks). Nothing partial is returned.
    """
    log = _native.read_interviews_file(
        source, sheet=sheet, encoding=encoding, columns=_columns(columns), strict=strict
    )
    _warn(log.summary, source)
    return log


def read_referrals(
    source: Source,
    *,
    sheet: Optional[str] = None,
    encoding: Optional[str] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
) -> ImportedList[_native.Referral]:
    """Reads referrals from a workbook or CSV file (arguments as :func:`read_interviews`);
    every referral is checked by the core's rules."""
    return _list(_native.read_referrals_file, source, sheet, encoding, columns, strict)


def read_activities(
    source: Source,
    *,
    sheet: Optional[str] = None,
    encoding: Optional[str] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
) -> ImportedList[_native.Activity]:
    """Reads activities from a workbook or CSV file (arguments as :func:`read_interviews`);
    every activity is checked by the core's rules."""
    return _list(_native.read_activities_file, source, sheet, encoding, columns, strict)


def _list(
    read: Any,
    source: Source,
    sheet: Optional[str],
    encoding: Optional[str],
    columns: Optional[Mapping[str, str]],
    strict: bool,
) -> ImportedList[Any]:
    items, summary = read(
        source, sheet=sheet, encoding=encoding, columns=_columns(columns), strict=strict
    )
    _warn(summary, source, stacklevel=4)
    return ImportedList(items, summary)


def _columns(columns: Optional[Mapping[str, str]]) -> Optional[Dict[str, str]]:
    return None if columns is None else {str(k): str(v) for k, v in columns.items()}


def report_file(
    source: Source,
    request: _native.ReportRequest,
    *,
    sheet: Optional[str] = None,
    encoding: Optional[str] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    activities: Optional[Sequence[Any]] = None,
    threads: Optional[int] = None,
    progress: Optional[Callable[[int, int], object]] = None,
) -> _native.ActivityReport:
    report, summary = _native.compute_activity_report_file(
        source,
        request,
        sheet=sheet,
        encoding=encoding,
        columns=_columns(columns),
        strict=strict,
        activities=activities,
        threads=threads,
        progress=progress,
    )
    _warn(summary, source, stacklevel=4)
    return report
