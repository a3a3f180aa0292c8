"""The edit-day dialog over the demo day at 80x24: every field fits without scrolling."""

from __future__ import annotations

from tests.snapshots.test_day_snapshots import settled


def test_edit_day_dialog_80x24(snap_compare, demo_app) -> None:
    async def open_dialog(pilot) -> None:
        await settled(pilot)
        await pilot.press("d")
        await settled(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=open_dialog)
