"""Conformance vectors through the public Python API.

Runs every ``tests/vectors/**/*.json`` of the repository (the same files the Rust runner
reads) and, when ``PP_VECTORS_DIR`` is set, every ``*.json`` below it. Each op of
``tests/vectors/README.md`` is implemented here with the package's public API only; an
unknown op fails (never skips), and so does a malformed vector.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import pytest

import patient_partner as pp

REPO = Path(__file__).resolve().parents[3]


def vector_files() -> List[Path]:
    files = sorted((REPO / "tests" / "vectors").rglob("*.json"))
    extra = os.environ.get("PP_VECTORS_DIR")
    if extra:
        files += sorted(Path(extra).rglob("*.json"))
    return files


class MalformedVector(Exception):
    """The vector itself is wrong (a missing argument): a failure, never a pass."""


def arg(inp: Dict[str, Any], name: str) -> Any:
    if name not in inp:
        raise MalformedVector(f"input has no field `{name}`")
    return inp[name]


def opt(inp: Dict[str, Any], name: str) -> Any:
    return inp.get(name)


def import_options(inp: Dict[str, Any]) -> Dict[str, Any]:
    """The import options a vector may give: strict, columns, sheet, encoding."""
    return {
        "strict": bool(opt(inp, "strict") or False),
        "columns": opt(inp, "columns"),
        "sheet": opt(inp, "sheet"),
        "encoding": opt(inp, "encoding"),
    }


def import_summary(inp: Dict[str, Any]) -> Any:
    readers = {
        "interview": lambda b, **o: pp.read_interviews(b, **o).summary,
        "referral": lambda b, **o: pp.read_referrals(b, **o).summary,
        "activity": lambda b, **o: pp.read_activities(b, **o).summary,
    }
    summary = dict(readers[arg(inp, "entity")](arg(inp, "text").encode("utf-8"), **import_options(inp)))
    summary.pop("message")  # the Python summary adds the core's one-line text
    summary.pop("has_notes")  # and whether it has something to say
    return summary


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- ops -------------------------------------------------------------------------------


def catalogue(inp: Dict[str, Any]) -> pp.RoleCatalogue:
    doc = opt(inp, "catalogue")
    return pp.RoleCatalogue.builtin() if doc is None else pp.RoleCatalogue.from_json(dumps(doc))


def load_role_catalogue(inp: Dict[str, Any]) -> Any:
    has_doc, has_text = "catalogue" in inp, inp.get("text") is not None
    if has_doc == has_text:
        raise MalformedVector("load_role_catalogue needs exactly one of `catalogue` or `text`")
    text = dumps(inp["catalogue"]) if has_doc else inp["text"]
    cat = pp.RoleCatalogue.from_json(text)
    doc = cat.to_dict()
    return {
        "roles": cat.roles,
        "missions": len(doc["missions"]),
        "participations": len(doc["participations"]),
    }


def referral_history(inp: Dict[str, Any]) -> Any:
    referral = pp.Referral.from_json(dumps(arg(inp, "referral")))
    lifecycle = pp.ReferralLifecycle(referral)
    for transition in arg(inp, "transitions"):
        lifecycle.apply(transition)
    out: Dict[str, Any] = {
        "state": lifecycle.state,
        "consent": lifecycle.consent,
        "last_date": lifecycle.last_date.isoformat(),
        "transitions": len(lifecycle.history),
    }
    if lifecycle.partner is not None:
        out["partner"] = lifecycle.partner
    return out


def ingest_journal_steps(inp: Dict[str, Any]) -> Any:
    journal = pp.Journal()
    results: List[str] = []
    for doc in arg(inp, "documents"):
        try:
            journal.ingest_json(dumps(doc))
            results.append("ok")
        except pp.PatientPartnerError as e:
            results.append(e.kind)
    return {"results": results, "summary": journal.summary()}


def interviews(inp: Dict[str, Any]) -> pp.Interviews:
    return pp.parse_interviews_json(dumps(arg(inp, "interviews")))


def period(inp: Dict[str, Any]) -> List[str]:
    p = arg(inp, "period")
    return [p["start"], p["end"]]


def journal(inp: Dict[str, Any]) -> pp.Journal:
    return pp.Journal.from_dict(arg(inp, "journal"))


def activity_report(inp: Dict[str, Any]) -> Any:
    request = pp.ReportRequest.from_json(dumps(arg(inp, "request")))
    activities = opt(inp, "activities")
    if activities is not None:
        activities = [pp.Activity.from_dict(a) for a in activities]
    return pp.activity_report(interviews(inp), request=request, activities=activities).to_dict()


def publish(inp: Dict[str, Any]) -> Any:
    requests = [pp.ReportRequest.from_json(dumps(r)) for r in arg(inp, "requests")]
    return pp.compute_publication(
        interviews(inp), requests, None, "refuse", opt(inp, "indicators") or []
    ).to_dict()


def policy(inp: Dict[str, Any]) -> pp.Policy:
    doc = opt(inp, "policy")
    return pp.Policy.builtin() if doc is None else pp.Policy.from_json(dumps(doc))


def post(value: Any) -> pp.Post:
    return pp.Post.from_json(dumps(value))


def load_policy(inp: Dict[str, Any]) -> Any:
    has_doc, has_text = "policy" in inp, inp.get("text") is not None
    if has_doc == has_text:
        raise MalformedVector("load_policy needs exactly one of `policy` or `text`")
    loaded = pp.Policy.from_json(dumps(inp["policy"]) if has_doc else inp["text"])
    return {"id": loaded.id, "posts": loaded.posts, "trainings": loaded.trainings}


def evaluate_label(inp: Dict[str, Any]) -> Any:
    checklist = opt(inp, "checklist")
    return policy(inp).evaluate_label(
        pp.EstablishmentData.from_json(dumps(arg(inp, "data"))),
        None if checklist is None else pp.LabelChecklist.from_json(dumps(checklist)),
    )


OPS: Dict[str, Callable[[Dict[str, Any]], Any]] = {
    # Foundation
    "parse_id": lambda i: pp.parse_id(arg(i, "type"), arg(i, "value")),
    "parse_modality": lambda i: pp.parse_modality(arg(i, "value")),
    # Engagement, missions, activities
    "classify_engagement": lambda i: catalogue(i).classify(
        arg(i, "mission"), opt(i, "participation"), opt(i, "role")
    ),
    "role_profile": lambda i: catalogue(i).profile(arg(i, "role")),
    "load_role_catalogue": load_role_catalogue,
    "mission_profile": lambda i: pp.mission_profile(arg(i, "mission")),
    "validate_activity": lambda i: pp.Activity.from_json(dumps(arg(i, "activity"))).to_dict(),
    # Referrals and journal
    "referral_transition": lambda i: pp.referral_transition(
        arg(i, "from"), arg(i, "event"), opt(i, "consent")
    ),
    "referral_history": referral_history,
    "validate_referral": lambda i: pp.Referral.from_json(dumps(arg(i, "referral"))).to_dict(),
    "ingest_journal": lambda i: pp.Journal.from_json(dumps(arg(i, "document"))).summary(),
    "ingest_journal_steps": ingest_journal_steps,
    "import_fhir_bundle": lambda i: pp.Journal.from_fhir(arg(i, "bundle")).to_dict(),
    # Reports and import
    "activity_report": activity_report,
    "publish": publish,
    "import_interviews_csv": lambda i: pp.read_interviews(
        arg(i, "text").encode("utf-8"), **import_options(i)
    ).to_dicts(),
    "import_summary": import_summary,
    "import_interviews_json": lambda i: pp.parse_interviews_json(arg(i, "text")).to_dicts(),
    "import_referrals_csv": lambda i: [
        r.to_dict() for r in pp.read_referrals(arg(i, "text").encode("utf-8"), **import_options(i))
    ],
    "import_referrals_json": lambda i: [
        r.to_dict() for r in pp.parse_referrals_json(arg(i, "text"))
    ],
    "import_activities_csv": lambda i: [
        a.to_dict()
        for a in pp.read_activities(arg(i, "text").encode("utf-8"), **import_options(i))
    ],
    "import_activities_json": lambda i: [
        a.to_dict() for a in pp.parse_activities_json(arg(i, "text"))
    ],
    # Indicators
    "indicator_catalogue": lambda i: pp.indicator_catalogue(),
    "indicator_activity_counts": lambda i: pp.activity_counts(interviews(i), *period(i)),
    "indicator_interviews_per_patient": lambda i: pp.interviews_per_patient(
        interviews(i), *period(i)
    ),
    "indicator_remote_share": lambda i: pp.remote_share(interviews(i), *period(i)),
    "indicator_referral_delay": lambda i: pp.referral_delay(journal(i), *period(i)),
    "indicator_referral_sources": lambda i: pp.referral_sources(journal(i), *period(i)),
    "indicator_orientation_rate": lambda i: pp.orientation_rate(journal(i), *period(i)),
    "indicator_decline_rate": lambda i: pp.decline_rate(journal(i), *period(i)),
    "indicator_extra_clinical_activities": lambda i: pp.extra_clinical_activities(
        [pp.Activity.from_dict(a) for a in arg(i, "activities")], *period(i)
    ),
    # Programme rules
    "evaluate_post": lambda i: policy(i).evaluate_post(post(arg(i, "post"))),
    "cofinancing_split": lambda i: policy(i).cofinancing_split(
        arg(i, "role"), arg(i, "fte_permille"), arg(i, "pay_cents")
    ),
    "contract_calendar": lambda i: policy(i).contract_calendar(post(arg(i, "post"))),
    "evaluate_mandate": lambda i: policy(i).evaluate_mandate(
        pp.Mandate.from_json(dumps(arg(i, "mandate"))), arg(i, "as_of")
    ),
    "programme_indicators": lambda i: policy(i).programme_indicators(
        [post(p) for p in arg(i, "posts")], arg(i, "year")
    ),
    "evaluate_label": evaluate_label,
    "load_policy": load_policy,
}


# --- comparison ------------------------------------------------------------------------


def json_eq(a: Any, b: Any) -> bool:
    """Equality of JSON values: numbers by value (relative tolerance 1e-9), key order free."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_eq(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_eq(a[k], b[k]) for k in a)
    return bool(a == b)


def run_case(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    op = case.get("op")
    assert isinstance(op, str), "no `op` string"
    assert isinstance(case.get("description"), str), "no `description` string"
    assert "input" in case and "expect" in case, "no `input` or `expect`"
    expect = case["expect"]
    assert ("ok" in expect) != ("error" in expect), "`expect` must hold exactly one of ok, error"
    handler = OPS.get(op)
    if handler is None:
        pytest.fail(f"unknown op `{op}` (every op of tests/vectors/README.md must be run)")
    error: Optional[pp.PatientPartnerError] = None
    got: Any = None
    try:
        # Normalise through JSON, as the Rust runner compares serialised values.
        got = json.loads(json.dumps(handler(case["input"])))
    except pp.PatientPartnerError as e:
        error = e
    except MalformedVector as e:
        pytest.fail(f"op `{op}`: malformed vector: {e}")
    if "ok" in expect:
        if error is not None:
            pytest.fail(f"op `{op}`: expected ok, got error [{error.kind}] {error}")
        assert json_eq(expect["ok"], got), (
            f"op `{op}`: expected\n{json.dumps(expect['ok'], indent=1)}\n"
            f"got\n{json.dumps(got, indent=1)}"
        )
    else:
        want = expect["error"]
        if error is None:
            pytest.fail(f"op `{op}`: expected error {want}, got ok {got}")
        assert error.kind == want["kind"], f"expected kind {want['kind']}, got {error.kind}: {error}"
        for key in ("entity", "field", "line", "column"):
            if key in want:
                assert getattr(error, key) == want[key], (
                    f"error `{error.kind}`: expected {key} = {want[key]!r}, "
                    f"got {getattr(error, key)!r}"
                )


FILES = vector_files()


def test_there_are_vectors() -> None:
    assert len(FILES) > 100, f"only {len(FILES)} vector files found under {REPO}/tests/vectors"


@pytest.mark.filterwarnings("ignore::patient_partner.DataImportWarning")
@pytest.mark.parametrize(
    "path", FILES, ids=[str(p.relative_to(p.parents[1])) for p in FILES]
)
def test_vector(path: Path) -> None:
    run_case(path)
