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

pytestmark = pytest.mark.both_engines


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
        "jobcentre_address": "",
        "jobcentre_phone": "",
        "large_print": "",
        "logo": str(logo.resolve()),
        "templates_dir": "",
        "max_circle": "8",
        "keymap": "",
        "consent_rule": "warn",
        "retention_months": "12",
        "directions": "",
        "day_end": "15:30",
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
        ("keymap", '{"day.nxt": "enter"}', "unknown binding id 'day.nxt'"),
        ("keymap", "day.next=enter", "not valid JSON"),
        ("keymap", '["day.next", "enter"]', "a JSON object of binding ids and keys"),
        ("keymap", '{"day.next": ""}', "give 'day.next' its keys as text"),
        ("keymap", '{"day.next": ["enter"]}', "give 'day.next' its keys as text"),
        ("keymap", '{"day.next": "ctl+x"}', "'ctl+x' (for day.next) is not a key"),
        ("keymap", '{"day.next": "enter key"}', "is not a key"),
        ("keymap", '{"day.next": "a"}', "already day.absent (Citizen absent)"),
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


def test_a_keymap_is_stored_and_listed(cli) -> None:
    shown = cli(
        "settings", "set", "keymap", ' { "day.next": "enter", "days.refresh": "f5,ctrl+r" }'
    )
    assert shown.stdout.strip() == 'keymap = {"days.refresh": "f5,ctrl+r", "day.next": "enter"}'
    listed = {row["id"]: row for row in json.loads(cli("settings", "keys", "--json").stdout)}
    assert listed["day.next"] == {
        "id": "day.next",
        "keys": "enter",
        "default": "space",
        "description": "Next step",
    }
    assert listed["days.refresh"]["keys"] == "f5,ctrl+r"
    assert listed["day.absent"]["keys"] == listed["day.absent"]["default"] == "a"
    assert "(default space)" in next(
        line for line in cli("settings", "keys").stdout.splitlines() if line.startswith("day.next")
    )
    cli("settings", "set", "keymap", "")
    assert json.loads(cli("settings", "show", "--json").stdout)["keymap"] == ""


def test_people_may_go_on_sharing_their_default_key(cli) -> None:
    """Deactivate and Reactivate share Ctrl+D by default (one shows at a time); moving both
    together is not a clash."""
    cli("settings", "set", "keymap", '{"people.deactivate": "f3", "people.reactivate": "f3"}')
