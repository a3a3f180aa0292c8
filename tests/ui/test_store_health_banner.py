"""The app says that its database is read-only or damaged, in a notice that stays and in the
title, and keeps running (issue 20, items 8 and 9): never a traceback, never a crash."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from coordinator.app import CoordinatorApp
from coordinator.demo import create_demo
from coordinator.store import engine as engine_module
from coordinator.store.database import Store
from tests.ui.test_day_screen import settle
from tests.workers import workers_done


def _demo_file(path: Path, clock) -> Path:  # noqa: ANN001
    store = Store.open(str(path), clock=clock, actor="test")
    create_demo(store)
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


def _notices(app: CoordinatorApp) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def test_a_read_only_database_is_said_and_can_be_looked_at(
    tmp_path: Path, clock, monkeypatch
) -> None:
    path = _demo_file(tmp_path / "coordinator.db", clock)
    monkeypatch.setattr(engine_module, "cannot_write", lambda _path: True)
    store = Store.open(str(path), clock=clock, actor="test")
    app = CoordinatorApp(store=store, clock=clock, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await workers_done(app)
        assert "READ-ONLY" in app.title
        assert any("open read-only" in notice for notice in _notices(app))
        from coordinator.screens.day import DayScreen

        assert isinstance(app.screen, DayScreen), "today's day opens to be looked at"
        await pilot.press("space")  # a write: refused in one line, the app goes on
        await settle(pilot)
        await workers_done(app)
        assert app.is_running
    store.close()


async def test_a_damaged_database_is_said_and_the_app_stays_up(tmp_path: Path, clock) -> None:
    path = _demo_file(tmp_path / "coordinator.db", clock)
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'rosterentry'"
        ).fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))
    store = Store.open(str(path), clock=clock, actor="test")
    app = CoordinatorApp(store=store, clock=clock, language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await workers_done(app)
        await settle(pilot)
        assert "DAMAGED" in app.title
        notices = _notices(app)
        assert any("is damaged" in n and "restore from a backup" in n for n in notices), notices
        assert app.is_running
    store.close()
