"""While the agreement is on the screen, Python's full garbage collections skip the objects that
were alive when it was loaded.

Why: a full (generation 2) collection walks every object the process holds, about 210,000 once
the agreement is open, most of them imported code (SQLAlchemy, Jinja, Textual) that is never
garbage. On the shared two-core machine one took 90-340 ms, between two keystrokes: they were
the only stalls over 100 ms the key→frame bench found (issue 19). `gc.freeze()` moves what is
alive now to a generation the collector never walks; what is made while typing is still
collected as usual. Leaving the screen unfreezes it all, so what died meanwhile (a closed
dialog's widgets) is collected by the next full collection and nothing is held for good.

Freezing is cheap (lists are joined, nothing is walked), so it is done again after each load.
The app holds one agreement screen at a time; if start-up ever freezes the heap for every
screen (launch), this module's `thaw` must not undo that (see the lead's note in the report).
"""

from __future__ import annotations

import gc


def freeze() -> None:
    """Leave what is alive now out of every later collection, until `thaw`."""
    gc.freeze()


def thaw() -> None:
    """Let the collector walk the frozen objects again (the screen is gone)."""
    gc.unfreeze()
