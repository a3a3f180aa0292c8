"""Reading the day's settings from the command line, shared by `day create`, `day plan` and
`day edit` (one reader, so the three agree on every option)."""

from __future__ import annotations

from datetime import date, time

from coordinator.cli import UserError
from coordinator.domain.breaks import BreakPolicy
from coordinator.domain.clock_entry import read_break, read_clock_time, read_minutes
from coordinator.i18n import _


def read_policy(text: str) -> BreakPolicy:
    try:
        return BreakPolicy(text.strip().lower())
    except ValueError:
        raise UserError(
            _("{text!r} is not a break policy; choose fixed or floating.").format(text=text)
        ) from None


def read_breaks_with_latest(
    breaks: list[str], latest: list[str]
) -> tuple[tuple[time, time, time | None], ...]:
    """`--break` values with their `--break-latest`, paired in the order given."""
    if len(latest) > len(breaks):
        raise UserError(_("There are more --break-latest than --break options."))
    read = [read_break(b) for b in breaks]
    lates: list[time | None] = [read_clock_time(t) for t in latest]
    lates += [None] * (len(read) - len(lates))
    return tuple((s, e, late) for (s, e), late in zip(read, lates, strict=True))


def day_input(  # noqa: PLR0913 - the options of `day create`
    when: date,
    start: str,
    pre_minutes: int,
    meeting_minutes: int,
    breaks: list[str],
    latest: list[str],
    policy: str,
    location: str,
    coordinator: str | None,
):  # noqa: ANN201 - DayInput, imported lazily
    from coordinator.store.days import DayInput

    with_latest = read_breaks_with_latest(breaks, latest)
    return DayInput(
        date=when,
        start=read_clock_time(start),
        pre_minutes=read_minutes(pre_minutes, "--pre-minutes"),
        meeting_minutes=read_minutes(meeting_minutes, "--meeting-minutes"),
        breaks=tuple((s, e) for s, e, _late in with_latest),
        latest_starts=tuple(late for _s, _e, late in with_latest),
        break_policy=read_policy(policy),
        location=location,
        coordinator=coordinator,
    )
