"""The day screen runs a whole demo day with the keyboard and a fixed clock."""

from __future__ import annotations

from datetime import date, datetime

from textual.widgets import DataTable, Digits, Static

from coordinator.screens.day import DayScreen
from coordinator.screens.days import DaysScreen
from coordinator.store.cases import get_case
from coordinator.store.days import DayInput, create_day, list_days, load_day
from coordinator.widgets.timer import MeetingTimer
from tests.conftest import TEST_DAY
from tests.workers import workers_done


def at(hhmm: str) -> datetime:
    hours, minutes = hhmm.split(":")
    return datetime(TEST_DAY.year, TEST_DAY.month, TEST_DAY.day, int(hours), int(minutes))


def digits(app) -> str:
    return app.screen.query_one("#timer-digits", Digits).value


def cell(app, case_id: int, column: int) -> str:
    table = app.screen.query_one("#agenda", DataTable)
    return str(table.get_row(str(case_id))[column])


def notifications(app) -> list[str]:
    return [str(n.message) for n in app._notifications]  # noqa: SLF001


def case_ids(store) -> list[int]:
    day, _count = list_days(store)[0]
    return [row.case.id for row in load_day(store, day.id).cases]


async def settle(pilot) -> None:
    """Wait until the screen's reads and writes are done and their results shown."""
    app = pilot.app
    for _ in range(100):
        await workers_done(app)
        await pilot.pause()
        running = any(w.is_running for w in app.workers)
        if not running and getattr(app.screen, "settled", True):
            break
    await pilot.pause()


async def step(pilot, clock, when: str, *keys: str) -> None:
    clock.set(at(when))
    await pilot.press(*keys)
    await settle(pilot)


async def test_a_whole_day(demo_store, make_app, clock) -> None:
    store = demo_store
    ids = case_ids(store)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, DayScreen)
        assert screen.selected_case_id() == ids[0]
        assert "Next: case 1" in str(screen.query_one("#timer-title", Static).render())

        # Case 1 on time: space moves it along.
        await step(pilot, clock, "08:30", "space")
        assert get_case(store, ids[0]).status == "pre-meeting"
        assert digits(app) == "15:00"
        await step(pilot, clock, "08:45", "space")
        assert get_case(store, ids[0]).meeting_started_at == at("08:45")
        clock.set(at("09:26"))
        screen.tick()
        await settle(pilot)
        assert digits(app) == "04:00"
        assert screen.query_one(MeetingTimer).has_class("-warning")
        assert any("Five minutes left" in n for n in notifications(app))
        screen.tick()
        assert sum("Five minutes left" in n for n in notifications(app)) == 1
        await step(pilot, clock, "09:30", "space")
        assert get_case(store, ids[0]).status == "done"
        assert screen.selected_case_id() == ids[1]

        # Case 2 runs ten minutes over: the timer says so, the rest of the day moves.
        await step(pilot, clock, "09:30", "p")
        await step(pilot, clock, "09:45", "m")
        clock.set(at("10:40"))
        screen.tick()
        await settle(pilot)
        assert digits(app) == "+10:00"
        assert screen.query_one(MeetingTimer).has_class("-overrun")
        # The day's lunch floats: it moves ten minutes with case 3, and so does the end
        # (a fixed lunch would push case 3 past it and end the day an hour later).
        assert cell(app, ids[2], 1) == "10:30–10:45\n→ 10:40–10:55"
        assert cell(app, ids[2], 2) == "10:45–11:30\n→ 10:55–11:40"
        assert cell(app, ids[4], 2) == "13:15–14:00\n→ 13:25–14:10"
        end = str(screen.query_one("#day-end", Static).render())
        assert "Planned 14:00" in end and "Predicted 14:10 (+10 min)" in end
        await step(pilot, clock, "10:40", "e")
        assert get_case(store, ids[1]).ended_at == at("10:40")

        # The citizen of case 3 does not come.
        assert screen.selected_case_id() == ids[2]
        await step(pilot, clock, "10:41", "a")
        await pilot.press(*"Syg", "enter")  # the reason, typed
        await settle(pilot)
        assert get_case(store, ids[2]).status == "absent"
        assert "Syg" in cell(app, ids[2], 6), "the agenda says why, under the status"
        assert screen.selected_case_id() == ids[2], "the cursor stays on the case acted on"
        await pilot.press("down")
        assert screen.selected_case_id() == ids[3]

        # Case 4: a meeting that is still running when the coordinator quits.
        await step(pilot, clock, "12:00", "space")
        await step(pilot, clock, "12:15", "space")
        clock.set(at("12:35"))
        await pilot.press("ctrl+q")
    assert get_case(store, ids[3]).status == "meeting"

    # Reopened later: the meeting still runs, counted from its stored start.
    clock.set(at("12:40"))
    again = make_app()
    async with again.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, DayScreen)
        assert digits(again) == "20:00"
        assert again.screen.selected_case_id() == ids[3]
        assert "Meeting" in cell(again, ids[3], 6)
        await step(pilot, clock, "13:00", "space")
        assert get_case(store, ids[3]).status == "done"
        await step(pilot, clock, "13:00", "space", "y")  # at once: asked, yes
        assert get_case(store, ids[4]).status == "pre-meeting"
        await step(pilot, clock, "13:15", "space")
        await step(pilot, clock, "14:00", "space")
        assert get_case(store, ids[4]).status == "done"
        assert list_days(store)[0][0].status == "finished"
        assert "The day is over" in str(again.screen.query_one("#timer-title", Static).render())


async def test_user_errors_are_notifications(demo_store, make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.press("space")  # the first case's pre-meeting starts
        await pilot.press("down", "p")  # a second case cannot start alongside
        await settle(pilot)
        messages = notifications(app)
        assert "No meeting is running." in messages
        assert any("Case 1 is still in its pre-meeting" in m for m in messages)


async def test_a_double_press_of_space_asks_before_skipping_the_pre_meeting(
    demo_store, make_app, clock
) -> None:
    ids = case_ids(demo_store)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await step(pilot, clock, "08:30", "space", "space")
        assert get_case(demo_store, ids[0]).status == "pre-meeting"
        assert "only seconds ago" in str(app.screen.query_one("#question", Static).render())
        await pilot.press("n")
        await settle(pilot)
        assert get_case(demo_store, ids[0]).status == "pre-meeting"
        await step(pilot, clock, "08:31", "space")  # a minute on, space just moves along
        assert get_case(demo_store, ids[0]).status == "meeting"
        clock.set(at("08:31").replace(second=10))
        await pilot.press("space", "y")  # asked again; yes ends the meeting
        await settle(pilot)
        assert get_case(demo_store, ids[0]).status == "done"


async def test_cancel_asks_first_and_pull_forward_shows_what_moved(
    demo_store, make_app, clock
) -> None:
    ids = case_ids(demo_store)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "c")
        await settle(pilot)
        await pilot.press("escape")  # not cancelled after all
        await settle(pilot)
        assert get_case(demo_store, ids[1]).status == "planned"
        await pilot.press("c", *"Syg", "enter")  # the reason typed in the dialog
        await settle(pilot)
        assert get_case(demo_store, ids[1]).status == "cancelled"
        assert get_case(demo_store, ids[1]).status_reason == "Syg"
        await pilot.press("f")
        await settle(pilot)
        question = str(app.screen.query_one("#question", Static).render())
        assert "Ali Hassan: 10:30 → 09:30" in question
        await pilot.press("y")
        await settle(pilot)
        assert get_case(demo_store, ids[2]).planned_start == at("09:30")
        assert cell(app, ids[2], 1).startswith("09:30–09:45")
        assert cell(app, ids[2], 6) == "Planned\nmoved from 10:30"


async def test_move_and_add_case(demo_store, make_app) -> None:
    ids = case_ids(demo_store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down", "shift+up")
        await settle(pilot)
        assert case_ids(demo_store)[:2] == [ids[1], ids[0]]
        assert app.screen.selected_case_id() == ids[1]
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Ny Borger")
        await pilot.press("enter")
        await settle(pilot)
        new = case_ids(demo_store)[-1]
        assert new not in ids
        assert app.screen.selected_case_id() == new
        assert cell(app, new, 3) == "Ny Borger"
        assert "✗ · 2 err." in cell(app, new, 5)  # no job broker, no caseworker


async def test_the_cursor_steps_over_the_lunch_break(demo_store, make_app) -> None:
    """Case 3 is followed by the break; down from case 3 lands on case 4 and up goes back."""
    ids = case_ids(demo_store)
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#agenda", DataTable)
        assert str(table.coordinate_to_cell_key((3, 0)).row_key.value).startswith("break-")
        await pilot.press("down", "down")
        await settle(pilot)
        assert app.screen.selected_case_id() == ids[2]
        await pilot.press("down")
        await settle(pilot)
        assert app.screen.selected_case_id() == ids[3]
        await pilot.press("up")
        await settle(pilot)
        assert app.screen.selected_case_id() == ids[2]


async def test_add_case_dialog_shows_the_store_error(demo_store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n", "enter")  # no citizen name
        await settle(pilot)
        error = app.screen.query_one("#error", Static)
        assert error.display and "citizen's name" in str(error.render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)


async def test_o_r_g_x_open_the_case_roster_agreement_and_export_of_the_selection(
    demo_store, make_app
) -> None:
    from coordinator.screens.agreement import AgreementScreen
    from coordinator.screens.case import CaseScreen
    from coordinator.screens.export_dialog import ExportDialog
    from coordinator.screens.roster import RosterScreen

    ids = case_ids(demo_store)
    day_id = list_days(demo_store)[0][0].id
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # the second case
        for key, kind in (
            ("o", CaseScreen),
            ("r", RosterScreen),
            ("g", AgreementScreen),
            ("x", ExportDialog),
        ):
            await pilot.press(key)
            await settle(pilot)
            opened = app.screen
            assert isinstance(opened, kind), key
            if isinstance(opened, ExportDialog):
                assert (opened.kind, opened.ref_id) == ("day", day_id)
            else:
                assert opened.case_id == ids[1], key
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, DayScreen)
            assert app.screen.selected_case_id() == ids[1], "back on the same case"


async def test_the_cursor_stays_on_the_case_acted_on(demo_store, make_app) -> None:
    """Down, c, enter cancels case 2 (no reason typed) and the cursor stays there, so the next
    Down, a, enter marks case 3 absent (not case 2 again, nor case 1)."""
    ids = case_ids(demo_store)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("down", "c", "enter")
        await settle(pilot)
        assert get_case(demo_store, ids[1]).status == "cancelled"
        assert screen.selected_case_id() == ids[1]
        await pilot.press("down", "a", "enter")
        await settle(pilot)
        assert get_case(demo_store, ids[2]).status == "absent"
        assert screen.selected_case_id() == ids[2]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.selected_case_id() == ids[2], "a refresh keeps the cursor too"
        statuses = [get_case(demo_store, i).status for i in ids]
        assert statuses == ["planned", "cancelled", "absent", "planned", "planned"]


async def test_create_a_day_in_the_dialog(store, make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DaysScreen)
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#breaks").value = "11:30-12:00, 11:45-12:15"
        await pilot.press("enter")
        await settle(pilot)
        assert "overlap" in str(dialog.query_one("#error", Static).render())
        dialog.query_one("#breaks").value = "11:30-12:00"
        dialog.query_one("#start").value = "8.30"
        await pilot.press("enter")
        await settle(pilot)
        assert "is not a time" in str(dialog.query_one("#error", Static).render())
        dialog.query_one("#start").value = "09:00"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DaysScreen)
        ((day, count),) = list_days(store)
        assert (str(day.start_time), day.date.isoformat(), count) == ("09:00:00", "2026-12-04", 0)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert "No cases yet." in str(app.screen.query_one("#timer-title", Static).render())


async def test_a_second_day_on_the_same_date_needs_saying_twice(store, make_app) -> None:
    create_day(store, DayInput(date=date(2026, 12, 4)))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        dialog = app.screen
        assert dialog.query_one("#date").value == "2026-12-07", "the next free working day"
        dialog.query_one("#date").value = "2026-12-04"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "already a step-up day on 04.12.2026" in str(
            dialog.query_one("#error", Static).render()
        )
        assert len(list_days(store)) == 1
        await pilot.press("enter")  # yes, really
        await settle(pilot)
        assert app.screen is not dialog
        assert [day.date for day, _n in list_days(store)] == [date(2026, 12, 4)] * 2


async def test_space_just_after_a_meeting_ended_asks_before_starting_the_next_case(
    demo_store, make_app, clock
) -> None:
    """Issue 21, item 7: a second Space 4 s after ending a meeting started the next case."""
    ids = case_ids(demo_store)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await step(pilot, clock, "08:30", "space")
        await step(pilot, clock, "08:45", "space")
        await step(pilot, clock, "09:30", "space")  # the meeting ends
        assert get_case(demo_store, ids[0]).status == "done"
        clock.set(at("09:30").replace(second=4))
        await pilot.press("space")
        await settle(pilot)
        question = str(app.screen.query_one("#question", Static).render())
        assert "ended only seconds ago" in question
        await pilot.press("n")
        await settle(pilot)
        assert get_case(demo_store, ids[1]).status == "planned"
        await step(pilot, clock, "09:31", "space")  # a minute on, it simply starts
        assert get_case(demo_store, ids[1]).status == "pre-meeting"


async def test_starting_a_day_that_is_not_today_asks_first(demo_store, make_app, clock) -> None:
    """Tomorrow's day, opened and started at 06:15 today, asks before writing any time."""
    ids = case_ids(demo_store)
    clock.set(datetime(TEST_DAY.year, TEST_DAY.month, TEST_DAY.day - 1, 6, 15))
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        if not isinstance(app.screen, DayScreen):
            await pilot.press("enter")  # the days list: open the (only) day
            await settle(pilot)
        await pilot.press("space")
        await settle(pilot)
        question = str(app.screen.query_one("#question", Static).render())
        assert "03.12.2026, not today" in question
        await pilot.press("n")
        await settle(pilot)
        assert get_case(demo_store, ids[0]).status == "planned"
        await pilot.press("space", "y")
        await settle(pilot)
        assert get_case(demo_store, ids[0]).status == "pre-meeting"


async def test_a_running_day_reopens_whatever_the_date(demo_store, make_app, clock) -> None:
    """Issue 21, item 17: a meeting run past midnight (or a day started on another date) reopens
    on that day after a restart, not on the list of days."""
    from coordinator.store.timing import start_meeting, start_pre_meeting

    ids = case_ids(demo_store)
    clock.set(at("08:30"))
    start_pre_meeting(demo_store, ids[0])
    clock.set(at("08:45"))
    start_meeting(demo_store, ids[0])
    clock.set(datetime(TEST_DAY.year, TEST_DAY.month, TEST_DAY.day + 1, 0, 20))
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DayScreen)
        assert app.screen.selected_case_id() == ids[0]
