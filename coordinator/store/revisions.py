"""The schema revisions this version of the app ships, read from the migrations' own text.

Start-up reads this instead of loading Alembic (over 100 ms), and the first look at today's
agenda (`store.day_glance`) reads it before SQLAlchemy has loaded: it only reads a database at
this head. The files are ours and linear, and a unit test proves the answer equals Alembic's.
"""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

_REVISION_RE = re.compile(r"^revision(?:: str)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_RE = re.compile(r"^down_revision(?:: [^=]+)? = (.+)$", re.MULTILINE)


def shipped_revisions() -> tuple[set[str], str | None]:
    """All revision ids in the versions folder and the head (None when not exactly one)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION_RE.search(source)
        if revision:
            revisions.add(revision.group(1))
        down = _DOWN_RE.search(source)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    heads = revisions - parents
    return revisions, (heads.pop() if len(heads) == 1 else None)
