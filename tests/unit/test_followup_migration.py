"""0005: items copied before item lineage existed are linked to the item they came from."""

from __future__ import annotations

from datetime import timedelta

from alembic import command
from sqlmodel import col, select

from coordinator.demo import create_demo
from coordinator.store import agreements, second_conversation
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day
from coordinator.store.migrate import _config, current_revision, head_revision, upgrade
from coordinator.store.models import AgreementItem


def _lineages(store: Store) -> dict[int, int | None]:
    with store.session() as session:
        rows = session.exec(select(AgreementItem).order_by(col(AgreementItem.id)))
        return {row.id: row.lineage_id for row in rows}


def test_down_and_up_again_restores_the_items_lineage(tmp_path, clock) -> None:
    store = Store.open(str(tmp_path / "x.db"), clock=clock, actor="test")
    try:
        create_demo(store)
        case = 1
        agreements.finalise(store, case)
        agreements.reopen(store, case)  # version 2: copies of both items
        agreements.update_item(
            store, agreements.items(store, agreements.latest(store, case).id)[0].id, text="Ændret"
        )
        later = create_day(store, DayInput(date=clock.now().date() + timedelta(days=28)))
        second_conversation.schedule_second_conversation(store, case, later.id)  # copies again
        before = _lineages(store)
        assert sum(1 for v in before.values() if v is not None) >= 4
        command.downgrade(_config(store.engine), "0003")
        assert current_revision(store.engine) == "0003"
        upgrade(store.engine)
        assert current_revision(store.engine) == head_revision()
        assert _lineages(store) == before
    finally:
        store.close()
