"""Every interface text has a Danish translation, and the compiled catalogs are current."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po, write_po

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


def _meaning_of_po(po_path: Path) -> dict[object, object]:
    """What a `.po` says: each translated msgid (or plural pair) to its msgstr(s), no fuzzy."""
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=po_path.parent.parent.name)
    meaning: dict[object, object] = {}
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not any(strings):
            continue  # untranslated: gettext falls back to the msgid, as msgfmt leaves it out
        meaning[_plain(message.id)] = _plain(message.string)
    meaning["Plural-Forms"] = catalog.plural_forms
    return meaning


def _plain(text: object) -> object:
    """A msgid or msgstr as a hashable value: plural forms as a tuple, whichever reader made it."""
    return tuple(text) if isinstance(text, list | tuple) else text


def _meaning_of_mo(mo_path: Path) -> dict[object, object]:
    """What a compiled `.mo` says, read back by Babel's reader (independent of how it was made)."""
    with mo_path.open("rb") as handle:
        catalog = read_mo(handle)
    meaning: dict[object, object] = {}
    for message in catalog:
        if message.id:
            meaning[_plain(message.id)] = _plain(message.string)
    meaning["Plural-Forms"] = catalog.plural_forms
    return meaning


@pytest.mark.parametrize("po_path", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")), ids=str)
def test_compiled_catalog_is_current(po_path: Path) -> None:
    """The committed `.mo` means what its `.po` says.

    Compared by meaning, not byte for byte: the bytes carry the compiler's own version in a
    header, so a byte comparison breaks whenever pip installs a newer Babel.
    """
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run scripts/compile_catalogs.py for {po_path.name}"
    assert _meaning_of_mo(mo_path) == _meaning_of_po(po_path), (
        f"{mo_path.name} is stale: run scripts/compile_catalogs.py"
    )


def test_a_stale_catalog_is_noticed(tmp_path: Path) -> None:
    """The comparison above can fail: a changed translation no longer matches the old `.mo`."""
    source = sorted(LOCALE_DIR.glob("da/LC_MESSAGES/*.po"))[0]
    folder = tmp_path / "da" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po_path = folder / source.name
    po_path.write_bytes(source.read_bytes())
    (folder / source.with_suffix(".mo").name).write_bytes(source.with_suffix(".mo").read_bytes())
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale="da")
    first = next(m for m in catalog if m.id and m.string and not m.fuzzy)
    first.string = "noget helt andet" if isinstance(first.string, str) else ("a", "b")
    with po_path.open("wb") as handle:
        write_po(handle, catalog)
    assert _meaning_of_mo(po_path.with_suffix(".mo")) != _meaning_of_po(po_path)


def test_a_text_has_one_danish_translation_across_catalogs() -> None:
    """The catalogs are chained, so a text translated two ways shows whichever catalog comes
    first: the same button would read differently depending on file names."""
    from babel.messages.pofile import read_po

    translations: dict[str, dict[str, str]] = {}
    for path in sorted(LOCALE_DIR.glob("da/LC_MESSAGES/*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and isinstance(message.id, str):
                    translations.setdefault(message.id, {})[path.name] = str(message.string)
    different = {m: t for m, t in translations.items() if len(set(t.values())) > 1}
    assert not different, different
