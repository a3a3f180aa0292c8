"""One professional's task list as a calendar (ICS): each open item they answer for, as an
all-day entry on its due date with a reminder the morning before, so a nurse or a family
counsellor sees what they promised across every citizen ("precise, timely, frequent").

The citizen is named by initials only (a calendar is shared more widely than the case), and
UIDs are stable (`<installation>-task-<id>@stepup-coordinator`): importing a later export
updates the entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event

from coordinator.domain.followup import PROGRESS_LABELS
from coordinator.domain.vocab import ITEM_KIND_LABELS
from coordinator.export.environment import clean_text
from coordinator.export.ics import DOMAIN, _calendar
from coordinator.export.ics import REMINDER as REMINDER_BEFORE
from coordinator.i18n import N_, translate
from coordinator.store.followup import FollowupItem

TITLE = N_("Tasks of {person}")
SUMMARY = N_("Step-up, case {case} ({citizen}): {text}")
DUE_TOMORROW = N_("Due tomorrow: {text}")


def tasks_ics(
    items: Iterable[FollowupItem], person: str, now: datetime, language: str, installation: str
) -> bytes:
    """The calendar of `person`'s items (already chosen by the caller); undated items have no
    day to sit on and are left out. `installation` (the database's id) keeps the UIDs apart
    from another database's items with the same id."""
    calendar: Calendar = _calendar(
        translate(TITLE, language).format(person=person), language, "PUBLISH"
    )
    stamp = now.replace(microsecond=0)
    for item in items:
        if item.due is None or item.closed:
            continue
        text = clean_text(item.text)
        event = Event()
        event.add("uid", f"{installation}-task-{item.id}@{DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.due)
        event.add("dtend", item.due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
        event.add(
            "summary",
            translate(SUMMARY, language).format(
                case=item.case_id, citizen=item.citizen_initials, text=text
            ),
        )
        event.add(
            "description",
            "\n".join(
                (
                    translate(ITEM_KIND_LABELS[item.kind], language),
                    translate(PROGRESS_LABELS[item.status], language),
                    clean_text(item.last_note),
                )
            ).strip(),
        )
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", translate(DUE_TOMORROW, language).format(text=text))
        alarm.add("trigger", REMINDER_BEFORE)  # 09:00 the day before an all-day entry
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
