"""patient_partner: the rules of patient partner programmes in oncology, for Python.

A thin layer over the Rust core (crate ``patient-partner``): every rule is computed by the
core; this package converts values. Start with:

>>> import patient_partner as pp
>>> log = pp.read_interviews("entretiens_2023.xlsx")                     # doctest: +SKIP
>>> report = pp.activity_report(log, start="2023-01-01", end="2023-12-31")  # doctest: +SKIP
>>> report.to_pandas()                                                   # doctest: +SKIP
>>> report.to_excel("rapport_2023.xlsx")                                 # doctest: +SKIP

- Files as teams keep them: :func:`read_interviews`, :func:`read_referrals`,
  :func:`read_activities` (``.xlsx``, ``.xls``, ``.ods``, CSV in any encoding; French
  headers; ``sheet=``, ``encoding=``, ``columns=``, ``strict=``), with a ``summary`` and a
  :class:`DataImportWarning` for what they leave aside.
- Interview logs: :func:`read_interviews_csv`, :func:`read_interviews_json`,
  :func:`parse_interviews_csv`, :func:`parse_interviews_json` return :class:`Interviews`.
- Reports: :func:`activity_report` returns an :class:`ActivityReport` (``to_dict()``,
  ``to_dicts()``, ``to_pandas()``, ``to_polars()``, ``to_excel(path)``; a bounded
  preview in Jupyter and ``repr()``, set by :data:`options` ``.display.max_groups`` /
  ``.max_buckets``). :func:`publish` makes several tables of one log (``by=["partner",
  "all"], bucket=["month", "quarter"]``) protected together: :class:`PublishedTables`.
- Domain: :class:`Interview`, :class:`Activity`, :class:`Referral`,
  :class:`ReferralTransition`, :class:`ReferralLifecycle`, :func:`referral_transition`,
  :class:`Journal`, :class:`RoleCatalogue`, :func:`mission_profile`, :func:`parse_id`,
  :func:`parse_modality`, :func:`vocabulary`.
- Indicators: :func:`indicator_catalogue`, :func:`activity_counts`,
  :func:`interviews_per_patient`, :func:`remote_share`, :func:`referral_delay`,
  :func:`referral_sources`, :func:`orientation_rate`, :func:`decline_rate`,
  :func:`extra_clinical_activities`.
- Programme rules: :class:`Policy` (``builtin()``, ``from_json``; ``evaluate_post``,
  ``cofinancing_split``, ``contract_calendar``, ``evaluate_mandate``,
  ``programme_indicators``, ``evaluate_label``), :class:`Post`, :class:`Mandate`,
  :class:`LabelChecklist`, :class:`EstablishmentData`; :func:`input_schema` gives the JSON
  Schema of every input document.
- Errors: :class:`PatientPartnerError` and one subclass per family (see
  :mod:`patient_partner.errors`), with ``kind``, ``entity``, ``field``, ``line``, ``column``.

Enumerations are plain strings holding the core's wire names (``"in_person"``,
``"assigned"``...); dates are ``datetime.date`` (ISO ``YYYY-MM-DD`` strings are accepted
wherever a date is expected). ``to_dict()`` returns the core's JSON form (dates as ISO
strings), so ``Class.from_dict(x.to_dict()) == x``.
"""

from __future__ import annotations

# Import cost (issue 12): `typing`, `datetime`, pandas, polars, pyarrow and the frame and
# HTML helpers are imported when first needed, not here.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import datetime as _dt
    import os
    from typing import (
        Any,
        Callable,
        Dict,
        Iterable,
        List,
        Literal,
        Mapping,
        Optional,
        Sequence,
        Union,
    )

    # For type checkers, re-exported (at run time `__getattr__` imports them on first use).
    from ._types import ActivityCountsDict as ActivityCountsDict
    from ._types import AreaCountDict as AreaCountDict
    from ._types import ColumnMatch as ColumnMatch
    from ._types import ExtraClinicalActivitiesDict as ExtraClinicalActivitiesDict
    from ._types import FileFormat as FileFormat
    from ._types import GroupedActivityCountsDict as GroupedActivityCountsDict
    from ._types import GroupedRatioDict as GroupedRatioDict
    from ._types import IgnoredColumn as IgnoredColumn
    from ._types import ImportSummary as ImportSummary
    from ._types import RatioDict as RatioDict
    from ._types import ReferralDelayDict as ReferralDelayDict
    from ._types import ReferralSourcesDict as ReferralSourcesDict
    from ._types import ReportLanguage as ReportLanguage
    from ._types import RevisionDict as RevisionDict
    from ._types import PublishedRatioDict as PublishedRatioDict
    from ._types import PublishedCountsDict as PublishedCountsDict
    from ._types import CellPlaceDict as CellPlaceDict
    from ._types import SourceShareDict as SourceShareDict
    from ._vocabularies import *  # noqa: F403 (pp.Modality, pp.GroupBy...)

    from typing import overload as _overload

    DateLike = Union[_dt.date, str]
    # Interviews | list[Interview] | list[dict] | a data frame (polars, pandas, pyarrow, DuckDB)
    InterviewsLike = Any
    # Activities (from read_activities) | list[Activity] | list[dict]
    ActivitiesLike = Iterable[Union[Activity, Mapping[str, Any]]]

else:

    def _overload(function: object) -> object:  # typing.overload without importing typing
        return function


from . import _files
from ._options import options
from ._files import ImportedList, read_activities, read_interviews, read_referrals, report_file
from ._native import (
    default_period as _default_period,
    interviews_file_date_span as _file_date_span,
    Activity,
    ActivityReport,
    Interview,
    Interviews,
    PublishedTables,
    EstablishmentData,
    Journal,
    JournalDocument,
    LabelChecklist,
    Mandate,
    Policy,
    Post,
    Referral,
    ReferralLifecycle,
    ReferralTransition,
    ReportRequest,
    RoleCatalogue,
    __version__,
    activity_counts as _activity_counts,
    compute_activity_report,
    compute_publication,
    compute_protected_indicators,
    compute_activity_report_arrow,
    compute_activity_report_csv,
    decline_rate,
    extra_clinical_activities,
    indicator_catalogue,
    input_schema,
    input_schema_names,
    interviews_per_patient as _interviews_per_patient,
    mission_profile,
    orientation_rate,
    parse_id,
    parse_interviews_csv,
    parse_interviews_json,
    parse_activities_csv,
    parse_activities_json,
    parse_modality,
    parse_referrals_csv,
    parse_referrals_json,
    read_activities_csv,
    read_activities_json,
    read_interviews_arrow,
    read_interviews_csv,
    read_interviews_json,
    read_referrals_csv,
    read_referrals_json,
    referral_delay,
    referral_sources,
    referral_transition,
    remote_share as _remote_share,
    vocabulary,
    vocabulary_names,
)
from .errors import (
    ActivityError,
    ConversionError,
    DataImportError,
    DataImportWarning,
    EngagementError,
    InternalError,
    InterviewError,
    InvalidIdError,
    JournalError,
    PatientPartnerError,
    PolicyError,
    FhirError,
    ReferralError,
    ReportError,
    UnknownValueError,
)

__all__ = [
    "Activity",
    "ActivityError",
    "ActivityReport",
    "PublishedTables",
    "ConversionError",
    "DataImportError",
    "DataImportWarning",
    "EngagementError",
    "ImportedList",
    "ImportSummary",
    "IgnoredColumn",
    "InterviewError",
    "FileFormat",
    "ReportLanguage",
    "RevisionDict",
    "PublishedRatioDict",
    "PublishedCountsDict",
    "CellPlaceDict",
    "read_activities",
    "read_interviews",
    "read_referrals",
    "InternalError",
    "Interview",
    "Interviews",
    "EstablishmentData",
    "InvalidIdError",
    "Journal",
    "JournalDocument",
    "JournalError",
    "LabelChecklist",
    "Mandate",
    "Policy",
    "Post",
    "PatientPartnerError",
    "PolicyError",
    "FhirError",
    "Referral",
    "ReferralError",
    "ReferralLifecycle",
    "ReferralTransition",
    "ReportError",
    "ReportRequest",
    "RoleCatalogue",
    "UnknownValueError",
    "__version__",
    "activity_counts",
    "activity_report",
    "activity_report_csv",
    "activity_report_file",
    "as_interviews",
    "compute_activity_report",
    "compute_publication",
    "publish",
    "compute_activity_report_arrow",
    "compute_activity_report_csv",
    "decline_rate",
    "extra_clinical_activities",
    "indicator_catalogue",
    "input_schema",
    "input_schema_names",
    "interviews_per_patient",
    "mission_profile",
    "options",
    "orientation_rate",
    "parse_id",
    "parse_interviews_csv",
    "parse_interviews_json",
    "parse_activities_csv",
    "parse_activities_json",
    "parse_modality",
    "parse_referrals_csv",
    "parse_referrals_json",
    "read_activities_csv",
    "read_activities_json",
    "read_interviews_arrow",
    "read_interviews_csv",
    "read_interviews_json",
    "read_referrals_csv",
    "read_referrals_json",
    "referral_delay",
    "referral_sources",
    "referral_transition",
    "remote_share",
    "vocabulary",
    "vocabulary_names",
]

def __getattr__(name: str) -> object:
    # The typing aliases of `_types` (vocabularies as `Literal`s, result `TypedDict`s),
    # imported on first use (they need `typing`). Private names are never looked up there
    # (`from . import _types` itself asks this function for `_types` first).
    if name.startswith("_"):
        raise AttributeError(f"module 'patient_partner' has no attribute {name!r}")
    from . import _types

    if name in _types.__all__:
        return getattr(_types, name)
    raise AttributeError(f"module 'patient_partner' has no attribute {name!r}")


def as_interviews(
    interviews: InterviewsLike,
    *,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
) -> Interviews:
    """Any supported form of an interview log as :class:`Interviews`, in one batch.

    Accepted:

    - :class:`Interviews` (returned as is) or a list of :class:`Interview`;
    - a **data frame**: polars ``DataFrame`` / ``LazyFrame`` (collected), pandas
      ``DataFrame`` (through pyarrow; its index is not a column), pyarrow ``Table``,
      ``RecordBatch`` or ``RecordBatchReader``, a DuckDB relation, or any object with
      ``__arrow_c_stream__`` / ``__arrow_c_array__``. Columns are read in Rust by name and
      Arrow type, batch by batch (no CSV text, no Python object per row), with the rules
      of the CSV import: the same headers and aliases (``Date``, ``Partenaire``,
      ``Modalité``...), ``columns=`` to map others, ``strict=`` to refuse unused columns
      (by default they are ignored and named in a :class:`DataImportWarning`). Dates may
      be dates, timestamps or text; ids text or whole numbers; durations whole numbers
      or text (``0:45``);
    - a list of dicts whose keys are the CSV columns (read as CSV text; unknown keys
      refused).

    Errors are :class:`DataImportError`. For a data frame they name the row by its 0-based
    position (``row``, as ``df.iloc[row]``; with the pandas index label in the message
    and ``row_label`` when the index is not 0, 1, 2...) and the column (``column``,
    1-based, and ``field``, the canonical name).
    """
    if isinstance(interviews, Interviews):
        return interviews
    if isinstance(interviews, (str, bytes)):
        raise TypeError(
            "activity_report() takes interviews, not a path or text: use "
            "read_interviews_csv(path) or parse_interviews_csv(text) first"
        )
    from . import _frames

    source = _frames.arrow_source(interviews)
    if source is not None:
        data, index = source
        log = read_interviews_arrow(
            data, columns=_files._columns(columns), strict=strict, index=index
        )
        _files._warn(log.summary, "the data frame")
        return log
    items: List[Any] = list(interviews)
    if all(isinstance(i, Interview) for i in items):
        return Interviews(items)
    from collections.abc import Mapping as _Mapping

    if all(isinstance(i, _Mapping) for i in items):
        return read_interviews(_frames.records_to_csv(items).encode("utf-8"), strict=True)
    raise TypeError(
        "interviews must be Interviews, a list of Interview, a list of dicts, "
        "or a data frame (polars, pandas, pyarrow, DuckDB: anything with "
        "__arrow_c_stream__)"
    )


def _iso(value: DateLike) -> str:
    import datetime as _dt

    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def activity_report(
    interviews: InterviewsLike,
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    *,
    by: str = "partner",
    bucket: str = "month",
    suppress_below: Optional[int] = None,
    new_patients: str = "first_in_period",
    coverage: Optional[Sequence[Mapping[str, Any]]] = None,
    request: Optional[Union[ReportRequest, Mapping[str, Any]]] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    activities: Optional[ActivitiesLike] = None,
    threads: Optional[int] = None,
) -> ActivityReport:
    """The activity report of an interview log: the monthly (quarterly, yearly) tables.

    Args:
        interviews: the log: :class:`Interviews` (from :func:`read_interviews_csv`...), a
            list of :class:`Interview`, a list of dicts, or a data frame (polars, pandas,
            pyarrow, DuckDB: see :func:`as_interviews`). A data frame is streamed into the
            report batch by batch, read in Rust with the GIL released. A :class:`Journal`
            gives its interviews **and its activities** (read in place).
        start, end: the period, bounds included (``datetime.date`` or ``"YYYY-MM-DD"``).
            A bound not given is the day of the log's first (``start``) or last (``end``)
            interview, as in the CLI and Kotlin (the core's ``Period::resolve``); with a
            bound missing and an empty log, :class:`ReportError` ``no_period``. A data frame is
            then read whole first (give both bounds to stream it).
        by: ``"partner"`` (one table per partner), ``"establishment"`` or ``"all"``.
        bucket: ``"month"``, ``"quarter"`` or ``"year"``.
        suppress_below: disclosure control: mask every count below this threshold (11 is
            the rule for French health data), with secondary suppression. ``None``: no
            masking.
        new_patients: ``"first_in_period"`` (the reference tables' definition) or
            ``"first_ever"`` (needs the history before the period in the log).
        coverage: ranges not reported, e.g. ``[{"group": "PP-A", "start": "2023-12-01",
            "end": "2023-12-31"}]``: their counts are ``None`` ("–"), not 0.
        request: instead of the arguments above, a :class:`ReportRequest` or its dict.
        columns, strict: for a data frame, as :func:`read_interviews` (``columns=`` maps
            headers, ``strict=True`` refuses unused columns).
        activities: the activity log (support groups, committees, trainings...): the
            list :func:`read_activities` returns, :class:`Activity` objects or dicts. Given
            (even empty), every row and totals row also has ``activities``: per category
            (``clinical_groups``, each extra-clinical area, ``clinical_individual``) the
            count, minutes and participants, with the same buckets, coverage and masking;
            ``to_pandas()`` gives them as columns ``clinical_groups``,
            ``clinical_groups_minutes``, ``clinical_groups_participants``...
        threads: for a data frame, how many threads read it (``None``: ``PP_THREADS``,
            else every core): with two, the calling thread reads and a second one updates
            the (group, patient) table; from three, workers aggregate the batches. With
            ``suppress_below``, the groups' tables are checked on as many threads. The
            report and the first bad row are the same for any number.

    Returns:
        An :class:`ActivityReport`. The computation runs with the GIL released.

    Raises:
        ReportError: a reversed period (``invalid_period``), an unknown option
            (``invalid_request``), too many buckets, an activity in a range declared not
            reported (``activity_in_gap``)...
        DataImportError: a bad row in dicts (``line``, ``column``) or a data frame
            (``row``, ``column``, ``field``).
        ActivityError: an activity that breaks an activity rule (``participants_required``...).
    """
    if isinstance(interviews, Journal):
        if activities is not None:
            raise TypeError(
                "activity_report(journal) reports the journal's own activities: "
                "add them to the journal instead of passing activities="
            )
        if request is None and (start is None or end is None):
            start, end = _default_period(start, end, interviews.interviews().date_span())
        req = _request(start, end, by, bucket, suppress_below, new_patients, coverage, request)
        return interviews.compute_report(req)
    if activities is not None and not isinstance(activities, (list, tuple)):
        activities = list(activities)
    if request is None and (start is None or end is None):
        log = as_interviews(interviews, columns=columns, strict=strict)
        start, end = _default_period(start, end, log.date_span())
        req = _request(start, end, by, bucket, suppress_below, new_patients, coverage, None)
        return compute_activity_report(log, req, activities=activities)
    req = _request(start, end, by, bucket, suppress_below, new_patients, coverage, request)
    if not isinstance(interviews, (Interviews, str, bytes)):
        from . import _frames

        source = _frames.arrow_source(interviews)
        if source is not None:
            data, index = source
            report, summary = compute_activity_report_arrow(
                data,
                req,
                columns=_files._columns(columns),
                strict=strict,
                index=index,
                activities=activities,
                threads=threads,
            )
            _files._warn(summary, "the data frame")
            return report
    return compute_activity_report(as_interviews(interviews), req, activities=activities)


def publish(
    interviews: InterviewsLike,
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    *,
    by: Union[str, Sequence[str]] = "partner",
    bucket: Union[str, Sequence[str]] = "month",
    suppress_below: Optional[int] = None,
    new_patients: str = "first_in_period",
    coverage: Optional[Sequence[Mapping[str, Any]]] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    ledger: Optional[Union[str, "os.PathLike[str]"]] = None,
    revisions: Literal["refuse", "accept"] = "refuse",
    indicators: Sequence[TableIndicator] = (),
) -> PublishedTables:
    """Several tables of one log, protected together: a publication.

    Every combination of ``by`` and ``bucket`` is one table (grouping first:
    ``by=["partner", "all"], bucket=["month", "quarter"]`` gives (partner, month),
    (partner, quarter), (all, month), (all, quarter)). The log is read once. With
    ``suppress_below``, disclosure control covers the tables **together**: a masked cell
    cannot be recomputed, nor narrowed below ``suppress_below`` wide, by someone who holds
    every table and knows how they add up (the centre is the sum of its partners, a quarter
    the sum of its months...). Tables made by separate :func:`activity_report` calls are each
    safe alone, not together: publish them through one call.

    Args:
        interviews: the log, as for :func:`activity_report` (a data frame is read whole).
        start, end: the period (bounds not given: the log's first and last interview).
        by: one grouping or a list (``"partner"``, ``"establishment"``, ``"all"``).
        bucket: one bucket size or a list (``"month"``, ``"quarter"``, ``"year"``).
        suppress_below, new_patients, coverage, columns, strict: as :func:`activity_report`.
        ledger: a release ledger (JSON file) for releases over time, e.g. the same tables
            at the end of each month: the tables are protected **together with every earlier
            release the ledger records** (their cells recomputed from this log over their
            periods), then this release is recorded in the file. A missing file starts a
            new ledger. Needs ``suppress_below``; the ledger keeps the threshold, the
            new-patient rule and the tables of its first release.
        revisions: with ``ledger``, what to do when late entries changed cells an earlier
            release published: ``"refuse"`` (the default: ``ReportError`` ``revised_cells``
            naming them) or ``"accept"`` (published, listed in ``revisions``).
        indicators: interview indicators published with the tables, for each grouping of
            ``by`` (``"remote_share"``, ``"interviews_per_patient"``, ``"interviews_total"``,
            ``"patients_seen"``...): read from the **published** cells of the tables, so
            they never say more than the tables (a masked part is ``None``; a share whose
            parts are masked has no value). In ``PublishedTables.indicators``.

    Returns:
        :class:`PublishedTables`: ``tables`` (each an :class:`ActivityReport`, with
        ``to_pandas()``...), ``to_dict()`` (``{"tables": [...]}``), ``to_excel(path)`` (one
        workbook, a sheet per group and table); with a ledger, ``release`` (its number)
        and ``revisions``.

    Raises:
        ReportError: ``invalid_request`` (a table asked twice, an unknown grouping, a
            ledger without ``suppress_below``...), ``invalid_period``,
            ``interview_in_gap``, ``ledger_mismatch`` (a ledger of other settings, or a file
            that is not a ledger), ``revised_cells``, ``unprotectable_cells``...

    Example::

        # the year's tables at the end of each month, each release safe with the others
        pp.publish(log, "2024-01-01", "2024-11-30", by=["partner", "all"],
                   suppress_below=11, ledger="releases-2024.json")
        pp.publish(log, "2024-01-01", "2024-12-31", by=["partner", "all"],
                   suppress_below=11, ledger="releases-2024.json")
    """
    bys = [by] if isinstance(by, str) else list(by)
    buckets = [bucket] if isinstance(bucket, str) else list(bucket)
    log = as_interviews(interviews, columns=columns, strict=strict)
    if start is None or end is None:
        start, end = _default_period(start, end, log.date_span())
    requests = [
        _request(start, end, b, k, suppress_below, new_patients, coverage, None)
        for b in bys
        for k in buckets
    ]
    import os

    return compute_publication(
        log, requests, None if ledger is None else os.fspath(ledger), revisions, list(indicators)
    )


def activity_report_csv(
    path: Union[str, "os.PathLike[str]", bytes],
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    *,
    by: str = "partner",
    bucket: str = "month",
    suppress_below: Optional[int] = None,
    new_patients: str = "first_in_period",
    coverage: Optional[Sequence[Mapping[str, Any]]] = None,
    request: Optional[Union[ReportRequest, Mapping[str, Any]]] = None,
    sheet: Optional[str] = None,
    encoding: Optional[str] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
    activities: Optional[ActivitiesLike] = None,
    threads: Optional[int] = None,
    progress: Any = None,
) -> ActivityReport:
    """The activity report of a log file — CSV in any encoding, or a workbook (``.xlsx``,
    ``.xls``, ``.ods``) — read by the core as :func:`read_interviews` reads it (``sheet=``,
    ``encoding=``, ``columns=``, ``strict=``; a :class:`DataImportWarning` names what is
    left aside). A CSV log is streamed: it is never held in memory (memory grows with the
    distinct (group, patient) pairs and with groups × buckets, not with the rows), and the
    GIL is released
    throughout. A bound of the period not given is taken from the log (its first or last
    interview) by a first pass over the file. Other arguments (``activities=``…) as
    :func:`activity_report`.

    ``threads``: how many threads read a CSV log at once (it is cut into byte ranges at
    record boundaries, each read by its own thread, then merged; with ``suppress_below``, the
    groups' tables are checked on as many threads). ``None`` (the default)
    takes the environment variable ``PP_THREADS``, else every core. The report, the summary
    and the first error (its line and column) are the same for any number; 0, a negative
    number or a bad ``PP_THREADS`` raise :class:`ReportError` ``invalid_request``.

    ``progress``: told how far the reading has come, about every 100 ms and once at the end:
    a callable ``progress(bytes_read, bytes_total)``, or a ``tqdm`` bar (any object with
    ``update``, ``n`` and ``total``; its total is set to the file's size)::

        from tqdm.auto import tqdm
        with tqdm(unit="B", unit_scale=True) as bar:
            report = pp.activity_report_csv("log.csv", progress=bar)

    It is called on the calling thread, with the GIL held for the call only; an exception it
    raises is raised once the report is done. When a cut log must be read again in one pass
    (see ``threads``), the count starts again from 0.
    """
    if activities is not None and not isinstance(activities, (list, tuple)):
        activities = list(activities)
    if request is None and (start is None or end is None):
        span = _file_date_span(
            path,
            sheet=sheet,
            encoding=encoding,
            columns=_files._columns(columns),
            strict=strict,
            threads=threads,
        )
        start, end = _default_period(start, end, span)
    req = _request(start, end, by, bucket, suppress_below, new_patients, coverage, request)
    return report_file(
        path,
        req,
        sheet=sheet,
        encoding=encoding,
        columns=columns,
        strict=strict,
        activities=activities,
        threads=threads,
        progress=_progress_callback(progress),
    )


activity_report_file = activity_report_csv


def _progress_callback(progress: Any) -> "Optional[Callable[[int, int], object]]":
    """``progress=`` as a callable of (bytes_read, bytes_total): a tqdm-like bar (``update``,
    ``n``, ``total``) is driven by setting its position; a callable is kept as it is."""
    if progress is None:
        return None
    if all(hasattr(progress, a) for a in ("update", "n", "total")) and not callable(progress):
        bar = progress

        def drive(done: int, total: int) -> None:
            if bar.total != total:
                bar.total = total
            bar.update(done - bar.n)

        return drive
    if not callable(progress):
        raise TypeError(
            "progress= expects a callable progress(bytes_read, bytes_total) or a tqdm bar, "
            f"not {type(progress).__name__}"
        )
    return progress  # type: ignore[no-any-return]


def _request(
    start: Optional[DateLike],
    end: Optional[DateLike],
    by: str,
    bucket: str,
    suppress_below: Optional[int],
    new_patients: str,
    coverage: Optional[Sequence[Mapping[str, Any]]],
    request: Optional[Union[ReportRequest, Mapping[str, Any]]],
) -> ReportRequest:
    if request is not None:
        if isinstance(request, ReportRequest):
            return request
        return ReportRequest.from_dict(dict(request))
    if start is None or end is None:  # resolved by the callers (`_default_period`)
        raise TypeError("activity_report() needs start= and end= (or request=)")
    req: Dict[str, Any] = {
        "period": {"start": _iso(start), "end": _iso(end)},
        "group_by": by,
        "bucket": bucket,
        "new_patient_rule": new_patients,
        "suppress_below": suppress_below,
    }
    if coverage:
        req["coverage"] = [dict(g) for g in coverage]
    return ReportRequest.from_dict(req)



def _protected(
    log: Interviews,
    start: Optional[DateLike],
    end: Optional[DateLike],
    by: Optional[GroupBy],
    suppress_below: int,
    indicators: List[str],
) -> List[Dict[str, Any]]:
    # The core's `protected_indicators`: the table by `by` and year, protected, read.
    if start is None or end is None:
        start, end = _default_period(start, end, log.date_span())
    group_by = by or "all"
    request = _request(start, end, group_by, "year", suppress_below, "first_in_period", None, None)
    result: List[Dict[str, Any]] = compute_protected_indicators(log, request, group_by, indicators)
    return result


_COUNTS = [
    "interviews_in_person",
    "interviews_by_phone",
    "interviews_by_video",
    "interviews_total",
    "patients_seen",
]


@_overload
def activity_counts(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: None = ...,
    suppress_below: None = ...,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> ActivityCountsDict: ...
@_overload
def activity_counts(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: GroupBy,
    suppress_below: None = ...,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> List[GroupedActivityCountsDict]: ...
@_overload
def activity_counts(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: Optional[GroupBy] = ...,
    suppress_below: int,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> List[PublishedCountsDict]: ...


def activity_counts(
    interviews: InterviewsLike,
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    *,
    by: Optional[GroupBy] = None,
    suppress_below: Optional[int] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
) -> Union[ActivityCountsDict, List[GroupedActivityCountsDict], List[PublishedCountsDict]]:
    """Interviews in person, by phone, by video, in all, and distinct patients seen, over
    ``[start, end]``.

    Args:
        interviews: any input of :func:`activity_report` (``Interviews``, lists, data frames).
        start, end: the period; a bound not given is the log's first or last interview day
            (as for reports).
        by: ``None`` for one :class:`ActivityCountsDict` over every interview; ``"partner"``,
            ``"establishment"`` or ``"all"`` for a list of them, one per group with the
            group key first (in the report's group order), ready for
            ``pandas.DataFrame(...)`` or ``polars.DataFrame(...)``.
        suppress_below: for publication: the counts as the protected table by ``by``
            (default ``"all"``) and year publishes them, a masked count ``None`` and named
            in ``masked`` (a list of :class:`PublishedCountsDict`, one per group). Without
            it the counts are raw: do not publish them beside masked tables.
        columns, strict: for a data frame, as :func:`read_interviews`.
    """
    log = as_interviews(interviews, columns=columns, strict=strict)
    if suppress_below is not None:
        per_indicator = _protected(log, start, end, by, suppress_below, _COUNTS)
        rows: List[Dict[str, Any]] = []
        for name, indicator in zip(_COUNTS, per_indicator):
            for k, group in enumerate(indicator["groups"]):
                if k == len(rows):
                    rows.append({key: group[key] for key in ("partner", "establishment") if key in group})
                    rows[k]["masked"] = []
                rows[k][name] = group["count"]
                if group["masked"]:
                    rows[k]["masked"].append(name)
        published: List[PublishedCountsDict] = rows  # type: ignore[assignment]
        return published
    result: Union[ActivityCountsDict, List[GroupedActivityCountsDict]] = _activity_counts(log, start, end, by=by)
    return result


def _protected_ratio(
    log: Interviews,
    start: Optional[DateLike],
    end: Optional[DateLike],
    by: Optional[GroupBy],
    suppress_below: int,
    indicator: str,
) -> List[PublishedRatioDict]:
    groups: List[PublishedRatioDict] = _protected(log, start, end, by, suppress_below, [indicator])[0][
        "groups"
    ]
    return groups


@_overload
def interviews_per_patient(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: None = ...,
    suppress_below: None = ...,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> RatioDict: ...
@_overload
def interviews_per_patient(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: GroupBy,
    suppress_below: None = ...,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> List[GroupedRatioDict]: ...
@_overload
def interviews_per_patient(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: Optional[GroupBy] = ...,
    suppress_below: int,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> List[PublishedRatioDict]: ...


def interviews_per_patient(
    interviews: InterviewsLike,
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    *,
    by: Optional[GroupBy] = None,
    suppress_below: Optional[int] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
) -> Union[RatioDict, List[GroupedRatioDict], List[PublishedRatioDict]]:
    """Interviews over distinct patients (a :class:`RatioDict`: ``numerator``,
    ``denominator``, ``value``), over all interviews or per group with ``by=``; arguments as
    :func:`activity_counts`. With ``suppress_below``: a list of :class:`PublishedRatioDict`
    read from the protected table (a masked part ``None``, and no ``value``)."""
    log = as_interviews(interviews, columns=columns, strict=strict)
    if suppress_below is not None:
        return _protected_ratio(log, start, end, by, suppress_below, "interviews_per_patient")
    result: Union[RatioDict, List[GroupedRatioDict]] = _interviews_per_patient(log, start, end, by=by)
    return result


@_overload
def remote_share(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: None = ...,
    suppress_below: None = ...,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> RatioDict: ...
@_overload
def remote_share(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: GroupBy,
    suppress_below: None = ...,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> List[GroupedRatioDict]: ...
@_overload
def remote_share(
    interviews: InterviewsLike,
    start: Optional[DateLike] = ...,
    end: Optional[DateLike] = ...,
    *,
    by: Optional[GroupBy] = ...,
    suppress_below: int,
    columns: Optional[Mapping[str, str]] = ...,
    strict: bool = ...,
) -> List[PublishedRatioDict]: ...


def remote_share(
    interviews: InterviewsLike,
    start: Optional[DateLike] = None,
    end: Optional[DateLike] = None,
    *,
    by: Optional[GroupBy] = None,
    suppress_below: Optional[int] = None,
    columns: Optional[Mapping[str, str]] = None,
    strict: bool = False,
) -> Union[RatioDict, List[GroupedRatioDict], List[PublishedRatioDict]]:
    """Phone and video interviews over all interviews (a :class:`RatioDict`), over all
    interviews or per group with ``by=``; arguments as :func:`activity_counts`. With
    ``suppress_below``: as :func:`interviews_per_patient` (the numerator is published when
    the table gives it: phone + video, or total − in person)."""
    log = as_interviews(interviews, columns=columns, strict=strict)
    if suppress_below is not None:
        return _protected_ratio(log, start, end, by, suppress_below, "remote_share")
    result: Union[RatioDict, List[GroupedRatioDict]] = _remote_share(log, start, end, by=by)
    return result
