"""Types of the values the core returns as plain dicts and strings (for type checkers; the
runtime values are ordinary dicts and strings)."""

from __future__ import annotations

from typing import List, Literal, Optional, TypedDict

from ._vocabularies import *  # noqa: F403 (the core's vocabularies as Literal aliases)
from ._vocabularies import __all__ as _VOCABULARIES

__all__ = [
    "ActivityCountsDict",
    "AreaCountDict",
    "ColumnMatch",
    "ExtraClinicalActivitiesDict",
    "FileFormat",
    "GroupedActivityCountsDict",
    "GroupedRatioDict",
    "IgnoredColumn",
    "ImportSummary",
    "RatioDict",
    "ReferralDelayDict",
    "ReferralSourcesDict",
    "ReportLanguage",
    "RevisionDict",
    "SourceShareDict",
    "CellPlaceDict",
    "PublishedCountsDict",
    "PublishedRatioDict",
    *_VOCABULARIES,
]

#: The language of a written report (``ActivityReport.to_excel(lang=...)``).
ReportLanguage = Literal["fr", "en"]
#: The format of a file, read from its content.
FileFormat = Literal["csv", "xlsx", "xlsb", "xls", "ods", "json", "frame"]


class CellPlaceDict(TypedDict):
    """Where a cell of a release is (``PublishedTables.revisions``)."""

    table: int
    group: Optional[str]
    row: Literal["bucket", "totals"]
    start: str
    end: str
    column: Column


class PublishedRatioDict(TypedDict, total=False):
    """A ratio read from protected tables (``suppress_below=``): a part the tables mask is
    ``None`` and ``masked`` is true; ``value`` only when both parts are published."""

    partner: str
    establishment: Optional[str]
    numerator: Optional[int]
    denominator: Optional[int]
    value: Optional[float]
    masked: bool


class PublishedCountsDict(TypedDict, total=False):
    """:func:`activity_counts` read from protected tables (``suppress_below=``): a masked
    count is ``None`` and named in ``masked``."""

    partner: str
    establishment: Optional[str]
    interviews_in_person: Optional[int]
    interviews_by_phone: Optional[int]
    interviews_by_video: Optional[int]
    interviews_total: Optional[int]
    patients_seen: Optional[int]
    masked: List[str]


class RevisionDict(TypedDict):
    """A cell an earlier release published that late entries changed."""

    release: int
    place: CellPlaceDict
    published: int
    now: int


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


class ActivityCountsDict(TypedDict):
    """:func:`activity_counts` over every interview of the period."""

    interviews_in_person: int
    interviews_by_phone: int
    interviews_by_video: int
    interviews_total: int
    patients_seen: int


class RatioDict(TypedDict):
    """A share with its counts (``value`` is ``None`` when the denominator is 0)."""

    numerator: int
    denominator: int
    value: Optional[float]


class GroupedActivityCountsDict(ActivityCountsDict, total=False):
    """One group's :func:`activity_counts` (``by=``): the group key (``partner`` or
    ``establishment``, ``None`` for interviews without one; neither for ``"all"``)."""

    partner: str
    establishment: Optional[str]


class GroupedRatioDict(RatioDict, total=False):
    """One group's ratio (``by=``), keyed as :class:`GroupedActivityCountsDict`."""

    partner: str
    establishment: Optional[str]


class ReferralDelayDict(TypedDict):
    """:func:`referral_delay`: days from receipt to first interview (nearest rank)."""

    referrals: int
    with_interview: int
    without_interview: int
    median_days: Optional[int]
    p90_days: Optional[int]


class _SourceShareBase(TypedDict):
    source: Literal["referring_physician", "care_team"]
    share: RatioDict


class SourceShareDict(_SourceShareBase, total=False):
    """One source's part of the referrals (``profession`` for care-team sources)."""

    profession: Profession  # noqa: F405


class ReferralSourcesDict(TypedDict):
    """:func:`referral_sources`."""

    referrals: int
    sources: List[SourceShareDict]


class AreaCountDict(TypedDict):
    """One area of :class:`ExtraClinicalActivitiesDict`."""

    area: ExtraClinicalArea  # noqa: F405
    activities: int
    minutes: int


class ExtraClinicalActivitiesDict(TypedDict):
    """:func:`extra_clinical_activities`."""

    activities: int
    minutes: int
    by_area: List[AreaCountDict]
