"""Every interface text has a Danish translation, and the compiled catalogs are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from coordinator.i18n import LOCALE_DIR, translate, translations_for

PACKAGE = Path(__file__).resolve().parents[2] / "coordinator"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def _msgids() -> dict[str, str]:
    found: dict[str, str] = {}
    sources = [
        (PACKAGE, [("**.py", "python")], {}),
        (
            PACKAGE.parent / "templates",
            [("**.j2", "jinja2.ext:babel_extract")],
            {"**.j2": {"extensions": "jinja2.ext.i18n"}},
        ),
    ]
    for folder, method_map, options in sources:
        for filename, lineno, message, _comments, _context in extract_from_dir(
            str(folder), method_map=method_map, keywords=KEYWORDS, options_map=options
        ):
            if isinstance(message, tuple):  # ngettext: the plural form stands for the pair
                PLURALS[message[1]] = message[0]
            for text in message if isinstance(message, tuple) else (message,):
                if text:
                    found.setdefault(text, f"{filename}:{lineno}")
    return found


#: The plural msgids seen by `_msgids`, to their singular.
PLURALS: dict[str, str] = {}


def _danish(message: str) -> str:
    if message in PLURALS:
        return translations_for("da").ngettext(PLURALS[message], message, 2)
    return translate(message, "da")


def test_every_message_has_a_danish_translation() -> None:
    missing = {m: where for m, where in _msgids().items() if _danish(m) == m}
    # A few words are the same in both languages.
    same_in_danish = {
        "Mentor",
        "CV",
        "Min Plan",
        "Step-up",
        "Status",
        "Start",
        "#",
        "{kind} {number}",
        "PDF",
        "Word (DOCX)",
        "Markdown",
    }
    missing = {m: w for m, w in missing.items() if m not in same_in_danish}
    assert not missing, "untranslated: " + "; ".join(f"{w}: {m!r}" for m, w in missing.items())


def _compiler():
    path = PACKAGE.parent / "scripts" / "compile_catalogs.py"
    spec = importlib.util.spec_from_file_location("compile_catalogs", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("po_path", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_compiled_catalog_is_current(po_path: Path) -> None:
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run scripts/compile_catalogs.py for {po_path.name}"
    assert mo_path.read_bytes() == _compiler().compiled(po_path), (
        f"{mo_path.name} is stale: run scripts/compile_catalogs.py"
    )
