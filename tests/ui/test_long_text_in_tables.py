"""Long user text is cut with "…" in the tables, so time, citizen and status stay in sight
(issue 21, item 15): a 200-character name (the most `domain/limits.py` allows) pushed every
column after it off screen. Widths are terminal cells: Danish letters one, an emoji two."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from coordinator.domain.limits import MAX_NAME
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from coordinator.store.people import PersonInput, add_person
from coordinator.store.referrals import ReferralInput, add_referral
from tests.ui.test_day_screen import settle

#: 200 characters of Danish letters, markup-like brackets and emoji (two cells each).
LONG_NAME = ("Ærø [bold]Åse[/bold] Ødegård-Sørensen 😀 " * 10)[:MAX_NAME].strip()


def screen_lines(table: DataTable) -> list[str]:
    """The table as drawn, line by line."""
    return [table.render_line(y).text for y in range(table.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_200_character_name_leaves_time_and_status_in_sight(store, make_app, size):
    day = create_day(store, DayInput(date=store.now().date()))
    add_case(store, CaseInput(day_id=day.id, citizen=LONG_NAME))
    add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen"))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#agenda", DataTable)
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.size.width  # nothing to scroll sideways for
        lines = screen_lines(table)
        header, first = lines[0], lines[1]
        assert header.rstrip().endswith("Status")
        assert "08:30" in first and first.rstrip().endswith("Planned")
        name = table.get_row_at(0)[3]
        assert name.plain.endswith("…") and LONG_NAME.startswith(name.plain[:-1])
        assert name.cell_len <= table.columns[table.ordered_columns[3].key].width
        assert not [span for span in name.spans if "bold" in str(span.style)]  # no markup
        assert "Mads Eriksen" in lines[3] or "Mads Eriksen" in "".join(lines)


async def test_people_and_queue_lists_keep_their_last_columns_in_sight(store, make_app) -> None:
    from coordinator.domain.vocab import Profession
    from coordinator.screens.people import PeopleScreen
    from tests.ui.test_queue_screen import open_queue

    add_person(store, PersonInput(LONG_NAME, Profession.NURSE, phone="12345678"))
    add_referral(store, ReferralInput(LONG_NAME, reason="Sygemeldt " * 40, urgent=True))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_queue(pilot)
        table = app.screen.query_one("#queue", DataTable)
        lines = screen_lines(table)
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.size.width
        assert table.get_row_at(0)[0].plain.endswith("…")
        assert "urgent" in lines[1] and lines[1].rstrip().endswith("…")  # the reason, cut

        await app.push_screen(PeopleScreen())
        await settle(pilot)
        table = app.screen.query_one("#people", DataTable)
        widths = sum(column.get_render_width(table) for column in table.columns.values())
        assert widths <= table.size.width
        first = screen_lines(table)[1]
        assert first.rstrip().endswith("12345678")  # the phone, the last column, in sight
        assert table.get_row_at(0)[0].plain.endswith("…")


async def test_the_agreement_title_keeps_version_and_status_after_a_long_name(store, make_app):
    from textual.widgets import Static

    from tests.ui.test_agreement_screen import open_agreement

    day = create_day(store, DayInput(date=store.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id, citizen=LONG_NAME)).id
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        title = str(screen.query_one("#agreement-title", Static).render())
        assert title.endswith("· version 1 · Draft") and "…" in title
        assert LONG_NAME[:20] in title  # the literal beginning, brackets and all


#: Long enough to be cut at 80 columns, short enough to be whole at 120 (in both lists).
RESIZED_NAME = "Bartholomæus Christoffersen-Vandermeulen Østergaard"


def fits(table: DataTable) -> bool:
    """Every column in sight: nothing to scroll sideways for."""
    widths = sum(column.get_render_width(table) for column in table.columns.values())
    return widths <= table.size.width


@pytest.mark.parametrize("which", ["people", "queue"])
async def test_the_lists_fit_their_columns_again_when_the_window_narrows(
    store, make_app, which
) -> None:
    """Loaded at 120 columns the long name is whole; at 80 it is cut with "…" to the column's
    new width and the last column stays in sight (the columns were fitted only when loaded)."""
    from coordinator.domain.vocab import Profession
    from coordinator.screens.people import PeopleScreen
    from tests.ui.test_queue_screen import open_queue

    add_person(store, PersonInput(RESIZED_NAME, Profession.NURSE, phone="12345678"))
    add_referral(store, ReferralInput(RESIZED_NAME, reason="Sygemeldt", urgent=True))
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        if which == "queue":
            await open_queue(pilot)
        else:
            await app.push_screen(PeopleScreen())
            await settle(pilot)
        table = app.screen.query_one(f"#{which}", DataTable)
        assert table.get_row_at(0)[0].plain == RESIZED_NAME
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        await pilot.pause()
        assert table.size.width <= 80 and fits(table)
        name = table.get_row_at(0)[0]
        assert name.plain.endswith("…") and RESIZED_NAME.startswith(name.plain[:-1])
        assert name.cell_len == table.ordered_columns[0].width
        last = screen_lines(table)[1].rstrip()
        assert last.endswith("12345678" if which == "people" else "Sygemeldt")
        await pilot.resize_terminal(120, 30)
        await settle(pilot)
        await pilot.pause()
        assert table.get_row_at(0)[0].plain == RESIZED_NAME  # whole again
