"""`coordinator settings`: the letterhead and limits a job centre sets once, validated on entry."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.export.context import letterhead
from coordinator.store.database import Store
from coordinator.store.settings import effective_max_circle


@pytest.fixture
def cli(db_path: Path, clock):
    runner = CliRunner()

    def run(*args: str, ok: bool = True):
        result = runner.invoke(
            app, ["--db", str(db_path), "--lang", "en", *args], obj=SimpleNamespace(clock=clock)
        )
        assert (result.exit_code == 0) is ok, (result.stdout, result.stderr)
        return result

    return run


def test_set_and_show(cli, db_path: Path, clock, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    cli("settings", "set", "municipality", "Faxe Kommune")
    cli("settings", "set", "jobcentre", "Jobcenter Faxe")
    cli("settings", "set", "logo", str(logo))
    cli("settings", "set", "max_circle", "8")

    shown = json.loads(cli("settings", "show", "--json").stdout)
    assert shown == {
        "municipality": "Faxe Kommune",
        "jobcentre": "Jobcenter Faxe",
        "logo": str(logo.resolve()),
        "templates_dir": "",
        "max_circle": "8",
    }
    assert "Faxe Kommune" in cli("settings", "show").stdout

    store = Store.open(str(db_path), clock=clock)
    try:
        head = letterhead(store)
        assert head["municipality"] == "Faxe Kommune"
        assert head["logo"]["data_uri"].startswith("data:image/png;base64,")
        assert effective_max_circle(store) == 8
    finally:
        store.close()


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("colour", "red", "unknown setting 'colour'"),
        ("max_circle", "0", "at least 1"),
        ("max_circle", "seven", "at least 1"),
        ("logo", "/no/such/logo.png", "does not exist"),
        ("templates_dir", "/no/such/folder", "does not exist"),
    ],
)
def test_bad_values_are_refused_and_change_nothing(cli, key: str, value: str, message: str) -> None:
    before = cli("settings", "show", "--json").stdout
    result = cli("settings", "set", key, value, ok=False)
    assert result.stderr.startswith("coordinator: ") and message in result.stderr
    assert "Traceback" not in result.stderr
    assert cli("settings", "show", "--json").stdout == before


def test_an_empty_value_clears_a_setting(cli) -> None:
    cli("settings", "set", "municipality", "Faxe Kommune")
    cli("settings", "set", "municipality", "")
    assert json.loads(cli("settings", "show", "--json").stdout)["municipality"] == ""


def test_effective_max_circle_without_and_with_a_setting(store) -> None:
    """One reader of the circle limit: the domain's default until the job centre sets one."""
    from coordinator.domain.roster_rules import DEFAULT_MAX_CIRCLE
    from coordinator.store.settings import DEFAULTS, change_setting, set_setting

    assert effective_max_circle(store) == DEFAULT_MAX_CIRCLE
    assert DEFAULTS["max_circle"] == str(DEFAULT_MAX_CIRCLE), "settings show the same default"
    change_setting(store, "max_circle", "4")
    assert effective_max_circle(store) == 4
    with store.session() as session:
        assert effective_max_circle(store, session) == 4
    set_setting(store, "max_circle", "zero")  # stored around the validation: not trusted
    assert effective_max_circle(store) == DEFAULT_MAX_CIRCLE
    set_setting(store, "max_circle", "0")
    assert effective_max_circle(store) == DEFAULT_MAX_CIRCLE


def test_the_roster_rules_use_the_effective_max_circle(store) -> None:
    from coordinator.store.cases import CaseInput, add_case
    from coordinator.store.days import DayInput, create_day
    from coordinator.store.roster import add_network_person, check, roster_context
    from coordinator.store.settings import change_setting

    day = create_day(store, DayInput(date=store.now().date()))
    case_id = add_case(store, CaseInput(day_id=day.id or 0, citizen="Mads Eriksen")).id or 0
    for name in ("A", "B"):
        add_network_person(store, case_id, name)
    assert roster_context(store, case_id).max_circle == effective_max_circle(store)
    assert "circle-too-large" not in {f.code for f in check(store, case_id)}
    change_setting(store, "max_circle", "2")
    assert roster_context(store, case_id).max_circle == 2
    assert "circle-too-large" in {f.code for f in check(store, case_id)}
