"""Calendar files (RFC 5545 and the iTIP methods of RFC 5546, through `icalendar`).

- `agenda_ics`: the day as a published agenda (METHOD:PUBLISH): no attendees, so importing
  it sends nobody anything; a cancelled case stays in it as STATUS:CANCELLED.
- `request_ics`: the invitations (METHOD:REQUEST), every attendee asked to answer (RSVP=TRUE),
  for everybody or for one person, whose description then says why they are invited.
- `cancel_ics`: the cancellations (METHOD:CANCEL) of cancelled cases and absent citizens, to
  the same attendees under the same UID with a higher SEQUENCE, so the entry disappears from
  the calendars it was put in. One METHOD per file (RFC 5546), hence a file of its own.
- `followups_ics`: the citizen's own calendar: neutral titles, the detail in the description.

Times are local Danish time (Europe/Copenhagen) with a VTIMEZONE in the file. UIDs carry the
database's installation id and the case and part (`<installation>-case-<id>-<part>@…`), so a
re-export updates the entry and two databases never share a UID. SEQUENCE comes from the
store: it grows when the part's time, place or status changed since the last export, not
with the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from coordinator.export.environment import clean_text
from coordinator.export.invitation_context import (
    PARTS,
    Context,
    attends_text,
    part_label,
    stamp,
)
from coordinator.i18n import N_, translate

#: The word for a case in file names and calendar titles.
CASE_WORD = N_("case")
TIMEZONE = ZoneInfo("Europe/Copenhagen")
DOMAIN = "stepup-coordinator"
#: The reminder of an all-day entry: 15 hours before its midnight is 09:00 the day before.
REMINDER = timedelta(hours=-15)


def _calendar(name: str, language: str, method: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{DOMAIN}//export//{language.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add("x-wr-calname", clean_text(name))
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    return calendar


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=TIMEZONE)


def uid(installation: str, case_id: int, part: str) -> str:
    """Stable per database, case and part: exporting again updates the entry."""
    return f"{installation}-case-{case_id}-{part.replace('_', '-')}@{DOMAIN}"


def _address(name: str, email: str) -> vCalAddress | None:
    email = clean_text(email).strip()
    if not email or "@" not in email or any(c in email for c in " <>\"'"):
        return None
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(clean_text(name))
    return address


def _attendee(person: Context, rsvp: bool) -> vCalAddress | None:
    address = _address(person["name"], person["email"])
    if address is None:
        return None
    address.params["cutype"] = vText("INDIVIDUAL")
    address.params["role"] = vText("REQ-PARTICIPANT")
    address.params["partstat"] = vText("NEEDS-ACTION")
    if rsvp:
        address.params["rsvp"] = vText("TRUE")
    return address


def _matches(person: Context, wanted: str | None) -> bool:
    return wanted is None or person["name"].casefold().strip() == wanted


def _event(ctx: Context, case: Context, part: str, now: datetime) -> Event:
    language = ctx["language"]
    slot = case["parts"][part]
    event = Event()
    event.add("uid", uid(ctx["installation"], case["id"], part))
    event.add("dtstamp", stamp(now))
    event.add("sequence", slot["sequence"])
    event.add("dtstart", _local(slot["start_at"]))
    event.add("dtend", _local(slot["end_at"]))
    summary = (
        f"{part_label(part, language)}: {translate(CASE_WORD, language)} {case['position']} "
        f"({case['citizen']})"
    )
    if case["cancelled"]:
        summary = translate(N_("Cancelled: {what}"), language).format(what=summary)
    event.add("summary", clean_text(summary).translate(_NO_TAGS))
    if ctx["day"]["location"]:
        event.add("location", ctx["day"]["location"])
    coordinator = ctx["day"]["coordinator"]
    organizer = _address(coordinator["name"], coordinator["email"])
    if organizer is not None:
        event.add("organizer", organizer)
    event.add("status", "CANCELLED" if case["cancelled"] else "CONFIRMED")
    return event


#: Some calendars (Google's) read HTML in a description: user text's angle brackets become
#: look-alikes, so "<script>" in a job goal stays text everywhere.
_NO_TAGS = str.maketrans({"<": "‹", ">": "›"})


def _lines(items: Iterable[str]) -> str:
    return clean_text("\n".join(items)).translate(_NO_TAGS).strip()


def _description(ctx: Context, case: Context, part: str, person: Context | None) -> str:
    """Why the meeting, why this person (or who comes and why), which part, what to read."""
    language = ctx["language"]

    def t(message: str) -> str:
        return translate(message, language)

    coordinator = ctx["day"]["coordinator"]
    lines = [
        f"{t(N_('Purpose'))}: {case['purpose']}",
        f"{t(N_('The question of the case'))}: {case['question']}",
        "",
    ]
    if person is not None:
        invited = t(N_("You are invited as {profession}: {why}.")).format(
            profession=person["profession"].lower(), why=person["role_text"]
        )
        if person["authority"]:
            invited += " " + t(
                N_("You can decide on interventions, so they can start right after the meeting.")
            )
        lines += [
            invited,
            t(N_("You take part in {parts}.")).format(
                parts=attends_text(person["part"], case, language)
            ),
        ]
    else:
        lines.append(
            t(N_("The meeting with the citizen."))
            if part == "meeting"
            else t(N_("Professionals only, before the citizen joins."))
        )
    lines += [
        t(N_("Read first: {material}. The material is sent separately.")).format(
            material=", ".join(case["read_first"])
        ),
        "",
        f"{t(N_('Participants'))}:",
    ]
    for other in case["parts"][part]["participants"]:
        line = f"- {other['name']} ({other['profession']})"
        if person is None:
            line += f": {other['role_text']}"
        lines.append(line)
    if part == "meeting" and case["network_count"]:
        lines.append(
            "- " + t(N_("{count} from the citizen's network")).format(count=case["network_count"])
        )
    if coordinator["name"]:
        lead = t(N_("Meeting leader: {name}")).format(name=coordinator["name"])
        if coordinator["phone"]:
            lead += f", {t(N_('phone'))} {coordinator['phone']}"
        lines += ["", lead]
    return _lines(lines)


def _cases(ctx: Context, cancelled: bool | None) -> list[Context]:
    return [c for c in ctx["cases"] if cancelled is None or c["cancelled"] == cancelled]


def agenda_ics(ctx: Context, now: datetime) -> bytes:
    """The day as a published agenda (METHOD:PUBLISH, RFC 5546 §3.2.1): every part of every
    case, an organizer and no attendees; cancelled cases as STATUS:CANCELLED."""
    calendar = _calendar(ctx["title"], ctx["language"], "PUBLISH")
    for case in ctx["cases"]:
        for part in PARTS:
            event = _event(ctx, case, part, now)
            event.add("description", _description(ctx, case, part, None))
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _wanted(person: str | None) -> str | None:
    return person.casefold().strip() if person else None


def _build(
    ctx: Context,
    now: datetime,
    person: str | None,
    method: str,
    fill: Callable[[Event, Context, str, Context | None], None],
) -> bytes | None:
    wanted = _wanted(person)
    calendar = _calendar(ctx["title"], ctx["language"], method)
    found = False
    for case in _cases(ctx, cancelled=method == "CANCEL"):
        for part in PARTS:
            people = case["parts"][part]["participants"]
            me = next((p for p in people if _matches(p, wanted)), None) if wanted else None
            if wanted and me is None:
                continue
            event = _event(ctx, case, part, now)
            fill(event, case, part, me)
            calendar.add_component(event)
            found = True
    if not found:
        return None
    calendar.add_missing_timezones()
    return calendar.to_ical()


def request_ics(ctx: Context, now: datetime, person: str | None = None) -> bytes | None:
    """The invitations (METHOD:REQUEST) of the cases still to be held, each attendee asked to
    answer; with `person`, only the parts that person attends, the description written to
    them. None when there is nothing to invite to."""

    def fill(event: Event, case: Context, part: str, me: Context | None) -> None:
        event.add("description", _description(ctx, case, part, me))
        for participant in case["parts"][part]["participants"]:
            address = _attendee(participant, rsvp=True)
            if address is not None:
                event.add("attendee", address, encode=0)

    return _build(ctx, now, person, "REQUEST", fill)


def cancel_ics(ctx: Context, now: datetime, person: str | None = None) -> bytes | None:
    """The cancellations (METHOD:CANCEL) of cancelled cases and absent citizens, with the
    attendees who were invited; with `person`, only theirs. None when nothing was cancelled."""
    language = ctx["language"]

    def fill(event: Event, case: Context, part: str, me: Context | None) -> None:
        event.add(
            "description",
            translate(N_("The meeting is cancelled. You do not need to come."), language),
        )
        for participant in case["parts"][part]["participants"]:
            address = _attendee(participant, rsvp=False)
            if address is not None:
                event.add("attendee", address, encode=0)

    return _build(ctx, now, person, "CANCEL", fill)


def followups_ics(ctx: Context, now: datetime) -> bytes:
    """The citizen's own calendar (a `followups_context`): an all-day entry for each dated
    item the citizen is responsible for and for the follow-up meeting. Titles are neutral,
    since a phone shows them on its lock screen; the detail is in the description. The
    reminder comes at 09:00 the day before."""
    language = ctx["language"]

    def t(message: str) -> str:
        return translate(message, language)

    calendar = _calendar(t(N_("My agreement")), language, "PUBLISH")
    source = t(N_("From your agreement at the step-up meeting on {date}.")).format(
        date=ctx["meeting_date_text"]
    )
    for entry in ctx["entries"]:
        event = Event()
        event.add("uid", f"{ctx['installation']}-{entry['key']}@{DOMAIN}")
        event.add("dtstamp", stamp(now))
        event.add("sequence", entry["sequence"])
        due: date = entry["date"]
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("summary", entry["title"])
        event.add("description", _lines([entry["detail"], "", source, entry["contact"]]))
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", entry["title"])
        alarm.add("trigger", REMINDER)
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
