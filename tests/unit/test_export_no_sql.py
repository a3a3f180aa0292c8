"""The export package builds documents from plain records: every query lives in store/.

Like `test_layers.py` does for the screens: no SQL import, no session, no statement executed,
and no table classes; and the four screens that took plain records stay off the table rows.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "coordinator"
SQL_PACKAGES = {"sqlalchemy", "sqlmodel"}
SQL_ATTRIBUTES = {"session", "exec", "execute"}


def _offences(path: Path, forbidden_modules: set[str], attributes: set[str]) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            imported = [node.module or ""]
            imported += [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            imported = [alias.name for alias in node.names]
        else:
            imported = []
        for name in imported:
            if name.split(".")[0] in forbidden_modules or name in forbidden_modules:
                found.append(f"{path.name}:{node.lineno} imports {name}")
                break
        if isinstance(node, ast.Attribute) and node.attr in attributes:
            found.append(f"{path.name}:{node.lineno} uses .{node.attr}")
    return found


def test_export_runs_no_sql() -> None:
    paths = sorted((PACKAGE / "export").glob("*.py"))
    assert paths, "the export package moved"
    offenders = [
        offence
        for path in paths
        for offence in _offences(path, SQL_PACKAGES | {"coordinator.store.models"}, SQL_ATTRIBUTES)
    ]
    assert offenders == []


@pytest.mark.parametrize("screen", ["roster", "case_dialogs", "people", "day_dialogs"])
def test_screens_get_plain_records_not_table_rows(screen: str) -> None:
    path = PACKAGE / "screens" / f"{screen}.py"
    assert _offences(path, {"coordinator.store.models"}, set()) == []


def test_the_scan_notices_sql(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from sqlmodel import select\n"
        "from coordinator.store import models\n"
        "def f(store):\n"
        "    with store.session() as s:\n"
        "        return s.exec(select(models.Case))\n",
        encoding="utf-8",
    )
    found = _offences(bad, SQL_PACKAGES | {"coordinator.store.models"}, SQL_ATTRIBUTES)
    assert len(found) == 4, found


def test_people_and_roster_hand_out_frozen_records_with_parsed_values(demo_store) -> None:
    from coordinator.domain.vocab import Attendance, Part, Profession, RosterRole
    from coordinator.store import people, roster

    person = people.list_people(demo_store)[0]
    assert dataclasses.is_dataclass(person)
    assert isinstance(person.profession, Profession)
    with pytest.raises(dataclasses.FrozenInstanceError):
        person.name = "x"  # type: ignore[misc]
    lines = roster.roster_lines(demo_store, 1)
    assert lines and all(
        isinstance(line.role, RosterRole)
        and isinstance(line.part, Part)
        and isinstance(line.attendance, Attendance)
        for line in lines
    )
    removed = roster.remove_entry(demo_store, lines[-1].id)
    restored = roster.restore_entry(demo_store, removed)
    assert (restored.name, restored.part, restored.attendance, restored.created_at) == (
        removed.name,
        removed.part,
        removed.attendance,
        removed.created_at,
    )
