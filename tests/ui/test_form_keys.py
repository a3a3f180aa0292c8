"""Keys in the agreement form land as the user means them (issue 21, item 5): entering a
prefilled date field by Tab selects its text, so the typed date replaces it; a name field's
completion is taken by Tab as well as Right."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from coordinator.store import agreements
from coordinator.widgets.form_inputs import DateInput, NameInput
from coordinator.widgets.item_editor import ItemEditor
from tests.ui.test_agreement_screen import new_case, open_agreement, saved, settle


async def test_tab_into_a_prefilled_goal_date_replaces_it(store, make_app) -> None:
    case_id = new_case(store)
    agreements.ensure_draft(store, case_id)
    agreements.set_fields(store, case_id, goal_date=date(2027, 3, 1))
    app = make_app(language="da")  # the citizen is "Borgeren"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        assert screen.query_one("#goal-date", Input).value == "01.03.2027"
        await pilot.press("tab", *"15/3")  # no pause: the Tab and the keys as a typist sends them
        await saved(pilot, screen)
        assert screen.query_one("#goal-date", Input).value == "15/3"
    assert agreements.latest(store, case_id).goal_date == date(2027, 3, 15)


async def test_tab_into_an_item_due_date_replaces_it(store, make_app) -> None:
    case_id = new_case(store)
    app = make_app(language="da")  # the citizen is "Borgeren"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press("tab", "tab", "tab", "tab", "ctrl+n")  # the Støtte heading, a new item
        await pilot.pause()
        await pilot.press(*"Ring", "tab", *"Bo", "tab", *"15/12")
        await saved(pilot, screen)
        editor = screen.query_one(ItemEditor)
        assert isinstance(editor.query_one(".item-due"), DateInput)
        await pilot.press("shift+tab", "tab", *"+2w")  # back into the date: replaces 15/12
        await saved(pilot, screen)
    stored = agreements.items(store, agreements.latest(store, case_id).id)
    assert [(i.text, i.responsible_text, i.due) for i in stored] == [
        ("Ring", "Borgeren", date(2026, 12, 17))
    ]


async def test_right_also_takes_the_completion_and_a_full_name_is_left_alone(
    store, make_app
) -> None:
    case_id = new_case(store)
    app = make_app(language="da")  # the citizen is "Borgeren"
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        contact = screen.query_one("#follow-up-contact", NameInput)
        screen.set_focus(contact)
        await pilot.press(*"bor")
        await pilot.pause(0.2)  # Textual's own suggestion worker, which Right uses
        await pilot.press("right")
        assert contact.value == "Borgeren"
        await pilot.press("ctrl+u", *"Borgeren", "tab")
        assert contact.value == "Borgeren"
        await saved(pilot, screen)
    assert agreements.latest(store, case_id).follow_up_contact == "Borgeren"


async def test_f5_go_there_opens_exactly_the_field_named(store, make_app) -> None:
    """Issue 21, item 4: "Øvrige aftaler 1: tilføj hvem" put the cursor in Støtte 1's "Hvem"
    (the problems counted the items in the store's order, by kind name; the sections show
    Støtte before Øvrige aftaler), and typing overwrote a name there."""
    from coordinator.domain.vocab import ItemKind
    from coordinator.screens.agreement_dialogs import FinaliseProblemsDialog

    case_id = new_case(store)
    agreements.set_fields(store, case_id, job_goal="Kok", goal_date=date(2027, 2, 1))
    agreements.add_item(
        store, case_id, ItemKind.SUPPORT, "Sofie følger med", "Sofie", date(2027, 1, 4)
    )
    agreements.add_item(store, case_id, ItemKind.ACTION, "Besøg køkkenet", "", date(2027, 1, 5))
    app = make_app(language="da")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press("f5")
        await settle(pilot)
        assert isinstance(app.screen, FinaliseProblemsDialog)
        assert [p.code for p in app.screen.problems] == ["item-no-responsible"]
        await pilot.press("enter")
        await pilot.pause()
        action, support = (
            next(e for e in screen.query(ItemEditor) if e.kind is kind)
            for kind in (ItemKind.ACTION, ItemKind.SUPPORT)
        )
        assert screen.focused is action.query_one(".item-responsible", Input)
        await pilot.press(*"Borgeren")
        await saved(pilot, screen)
    stored = agreements.items(store, agreements.latest(store, case_id).id)
    assert sorted((i.kind, i.responsible_text) for i in stored) == [
        ("action", "Borgeren"),
        ("support", "Sofie"),
    ]


async def test_a_burst_with_a_name_start_and_tab_takes_the_completion(store, make_app) -> None:
    """A fast typist's "Bo" + Tab: the app handles the Tab the moment it arrives, while "B" and
    "o" may still wait in the name field's queue; the completion is taken of what the field
    holds once they are in ("Bo" stayed "Bo" at 80x24 by hand)."""
    from textual import events

    case_id = new_case(store)
    app = make_app(language="da")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        await pilot.press("tab", "tab", "tab", "tab", "ctrl+n")  # a new Støtte item
        await pilot.pause()
        burst = [events.Key(c, c) for c in "Ring"] + [events.Key("tab", None)]
        burst += [events.Key(c, c) for c in "Bo"] + [events.Key("tab", None)]
        burst += [events.Key(c, c) for c in "+2u"]
        for key in burst:  # all queued at once: none waits for the one before
            app.post_message(key)
        await settle(pilot)
        await saved(pilot, screen)
    stored = agreements.items(store, agreements.latest(store, case_id).id)
    assert [(i.text, i.responsible_text, i.due) for i in stored] == [
        ("Ring", "Borgeren", date(2026, 12, 17))
    ]


async def test_ctrl_n_right_after_typing_neither_crashes_nor_loses_a_key(store, make_app) -> None:
    """By hand at 200x50: the citizen's words, Tab, Tab, Ctrl+N and the item's text typed fast.
    The last letters of the words were still in their field's queue when Ctrl+N added the
    item; handling them made the form read the new editor before it had its fields, and the
    app crashed (NoMatches '.item-due'), the words cut ('lave ') and the item lost."""
    from textual import events

    case_id = new_case(store)
    app = make_app(language="da")
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        screen.set_focus(screen.query_one("#citizen-words"))
        await pilot.pause()
        burst = [events.Key("space" if c == " " else c, c) for c in "lave mad"]
        burst += [events.Key("tab", None), events.Key("tab", None), events.Key("ctrl+n", None)]
        burst += [events.Key("space" if c == " " else c, c) for c in "Ring op"]
        for key in burst:  # all queued at once: none waits for the one before
            app.post_message(key)
        await settle(pilot)
        await saved(pilot, screen)
    agreement = agreements.latest(store, case_id)
    assert agreement.citizen_words == "lave mad"
    stored = agreements.items(store, agreement.id)
    assert [(i.kind, i.text) for i in stored] == [("support", "Ring op")]


async def test_leaving_a_date_field_writes_a_quick_date_out(store, make_app) -> None:
    """ "+3m" and "+2w" stay words only while typed: leaving the field shows the date stored
    (tomorrow "+2w" would mean another day); a text that is no date is left to mend."""
    case_id = new_case(store)
    app = make_app(language="da")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        goal = screen.query_one("#goal-date", DateInput)
        await pilot.press("tab", *"+3m", "tab")
        await saved(pilot, screen)
        assert goal.value == "03.03.2027"
        await pilot.press("tab", "tab", "tab", "ctrl+n")  # the Støtte heading, a new item
        await pilot.pause()
        await pilot.press(*"Ring", "tab", *"Bo", "tab", *"+2w", "shift+tab")
        await saved(pilot, screen)
        due = screen.query_one(ItemEditor).query_one(".item-due", DateInput)
        assert due.value == "17.12.2026"
        screen.set_focus(goal)
        await pilot.press(*"snart", "tab")
        await saved(pilot, screen)
        assert goal.value == "snart", "not a date: the text stays (the line beside says so)"
    agreement = agreements.latest(store, case_id)
    assert agreement.goal_date == date(2027, 3, 3)
    assert [i.due for i in agreements.items(store, agreement.id)] == [date(2026, 12, 17)]
