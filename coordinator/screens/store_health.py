"""The app's notice about the database itself: opened read-only, or found damaged.

Both are said once, as a notice that stays (until clicked away) and a word in the title of every
screen, so the coordinator knows before typing that nothing can be saved. Whether the file is
damaged is SQLite's `quick_check`, run in a worker once the app has shown its first screen's
data (it reads the whole file: never on the event loop, and not in the way of today's day).
What the check finds also stops every later write (the store's write guard), so a damaged file
is never written on.
"""

from __future__ import annotations

from textual.app import App

from coordinator.i18n import _
from coordinator.store.database import Store
from coordinator.store.health import damaged

#: Long enough to stay for the whole session; a click still dismisses it.
_STAYS = 24 * 3600.0


def watch_store_health(app: App, store: Store, check: bool = True) -> None:
    """Say at once that the file is read-only, and check in a worker whether it is damaged
    (unless `check` is False: the app calls `check_store_health` later)."""
    if store.read_only:
        _show(
            app,
            _("READ-ONLY"),
            _(
                "The database {path} is open read-only (you may not write it): you can look, "
                "but nothing you change is saved."
            ).format(path=store.path)
            + " "
            # Honest about the log: a view is recorded by writing to this very database.
            + _(
                "Opening a citizen's data is not recorded in the audit trail while it is read-only."
            ),
            "warning",
        )
    if check:
        check_store_health(app, store)


def check_store_health(app: App, store: Store) -> None:
    """Check in a worker whether the file is damaged (a server database is not checked), and
    keep its planner's statistics current (store/planner_stats.py)."""
    if store.path is not None:
        app.run_worker(
            lambda: _check(app, store), thread=True, exclusive=True, group="store-health"
        )


def _check(app: App, store: Store) -> None:
    """In a worker thread: the integrity check; its finding is shown on the event loop. A
    whole file then gets its query planner's statistics made, if missing or stale."""
    from coordinator.store import planner_stats

    try:
        problem = store.check_health()
    except Exception as exc:  # noqa: BLE001 - a check that cannot run is a finding, not a crash
        problem = str(exc)
    if problem is None:
        planner_stats.refresh(store)
    else:
        message = damaged(store.path or "", problem).message
        message += " " + _("Nothing can be saved until then.")
        app.call_from_thread(_show, app, _("DAMAGED"), message, "error")


def _show(app: App, word: str, message: str, severity: str) -> None:
    if word not in app.title:
        app.title = f"{app.title} · {word}"
    app.notify(message, title=word, severity=severity, timeout=_STAYS, markup=False)  # type: ignore[arg-type]
