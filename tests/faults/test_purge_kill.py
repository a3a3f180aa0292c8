"""A purge killed with SIGKILL leaves every citizen wholly erased or wholly untouched."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from coordinator.store.database import Store
from coordinator.store.personal_data import PERSONAL
from tests.conftest import TEST_DAY, TEST_NOW
from tests.killing import kill_9, reopened_after_kill
from tests.privacy_data import add_testesen

CITIZENS = 8
#: The child runs the purge a year and more later, pausing inside each citizen's transaction
#: (after each table) so the kill can land in the middle of one.
CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime
    from coordinator.domain.clock import FixedClock
    from coordinator.store import erasure, retention
    from coordinator.store.database import Store

    original = erasure._apply_rule

    def slow(session, rule, citizen_id):
        count = original(session, rule, citizen_id)
        session.flush()
        time.sleep(0.02)
        return count

    erasure._apply_rule = slow
    store = Store.open(sys.argv[1], clock=FixedClock(datetime.fromisoformat(sys.argv[2])))
    retention.purge(store, 12, on_erased=lambda cid: print("erased", cid, flush=True))
    print("done", flush=True)
    """
)


def _names(index: int) -> tuple[str, str]:
    return f"Ærø Testesen{index}", f"0101{90 + index % 10:02d}-12{index:02d}"


def _state(store: Store, citizen_id: int, name: str) -> str:
    """'erased' or 'untouched'; anything in between fails the test."""
    with store.engine.connect() as connection:
        erased = connection.execute(
            text("SELECT erased_at FROM citizen WHERE id = :id"), {"id": citizen_id}
        ).scalar_one()
        from coordinator.store.erasure import rows_of, table

        texts = []
        remaining = 0
        for rule in PERSONAL:
            rows = connection.execute(table(rule.table).select().where(rows_of(rule, citizen_id)))
            for row in rows:
                remaining += 1
                texts.extend(str(value) for value in row)
    joined = " ".join(texts)
    if erased is None:
        assert name in joined and "Mor til" in joined, f"citizen {citizen_id} half erased"
        return "untouched"
    assert name not in joined and "Mor til" not in joined, f"citizen {citizen_id} half erased"
    return "erased"


def test_a_killed_purge_erases_each_citizen_wholly_or_not_at_all(tmp_path: Path, clock) -> None:
    path = tmp_path / "purge.db"
    store = Store.open(str(path), clock=clock, actor="test")
    ids = {}
    for index in range(CITIZENS):
        name, cpr = _names(index)
        case_id = add_testesen(store, TEST_DAY, tmp_path, name=name, cpr=cpr)
        with store.engine.connect() as connection:
            ids[name] = connection.execute(
                text('SELECT citizen_id FROM "case" WHERE id = :id'), {"id": case_id}
            ).scalar_one()
    store.close()

    later = (TEST_NOW + timedelta(days=400)).isoformat()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), later],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    assert child.stdout.readline().startswith("erased"), "the purge never started"
    time.sleep(0.09)  # in the middle of the second or third citizen's transaction
    kill_9(child)

    with reopened_after_kill(path, clock) as reopened:
        states = [_state(reopened, citizen_id, name) for name, citizen_id in ids.items()]
    assert "erased" in states and "untouched" in states, states
