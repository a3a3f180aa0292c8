"""When the meeting material must have gone out: a pure rule of the calendar.

The participants must have the material before the meeting (STEP-UP.md, preparation point 5):
here, two working days (Monday to Friday) before the step-up day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

#: Working days before the step-up day by which the material must have gone out.
LEAD_WORKING_DAYS = 2


def send_deadline(day: date, working_days: int = LEAD_WORKING_DAYS) -> date:
    """The last day the material may go out: `working_days` working days (Monday to Friday)
    before the step-up day. A Monday's material goes out on the Thursday before."""
    current = day
    left = working_days
    while left:
        current -= timedelta(days=1)
        if current.weekday() < 5:
            left -= 1
    return current


def material_late(day: date, sent: datetime | None, today: date) -> bool:
    """The material has not gone out and the deadline (`send_deadline`) has come: the
    coordinator must send it now. Once the day has passed it no longer matters."""
    return sent is None and send_deadline(day) <= today <= day
