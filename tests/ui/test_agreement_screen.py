"""The live agreement screen, driven key by key as a job broker types during the meeting."""

from __future__ import annotations

import asyncio
from datetime import date

from textual.widgets import Input, TextArea

from coordinator.screens.agreement import AgreementScreen, SectionHeading
from coordinator.store import agreements
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.days import DayInput, create_day
from coordinator.widgets.item_editor import ItemEditor


async def open_agreement(app, pilot, case_id: int) -> AgreementScreen:
    await app.push_screen(AgreementScreen(case_id))
    await pilot.pause()
    assert isinstance(app.screen, AgreementScreen)
    return app.screen


async def saved(pilot, screen: AgreementScreen, timeout: float = 5.0) -> None:
    """Wait until the autosave has written everything (it must within about a second)."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    while screen.saver is not None and (screen.saver.pending or screen.saver.saving):
        assert loop.time() - start < timeout, "autosave did not finish"
        await pilot.pause(0.05)
    await pilot.pause()


def new_case(store) -> int:
    day = create_day(store, DayInput(date=store.now().date()))
    return add_case(store, CaseInput(day_id=day.id, citizen="Mads Eriksen")).id


async def test_type_a_complete_agreement_key_by_key(store, make_app) -> None:
    case_id = new_case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        assert screen.focused is screen.query_one("#job-goal", Input)
        await pilot.press(*"Lagermedarbejder")
        await pilot.press("tab")
        await pilot.press(*"+3m")
        await pilot.press("tab")
        await pilot.press(*"Jeg vil gerne prøve igen.")
        await pilot.press("tab")  # the Hensyn heading
        assert isinstance(screen.focused, SectionHeading)
        await pilot.press("tab")  # the Støtte heading
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(screen.focused, TextArea)
        await pilot.press(*"Jonas følger med de første dage i praktikken.")
        await pilot.press("tab")
        await pilot.press(*"Jonas Berg")
        await pilot.press("tab")
        await pilot.press(*"+2w")
        await pilot.press("shift+tab", "shift+tab")  # back to the text, then add the next
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Borgeren ringer til Jonas dagen før.")
        await pilot.press("tab", *"Borgeren", "tab", *"15/12")
        await saved(pilot, screen)

    agreement = agreements.latest(store, case_id)
    assert agreement.job_goal == "Lagermedarbejder"
    assert agreement.goal_date == date(2027, 3, 3)
    assert agreement.citizen_words == "Jeg vil gerne prøve igen."
    stored = agreements.items(store, agreement.id)
    assert [(i.kind, i.position, i.text, i.responsible_text, i.due) for i in stored] == [
        ("support", 0, "Jonas følger med de første dage i praktikken.", "Jonas Berg",
         date(2026, 12, 17)),
        ("support", 1, "Borgeren ringer til Jonas dagen før.", "Borgeren", date(2026, 12, 15)),
    ]
