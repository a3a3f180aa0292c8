"""The audit trail at a laptop's size, and the erasure's confirmation."""

from tests.snapshots.test_day_snapshots import settled


async def _audit(pilot) -> None:
    from coordinator.screens.audit import AuditScreen

    await settled(pilot)
    await pilot.app.push_screen(AuditScreen())
    await settled(pilot)


def test_audit_screen_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(language="en"), terminal_size=(80, 24), run_before=_audit)


async def _erase(pilot) -> None:
    from coordinator.screens.case import CaseScreen

    await settled(pilot)
    await pilot.app.push_screen(CaseScreen(1))
    await settled(pilot)
    await pilot.press("f8")
    await settled(pilot)


def test_erase_confirmation_80x24(snap_compare, demo_app) -> None:
    assert snap_compare(demo_app(language="en"), terminal_size=(80, 24), run_before=_erase)
