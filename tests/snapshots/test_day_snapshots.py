"""The day screen as the room sees it: idle before the day, and a meeting ten minutes over."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select

from coordinator.store import timing
from coordinator.store.models import Case
from tests.conftest import TEST_DAY


def at(hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return datetime(TEST_DAY.year, TEST_DAY.month, TEST_DAY.day, int(hours), int(minutes))


def first_case_overruns(store, clock) -> None:
    """Case 1 started on time at 08:30 and its meeting at 08:45; the app opens at 09:40."""
    with store.session() as session:
        first = session.exec(select(Case).order_by(col(Case.position))).first()
    clock.set(at("08:30"))
    timing.start_pre_meeting(store, first.id)
    clock.set(at("08:45"))
    timing.start_meeting(store, first.id)


async def settled(pilot) -> None:
    """The day is read (in a worker) and drawn before the picture is taken."""
    from tests.ui.test_day_screen import settle

    await settle(pilot)


def test_day_idle_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=settled)


def test_day_idle_160x45(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(), terminal_size=(160, 45), run_before=settled)


def test_day_overrun_80x24(snap_compare, demo_app) -> None:
    app = demo_app(now=at("09:40"), setup=first_case_overruns)
    assert snap_compare(app, terminal_size=(80, 24), run_before=settled)


def test_day_overrun_160x45(snap_compare, demo_app) -> None:
    app = demo_app(now=at("09:40"), setup=first_case_overruns)
    assert snap_compare(app, terminal_size=(160, 45), run_before=settled)


def test_create_day_dialog(snap_compare, demo_app) -> None:
    assert snap_compare(
        demo_app(), press=["escape", "n"], terminal_size=(100, 36), run_before=settled
    )


def test_day_glance_while_the_database_opens_80x24(snap_compare, tmp_path) -> None:
    """Today's agenda read with sqlite3 alone, before the store is open (issue 19): the day
    screen's look, the readiness column still empty, "loading…" at the top right."""
    import time

    from coordinator.app import CoordinatorApp
    from coordinator.demo import create_demo
    from coordinator.domain.clock import FixedClock
    from coordinator.screens.day_agenda import AgendaTable
    from coordinator.store.database import Store
    from coordinator.store.day_glance import first_look
    from coordinator.store.errors import CannotOpen
    from tests.conftest import TEST_NOW

    path = tmp_path / "glance.db"
    clock = FixedClock(TEST_NOW)
    store = Store.open(str(path), clock=clock, actor="test")
    create_demo(store)
    store.close()

    def opener():  # noqa: ANN202 - never opens: the picture is of the glance alone
        while app.is_running:
            time.sleep(0.02)
        raise CannotOpen("the picture is taken")

    app = CoordinatorApp(
        opener=opener,
        clock=clock,
        language="da",
        glance=lambda wanted, today: first_look(str(path), wanted, today),
    )

    async def glanced(pilot) -> None:  # noqa: ANN001 - a Pilot
        for _ in range(400):
            if app.screen.query(AgendaTable) and app.screen.model is not None:
                break
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=glanced)
