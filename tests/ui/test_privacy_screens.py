"""The audit screen, the consent dialog of the preparation form and the erasure's
confirmation, driven by real keys."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from coordinator.screens.audit import AuditScreen
from coordinator.screens.case import CaseScreen
from coordinator.screens.days import DaysScreen
from coordinator.screens.privacy_dialogs import ConsentDialog, EraseDialog
from coordinator.store.audit import events
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.consent import consent_of_case
from coordinator.store.days import DayInput, create_day
from coordinator.store.insight import citizens
from tests.ui.test_case_screen import open_form, settle
from tests.workers import workers_done


async def _quiet(pilot) -> None:
    """Like `settle`, but a read replaced by a newer one (cancelled) is no failure."""
    from textual.worker import WorkerCancelled

    for _round in range(4):
        try:
            await workers_done(pilot.app)
        except WorkerCancelled:
            pass
        await pilot.pause()


def _case(store) -> int:
    day = create_day(store, DayInput(date=store.now().date()))
    return add_case(store, CaseInput(day_id=day.id, citizen="Ærø Testesen", cpr="010190-1234")).id


async def test_opening_the_form_is_audited_and_consent_is_set_with_f6(make_app, store) -> None:
    case_id = _case(store)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_form(app, pilot, case_id)
        assert "No consent" in str(screen.query_one("#case-consent", Static).render())
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, ConsentDialog)
        app.screen.query_one("#consent-given", Input).value = "2026-11-20"
        app.screen.query_one("#consent-scope", Input).focus()
        await pilot.press(*"sundhed", "enter")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert "Consent given" in str(screen.query_one("#case-consent", Static).render())
    view = consent_of_case(store, case_id)
    assert view.given_on.isoformat() == "2026-11-20" and view.scope == "sundhed"
    assert [e.action for e in events(store) if e.entity == "preparation"][0] == "read"


async def test_opening_the_agreement_is_audited_once_as_a_read(make_app, store) -> None:
    from tests.ui.test_agreement_screen import open_agreement

    case_id = _case(store)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_agreement(app, pilot, case_id)
        screen._load(notice="reloaded")  # a reload (after finalising, a conflict) is no new read
        await settle(pilot)
    reads = [e for e in events(store) if e.entity == "agreement" and e.action == "read"]
    assert len(reads) == 1
    assert reads[0].entity_id == case_id


async def test_erasing_from_the_form_asks_and_names_what_goes(make_app, store) -> None:
    case_id = _case(store)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_form(app, pilot, case_id)
        await pilot.press("f8")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, EraseDialog)
        text = " ".join(str(w.render()) for w in dialog.query(Static))
        assert "meeting of theirs runs today" in text and "CPR" in text
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CaseScreen)
        assert citizens(store)[0]["name"] == "Ærø Testesen"
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert not isinstance(app.screen, CaseScreen | EraseDialog)
    assert citizens(store)[0]["name"] == "" and citizens(store)[0]["erased_at"]


async def test_audit_screen_from_the_days_list(make_app, store) -> None:
    _case(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await _quiet(pilot)
        await app.push_screen(DaysScreen())
        await _quiet(pilot)
        await pilot.press("a")
        await _quiet(pilot)
        assert isinstance(app.screen, AuditScreen)
        table = app.screen.query_one("#audit", DataTable)
        assert table.row_count == len(events(store))
        await pilot.press("escape")
        await _quiet(pilot)
        assert isinstance(app.screen, DaysScreen)
