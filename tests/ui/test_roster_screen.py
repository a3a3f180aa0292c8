"""The roster screen: add from the directory, network persons, suggestions, findings live."""

from __future__ import annotations

from contextlib import asynccontextmanager

import pytest
from textual.widgets import DataTable, Static

from coordinator.domain.vocab import ChallengeKind, Profession
from coordinator.screens.roster import RosterScreen
from coordinator.store import roster, roster_suggestions
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.consent import set_consent
from coordinator.store.days import DayInput, create_day
from coordinator.store.errors import Invalid
from coordinator.store.people import PersonInput, add_person
from tests.ui.test_day_screen import settle

P = Profession


def _family_case(store) -> int:
    for person in (
        PersonInput("Lene Holm", P.COORDINATOR, decision_authority=True),
        PersonInput("Sofie Kjær", P.JOBBROKER),
        PersonInput("Camilla Dahl", P.CASEWORKER),
        PersonInput("Helle Nygaard", P.NURSE, "Sundhedscentret", fixed_representative=True),
        PersonInput("Karen Bech", P.HEALTH_VISITOR, "Sundhedsplejen", fixed_representative=True),
        PersonInput("Maria Friis", P.FAMILY_COUNSELLOR, "Børn og Familie", "", "", True, True),
    ):
        add_person(store, person)
    day = create_day(store, DayInput(date=store.now().date(), coordinator="Lene Holm"))
    case_id = add_case(
        store,
        CaseInput(
            day_id=day.id,
            citizen="Sara Jensen",
            challenges=(ChallengeKind.FAMILY, ChallengeKind.HEALTH),
            jobbroker="Sofie Kjær",
            caseworker="Camilla Dahl",
        ),
    ).id
    set_consent(store, case_id, given_on=store.now().date())  # no consent finding
    return case_id


@asynccontextmanager
async def roster_screen(make_app, case_id: int):
    """The app at 140x35 with the roster of `case_id` open: (app, pilot, screen)."""
    app = make_app()
    async with app.run_test(size=(140, 35)) as pilot:
        await app.push_screen(RosterScreen(case_id))
        await settle(pilot)
        yield app, pilot, app.screen


def _findings(screen) -> str:
    return str(screen.query_one("#finding-list", Static).render())


def _rows(screen) -> list[list[str]]:
    table = screen.query_one("#roster", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_add_from_directory_and_findings_update_live(store, make_app) -> None:
    case_id = _family_case(store)
    async with roster_screen(make_app, case_id) as (app, pilot, screen):
        assert "missing-health-professional" in _findings(screen)
        assert "missing-family-professional" in _findings(screen)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"karen", "enter")  # fuzzy search, Enter takes the best match
        await settle(pilot)
        assert app.screen is screen
        assert "Karen Bech" in [row[0] for row in _rows(screen)]
        # A health visitor counts for both health and family.
        assert "missing-health-professional" not in _findings(screen)
        assert "missing-family-professional" not in _findings(screen)
        assert "no-decision-authority" in _findings(screen)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"familie", "enter")  # by department
        await settle(pilot)
        assert "Maria Friis" in [row[0] for row in _rows(screen)]
        assert "no-decision-authority" not in _findings(screen)
        await pilot.press("a")  # the directory offers only people not on the roster yet
        await settle(pilot)
        offered = {p.name for p in app.screen.people}
        assert offered and not offered & {"Karen Bech", "Maria Friis"}
        await pilot.press("escape")
        await settle(pilot)


async def test_suggest_roster_accept_all_then_ready_panel(store, make_app) -> None:
    case_id = _family_case(store)
    async with roster_screen(make_app, case_id) as (app, pilot, screen):
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("a")  # accept all
        await settle(pilot)
        names = {row[0] for row in _rows(screen)}
        # The health visitor alone meets the health and the family need: a small circle.
        assert {"Lene Holm", "Karen Bech"} <= names
        assert not {"Maria Friis", "Helle Nygaard"} & names
        assert "No findings" in _findings(screen)


async def test_suggest_roster_accept_one(store, make_app) -> None:
    case_id = _family_case(store)
    async with roster_screen(make_app, case_id) as (app, pilot, screen):
        suggested = [s.name for s in roster_suggestions.suggest(store, case_id)]
        await pilot.press("s")
        await settle(pilot)
        # Untick all but the last suggestion, then accept the ticked one.
        for _index in suggested[:-1]:
            await pilot.press("space", "down")
        await pilot.press("enter")
        await settle(pilot)
        names = [row[0] for row in _rows(screen)]
        assert suggested[-1] in names
        assert not set(suggested[:-1]) & set(names)


async def test_part_attendance_network_and_remove(store, make_app) -> None:
    case_id = _family_case(store)
    async with roster_screen(make_app, case_id) as (app, pilot, screen):
        assert _rows(screen)[0][:3] == ["Sara Jensen", "Citizen", "Meeting"]
        await pilot.press("p")  # the citizen never goes to the pre-meeting
        await settle(pilot)
        assert _rows(screen)[0][2] == "Meeting"
        await pilot.press("down")  # Camilla Dahl, the caseworker
        await pilot.press("p")
        await settle(pilot)
        assert _rows(screen)[1][2] == "Meeting"
        await pilot.press("t", "t", "t")  # invited -> confirmed -> declined -> present
        await pilot.press("t")
        await settle(pilot)
        assert _rows(screen)[1][3] == "Absent"
        assert "required-absent" in _findings(screen)
        await pilot.press("T", "T")  # back: absent -> present -> declined
        await settle(pilot)
        assert _rows(screen)[1][3] == "Declined"
        await pilot.press("t", "t")
        await settle(pilot)
        assert _rows(screen)[1][3] == "Absent"
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Ole [i]Jensen[/i]", "enter", *"brother", "enter")
        await settle(pilot)
        network = [row for row in _rows(screen) if row[0] == "Ole [i]Jensen[/i]"]
        assert network and network[0][1] == "Network: brother"
        await pilot.press("x")  # the cursor is on the new network person
        await settle(pilot)
        assert "Ole [i]Jensen[/i]" not in [row[0] for row in _rows(screen)]


async def test_removing_a_participant_can_be_undone(store, make_app) -> None:
    """A slip of the Delete key costs nothing: u puts the person back with part and attendance."""
    case_id = _family_case(store)
    async with roster_screen(make_app, case_id) as (app, pilot, screen):
        await pilot.press("down", "p", "t")  # the caseworker: meeting only, confirmed
        await settle(pilot)
        caseworker = _rows(screen)[1]
        assert caseworker[2:] == ["Meeting", "Confirmed"]
        await pilot.press("delete")
        await settle(pilot)
        assert caseworker[0] not in [row[0] for row in _rows(screen)]
        assert "missing-caseworker" in _findings(screen)
        await pilot.press("u")
        await settle(pilot)
        assert caseworker in _rows(screen)
        assert "missing-caseworker" not in _findings(screen)
        rows = _rows(screen)
        await pilot.press("u")  # nothing left to undo: nothing changes
        await settle(pilot)
        assert _rows(screen) == rows


def test_restoring_refuses_a_person_added_again(store) -> None:
    case_id = _family_case(store)
    line = next(line for line in roster.roster_lines(store, case_id) if line.person is not None)
    removed = roster.remove_entry(store, line.id)
    roster.add_people(store, case_id, [line.person.name])
    with pytest.raises(Invalid, match=line.person.name):
        roster.restore_entry(store, removed)
    names = [other.display_name for other in roster.roster_lines(store, case_id)]
    assert names.count(line.person.name) == 1
