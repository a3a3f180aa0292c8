"""Python's full garbage collections skip what the app holds for the whole run (issue 19).

Why: a full (generation 2) collection walks every object the process holds, some 160,000 once
the start's work is done and 210,000 with an agreement open, nearly all of them imported code
(SQLAlchemy, Jinja, Textual, plotext) that is never garbage. One takes 30-40 ms on an idle
two-core machine and took up to 340 ms on a loaded one, and it falls on whatever is being
drawn when the allocation counters say so: a keystroke in the agreement, or the follow-up list
(which once waited 64 ms for one). `gc.freeze()` moves what is alive now to a generation the
collector never walks; what is made afterwards is collected as usual, and quickly.

When:
- `settle` once the start's work is done (screens/warm_up.py, a few seconds after today's day
  is shown, when nobody waits): one full collection, then freeze what is left.
- `freeze` when an agreement is loaded, so typing never waits for a walk over the screen just
  loaded. Cheap: lists are joined, nothing is walked.
- `tidy` again after leaving an agreement, once the screen below is drawn: what died while
  frozen (the closed screen's widgets, which hold each other in cycles) is collected then,
  not held for the rest of the day.
- `release` when the app ends: nothing stays frozen in a process that runs further apps (the
  tests).
"""

from __future__ import annotations

import gc


def freeze() -> None:
    """Leave what is alive now out of every later full collection."""
    gc.freeze()


def tidy() -> None:
    """Collect what died since the last freeze, then freeze what is alive (one full walk, at
    a moment the caller chose)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def settle() -> None:
    """Freeze what the start made, after one full collection; only a freeze if something is
    frozen already (an agreement opened before the start's work was done: its typing must not
    wait for a collection)."""
    if gc.get_freeze_count():
        freeze()
    else:
        tidy()


def release() -> None:
    """Let the collector walk everything again (the app is ending)."""
    gc.unfreeze()
