"""Translations through gettext: English msgids in the code, a Danish catalog, Danish by default.

Each feature keeps its own catalog file (`locale/da/LC_MESSAGES/<feature>.po`, compiled to `.mo`
by `scripts/compile_catalogs.py`); all files of a language are chained into one translation, so
features can grow their texts without editing one shared file.

Only the standard library is imported here, so the domain and the CLI can use `_` cheaply.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "da"
LANGUAGES = ("da", "en")

#: The current language's translation, read from its catalogs at the first `_()` (None until
#: then): `coordinator --help` and a plain open's first frame need no catalog.
_current: gettext.NullTranslations | None = None
_current_language = "en"


@cache
def translations_for(language: str) -> gettext.NullTranslations:
    """All catalogs of `language` chained into one; English (the msgids) needs none."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    chain: gettext.NullTranslations = gettext.NullTranslations()
    for mo_file in sorted(folder.glob("*.mo")) if folder.is_dir() else []:
        with mo_file.open("rb") as handle:
            catalog = gettext.GNUTranslations(handle)
        catalog.add_fallback(chain)
        chain = catalog
    return chain


def set_language(language: str) -> None:
    """Choose the language of every later `_()` call (the CLI does this once, at start)."""
    global _current, _current_language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _current = None
    _current_language = language


def _translations() -> gettext.NullTranslations:
    global _current
    if _current is None:
        _current = translations_for(_current_language)
    return _current


def current_language() -> str:
    return _current_language


def _(message: str) -> str:
    """Translate `message` into the current language."""
    return (_current or _translations()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Translate a message that depends on a count."""
    return (_current or _translations()).ngettext(singular, plural, count)


def N_(message: str) -> str:  # noqa: N802 - the conventional gettext marker name
    """Mark `message` for extraction without translating it yet (translated where shown)."""
    return message


def translate(message: str, language: str) -> str:
    """Translate into a given language regardless of the current one (used by parsers that
    accept both the Danish and the English name of a thing)."""
    return translations_for(language).gettext(message)


set_language(DEFAULT_LANGUAGE)
