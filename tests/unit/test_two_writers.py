"""Two laptops, one row: every write checks the version it read, in the same statement, so no
update is ever lost, on SQLite and on the real PostgreSQL.

Each writer reads, waits for the other to have read the same version (a barrier makes the race
certain rather than likely), then writes. One of them wins; the other is told `Conflict`,
reads again and redoes its change. After 2 x 50 changes the count is exactly 100 more.
"""

from __future__ import annotations

import threading

import pytest
from sqlmodel import select

from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from coordinator.store.errors import Conflict, Unavailable
from coordinator.store.models import Case, RosterEntry, StepUpDay
from tests.conftest import TEST_DAY

pytestmark = pytest.mark.both_engines

ROUNDS = 50


def test_two_writers_lose_no_update(store, db_url, clock) -> None:
    day_id = create_day(store, DayInput(date=TEST_DAY)).id
    with store.session() as session:
        before = session.get(StepUpDay, day_id).meeting_minutes
    barrier = threading.Barrier(2, timeout=30)
    conflicts = [0, 0]
    failures: list[BaseException] = []

    def writer(number: int) -> None:
        laptop = Store.open(db_url, clock=clock, actor=f"laptop-{number}")
        try:
            for _round in range(ROUNDS):
                first = True
                while True:
                    try:
                        with laptop.session() as session:
                            day = session.get(StepUpDay, day_id)
                            assert day is not None
                            minutes = day.meeting_minutes
                            if first:
                                barrier.wait()  # both have read the same version now
                                first = False
                            day.meeting_minutes = minutes + 1
                        break
                    except (Conflict, Unavailable):
                        conflicts[number] += 1
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            failures.append(exc)
            barrier.abort()
        finally:
            laptop.close()

    threads = [threading.Thread(target=writer, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not failures, failures
    with store.session() as session:
        day = session.get(StepUpDay, day_id)
        assert day.meeting_minutes == before + 2 * ROUNDS, "an update was lost"
        assert day.row_version == 1 + 2 * ROUNDS
    assert sum(conflicts) >= ROUNDS, "every round both read the same version: one must retry"


def test_a_stale_write_through_the_store_is_a_conflict(demo_store, db_url, clock) -> None:
    """A write from an object read before someone else's change is refused, not applied."""
    other = Store.open(db_url, clock=clock, actor="laptop-2")
    with demo_store.session() as session:
        entry = session.exec(select(RosterEntry)).first()
        entry_id, case_id = entry.id, entry.case_id
        case_version = session.get(Case, case_id).row_version
    with other.session() as session:
        fresh = session.get(RosterEntry, entry_id)
        fresh.attendance = "declined"
    entry.attendance = "confirmed"
    with pytest.raises(Conflict), demo_store.session() as session:
        session.add(entry)
    with other.session() as session:
        assert session.get(RosterEntry, entry_id).attendance == "declined"
        assert session.get(Case, case_id).row_version == case_version
    other.close()
