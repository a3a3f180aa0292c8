"""What the days list's two keys open, read ahead while the coordinator looks at the list
(issue 19).

`f` opens the follow-up list on its first page and `s` the statistics of the last twelve
months. Each read is remembered until the database changes (`store/memo.py`), so reading them
here, in the days list's worker once its own page is shown, lets the key find them read: the
screen then costs only its drawing (on ten years the statistics' read is some 25 ms of
SQLite and the page's 10 ms, which inside the app, beside the new screen's drawing, took
30-60 ms more). Nothing is read twice: when nothing was written since the last read ahead,
asking again only reads the change token; a screen opened while the read ahead still runs waits
for it instead of reading the same again (the memo's lock).

Also read by the lists' warm-up a few seconds after the start (screens/warm_up.py), so the
first `f` or `s` of the day finds them too.
"""

from __future__ import annotations

from datetime import date

from coordinator.domain.statistics import last_twelve_months
from coordinator.store.database import Store
from coordinator.store.followup_page import PAGE_ROWS, followup_page_remembered
from coordinator.store.statistics import statistics_remembered


def read_lists_ahead(store: Store, today: date) -> None:
    """In a worker: the follow-up list's first page and the year's statistics, remembered
    (a `StoreError` is the caller's to leave: the screen's own read will say it)."""
    followup_page_remembered(store, today, "all", PAGE_ROWS)
    statistics_remembered(store, *last_twelve_months(today))
