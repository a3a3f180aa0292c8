"""The Danish app shows no English (issue 21, item 11): every screen and dialog a coordinator
reaches by keys, its footer's keys, its command-palette entries and the palette itself
(its search field, "No matches found") are read in Danish and checked against a list of
English words. Beside tests/unit/test_translations.py, which checks that every text of ours
has a Danish entry; this one also catches Textual's own texts and texts built without `_()`.
"""

from __future__ import annotations

import re

from textual.screen import Screen
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from coordinator.app import CoordinatorApp
from coordinator.screens.audit import AuditScreen
from tests.ui.test_day_screen import settle

#: Words that are English and not Danish (matched as whole words, case-sensitive as written:
#: "Start", "Status", "Mentor", "CV", "menu" are the same in both languages and are not here).
ENGLISH = (
    "the",
    "The",
    "and",
    "of",
    "with",
    "Search",
    "commands",
    "No matches",
    "found",
    "Dismiss",
    "Copy",
    "selected",
    "Bottom",
    "Top",
    "Cursor",
    "Scroll",
    "Page",
    "Paste",
    "Undo",
    "Redo",
    "Select",
    "Toggle",
    "Submit",
    "Press",
    "button",
    "Focus",
    "Next",
    "Previous",
    "Theme",
    "Keys",
    "Screenshot",
    "Maximize",
    "Minimize",
    "Quit",
    "palette",
    "Save",
    "Saved",
    "Saving",
    "Cancel",
    "Close",
    "Delete",
    "Add",
    "Back",
    "Open",
    "Show",
    "Hide",
    "Filter",
    "cases",
    "case",
    "planned",
    "running",
    "finished",
    "draft",
    "unknown",
    "use one of",
    "is not",
    "People",
    "Item",
    "Items",
    "items",
    "overdue",
    "due",
    "outcome",
    "Reading",
    "Loading",
    "busy",
    "meeting",
    "Meeting",
    "citizen",
    "Citizen",
    "Roster",
    "Agreement",
    "Export",
    "Goal",
    "goal",
    "Who",
    "When",
    "Day",
    "days",
    "Today",
    "Break",
    "Planned",
    "Absent",
    "Cancelled",
    "Done",
    "Notes",
    "Follow-up",
    "Settings",
    "Queue",
    "Statistics",
)
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w-])")


def _screen_text(app: CoordinatorApp) -> str:
    """The screen as drawn; the audit trail's table by its cells instead: its detail column is
    the store's technical record (field names, key=value), shown as `coordinator audit`
    prints it, and its columns may be drawn cut while they are measured."""
    if isinstance(app.screen, AuditScreen):
        table = app.screen.query_one(DataTable)
        rows = (table.get_row_at(i)[:3] for i in range(table.row_count))
        return "\n".join(" ".join(str(cell) for cell in row) for row in rows)
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _texts(app: CoordinatorApp, screen: Screen) -> dict[str, str]:
    """What the user can read on `screen`: the picture, every footer key (also those cut off
    at the right), every palette command's title and help."""
    texts = {"screen": _screen_text(app)}
    for key in screen.query(FooterKey):
        texts[f"footer key {key.key_display}"] = key.description
    for command in app.get_system_commands(screen):
        texts[f"palette {command.title}"] = f"{command.title} — {command.help}"
    return texts


def _english(texts: dict[str, str], user_data: set[str]) -> list[str]:
    found = []
    for where, text in texts.items():
        for line in text.splitlines():
            cleaned = line
            for data in user_data:
                cleaned = cleaned.replace(data, "")
            if hit := PATTERN.search(cleaned):
                found.append(f"{where}: {hit.group(0)!r} in {line.strip()!r}")
    return found


async def test_every_screen_dialog_and_the_palette_speak_danish(demo_store, store, clock) -> None:
    app = CoordinatorApp(store=store, clock=clock, language="da")
    english: list[str] = []
    seen: list[str] = []
    # The demo's own texts typed by users (names, places) are not the app's words.
    user_data = {"Jobcenter Demo"}

    async def check(what: str = "") -> None:
        await settle(pilot)
        name = what or type(app.screen).__name__
        seen.append(name)
        english.extend(f"{name}: {hit}" for hit in _english(_texts(app, app.screen), user_data))

    async def palette() -> None:
        """The palette over the current screen: its list, then a search that finds nothing."""
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        await check("palette")
        await pilot.press(*"qqzzqq")
        await pilot.pause(1.0)  # "No matches found" comes after half a second
        await check("palette, no matches")
        await pilot.press("escape")
        await pilot.pause()

    async with app.run_test(size=(120, 40)) as pilot:
        await check()  # the day
        await palette()
        for there, back in (("o", "escape"), ("r", "escape"), ("g", "escape"), ("x", "escape")):
            await pilot.press(there)
            await check()
            await palette()
            await pilot.press(back)
            await pilot.pause()
        for there, back in (("a", "n"), ("c", "n"), ("n", "escape"), ("f2", "escape")):
            await pilot.press(there)
            await check()
            await pilot.press(back)
            await pilot.pause()
        await pilot.press("escape")
        await check()  # all days
        await palette()
        for there, back in (("n", "escape"), ("f", "escape"), ("k", "escape"), ("s", "escape")):
            await pilot.press(there)
            await check()
            await palette()
            await pilot.press(back)
            await pilot.pause()
        await pilot.press("a")
        await check()  # the audit trail
    assert len(seen) > 20, seen
    assert not english, "\n".join(english)


async def test_the_palette_shows_a_citizens_name_literally(store, clock) -> None:
    """Issue 21, item 12: a citizen named "[bold]Ærø[/bold] <script>…" showed as "Ærø <script>…"
    in the palette (Textual reads a command's title as markup)."""
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import DayInput, create_day

    name = "[bold]Ærø[/bold] <script>x</script> [red]"
    day = create_day(store, DayInput(date=store.now().date()))
    add_case(store, CaseInput(day_id=day.id, citizen=name))
    app = CoordinatorApp(store=store, clock=clock, language="da")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        assert name in _screen_text(app)  # the discovery list, before any search
        await pilot.press(*"ærø")
        await pilot.pause(1.0)
        assert name in _screen_text(app)  # the search's hits, highlighted
