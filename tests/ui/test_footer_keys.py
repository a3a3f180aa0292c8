"""The footer rebuilds its keys only when they change, and always when they do.

Textual rebuilds every key on each bindings signal (each focus move); ours compares what it
would show with what it shows. These tests hold it to both halves: a focus move that changes
nothing keeps the very same key widgets, and a key that appears, goes grey or changes its text
is shown at once.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from coordinator.widgets.footer import StepUpFooter


class _Field(Input):
    """An input with a key of its own, shown only while it has the focus."""

    BINDINGS = [Binding("f5", "noop", "Field key")]

    def action_noop(self) -> None:
        pass


class _FooterApp(App):
    BINDINGS = [Binding("f2", "save", "Save"), Binding("f3", "other", "Other")]

    def __init__(self) -> None:
        super().__init__()
        self.can_save = True

    def compose(self) -> ComposeResult:
        yield Input(id="one")
        yield Input(id="two")
        yield _Field(id="field")
        yield StepUpFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return True if self.can_save else None  # None: shown, greyed out
        return True

    def action_save(self) -> None:
        pass

    def action_other(self) -> None:
        pass


def _keys(app: App) -> dict[str, FooterKey]:
    return {key.key: key for key in app.query(FooterKey) if not key.has_class("-command-palette")}


async def test_a_focus_move_that_changes_no_key_keeps_the_keys() -> None:
    app = _FooterApp()
    async with app.run_test(size=(100, 10)) as pilot:
        app.query_one("#one").focus()
        await pilot.pause()
        before = _keys(app)
        assert set(before) == {"f2", "f3"}
        await pilot.press("tab")  # to the second plain input: the same keys
        await pilot.pause()
        assert app.focused.id == "two"
        after = _keys(app)
        assert all(after[key] is before[key] for key in before)


async def test_a_key_that_comes_with_the_focus_is_shown_and_goes_with_it() -> None:
    app = _FooterApp()
    async with app.run_test(size=(100, 10)) as pilot:
        app.query_one("#two").focus()
        await pilot.pause()
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused.id == "field"
        assert "f5" in _keys(app)
        await pilot.press("shift+tab")
        await pilot.pause()
        assert "f5" not in _keys(app)


async def test_a_key_greyed_out_is_rebuilt_greyed_out() -> None:
    app = _FooterApp()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        assert not _keys(app)["f2"].has_class("-disabled")
        app.can_save = False
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert _keys(app)["f2"].has_class("-disabled")
        app.can_save = True
        app.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert not _keys(app)["f2"].has_class("-disabled")


async def test_keys_follow_the_width_without_a_rebuild() -> None:
    app = _FooterApp()
    async with app.run_test(size=(100, 10)) as pilot:
        await pilot.pause()
        before = _keys(app)
        assert all(key.compact for key in before.values())
        await pilot.resize_terminal(160, 10)
        await pilot.pause()
        after = _keys(app)
        assert all(after[key] is before[key] for key in before)
        assert not any(key.compact for key in after.values())
