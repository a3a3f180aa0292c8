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
    """`text` case-folded, Danish letters spelt out and other accents dropped (é -> e)."""
    spelt = text.casefold().translate(_DANISH)  # before NFKD, which would make å a plain a
    decomposed = unicodedata.normalize("NFKD", spelt)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matches(query: str, *fields: str) -> bool:
    """True when the folded query is part of any of the folded fields (blank matches all)."""
    needle = fold(query.strip())
    return not needle or needle in fold(" ".join(fields))
