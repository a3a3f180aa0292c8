"""No terminal escape in, none out: the cleaning of user text, by example and by property."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from coordinator.domain.text import clean_line, clean_text, has_controls, printable

OSC_TITLE = "Lokale 2\x1b]0;TITLE\x07"


def test_an_osc_title_sequence_is_removed_whole() -> None:
    assert clean_line(OSC_TITLE) == "Lokale 2"
    assert clean_line("Jonas \x1b[31mØrsted\x1b[0m") == "Jonas Ørsted"


def test_nul_bel_and_c1_are_removed_danish_letters_kept() -> None:
    assert clean_line("Bir\x00the \x07Åkjær\x85 Sørensen") == "Birthe Åkjær Sørensen"
    assert clean_line("\u202eevil\u202c name") == "evil name"


def test_lines_are_kept_where_a_field_has_lines() -> None:
    assert (
        clean_text("Første linje\r\nAnden\tlinje\rTredje") == "Første linje\nAnden\tlinje\nTredje"
    )
    assert clean_line("Første\nAnden\tTredje") == "Første Anden Tredje"


def test_printable_shows_what_it_does_not_send() -> None:
    shown = printable(OSC_TITLE)
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown.startswith("Lokale 2␛]0;TITLE")
    assert printable("linje 1\nlinje 2") == "linje 1\nlinje 2"


def test_has_controls() -> None:
    assert has_controls(OSC_TITLE)
    assert not has_controls("Mette Kjær-Ålund")
    assert not has_controls("to\nlinjer", lines=True)
    assert has_controls("to\nlinjer")


def _is_control(char: str) -> bool:
    return (
        unicodedata.category(char) == "Cc"
        or 0x202A <= ord(char) <= 0x202E
        or (0x2066 <= ord(char) <= 0x2069)
    )


@given(st.text())
def test_clean_line_leaves_no_control_at_all(value: str) -> None:
    assert not any(_is_control(char) for char in clean_line(value))


@given(st.text())
def test_clean_text_leaves_only_tab_and_newline(value: str) -> None:
    assert not any(_is_control(char) and char not in "\t\n" for char in clean_text(value))


@given(st.text())
def test_printable_never_contains_a_control_but_tab_and_newline(value: str) -> None:
    assert not any(_is_control(char) and char not in "\t\n" for char in printable(value))


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))))
def test_clean_text_keeps_ordinary_text_exactly(value: str) -> None:
    value = "".join(c for c in value if not _is_control(c))
    assert clean_text(value) == value
    assert printable(value) == value


@given(st.text())
def test_cleaning_twice_changes_nothing(value: str) -> None:
    assert clean_line(clean_line(value)) == clean_line(value)
    assert clean_text(clean_text(value)) == clean_text(value)
