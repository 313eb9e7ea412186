"""The exceptions of patient_partner.

Every error of the core reaches Python as a subclass of :class:`PatientPartnerError`, one
per family of the core's errors (``ErrorCategory`` in Rust), with the same attributes:

- ``kind``: the stable snake_case code of the error (``empty_id``, ``invalid_date``,
  ``invalid_transition``...), identical in Rust (``Error::code()``), Python and Kotlin;
- ``entity``, ``field``: what the error is about, when known;
- ``line``, ``column``: where, for file input (1-based; ``column`` is the field position
  in a CSV row).

A Rust panic (a bug) is raised as :class:`InternalError`, never as anything else.

Errors of the *call itself* (an argument of the wrong Python type, an unknown id type
name, a malformed event dict) are the usual ``TypeError`` and ``ValueError``; a Python
value that cannot become a document of the core (nested deeper than 128 lists and dicts,
an integer beyond 64 bits) is :class:`ConversionError`, a ``ValueError`` too; a missing
optional package (pandas, polars) is ``ImportError``. Files that cannot be opened raise
``OSError`` (``FileNotFoundError``...).
"""

from __future__ import annotations

# `typing` costs ~10 ms to import: names for type checkers only.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

__all__ = [
    "PatientPartnerError",
    "InvalidIdError",
    "UnknownValueError",
    "EngagementError",
    "InterviewError",
    "ReferralError",
    "ActivityError",
    "JournalError",
    "DataImportError",
    "ReportError",
    "PolicyError",
    "FhirError",
    "InternalError",
    "ConversionError",
    "DataImportWarning",
]


class PatientPartnerError(Exception):
    """Base class of every error raised by the patient_partner core.

    Attributes:
        kind: the stable error code (``Error::code()`` of the core).
        entity: the entity concerned (an id, a type name, ``Interview``...), if known.
        field: the field concerned (``date``, ``modality``, ``interviews[2].date``...).
        line: for file input, the 1-based line (workbooks: the row as the sheet numbers it).
        column: for file input, the 1-based column (CSV: the field position; workbooks: 4
            is column ``D``).
        sheet: for workbooks, the sheet; then :attr:`cell` names the cell (``"D17"``).
        row: for data frames, the 0-based position of the row (``df.iloc[row]``); ``column``
            is then the 1-based position of the frame's column.
        row_label: for pandas frames with an index other than 0, 1, 2...: the row's label.
        summary, summary_fr: a short message in English and in French for people and logs:
            where and what, quoting no value of the input (no pseudonym, no cell content,
            no row label), e.g. ``"line 3, column 4 (modality): invalid modality"`` /
            ``"ligne 3, colonne 4 (modality) : modalité invalide"``; ``str(e)`` keeps the
            details.
    """

    kind: str
    entity: Optional[str]
    field: Optional[str]
    line: Optional[int]
    column: Optional[int]
    sheet: Optional[str]
    row: Optional[int]
    row_label: Optional[str]
    summary: str
    summary_fr: str

    def __init__(
        self,
        message: str,
        *,
        kind: str = "error",
        entity: Optional[str] = None,
        field: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        sheet: Optional[str] = None,
        row: Optional[int] = None,
        row_label: Optional[str] = None,
        summary: Optional[str] = None,
        summary_fr: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.entity = entity
        self.field = field
        self.line = line
        self.column = column
        self.sheet = sheet
        self.row = row
        self.row_label = row_label
        self.summary = summary if summary is not None else kind.replace("_", " ").capitalize()
        self.summary_fr = summary_fr if summary_fr is not None else self.summary

    @property
    def cell(self) -> Optional[str]:
        """The cell's name (``"D17"``) for an error in a workbook, else ``None``."""
        if self.sheet is None or self.line is None or self.column is None:
            return None
        letters = ""
        n = self.column
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord("A") + rem) + letters
        return f"{letters}{self.line}"

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Keep the attributes through pickling (multiprocessing, joblib).
        return (
            _rebuild,
            (
                type(self),
                self.message,
                self.kind,
                self.entity,
                self.field,
                self.line,
                self.column,
                self.sheet,
                self.row,
                self.row_label,
            ),
        )

    def __str__(self) -> str:
        where = []
        if self.sheet is not None:
            where.append(f"sheet {self.sheet!r}")
            if self.cell is not None:
                where.append(f"cell {self.cell}")
        else:
            if self.row is not None:
                where.append(f"row {self.row}")
            if self.line is not None:
                where.append(f"line {self.line}")
            if self.column is not None:
                where.append(f"column {self.column}")
        suffix = f" ({', '.join(where)})" if where else ""
        return f"[{self.kind}] {self.message}{suffix}"


def _rebuild(cls, message, kind, entity, field, line, column, sheet=None, row=None, row_label=None):  # type: ignore[no-untyped-def]
    return cls(
        message,
        kind=kind,
        entity=entity,
        field=field,
        line=line,
        column=column,
        sheet=sheet,
        row=row,
        row_label=row_label,
    )


class DataImportWarning(UserWarning):
    """An import left something aside on purpose: columns it does not use (a comments
    column...) or blank rows. The message names them; ``summary`` holds the details."""

    def __init__(self, message: str, summary: Optional[dict] = None) -> None:  # type: ignore[type-arg]
        super().__init__(message)
        self.summary = summary


class InvalidIdError(PatientPartnerError):
    """An identifier was rejected (``empty_id``, ``id_too_long``, ``id_control_character``);
    ``entity`` is the id type (``PatientId``...)."""


class UnknownValueError(PatientPartnerError):
    """A value is not in its vocabulary (``unknown_value``); ``entity`` is the vocabulary
    (``Modality``, ``Mission``...)."""


class EngagementError(PatientPartnerError):
    """A role catalogue or an engagement classification was refused."""


class ReferralError(PatientPartnerError):
    """A referral or a transition of its lifecycle was refused."""


class InterviewError(PatientPartnerError):
    """An interview was refused (a recorded duration of 0 minutes or longer than a day)."""


class ActivityError(PatientPartnerError):
    """An activity record was refused (duration, participants, co-animator)."""


class JournalError(PatientPartnerError):
    """A journal refused an impossible history (or a malformed document).

    A referral, activity or interview that breaks its own rule is refused with that rule's
    family (``ReferralError``, ``ActivityError``, ``InterviewError``), whichever call sent it.
    """


class DataImportError(PatientPartnerError):
    """A file or document could not be read: ``line`` and ``column`` say where.

    Named ``DataImportError`` so that it does not shadow Python's built-in ``ImportError``.
    """


class ReportError(PatientPartnerError):
    """A report or indicator request was refused (``invalid_period``,
    ``invalid_request``...)."""


class PolicyError(PatientPartnerError):
    """Programme rules: a post, contract, mandate or policy was refused."""


class FhirError(PatientPartnerError):
    """A FHIR Bundle that does not have the shape of the library's exports: ``field`` is the
    element path (``Bundle.entry[3].resource.status``), ``entity`` the resource type."""


class InternalError(PatientPartnerError):
    """A bug in patient_partner (a Rust panic, caught at the boundary): please report it.
    ``kind`` is ``internal_error``."""


class ConversionError(PatientPartnerError, ValueError):
    """A Python value that cannot become a document of the core: nested deeper than 128
    levels of lists and dicts (``kind`` ``nested_too_deep``, as serde_json's limit for JSON
    text), or an integer outside 64 bits (``integer_out_of_range``). Also a ``ValueError``."""
