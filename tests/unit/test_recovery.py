"""The recovery file (store/recovery.py): kept private, restored through the form's own writer,
and what someone changed since is not overwritten but stays in the file. On both engines."""

from __future__ import annotations

import stat
from datetime import date

import pytest

from coordinator.demo import create_demo
from coordinator.store import agreements, preparation
from coordinator.store.recovery import (
    AGREEMENT,
    PREPARATION,
    FormTyping,
    discard,
    keep,
    kept,
    recovery_path,
    restore,
)

pytestmark = pytest.mark.both_engines


def test_kept_typing_is_private_and_restored(store, clock) -> None:
    create_demo(store)
    words = agreements.latest(store, 1).citizen_words
    typing = [
        FormTyping(
            AGREEMENT,
            1,
            [
                ("citizen_words", words + " Og køre truck.", words, "The citizen's own words"),
                ("goal_date", date(2027, 2, 1), agreements.latest(store, 1).goal_date, "Goal"),
            ],
        )
    ]
    path = keep(store, typing, clock.now())
    assert path == recovery_path(store)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    found = kept(store)
    assert found is not None and found.forms == [
        (AGREEMENT, 1, ["The citizen's own words", "Goal"])
    ]
    result = restore(store)
    assert result.left == [] and result.problems == []
    stored = agreements.latest(store, 1)
    assert stored.citizen_words == words + " Og køre truck."
    assert stored.goal_date == date(2027, 2, 1)
    assert kept(store) is None and not path.exists()


def test_a_field_changed_since_is_not_overwritten_and_stays_in_the_file(store, clock) -> None:
    create_demo(store)
    before = agreements.latest(store, 1)
    typing = [
        FormTyping(
            AGREEMENT,
            1,
            [
                ("job_goal", "Truckfører", before.job_goal, "Job goal"),
                ("notes", "Ring fredag", before.notes, "Notes"),
            ],
        )
    ]
    keep(store, typing, clock.now())
    agreements.set_fields(store, 1, job_goal="Chauffør")  # elsewhere, after the crash
    result = restore(store)
    assert result.written == ["Notes"] and result.left == ["Job goal"]
    stored = agreements.latest(store, 1)
    assert stored.job_goal == "Chauffør" and stored.notes == "Ring fredag"
    found = kept(store)
    assert found is not None and found.forms == [(AGREEMENT, 1, ["Job goal"])]
    discard(store)
    assert kept(store) is None


def test_preparation_typing_is_restored_too(store, clock) -> None:
    create_demo(store)
    view = preparation.read_preparation(store, 1)
    base = view.base()
    typing = [FormTyping(PREPARATION, 1, [("tried", "Praktik i 2024", base["tried"], "Tried")])]
    keep(store, typing, clock.now())
    assert restore(store).written == ["Tried"]
    assert preparation.read_preparation(store, 1).values["tried"] == "Praktik i 2024"
