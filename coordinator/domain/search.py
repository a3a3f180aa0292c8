"""Search as people type it: on a Danish keyboard or not.

"moller" must find "Møller", "aero" must find "Ærø" and "aabenraa" "Åbenrå": names are typed
from memory, on laptops with other keyboard layouts, and in e-mail addresses where the Danish
letters are already spelt out. Both the text searched and the query are folded the same way.
"""

from __future__ import annotations

import unicodedata

#: The Danish letters as they are written without them.
_DANISH = str.maketrans({"æ": "ae", "ø": "o", "å": "aa"})


def fold(text: str) -> str:
    """`text` case-folded, Danish letters spelt out and other accents dropped (é -> e).

    ø is written both "o" and "oe" without the letter, so "oe" folds to "o" too: "moller" and
    "moeller" both find "Møller" (æ and å have one spelling each, "ae" and "aa")."""
    spelt = text.casefold().translate(_DANISH).replace("oe", "o")  # before NFKD (å -> a)
    decomposed = unicodedata.normalize("NFKD", spelt)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matches(query: str, *fields: str) -> bool:
    """True when the folded query is part of any of the folded fields (blank matches all)."""
    needle = fold(query.strip())
    return not needle or needle in fold(" ".join(fields))


def name_key(name: str) -> str:
    """How two names are compared as the same name: Unicode case folding of the NFC form, so
    "JONAS ØRSTED", "jonas ørsted" and a decomposed "Ørsted" are one name. Compared in Python:
    SQLite's lower() folds only A-Z ("Ørsted" was refused as "no person of that name")."""
    return unicodedata.normalize("NFC", name).strip().casefold()
