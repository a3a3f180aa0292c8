"""Every text column of every table is in the erasure registry or declared anonymous.

A helper adding a table with a citizen's name, a reason or a note must decide here whether
erasure blanks it: this test walks the tables and names the column that nobody decided on.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlmodel import SQLModel

from coordinator.store import models  # noqa: F401 - registers the tables
from coordinator.store.erasure import rows_of
from coordinator.store.personal_data import ANONYMOUS, PERSONAL, personal_tables


def _is_text(column_type: object) -> bool:
    """String and Text, and SQLModel's AutoString (a TypeDecorator over String), which is what
    every `str` field of a model becomes."""
    if isinstance(column_type, String | Text):
        return True
    impl = getattr(column_type, "impl", None)
    return isinstance(impl, String | Text) or isinstance(impl, type) and issubclass(impl, String)


def _text_columns() -> set[tuple[str, str]]:
    return {
        (table.name, column.name)
        for table in SQLModel.metadata.sorted_tables
        for column in table.columns
        if _is_text(column.type)
    }


def test_the_walk_sees_the_text_columns() -> None:
    """The walk below would pass on nothing at all if it missed a column type."""
    found = _text_columns()
    assert {("citizen", "name"), ("citizen", "cpr"), ("preparation", "health")} <= found
    assert ("case", "id") not in found


def _covered() -> set[tuple[str, str]]:
    covered = set(ANONYMOUS)
    for rule in PERSONAL:
        table = SQLModel.metadata.tables[rule.table]
        names = table.columns.keys() if rule.delete_rows else rule.blank
        covered |= {(rule.table, name) for name in names}
    return covered


def test_every_text_column_is_erased_or_declared_anonymous() -> None:
    undecided = sorted(_text_columns() - _covered())
    assert not undecided, (
        "text columns neither in store/personal_data.py PERSONAL (erased) nor in ANONYMOUS "
        f"(with a reason): {undecided}"
    )


def test_the_registry_names_only_columns_that_exist() -> None:
    tables = SQLModel.metadata.tables
    for rule in PERSONAL:
        assert rule.table in tables, rule.table
        for name in rule.blank:
            assert name in tables[rule.table].columns, (rule.table, name)
    for table, column in ANONYMOUS:
        assert column in tables[table].columns, (table, column)
    assert not {(r.table, c) for r in PERSONAL for c in r.blank} & set(ANONYMOUS)
    assert len(personal_tables()) == len(PERSONAL), "one rule per table"


def test_every_rule_reaches_the_citizen() -> None:
    for rule in PERSONAL:
        condition = str(rows_of(rule, 7))
        assert "citizen" in condition, (rule.table, condition)


def test_reasons_are_given() -> None:
    assert all(reason.strip() for reason in ANONYMOUS.values())


def test_every_personal_table_has_words_for_the_confirmation() -> None:
    from coordinator.store.personal_data import TABLE_LABELS

    assert set(TABLE_LABELS) == set(personal_tables())
