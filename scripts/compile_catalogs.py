"""Compile every `coordinator/locale/*/LC_MESSAGES/*.po` into its `.mo` beside it.

Run after editing a catalog: `python scripts/compile_catalogs.py`. A unit test fails when a
committed `.mo` no longer means what its `.po` says (compared message by message, not byte
for byte, so a newer Babel's header does not matter), so a forgotten compile cannot ship.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)
LOCALE_DIR = Path(__file__).resolve().parent.parent / "coordinator" / "locale"


def compiled(po_path: Path) -> bytes:
    """The `.mo` bytes for one `.po` file (fuzzy entries are left out, as msgfmt does)."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name)
    # Babel stamps "now" into headers a .po does not carry; pin them so compiles are repeatable.
    catalog.creation_date = catalog.revision_date = _EPOCH
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def main() -> int:
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        po_path.with_suffix(".mo").write_bytes(compiled(po_path))
        print(f"compiled {po_path.relative_to(LOCALE_DIR.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
