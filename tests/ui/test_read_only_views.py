"""On a read-only database, opening a citizen's data cannot be recorded in the audit trail
(nothing can be written): the read-only notice says so, in the app's language, instead of
letting the coordinator believe every view is logged (defect 7 of the last session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator.app import CoordinatorApp
from coordinator.store import audit
from coordinator.store import engine as engine_module
from coordinator.store.database import Store
from tests.ui.test_agreement_screen import open_agreement
from tests.ui.test_day_screen import settle
from tests.ui.test_store_health_banner import _demo_file, _notices
from tests.workers import workers_done

SAID = {
    "en": "Opening a citizen's data is not recorded in the audit trail",
    "da": "Når en borgers data åbnes, bliver det ikke skrevet i loggen over adgang",
}


@pytest.mark.parametrize("language", ["en", "da"])
async def test_the_read_only_notice_says_views_are_not_audited(
    tmp_path: Path, clock, monkeypatch, language
) -> None:
    path = _demo_file(tmp_path / "coordinator.db", clock)
    monkeypatch.setattr(engine_module, "cannot_write", lambda _path: True)
    store = Store.open(str(path), clock=clock, actor="test")
    app = CoordinatorApp(store=store, clock=clock, language=language)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await workers_done(app)
        assert any(SAID[language] in notice for notice in _notices(app)), _notices(app)
        await open_agreement(app, pilot, 1)  # looking works, and writes nothing
    assert [e for e in audit.events(store) if e.action == audit.READ] == []
    store.close()
