"""Exceptions: one class per family of core errors, with the context as attributes."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

import patient_partner as pp
from patient_partner import errors


def test_every_family_has_its_class_under_the_base() -> None:
    families = [
        pp.InvalidIdError,
        pp.UnknownValueError,
        pp.EngagementError,
        pp.InterviewError,
        pp.ReferralError,
        pp.ActivityError,
        pp.JournalError,
        pp.DataImportError,
        pp.ReportError,
        pp.PolicyError,
        pp.FhirError,
        pp.InternalError,
        pp.ConversionError,
    ]
    assert len(set(families)) == len(families)
    for cls in families:
        assert issubclass(cls, pp.PatientPartnerError)
        assert issubclass(cls, Exception)
        assert cls.__doc__
    # The import family does not shadow Python's built-in ImportError.
    assert not issubclass(pp.DataImportError, ImportError)
    assert set(errors.__all__) == {c.__name__ for c in families} | {
        "PatientPartnerError",
        "DataImportWarning",
    }
    assert issubclass(pp.DataImportWarning, UserWarning)
    assert issubclass(pp.ConversionError, ValueError)  # a value the core cannot take


def test_invalid_id() -> None:
    with pytest.raises(pp.InvalidIdError) as info:
        pp.parse_id("patient", "   ")
    e = info.value
    assert (e.kind, e.entity, e.field, e.line, e.column) == (
        "empty_id",
        "PatientId",
        None,
        None,
        None,
    )
    assert "empty_id" in str(e)


def test_unknown_value() -> None:
    with pytest.raises(pp.UnknownValueError) as info:
        pp.parse_modality("fax")
    assert info.value.kind == "unknown_value"
    assert info.value.entity == "Modality"


def test_csv_error_names_line_and_column() -> None:
    text = "date;partner;patient;modality\n09/01/2023;PP-A;PAT-1;visio\n31/02/2023;PP-A;PAT-1;phone\n"
    with pytest.raises(pp.DataImportError) as info:
        pp.parse_interviews_csv(text)
    e = info.value
    assert e.kind == "invalid_date"
    assert (e.line, e.column, e.field) == (3, 1, "date")
    assert "line 3" in str(e)


def test_csv_file_error_and_missing_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "log.csv"
    bad.write_text("date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,fax\n", encoding="utf-8")
    with pytest.raises(pp.DataImportError) as info:
        pp.read_interviews_csv(bad)
    assert (info.value.kind, info.value.line, info.value.column) == ("invalid_modality", 2, 4)
    # The log-safe summaries name the place and the rule, never the value (nor a pseudonym).
    assert info.value.summary == "line 2, column 4 (modality): invalid modality"
    assert info.value.summary_fr == "ligne 2, colonne 4 (modality) : modalité invalide"
    assert "fax" in str(info.value) and "fax" not in info.value.summary
    with pytest.raises(FileNotFoundError):
        pp.read_interviews_csv(tmp_path / "absent.csv")


def test_engagement_referral_activity_journal_report_families() -> None:
    with pytest.raises(pp.EngagementError) as eng:
        pp.RoleCatalogue.from_json("{")
    assert eng.value.kind == "malformed_catalogue" and eng.value.line == 1

    with pytest.raises(pp.ReferralError) as ref:
        pp.referral_transition("closed", {"kind": "start"})
    assert ref.value.kind == "transition_from_final_state"
    assert ref.value.field == "event"

    activity = {
        "id": "ACT-1",
        "date": "2023-05-04",
        "partner": "PP-1",
        "mission": "support_group",
        "modality": "in_person",
        "duration_minutes": 0,
        "participants": 8,
    }
    with pytest.raises(pp.PatientPartnerError) as act:
        pp.Activity.from_dict(activity)
    assert act.value.kind == "zero_duration"
    assert act.value.entity == "ACT-1"

    with pytest.raises(pp.JournalError) as jr:
        pp.Journal.from_json('{"interviews": 3}')
    assert jr.value.kind == "malformed_document"

    log = pp.Interviews([pp.Interview("2023-01-09", "PP-A", "PAT-1", "phone")])
    with pytest.raises(pp.ReportError) as rep:
        pp.activity_report(log, start="2023-02-01", end="2023-01-31")
    assert rep.value.kind == "invalid_period"


def test_argument_errors_are_python_errors() -> None:
    with pytest.raises(ValueError):
        pp.parse_id("planet", "X")
    with pytest.raises(TypeError):
        pp.activity_report("interviews.csv", start="2023-01-01", end="2023-12-31")


def test_errors_pickle_with_their_attributes() -> None:
    try:
        pp.parse_interviews_csv("date,partner,patient,modality\n2023-01-09,PP-A,,phone\n")
    except pp.DataImportError as e:
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is pp.DataImportError
        assert (again.kind, again.line, again.column, again.field) == (
            e.kind,
            e.line,
            e.column,
            e.field,
        )
    else:
        pytest.fail("an empty patient must be refused")


def test_a_panic_reaches_python_as_internal_error() -> None:
    # A deliberate panic inside the glue's guard (the same guard wraps every entry point).
    with pytest.raises(pp.InternalError) as info:
        pp._native._panic_for_tests()  # type: ignore[attr-defined]
    assert info.value.kind == "internal_error"
    assert isinstance(info.value, Exception)  # not pyo3's BaseException PanicException


def test_missing_optional_package_is_named() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None; sys.modules['polars'] = None\n"
        "import patient_partner as pp\n"
        "log = pp.Interviews([pp.Interview('2023-01-09', 'PP-A', 'PAT-1', 'phone')])\n"
        "r = pp.activity_report(log, start='2023-01-01', end='2023-01-31')\n"
        "for f in (r.to_pandas, r.to_polars, log.to_pandas):\n"
        "    try:\n"
        "        f()\n"
        "    except ImportError as e:\n"
        "        print(e)\n"
        "print(r.to_dict()['totals'][0]['total'])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert "'pandas'" in out[0] and "pip install pandas" in out[0]
    assert "'polars'" in out[1] and "pip install polars" in out[1]
    assert "'pandas'" in out[2]
    assert out[3] == "1"  # the rest of the package works without either


def test_deeply_nested_values_are_refused_not_a_crash() -> None:
    deep: object = []
    for _ in range(20_000):
        deep = [deep]
    with pytest.raises(pp.ConversionError, match="nested deeper than 128") as info:
        pp.RoleCatalogue.from_dict({"roles": deep})
    assert info.value.kind == "nested_too_deep" and isinstance(info.value, ValueError)
    # Dicts count as lists do; 128 levels are still accepted (then the core judges).
    nested: object = "x"
    for _ in range(127):
        nested = {"k": nested}
    with pytest.raises(pp.EngagementError):
        pp.RoleCatalogue.from_dict({"roles": nested})
    with pytest.raises(pp.ConversionError) as info:
        pp.RoleCatalogue.from_dict({"roles": [2**70]})
    assert info.value.kind == "integer_out_of_range"
    # JSON text as deep is refused by the core's reader (serde_json's limit of 128).
    text = '{"roles": ' + "[" * 20_000 + "]" * 20_000 + "}"
    with pytest.raises(pp.EngagementError):
        pp.RoleCatalogue.from_json(text)


def test_quoted_values_are_short() -> None:
    with pytest.raises(pp.UnknownValueError) as info:
        pp.parse_modality("x" * 100_000)
    assert len(str(info.value)) < 400


def test_the_same_rule_is_the_same_family_from_every_entry_point() -> None:
    referral = pp.Referral.from_dict(
        {
            "id": "REF-9",
            "patient": "PAT-0009",
            "received": "2023-01-09",
            "source": {"kind": "referring_physician"},
            "stage": "treatment",
        }
    )
    assign = {"referral": "REF-9", "date": "2023-01-10", "event": {"kind": "assign", "partner": "PP-001"}}
    with pytest.raises(pp.ReferralError) as direct:
        pp.ReferralLifecycle(referral).check(assign)
    journal = pp.Journal()
    journal.add_referral(referral)
    with pytest.raises(pp.ReferralError) as through_journal:
        journal.add_transition(assign)
    assert direct.value.kind == through_journal.value.kind == "consent_required"
    assert not isinstance(through_journal.value, pp.JournalError)
    assert journal.state_of("REF-9") == "received"
