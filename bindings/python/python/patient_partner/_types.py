"""Types of the values the core returns as plain dicts and strings (for type checkers; the
runtime values are ordinary dicts and strings)."""

from __future__ import annotations

from typing import List, Literal, TypedDict

__all__ = ["ColumnMatch", "FileFormat", "IgnoredColumn", "ImportSummary", "ReportLanguage"]

#: The language of a written report (``ActivityReport.to_excel(lang=...)``).
ReportLanguage = Literal["fr", "en"]
#: The format of a file, read from its content.
FileFormat = Literal["csv", "xlsx", "xlsb", "xls", "ods", "json", "frame"]


class IgnoredColumn(TypedDict):
    """A column of the file that the import did not use."""

    header: str
    column: int


class ColumnMatch(TypedDict):
    """A column the import used, and the header it was read from."""

    column: str
    header: str


class _ImportSummaryBase(TypedDict):
    format: FileFormat
    columns: List[ColumnMatch]
    rows: int
    ignored_columns: List[IgnoredColumn]
    blank_rows: int
    blank_row_lines: List[int]
    message: str
    has_notes: bool


class ImportSummary(_ImportSummaryBase, total=False):
    """What an import read and left aside (``Interviews.summary``,
    ``ImportedList.summary``): ``encoding`` and ``separator`` for CSV, ``sheet`` for
    workbooks; ``message`` is the core's one-line text of it, ``has_notes`` whether
    something was left aside."""

    encoding: str
    separator: str
    sheet: str
