"""Programme rules from Python: policies as data, every finding, typed errors."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict

import pytest

import patient_partner as pp


def post(**changes: Any) -> Dict[str, Any]:
    base: Dict[str, Any] = {
        "id": "POST-01",
        "establishment": "EST-01",
        "partner": "PP-001",
        "role": "patient_partner",
        "start": dt.date(2021, 9, 1),
        "end": dt.date(2024, 8, 31),
        "fte_permille": 500,
        "gross_annual_pay_cents": 2_400_000,
        "trainings": [{"training": "ars_na_programme_training", "completed_on": "2021-06-30"}],
    }
    base.update(changes)
    return base


def test_builtin_policy_evaluates_posts_with_every_finding() -> None:
    policy = pp.Policy.builtin()
    assert "patient_partner" in policy.posts and policy.trainings
    ok = policy.evaluate_post(pp.Post.from_dict(post()))
    assert (ok["compliance"], ok["findings"]) == ("compliant", [])
    bad = policy.evaluate_post(post(fte_permille=600, trainings=[]))
    assert bad["compliance"] != "compliant"
    assert len(bad["findings"]) >= 2  # every finding, not only the first
    for finding in bad["findings"]:
        assert finding["rule_id"] and finding["message_en"] and finding["message_fr"]
        assert finding["severity"] in ("violation", "warning")


def test_cofinancing_and_calendar() -> None:
    policy = pp.Policy.builtin()
    split = policy.cofinancing_split("patient_partner", 500, 2_400_000)
    assert split == policy.post_split(post())
    calendar = policy.contract_calendar(pp.Post.from_dict(post()))
    assert isinstance(calendar, dict) and calendar


def test_policy_round_trip_and_errors() -> None:
    policy = pp.Policy.builtin()
    again = pp.Policy.from_dict(policy.to_dict())
    assert again.to_dict() == policy.to_dict() and again.id == policy.id
    assert pp.Policy.from_json(policy.to_json(indent=2)).id == policy.id
    with pytest.raises(pp.PolicyError) as info:
        pp.Policy.from_json("{}")
    assert info.value.kind
    with pytest.raises(pp.PolicyError) as neg:
        policy.cofinancing_split("patient_partner", 500, -1)
    assert neg.value.kind == "negative_pay"
    with pytest.raises(pp.PatientPartnerError) as end:
        pp.Post.from_dict(post(end="2020-01-01"))
    assert end.value.kind
    schema = pp.input_schema("report_request")
    assert schema.get("type") == "object" or "properties" in schema
    assert "interview" in pp.input_schema_names()
