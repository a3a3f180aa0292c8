"""A citizen's initials, one rule for every place that shows them (the follow-up list, the
exported documents, the exported files' names): the first letter of each word, never markup,
brackets or control characters, never empty. Three versions differed on "[bold]Åse" (the
follow-up list said "[." and Rich read it as markup)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.domain.followup import initials as followup_initials
from coordinator.domain.names import initials
from coordinator.export.context import initials as export_initials
from coordinator.export.files import initials_for_file

#: What would make the result markup (Rich, HTML, Jinja) or not one line of text.
FORBIDDEN = set("[]<>{}\\/|*_`#&;:\"'")


def acceptable(result: str) -> bool:
    return bool(result) and not any(
        ch in FORBIDDEN or ch.isspace() or unicodedata.category(ch)[0] in "CZ" for ch in result
    )


@pytest.mark.parametrize(
    ("name", "shown", "in_file"),
    [
        ("Mads Eriksen", "M.E.", "ME"),
        ("Mads  Eriksen", "M.E.", "ME"),
        ("ali hassan el-sayed", "A.H.E.", "AHE"),
        ("Ærø Åse Ødegård-Sørensen", "Æ.Å.Ø.", "ÆÅØ"),
        ("[bold]Åse[/bold] Berg", "B.B.", "BB"),
        ("(Mads) Eriksen", "M.E.", "ME"),
        ("Mads \x1b[31mEriksen", "M.E.", "ME"),
        ("😀 Mads", "M.", "M"),
        ("123 [] !!", "?", "X"),
        ("", "?", "X"),
    ],
)
def test_initials(name: str, shown: str, in_file: str) -> None:
    assert initials(name) == shown
    assert initials_for_file(name) == in_file


@pytest.mark.parametrize("name", ["[bold]Åse[/bold] Berg", "(Mads) Eriksen", "Mads Eriksen", ""])
def test_every_place_uses_the_same_rule(name: str) -> None:
    assert followup_initials(name) == export_initials(name) == initials(name)
    assert initials_for_file(name) == initials(name, dots=False, unknown="X")


@given(st.text())
def test_never_empty_never_markup_nor_controls(name: str) -> None:
    assert acceptable(initials(name))
    assert acceptable(initials_for_file(name))
    assert "." not in initials_for_file(name)


@given(st.lists(st.text(st.characters(categories=["Lu", "Ll"]), min_size=1), min_size=1))
def test_a_name_of_letters_gives_one_capital_a_word(words: list[str]) -> None:
    result = initials(" ".join(words))
    assert result == "".join(word[0].upper() + "." for word in words)
