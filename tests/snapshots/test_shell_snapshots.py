"""What the coordinator sees first: the demo day, at a laptop's and a projector's size."""

from tests.snapshots.test_day_snapshots import settled


def test_day_screen_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=settled)


def test_day_screen_160x45(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(), terminal_size=(160, 45), run_before=settled)


def test_days_list(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(), press=["escape"], terminal_size=(100, 24), run_before=settled)
