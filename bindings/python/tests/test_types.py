"""The Literal aliases are the core's vocabularies (generated; this fails when they drift)."""

from __future__ import annotations

import importlib.util
import typing
from pathlib import Path

import patient_partner as pp
from patient_partner import _vocabularies

REPO = Path(__file__).resolve().parents[3]


def test_every_vocabulary_has_its_literal() -> None:
    for name in pp.vocabulary_names():
        alias = getattr(_vocabularies, name)
        assert typing.get_args(alias) == tuple(w for w, _, _ in pp.vocabulary(name)), name
        assert getattr(pp, name) is alias  # pp.Modality, pp.GroupBy...
    assert sorted(_vocabularies.__all__) == sorted(pp.vocabulary_names())


def test_the_generated_file_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("gen", REPO / "scripts" / "gen_vocabularies.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    source = REPO / "bindings" / "python" / "python" / "patient_partner" / "_vocabularies.py"
    assert source.read_text(encoding="utf-8") == gen.render(), (
        "run: .venv/bin/python scripts/gen_vocabularies.py"
    )


def test_typed_dicts_name_the_fields_the_core_returns() -> None:
    log = pp.parse_interviews_csv("date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\n")
    counts = pp.activity_counts(log)
    assert set(counts) == set(pp.ActivityCountsDict.__annotations__)
    assert set(pp.remote_share(log)) == set(pp.RatioDict.__annotations__)


def test_every_type_is_re_exported_for_type_checkers() -> None:
    import re

    from patient_partner import _types

    source = (REPO / "bindings" / "python" / "python" / "patient_partner" / "__init__.py").read_text(
        encoding="utf-8"
    )
    reexported = set(re.findall(r"from \._types import (\w+) as \1\n", source))
    assert reexported == set(_types.__all__) - set(_vocabularies.__all__)
    assert "from ._vocabularies import *" in source
    for name in _types.__all__:
        assert getattr(pp, name) is getattr(_types, name)


def test_an_editor_catches_a_misspelt_value_and_a_wrong_result_type(tmp_path: Path) -> None:
    from mypy import api

    script = tmp_path / "user_code.py"
    script.write_text(
        "import patient_partner as pp\n"
        "log = pp.Interviews()\n"
        "ok: pp.ActivityCountsDict = pp.activity_counts(log)\n"
        "rows: list[pp.GroupedRatioDict] = pp.remote_share(log, by='partner')\n"
        "wrong: pp.RatioDict = pp.remote_share(log, by='partner')\n"
        "fax: pp.Modality = 'fax'\n"
        "state: pp.ReferralState = 'canceled'\n",
        encoding="utf-8",
    )
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir=/dev/null", str(script)])
    assert status == 1
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert [e.split(":")[1] for e in errors] == ["5", "6", "7"], out
