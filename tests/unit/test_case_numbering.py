"""The agenda's numbers after a delete (defect 5 of the last session): the coordinator reads
"#" as "the 3rd citizen today", so the cases after a deleted one close up (1, 2, 3, 4, not
1, 2, 4, 5) in the store itself; every reader of the number (the agenda, `day show`, the
exported agenda and the invitations) agrees with it, and undo puts the case back at its number
with the others moved up again, in the order they had. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.export.context import agenda_context
from coordinator.store.case_edits import delete_case
from coordinator.store.day_edits import undo_delete
from coordinator.store.day_model import day_model
from tests.ui.test_day_screen import case_ids

pytestmark = pytest.mark.both_engines


def _numbers(store) -> list[tuple[int, int]]:
    return [(c.position, c.id) for c in day_model(store, 1).cases]


def test_a_delete_closes_up_the_numbers_and_undo_opens_them_again(demo_store, db_url, clock):
    store = demo_store
    ids = case_ids(store)
    assert _numbers(store) == list(zip(range(1, 6), ids, strict=True))
    tombstone = delete_case(store, ids[2])
    rest = [ids[0], ids[1], ids[3], ids[4]]
    assert _numbers(store) == list(zip(range(1, 5), rest, strict=True))

    shown = json.loads(
        CliRunner()
        .invoke(
            app,
            ["--db", db_url, "--lang", "en", "day", "show", "1", "--json"],
            obj=SimpleNamespace(clock=clock),
        )
        .stdout
    )
    assert [(c["position"], c["id"]) for c in shown["cases"]] == _numbers(store)
    agenda = agenda_context(store, 1, "da")
    assert [(c["position"], c["id"]) for c in agenda["cases"]] == _numbers(store)

    undo_delete(store, tombstone)
    assert _numbers(store) == list(zip(range(1, 6), ids, strict=True))


def test_a_case_added_after_a_delete_is_numbered_next(demo_store) -> None:
    from coordinator.store.cases import CaseInput, add_case

    store = demo_store
    ids = case_ids(store)
    delete_case(store, ids[0])
    added = add_case(store, CaseInput(day_id=1, citizen="Ny Borger"))
    assert [n for n, _ in _numbers(store)] == [1, 2, 3, 4, 5]
    assert _numbers(store)[-1] == (5, added.id)
