"""The agreement screen in the meeting: the drafted health agreement of the demo with the
meeting clock running, and the read-back view the citizen follows on the projector (F2)."""

from __future__ import annotations

from coordinator.screens.agreement import AgreementScreen
from tests.snapshots.test_day_snapshots import at, first_case_overruns
from tests.workers import workers_done

#: The demo's first case has an agreement drafted (the health example of STEP-UP.md).
DRAFTED_CASE = 1


async def open_agreement(pilot) -> None:
    await pilot.pause()
    await pilot.app.push_screen(AgreementScreen(DRAFTED_CASE))
    for _round in range(3):  # the form is read by a worker
        await workers_done(pilot.app)
        await pilot.pause()


async def open_readback(pilot) -> None:
    await open_agreement(pilot)
    await pilot.press("f2")
    await pilot.pause()


def mid_meeting(demo_app):
    """09:20: the meeting of the first case started at 08:45, 10 minutes are left."""
    return demo_app(now=at("09:20"), setup=first_case_overruns)


def test_agreement_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(mid_meeting(demo_app), terminal_size=(80, 24), run_before=open_agreement)


def test_agreement_160x45(snap_compare, demo_app) -> None:
    assert snap_compare(mid_meeting(demo_app), terminal_size=(160, 45), run_before=open_agreement)


def test_readback_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(mid_meeting(demo_app), terminal_size=(80, 24), run_before=open_readback)


def test_readback_160x45(snap_compare, demo_app) -> None:
    assert snap_compare(mid_meeting(demo_app), terminal_size=(160, 45), run_before=open_readback)
