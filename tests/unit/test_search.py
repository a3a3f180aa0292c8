"""Searching for people as they are typed, with or without a Danish keyboard."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.domain.search import fold, matches
from coordinator.domain.vocab import Profession
from coordinator.store.people import PersonInput, add_person, list_people

pytestmark = pytest.mark.both_engines


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("moller", "Kasper Møller"),
        ("MØLLER", "Kasper Møller"),
        ("aero", "Ærø Hansen"),
        ("aabenraa", "Åbenrå Jobcenter"),
        ("rene", "René Dupont"),
        ("sund", "Sundhedsplejen"),
    ],
)
def test_folded_queries_find_the_name(query: str, name: str) -> None:
    assert matches(query, name)


def test_fold_spells_out_danish_letters() -> None:
    assert fold("Ærø Åbenrå Møller Élise") == "aero aabenraa moller elise"


def test_no_false_friends() -> None:
    assert not matches("molle", "Kasper Mølgaard")
    assert not matches("aa", "Mads Eriksen")
    assert matches("", "anything") and matches("  ", "")


@given(st.text())
def test_every_text_finds_itself(text: str) -> None:
    assert matches(text, text)
    assert matches(text, f"before {text} after")


def test_the_directory_search_folds(store) -> None:
    add_person(
        store, PersonInput(name="Karen Møller", profession=Profession.NURSE, email="kamo@demo.dk")
    )
    add_person(store, PersonInput(name="Jonas Berg", profession=Profession.JOBBROKER))
    assert [p.name for p in list_people(store, search="moller")] == ["Karen Møller"]
    assert [p.name for p in list_people(store, search="KAMO@")] == ["Karen Møller"]
