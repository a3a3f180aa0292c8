"""Viewing never writes (issue 20, item 9): looking at a case that has no preparation yet
stores nothing; the form is stored on its first write. On both engines, every statement is
watched while the screens' and the CLI's reads run: none of them changes the database.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.store import preparation
from coordinator.store.day_model import day_model, day_summaries
from coordinator.store.models import MaterialItem, Preparation
from coordinator.store.readiness import case_readiness, day_readiness
from tests.statements import WRITE, statements

pytestmark = pytest.mark.both_engines


def _new_case(db_url: str, clock) -> int:  # noqa: ANN001
    from types import SimpleNamespace

    result = CliRunner().invoke(
        app,
        ["--db", db_url, "--lang", "en", "case", "add", "2026-12-03", "--citizen", "Ny Borger"],
        obj=SimpleNamespace(clock=clock),
    )
    assert result.exit_code == 0, result.output
    return int(re.search(r"\b(\d+)\b", result.output.split("case", 1)[-1]).group(1))  # type: ignore[union-attr]


def _count(store, model) -> int:  # noqa: ANN001
    with store.session() as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_looking_at_a_case_without_preparation_stores_nothing(demo_store, db_url, clock) -> None:
    case_id = _new_case(db_url, clock)
    forms, items = _count(demo_store, Preparation), _count(demo_store, MaterialItem)
    day_id = day_summaries(demo_store)[0].id
    with statements(demo_store, only=WRITE) as seen:
        view = preparation.read_preparation(demo_store, case_id)
        checklist = preparation.materials(demo_store, case_id)
        preparation.material_views(demo_store, case_id)
        assert not preparation.is_complete(demo_store, case_id)
        case_readiness(demo_store, case_id)
        day_readiness(demo_store, day_id)
        day_model(demo_store, day_id)
    assert seen == []
    assert _count(demo_store, Preparation) == forms and _count(demo_store, MaterialItem) == items
    assert all(value in ("", None) for value in view.values.values())
    assert checklist and not any(item.ready for item in checklist)


def test_the_form_is_stored_on_its_first_write(demo_store, db_url, clock) -> None:
    case_id = _new_case(db_url, clock)
    forms, items = _count(demo_store, Preparation), _count(demo_store, MaterialItem)
    base = preparation.read_preparation(demo_store, case_id).base()
    preparation.save_fields(demo_store, case_id, {"main_problem": "Angst"}, base)
    assert _count(demo_store, Preparation) == forms + 1
    assert _count(demo_store, MaterialItem) > items, "the standard checklist comes with it"
    assert preparation.read_preparation(demo_store, case_id).values["main_problem"] == "Angst"
