"""Calendar files as Outlook, Google and a phone read them: every file parsed by two parsers
(icalendar and vobject); UIDs, METHODs, SEQUENCE, attendees and what the text may not say."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar
from typer.testing import CliRunner

from coordinator.demo import create_demo
from coordinator.domain.vocab import ItemKind
from coordinator.export.calendar_jobs import day_agenda_ics, export_followups, export_invitations
from coordinator.export.followups_context import followups_context
from coordinator.export.ics import cancel_ics, followups_ics, request_ics
from coordinator.export.invitation_context import invitations_context
from coordinator.store import agreements, preparation, timing
from coordinator.store.database import Store
from coordinator.store.models import Citizen, StepUpDay
from coordinator.store.settings import installation_id

pytestmark = pytest.mark.both_engines

DAY = "2026-12-03"
FULL_NAME = "Ærø Ødegård-Hansen"
CPR = "010180-1234"
HEALTH = "Angst og tarmsygdom i medicinsk behandling"
FAMILY = "Voldeligt ægteskab; sønnen sendes hjem"
PROBLEM = "Ærø låser helt når praktikken nærmer sig"


def parse(data: bytes) -> list:
    """The events as both parsers see them; they must agree on UIDs and count."""
    events = Calendar.from_ical(data).walk("VEVENT")
    other = vobject.readOne(data.decode("utf-8"))
    assert sorted(str(e["uid"]) for e in events) == sorted(
        v.uid.value for v in other.vevent_list
    ), "the two parsers read different events"
    assert str(Calendar.from_ical(data)["method"]) == other.method.value
    return events


def method(data: bytes) -> str:
    return str(Calendar.from_ical(data)["method"])


@pytest.fixture
def hostile(demo_store):
    """Case 1 belongs to a citizen with a full name, CPR and health and family text."""
    with demo_store.session() as session:
        citizen = session.get(Citizen, 1)
        citizen.name, citizen.cpr = FULL_NAME, CPR
        session.add(citizen)
    preparation.update_preparation(
        demo_store,
        1,
        health=HEALTH,
        family_situation=FAMILY,
        main_problem=PROBLEM,
        job_goal="Lagermedarbejder <script>alert(1)</script> [bold]x[/bold] 🚚",
    )
    return demo_store


def test_uids_differ_between_databases_and_stay_within_one(demo_store, tmp_path, clock) -> None:
    other = Store.open(str(tmp_path / "other.db"), clock=clock)
    create_demo(other)
    mine = {str(e["uid"]) for e in parse(day_agenda_ics(demo_store, DAY, "da"))}
    again = {str(e["uid"]) for e in parse(day_agenda_ics(demo_store, DAY, "da"))}
    theirs = {str(e["uid"]) for e in parse(day_agenda_ics(other, DAY, "da"))}
    assert mine == again and len(mine) == 10
    assert not mine & theirs, "two databases must never share a UID"
    assert installation_id(demo_store) == installation_id(demo_store) != installation_id(other)
    assert all(u.startswith(installation_id(demo_store)) for u in mine)
    other.close()


def test_published_agenda_has_an_organizer_and_no_attendees(demo_store) -> None:
    data = day_agenda_ics(demo_store, DAY, "da")
    assert method(data) == "PUBLISH"
    for event in parse(data):
        assert "ATTENDEE" not in event
        assert str(event["organizer"]) == "mailto:leho@demo.dk"


def test_a_persons_invitation_asks_for_a_reply_and_says_why(demo_store, clock) -> None:
    ctx = invitations_context(demo_store, DAY, "da")
    data = request_ics(ctx, clock.now(), "helle nygaard")
    assert data is not None and method(data) == "REQUEST"
    events = parse(data)
    assert [str(e["summary"]) for e in events] == [
        "Formøde: sag 1 (M.E.)",
        "Step up-møde: sag 1 (M.E.)",
    ]
    for event in events:
        attendees = event.get("attendee")
        assert attendees and all(a.params["RSVP"] == "TRUE" for a in attendees)
        assert "mailto:heny@demo.dk" in {str(a) for a in attendees}
        assert str(event["organizer"]) == "mailto:leho@demo.dk"
        text = str(event["description"])
        assert "Formål: En fælles plan" in text
        assert "Sagens spørgsmål: Hvordan kan helbredsmæssige udfordringer" in text
        assert "job som Lagermedarbejder" in text
        assert "Du er inviteret som sygeplejerske: du bidrager med det sundhedsfaglige" in text
        assert "Du deltager i begge dele: formødet 08:30–08:45, uden borgeren" in text
        assert "Læs først: forberedelsesskemaet med statusoverblikket, Min Plan, CV" in text
        assert "Mødeleder: Lene Holm, tlf. 7211 0001" in text
    # English on request.
    english = request_ics(invitations_context(demo_store, DAY, "en"), clock.now(), "Helle Nygaard")
    assert b"You are invited as nurse" in english.replace(b"\r\n ", b"")


def test_nobody_is_told_the_citizens_name_cpr_or_health(hostile, clock, tmp_path) -> None:
    paths = export_invitations(hostile, DAY, [], True, "da", tmp_path / "per-person")
    paths += export_invitations(hostile, DAY, [], False, "da", tmp_path / "all")
    timing.cancel_case(hostile, 1)
    paths += export_invitations(hostile, DAY, [], True, "da", tmp_path / "cancelled")
    (tmp_path / "agenda.ics").write_bytes(day_agenda_ics(hostile, DAY, "da"))
    paths.append(tmp_path / "agenda.ics")
    assert any("aflyst" in p.name for p in paths)
    for path in paths:
        data = path.read_bytes()
        parse(data)
        text = "\n".join(
            str(e.get(k, "")) for e in Calendar.from_ical(data).walk("VEVENT") for k in e
        )
        for secret in ("Ødegård", "Ærø", CPR, "0101801234", HEALTH, "tarmsygdom", FAMILY, PROBLEM):
            assert secret.casefold() not in text.casefold(), (path.name, secret)
        assert "<script>" not in data.decode()  # control of what we write; ICS is text


def test_cancellations_reach_the_invited_with_a_higher_sequence(demo_store, clock) -> None:
    before = parse(
        request_ics(invitations_context(demo_store, DAY, "da"), clock.now(), "Helle Nygaard")
    )
    timing.cancel_case(demo_store, 1)
    ctx = invitations_context(demo_store, DAY, "da")
    assert request_ics(ctx, clock.now(), "Helle Nygaard") is None
    data = cancel_ics(ctx, clock.now(), "Helle Nygaard")
    assert data is not None and method(data) == "CANCEL"
    after = parse(data)
    assert {str(e["uid"]) for e in after} == {str(e["uid"]) for e in before}
    old = {str(e["uid"]): int(e["sequence"]) for e in before}
    for event in after:
        assert int(event["sequence"]) > old[str(event["uid"])]
        assert str(event["status"]) == "CANCELLED"
        assert str(event["summary"]).startswith("Aflyst: ")
        attendees = {str(a) for a in event.get("attendee")}
        assert {"mailto:heny@demo.dk", "mailto:jobe@demo.dk"} <= attendees
        assert str(event["organizer"]) == "mailto:leho@demo.dk"


def test_per_person_export_includes_the_cancellations(demo_store, tmp_path) -> None:
    timing.mark_absent(demo_store, 1)
    paths = export_invitations(demo_store, DAY, [], True, "da", tmp_path)
    helle = [p for p in paths if "Helle-Nygaard" in p.name]
    assert [p.name for p in helle] == ["2026-12-03_invitationer_Helle-Nygaard_aflyst.ics"]
    assert method(helle[0].read_bytes()) == "CANCEL"
    jonas = sorted(p.name for p in paths if "Jonas-Berg" in p.name)
    assert jonas == [
        "2026-12-03_invitationer_Jonas-Berg.ics",
        "2026-12-03_invitationer_Jonas-Berg_aflyst.ics",
    ]


def test_sequence_grows_with_changes_not_with_the_clock(demo_store, clock) -> None:
    def sequences() -> dict[str, int]:
        data = day_agenda_ics(demo_store, DAY, "da")
        return {str(e["uid"]).split("-case-")[1]: int(e["sequence"]) for e in parse(data)}

    first = sequences()
    assert set(first.values()) == {0}
    clock.advance(timedelta(hours=3))
    assert sequences() == first, "an unchanged meeting keeps its SEQUENCE"
    timing.move_case(demo_store, 5, -1)  # cases 4 and 5 swap times
    moved = sequences()
    assert moved["5-meeting@stepup-coordinator"] == 1
    assert moved["4-pre-meeting@stepup-coordinator"] == 1
    assert moved["1-meeting@stepup-coordinator"] == 0
    with demo_store.session() as session:
        day = session.get(StepUpDay, 1)
        day.location = "Rådhuset, lokale 4"
        session.add(day)
    assert sequences()["1-meeting@stepup-coordinator"] == 1
    assert sequences()["5-meeting@stepup-coordinator"] == 2


def test_the_citizens_calendar_is_neutral_keyed_by_item_and_reminds_in_the_morning(
    demo_store, clock
) -> None:
    agreements.set_fields(
        demo_store, 1, follow_up_date=date(2027, 1, 20), follow_up_contact="Jonas Berg"
    )
    first = agreements.add_item(
        demo_store,
        1,
        ItemKind.ACTION,
        "Sara ringer til lægen om medicinen",
        "borgeren",
        date(2027, 1, 8),
    )
    agreements.add_item(
        demo_store, 1, ItemKind.ACTION, "Søg 3 job om ugen 💼", "borgeren", date(2027, 1, 15)
    )
    events = parse(followups_ics(followups_context(demo_store, 1, "da"), clock.now()))
    titles = {str(e["summary"]) for e in events}
    assert titles == {"Husk: aftale fra jobcentret", "Møde i jobcentret"}
    by_text = {str(e["description"]).splitlines()[0]: e for e in events}
    assert "Sara ringer til lægen om medicinen" in by_text
    meeting = next(e for e in events if str(e["summary"]) == "Møde i jobcentret")
    assert meeting.decoded("dtstart") == date(2027, 1, 20)
    assert "Kontakt: Jonas Berg" in str(meeting["description"])
    for event in events:
        alarm = event.walk("VALARM")[0]
        assert str(alarm["description"]) == str(event["summary"])
        when = datetime.combine(event.decoded("dtstart"), datetime.min.time())
        assert when + alarm.decoded("trigger") == when - timedelta(days=1) + timedelta(hours=9)
    uids = {str(e["description"]).splitlines()[0]: str(e["uid"]) for e in events}
    agreements.delete_item(demo_store, first.id)
    later = parse(followups_ics(followups_context(demo_store, 1, "da"), clock.now()))
    kept = {str(e["description"]).splitlines()[0]: str(e["uid"]) for e in later}
    assert kept["Søg 3 job om ugen 💼"] == uids["Søg 3 job om ugen 💼"]


def test_followups_without_anything_dated_write_nothing(demo_store, tmp_path) -> None:
    from coordinator.store.errors import Invalid

    agreements.ensure_draft(demo_store, 2)
    with pytest.raises(Invalid, match="opfølgningsdato"):
        export_followups(demo_store, 2, "da", tmp_path)
    assert not list(Path(tmp_path).glob("*.ics"))


def test_cli_invitations_per_person_and_errors(db_url, clock, tmp_path) -> None:
    from types import SimpleNamespace

    from coordinator.cli import app

    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["--db", db_url, *args], obj=SimpleNamespace(clock=clock))

    assert run("demo", "--no-open").exit_code == 0
    opened = Store.open(db_url, clock=clock)
    timing.cancel_case(opened, 3)
    opened.close()
    result = run("export", "invitations", DAY, "--per-person", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    names = result.stdout.split()
    assert names and all(Path(n).is_file() for n in names)
    for name in names:
        parse(Path(name).read_bytes())
    wrong = run("export", "invitations", DAY, "--person", "Nobody Here", "--out", str(tmp_path))
    assert wrong.exit_code == 1 and wrong.stderr.startswith("coordinator: ")
    assert "Traceback" not in wrong.stderr
