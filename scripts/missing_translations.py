"""Print the msgids in the code that have no Danish translation yet, as .po entries to fill."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.extract import extract_from_dir

from coordinator.i18n import translate

PACKAGE = Path(__file__).resolve().parent.parent / "coordinator"


def main() -> int:
    seen: set[str] = set()
    for filename, lineno, message, _c, _x in extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None, "ngettext": (1, 2)},
    ):
        for text in message if isinstance(message, tuple) else (message,):
            if text and text not in seen and translate(text, "da") == text:
                seen.add(text)
                escaped = text.replace("\\", "\\\\").replace('"', '\\"')
                print(f'#: {filename}:{lineno}\nmsgid "{escaped}"\nmsgstr ""\n')
    return 0


if __name__ == "__main__":
    sys.exit(main())
