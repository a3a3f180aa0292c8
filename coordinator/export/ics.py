"""Calendar files (RFC 5545, through `icalendar`): the day's invitations and the citizen's
follow-up deadlines.

Times are local Danish time (Europe/Copenhagen) with a VTIMEZONE in the file. UIDs are stable
(`case-<id>-meeting@stepup-coordinator`), so importing a re-export updates the calendar entries
instead of doubling them; SEQUENCE grows with the export time so the newer copy wins.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from coordinator.export.context import Context
from coordinator.export.environment import clean_text
from coordinator.i18n import N_, translate

#: The word for a case in file names and calendar titles.
CASE_WORD = N_("case")
TIMEZONE = ZoneInfo("Europe/Copenhagen")
DOMAIN = "stepup-coordinator"
#: SEQUENCE counts minutes since this moment: later exports carry a higher sequence.
_SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def _calendar(name: str, language: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{DOMAIN}//export//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", clean_text(name))
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    return calendar


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=TIMEZONE)


def _stamp(now: datetime) -> tuple[datetime, int]:
    stamp = _local(now).astimezone(UTC)
    return stamp, max(0, int((stamp - _SEQUENCE_EPOCH).total_seconds() // 60))


def _attendee(person: Context, role: str = "REQ-PARTICIPANT") -> vCalAddress | None:
    email = clean_text(person.get("email", "")).strip()
    if not email or "@" not in email:
        return None
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(clean_text(person["name"]))
    address.params["role"] = vText(role)
    address.params["partstat"] = vText("NEEDS-ACTION")
    return address


def invitations_ics(context: Context, now: datetime, person: str | None = None) -> bytes:
    """One event per part of each case (pre-meeting, meeting) of an agenda context
    (`export.context.agenda_context`); with `person`, only the parts that person attends."""
    language = context["language"]

    def t(message: str) -> str:
        return translate(message, language)

    day = context["day"]
    calendar = _calendar(f"{context['document']['title']} {day['date']}", language)
    stamp, sequence = _stamp(now)
    coordinator = day["coordinator"]
    wanted = person.casefold().strip() if person else None
    parts = (("pre_meeting", t(N_("Pre-meeting"))), ("meeting", t(N_("Step-up meeting"))))
    for case in context["cases"]:
        for part, label in parts:
            slot = case[part]
            people = slot["participants"]
            if wanted and not any(p["name"].casefold() == wanted for p in people):
                continue
            event = Event()
            event.add("uid", _uid(case["id"], part))
            event.add("dtstamp", stamp)
            event.add("sequence", sequence)
            event.add("dtstart", _local(slot["start_at"]))
            event.add("dtend", _local(slot["end_at"]))
            event.add("summary", f"{label}: {t(CASE_WORD)} {case['position']} ({case['citizen']})")
            if day["location"]:
                event.add("location", clean_text(day["location"]))
            names = ", ".join(f"{p['name']} ({p['profession']})" for p in people)
            description = f"{t(N_('Participants'))}: {names}" if names else ""
            if part == "meeting":
                description += "\n" + t(N_("The citizen takes part in the meeting."))
            else:
                description += "\n" + t(N_("Professionals only, before the citizen joins."))
            event.add("description", clean_text(description.strip()))
            organizer = _attendee(coordinator, "CHAIR")
            if organizer is not None:
                organizer.params.pop("partstat", None)
                organizer.params.pop("role", None)
                event.add("organizer", organizer)
            for participant in people:
                address = _attendee(participant)
                if address is not None:
                    event.add("attendee", address, encode=0)
            event.add("status", "CONFIRMED")
            calendar.add_component(event)
    if not wanted:
        for case in context.get("cancelled_cases", []):
            for part, label in parts:
                calendar.add_component(_cancelled_event(case, part, label, stamp, sequence, t))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _cancelled_event(
    case: Context, part: str, label: str, stamp: datetime, sequence: int, t: Callable[[str], str]
) -> Event:
    """The event of a part that will not be held (cancelled case, absent citizen), under the
    same UID as its invitation: importing the file again cancels the calendar entry."""
    event = Event()
    event.add("uid", _uid(case["id"], part))
    event.add("dtstamp", stamp)
    event.add("sequence", sequence)
    event.add("dtstart", _local(case[part]["start_at"]))
    event.add("dtend", _local(case[part]["end_at"]))
    summary = f"{label}: {t(CASE_WORD)} {case['position']} ({case['citizen']})"
    event.add("summary", t(N_("Cancelled: {what}")).format(what=summary))
    event.add("status", "CANCELLED")
    return event


def _uid(case_id: int, part: str) -> str:
    """Stable per case part, so exporting again updates the entry instead of doubling it."""
    return f"case-{case_id}-{part.replace('_', '-')}@{DOMAIN}"


def followups_ics(context: Context, now: datetime) -> bytes:
    """All-day deadlines of the agreement items the citizen is responsible for, each with a
    reminder the day before (an agreement context, `export.context.agreement_context`)."""
    language = context["language"]

    def t(message: str) -> str:
        return translate(message, language)

    case_id = context["case"]["id"]
    calendar = _calendar(t(N_("My agreement")), language)
    stamp, sequence = _stamp(now)
    for section in context["sections"]:
        for item in section["items"]:
            if not item["responsible_is_citizen"] or not item["due"]:
                continue
            due = date.fromisoformat(item["due"])
            event = Event()
            event.add("uid", f"case-{case_id}-item-{section['kind']}-{item['position']}@{DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("sequence", sequence)
            event.add("dtstart", due)
            event.add("dtend", due + timedelta(days=1))
            event.add("summary", clean_text(f"{section['label']}: {item['text']}")[:200])
            event.add("description", clean_text(item["text"]))
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", clean_text(item["text"])[:200])
            alarm.add("trigger", timedelta(days=-1))
            event.add_component(alarm)
            calendar.add_component(event)
    return calendar.to_ical()
