"""Import the lists' screens in the background once the first day is shown (issue 19).

The first time the follow-up list or the statistics open, Python imports their screen and
store modules (and the plots' library): 60 to 100 ms on this machine, paid on the key press.
A few seconds after today's day has shown what it read, a thread worker imports them, so
the first open is as quick as the next. Not at once: right after the day is shown the start's
own reads run (the palette's cases, the integrity check, the days list under the day), and
imports beside them slowed the days list opened then by about 0.1 s (measured on the ten-year
database). Only code is loaded, never data; it runs once, in steps of one module (the
interpreter switches threads every few milliseconds, so typing in the day is not held up).

Then, on the event loop, the lists' own CSS is added to the app's stylesheet: pushing a screen
whose CSS file Textual has not read yet parses the whole stylesheet again and restyles every
widget of the app (20-30 ms on the key press, while the list's read competes for the CPU).
Read here once, the push finds it and only styles the new screen's widgets.

Last, the worker reads what the lists open, ahead (store/lists_ahead.py: the follow-up's
first page and the year's statistics, remembered until the database changes; the days list
reads them ahead again each time it is shown). That also compiles their queries: SQLAlchemy
compiles a statement the first time it runs and keeps the compiled form for the engine, and
compiling the statistics' statements took about 60 ms of Python on the key, beside the
screen's drawing.

Then what the start made is there to stay: one full garbage collection, and the rest is frozen
out of later ones (screens/heap.py), so no list or keystroke waits for a walk over the heap.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

from textual._path import _css_path_type_as_list
from textual.app import App

from coordinator.screens import heap

#: What the lists' first opening imports, the heaviest first.
MODULES = (
    "coordinator.screens.followup",
    "coordinator.screens.stats",
    "coordinator.store.followup_page",
    "coordinator.store.statistics",
    "coordinator.store.lists_ahead",
)


#: The screens (module, class) whose CSS the lists' first opening would read.
SCREENS = (
    ("coordinator.screens.followup", "FollowupScreen"),
    ("coordinator.screens.stats", "StatsScreen"),
)

#: Seconds after the first day is shown: the start's reads are done by then.
AFTER = 5.0


def warm_up_lists(app: App) -> None:
    """Import the lists' modules in a thread worker, AFTER seconds from now (a failure is
    left for the real open)."""

    def run() -> None:
        for name in MODULES:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the screen's own import will say what is wrong
                return
        app.call_from_thread(_read_css, app)
        _read_lists_ahead(app)
        if app.is_running:  # (an app ending meanwhile has released the heap: leave it so)
            heap.settle()

    def start() -> None:
        app.run_worker(
            run, thread=True, group="warm-up", name="warm up the lists", exit_on_error=False
        )

    app.set_timer(AFTER, start)


def _read_css(app: App) -> None:
    """Add the lists' CSS files to the stylesheet (as `App._load_screen_css` would on their
    first push) and restyle once, now, while nobody waits."""
    stylesheet, added = app.stylesheet, False
    for module, name in SCREENS:
        screen = getattr(importlib.import_module(module), name)
        for path in _css_path_type_as_list(screen.CSS_PATH):
            if not path.is_absolute():  # relative to the screen's module, as Textual does
                path = (Path(inspect.getfile(screen)).parent / path).resolve()
            if not stylesheet.has_source(str(path), ""):
                stylesheet.read(path)
                added = True
    if added:
        stylesheet.reparse()
        stylesheet.update(app)


def _read_lists_ahead(app: App) -> None:
    """In the worker: what the lists open, read ahead (store/lists_ahead.py); that also
    compiles their queries (see above)."""
    from coordinator.store.errors import StoreError
    from coordinator.store.lists_ahead import read_lists_ahead

    store = getattr(app, "store", None)
    if store is None:
        return
    try:
        read_lists_ahead(store, store.now().date())
    except StoreError:
        pass  # the list's own read will say what is wrong
