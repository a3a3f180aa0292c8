"""`agreement set` beside the app's autosave: a refusal by the row version is not a conflict.

The app saves the agreement field by field a few times a second. When one of those saves
commits between this command's read and its write, the row version refuses the command (nothing
lost, nothing overwritten), although the command and the app changed different fields. The
command then reads the agreement again and writes once more (bounded, with short random pauses,
like the autosave's own RACE_RETRIES): only a change of a field the command sets, made since it
first read the agreement, is reported as a conflict. Each try is one compare-and-set write of
the store (`set_fields` with the version just read), so the check and the write stay atomic.
"""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING

from coordinator.i18n import _

if TYPE_CHECKING:
    from coordinator.store.database import Store
    from coordinator.store.models import Agreement

#: The command-line option of each field, to name a disputed field as the user typed it.
OPTIONS = {
    "job_goal": "--job-goal",
    "goal_date": "--goal-date",
    "citizen_words": "--citizen-words",
    "goal_reason": "--goal-reason",
    "follow_up_date": "--follow-up",
    "follow_up_contact": "--follow-up-contact",
}


def set_fields_retrying(store: Store, case_id: int, fields: dict[str, object]) -> Agreement:
    """Set `fields` of the case's agreement draft; a write refused only because another field
    was written meanwhile is tried again. `Conflict` when one of `fields` itself changed."""
    from coordinator.store import agreements
    from coordinator.store.autosave import RACE_PAUSE_MAX, RACE_RETRIES
    from coordinator.store.errors import Conflict

    first = agreements.ensure_draft(store, case_id)
    base = {name: getattr(first, name) for name in fields}
    version = first.row_version
    for attempt in range(RACE_RETRIES + 1):
        try:
            return agreements.set_fields(store, case_id, expected_version=version, **fields)
        except Conflict:
            current = agreements.latest(store, case_id)
            if current is None or attempt == RACE_RETRIES:
                raise
            changed = [
                name
                for name, value in fields.items()
                if getattr(current, name) not in (base[name], value)
            ]
            if changed:
                raise Conflict(
                    _(
                        "{options} of the agreement of case {case} was changed by someone else "
                        "just now; nothing was changed: look at it (agreement show) and set it "
                        "again."
                    ).format(options=", ".join(OPTIONS[name] for name in changed), case=case_id)
                ) from None
            version = current.row_version
            pause = min(RACE_PAUSE_MAX, 0.005 * (attempt + 1))
            time.sleep(random.uniform(0, pause))  # let the other writer finish
    raise AssertionError("unreachable")  # pragma: no cover
