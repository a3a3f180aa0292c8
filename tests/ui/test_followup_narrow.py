"""The follow-up list at 80x24 in Danish (issue 21, items 11 and 13): the item's text is in
view (it was off the right edge), counts are singular when they are one ("1 resultater
mangler"), and the footer ends with the palette key (a stray letter showed after it)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from coordinator.app import CoordinatorApp
from coordinator.demo import create_demo
from coordinator.domain.clock import FixedClock
from coordinator.screens.followup import FollowupScreen
from coordinator.store.database import Store
from tests.conftest import TEST_NOW
from tests.ui.test_day_screen import settle


@pytest.fixture
def later_app(tmp_path):
    """The demo with its history, two months on: five items to follow up, one outcome due."""
    clock = FixedClock(TEST_NOW.replace(hour=7))
    store = Store.open(str(tmp_path / "later.db"), clock=clock, actor="test")
    create_demo(store, history=True)
    clock.set(TEST_NOW + timedelta(days=61))
    yield CoordinatorApp(store=store, clock=clock, language="da")
    store.close()


def _lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("width", [80, 120, 200])
async def test_the_item_text_is_in_view_and_counts_are_danish(later_app, width) -> None:
    app = later_app
    async with app.run_test(size=(width, 24 if width == 80 else 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        app.clear_notifications()
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, FollowupScreen)
        item = screen.selected
        assert item is not None
        lines = _lines(app)
        table_lines = "\n".join(lines[4:12])
        assert item.text[:12] in table_lines  # the text column starts inside the screen
        assert "1 resultat mangler" in "".join(lines[:4])
        assert "resultater" not in "".join(lines[:4])
        detail = "".join(line.strip() for line in lines[-6:-1])
        assert item.text.replace(" ", "")[:40] in detail.replace(" ", "")  # whole, wrapped
        assert lines[-1].rstrip().endswith("^p menu")  # nothing after the palette key
