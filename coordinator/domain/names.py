"""A citizen's initials: the one rule for every place that names a citizen by them.

The follow-up list (it may be on a projector), the exported agenda, invitations and letters,
and the exported files' names show a citizen by initials only. Three versions of the rule
differed on names with brackets or other odd characters: one took a word's first character
whatever it was, so "[bold]Åse" gave "[." (Rich markup in the list) and an escape sequence
reached the terminal. Here a word gives its first letter, a word without one gives nothing,
and a name without any letter gives a placeholder, so the result is never empty and never
holds markup, brackets, spaces or control characters.
"""

from __future__ import annotations

from coordinator.domain.text import clean_line


def initials(name: str, *, dots: bool = True, unknown: str = "?") -> str:
    """The first letter of each word, as a capital ("Mads Eriksen" -> "M.E.", or "ME" without
    `dots`, as a file name has them); `unknown` when the name has no letter at all."""
    mark = "." if dots else ""
    letters = []
    for word in clean_line(name).split():
        first = next((ch for ch in word if ch.isalpha()), None)
        if first is not None:
            letters.append(first.upper() + mark)
    return "".join(letters) or unknown
