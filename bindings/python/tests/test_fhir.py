"""FHIR R4 exchange from Python (issue 14): Journal.to_fhir / Journal.from_fhir and
ActivityReport.to_fhir, on the demo journal; the HAPI validator checks the same exports in
`make test` (scripts/test-fhir.sh)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import patient_partner as pp

ROOT = Path(__file__).resolve().parents[3]


def demo() -> pp.Journal:
    return pp.Journal.from_json((ROOT / "examples/data/journal_2023.json").read_text(encoding="utf-8"))


def test_export_then_import_is_the_identity() -> None:
    journal = demo()
    for kind in ("collection", "transaction"):
        bundle = journal.to_fhir(kind)
        assert bundle["resourceType"] == "Bundle" and bundle["type"] == kind
        back = pp.Journal.from_fhir(bundle)
        assert back.to_dict() == journal.to_dict()
        # JSON text, as read from a file
        assert pp.Journal.from_fhir(json.dumps(bundle)).to_dict() == journal.to_dict()


def test_patients_are_pseudonyms_only() -> None:
    bundle = demo().to_fhir()
    patients = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"]
    assert len(patients) > 0
    for p in patients:
        assert set(p) == {"resourceType", "meta", "text", "identifier"}
        assert p["identifier"][0]["value"].startswith("PAT-")


def test_report_as_measure_reports() -> None:
    journal = demo()
    report = pp.activity_report(journal, "2023-01-01", "2023-12-31", suppress_below=11)
    bundle = report.to_fhir()
    reports = [e["resource"] for e in bundle["entry"]]
    assert len(reports) == 13  # twelve months and the year
    assert all(r["resourceType"] == "MeasureReport" for r in reports)
    masked = [
        p for r in reports for g in r["group"] for s in g["stratifier"][0]["stratum"]
        for p in s["population"] if "_count" in p
    ]
    reasons = {p["_count"]["extension"][0]["valueCode"] for p in masked}
    assert "masked" in reasons
    assert all("count" not in p for p in masked)


def test_a_bad_bundle_raises_fhir_error() -> None:
    bundle = demo().to_fhir()
    del bundle["entry"][0]["resource"]["identifier"]
    with pytest.raises(pp.FhirError) as e:
        pp.Journal.from_fhir(bundle)
    assert e.value.kind == "missing_element"
    assert e.value.field == "Bundle.entry[0].resource.identifier"
    with pytest.raises(pp.FhirError):
        pp.Journal.from_fhir({"resourceType": "Patient"})
    with pytest.raises(pp.UnknownValueError):
        demo().to_fhir("batch")  # type: ignore[arg-type]
