"""The edit-day dialog warns of a weekend or a Danish public holiday as the date is typed, as
`day edit` does (defect 3 of the last session): a warning in the dialog, in Danish, never a
refusal."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Static

from coordinator.screens.day import DayScreen
from coordinator.screens.day_corrections import EditDayDialog
from coordinator.store.day_model import day_model
from tests.ui.test_day_corrections import type_into
from tests.ui.test_day_screen import settle


def _warning(dialog: EditDayDialog) -> str | None:
    line = dialog.query_one("#date-warning", Static)
    return str(line.render()) if line.display else None


async def test_a_weekend_or_a_holiday_is_warned_of_in_danish(demo_store, make_app) -> None:
    app = make_app(language="da")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EditDayDialog)
        assert _warning(dialog) is None, "a Thursday is an ordinary day"
        date_field = dialog.query_one("#date", Input)
        await type_into(pilot, date_field, "2026-12-05")
        await pilot.pause()
        assert _warning(dialog) == "2026-12-05 er en weekenddag."
        await type_into(pilot, date_field, "2026-12-25")
        await pilot.pause()
        assert _warning(dialog) == "2026-12-25 er en helligdag (Juledag)."
        await type_into(pilot, date_field, "2026-12-2")
        await pilot.pause()
        assert _warning(dialog) is None, "half a date warns of nothing"
        await type_into(pilot, date_field, "2026-12-26")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DayScreen), "a warning, not a refusal"
    assert day_model(demo_store, 1).date == date(2026, 12, 26)


async def test_the_warning_in_english(demo_store, make_app) -> None:
    app = make_app(language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        await type_into(pilot, dialog.query_one("#date", Input), "2026-12-06")
        await pilot.pause()
        assert _warning(dialog) == "2026-12-06 is a weekend day."
