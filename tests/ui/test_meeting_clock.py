"""The meeting clock is fed by its host, reads in a worker thread and knows nothing of the
store."""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from textual.app import App, ComposeResult

from coordinator.domain.clock import FixedClock
from coordinator.domain.schedule import Interval, RunningPhase
from coordinator.widgets.meeting_clock import MeetingClock
from tests.conftest import TEST_NOW
from tests.workers import workers_done


@dataclass(frozen=True)
class Feed:
    phase: RunningPhase | None
    meeting: Interval | None


class Host(App[None]):
    def __init__(self, read) -> None:  # noqa: ANN001
        super().__init__()
        self.clock = FixedClock(TEST_NOW)
        self.read = read

    def compose(self) -> ComposeResult:
        yield MeetingClock(self.read, id="clock")


async def test_the_clock_reads_off_the_event_loop_and_counts_down() -> None:
    start = TEST_NOW
    meeting = Interval(start, start + timedelta(minutes=45))
    phase = RunningPhase(
        case_id=1,
        phase="meeting",
        started=start,
        planned_end=meeting.end,
        remaining=meeting.end - start,
    )
    threads: list[int] = []
    reads: list[datetime] = []

    def read(now: datetime) -> Feed:
        threads.append(threading.get_ident())
        reads.append(now)
        return Feed(phase, meeting)

    app = Host(read)
    async with app.run_test() as pilot:
        await workers_done(app)
        await pilot.pause()
        clock = app.query_one(MeetingClock)
        assert str(clock.render()) == "Møde: 45:00 tilbage"
        assert threads and threading.get_ident() not in threads
        app.clock.advance(minutes=46)
        clock.tick()
        assert str(clock.render()) == "Møde: +01:00 over tid"
        assert clock.has_class("-overrun")
        assert len(reads) == 1, "no read between the slow polls"


async def test_a_failing_read_keeps_what_is_shown() -> None:
    def read(now: datetime) -> Feed:
        raise RuntimeError("database is locked")

    app = Host(read)
    async with app.run_test() as pilot:
        await workers_done(app)
        await pilot.pause()
        assert str(app.query_one(MeetingClock).render()) == ""


def test_the_widgets_do_not_import_the_store() -> None:
    code = (
        "import sys, coordinator.widgets.meeting_clock, coordinator.widgets.timer;"
        "print([m for m in sys.modules if m.startswith('coordinator.store')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
