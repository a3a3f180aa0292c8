"""Preparing a case: the people directory, a roster with its findings, the preparation form."""

from coordinator.screens.case import CaseScreen
from coordinator.screens.people import PeopleScreen
from coordinator.screens.roster import RosterScreen
from tests.workers import workers_done


def _push(screen_factory):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.app.push_screen(screen_factory())
        for _round in range(3):  # screens read the store in workers
            await workers_done(pilot.app)
            await pilot.pause()

    return run_before


def test_people_screen_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=_push(PeopleScreen))


def test_roster_screen_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(
        demo_app(), terminal_size=(80, 24), run_before=_push(lambda: RosterScreen(3))
    )


def test_roster_screen_with_findings_200x50(snap_compare, demo_app) -> None:
    def setup(store, clock) -> None:
        from coordinator.store import roster

        for line in roster.roster_lines(store, 2):
            if line.person and line.person.profession == "health-visitor":
                roster.remove_entry(store, line.id)

    assert snap_compare(
        demo_app(setup=setup, language="en"),
        terminal_size=(200, 50),
        run_before=_push(lambda: RosterScreen(2)),
    )


def test_case_screen_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=_push(lambda: CaseScreen(1)))


def test_case_screen_200x50(snap_compare, demo_app) -> None:
    assert snap_compare(
        demo_app(language="en"), terminal_size=(200, 50), run_before=_push(lambda: CaseScreen(2))
    )
