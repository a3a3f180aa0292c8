"""Issue 20, items 6 and 7: sane bounds and no terminal escapes, on both engines.

Each test is a reproduction from the issue: a value out of bounds is refused with one line
`coordinator: …` and exit status 1 and changes nothing; control characters are removed on the
way in (CLI, CSV import, the store's writers the dialogs call) and never printed raw.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from coordinator.domain import limits

pytestmark = pytest.mark.both_engines

ESC = "\x1b"
OSC_TITLE = "Lokale 2\x1b]0;TITLE\x07"
BIG = "99999999999999999999"


def _days(cli) -> list[dict]:
    return json.loads(cli("day", "list", "--json").stdout)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("day", "create", "9999-12-31"), "2100-12-31"),
        (("day", "create", "1999-12-31"), "2000-01-01"),
        (("day", "create", "2027-01-05", "--meeting-minutes", BIG), "between 1 and 480"),
        (("day", "create", "2027-01-05", "--pre-minutes", "100000"), "between 1 and 480"),
        (("day", "create", "2027-01-05", "--start", f"{BIG}:00"), "not a time"),
        (("day", "create", "2027-01-05", "--location", "x" * 30_000), "at most"),
        (("day", "plan", "--from", "9999-12-01", "--every", "1w", "--count", "2"), "2100"),
        (("day", "plan", "--from", "2100-12-01", "--every", "1w", "--count", "10"), "2100"),
    ],
)
def test_a_day_out_of_bounds_is_one_line_and_changes_nothing(cli, args, fragment) -> None:
    result = cli(*args, ok=False)
    assert fragment in result.stderr
    assert _days(cli) == []


@pytest.mark.parametrize(
    "args",
    [
        ("case", "edit", BIG, "--citizen", "X"),
        ("case", "start-pre", "1" + "0" * 400),
        ("agreement", "show", "9223372036854775808"),
        ("rating", "list", BIG),
        ("citizen", "export", BIG),
        ("consent", "set", "--given", "2026-12-01", "--", "-9223372036854775809"),
        ("case", "move", "1", "--to", "2026-12-03", "--position", BIG),
    ],
)
def test_an_id_beyond_64_bits_is_one_line(cli, args) -> None:
    assert "between" in cli(*args, ok=False).stderr


def test_an_id_beyond_64_bits_is_not_found_in_the_store(store) -> None:
    """The dialogs and every other caller of the store get "not found", not an overflow."""
    from coordinator.store.errors import NotFound
    from coordinator.store.timing import start_pre_meeting

    with pytest.raises(NotFound):
        start_pre_meeting(store, 2**70)


def test_an_escape_in_a_location_is_removed_and_never_printed(cli) -> None:
    cli("day", "create", "2027-01-06", "--location", OSC_TITLE)
    assert _days(cli)[0]["location"] == "Lokale 2"
    assert "Lokale 2" in cli("day", "list").stdout


def test_text_stored_before_the_cleaning_is_printed_harmlessly(cli, store) -> None:
    cli("people", "add", "Lene Holm", "--profession", "coordinator")
    cli("day", "create", "2027-01-06", "--location", "Lokale")
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE person SET name = :n"), {"n": "Lene\x1b]0;T\x07\x9b1m"})
        connection.execute(text("UPDATE stepupday SET location = :l"), {"l": OSC_TITLE})
    listed = cli("people", "list").stdout
    assert "Lene␛]0;T␇" in listed and "\x9b" not in listed
    assert "Lokale 2␛]0;TITLE␇" in cli("day", "list").stdout
    assert "Lokale 2␛]0;TITLE␇" in cli("day", "show", "2027-01-06").stdout
    # JSON keeps the data but escapes every control character, C1 included.
    raw = cli("people", "list", "--json").stdout
    assert "\\u001b" in raw and "\\u009b" in raw and "\x9b" not in raw
    assert json.loads(raw)[0]["name"] == "Lene\x1b]0;T\x07\x9b1m"


def test_the_store_edge_cleans_what_a_dialog_writes(store) -> None:
    """The dialogs call the store's writers directly: the edge cleans and bounds for them."""
    from coordinator.domain.vocab import Profession
    from coordinator.store.errors import Invalid
    from coordinator.store.people import PersonInput, add_person, list_people

    person = add_person(
        store, PersonInput(name="Ny\x00 Per\u202eson\x1b[2J", profession=Profession.CASEWORKER)
    )
    assert person.name == "Ny Person"
    with pytest.raises(Invalid, match=f"{limits.MAX_NAME}"):
        add_person(store, PersonInput(name="x" * 5_000, profession=Profession.CASEWORKER))
    assert [p.name for p in list_people(store)] == ["Ny Person"]


def test_settings_out_of_bounds_are_one_line(cli) -> None:
    assert "at most 1024" in cli("settings", "set", "logo", "x" * 10_000, ok=False).stderr
    too_long_name = "/tmp/" + "y" * 300 + ".png"
    assert "too long" in cli("settings", "set", "logo", too_long_name, ok=False).stderr
    assert "at most 50" in cli("settings", "set", "max_circle", BIG, ok=False).stderr
    assert "at most 1200" in cli("settings", "set", "retention_months", BIG, ok=False).stderr
    assert json.loads(cli("settings", "show", "--json").stdout)["max_circle"] == "7"


def test_many_identical_days_on_one_date_are_refused(cli) -> None:
    for _number in range(limits.MAX_DAYS_PER_DATE):
        cli("day", "create", "2027-01-07")
    assert "at most 6 on one date" in cli("day", "create", "2027-01-07", ok=False).stderr
    assert len(_days(cli)) == limits.MAX_DAYS_PER_DATE


def test_a_csv_with_nul_and_escapes_is_stored_clean(cli, tmp_path: Path) -> None:
    """NUL bytes broke PostgreSQL (`DataError`); an OSC sequence set the terminal's title."""
    path = tmp_path / "people.csv"
    path.write_bytes(
        b"name,profession,department\n"
        b"Nul\x00Person,caseworker,Jobcenter\x1b]0;T\x07 Nord\n"
        b"\xe2\x80\xaeAnna,coordinator,\n"
    )
    cli("people", "import", str(path))
    people = json.loads(cli("people", "list", "--json").stdout)
    assert {(p["name"], p["department"]) for p in people} == {
        ("NulPerson", "Jobcenter Nord"),
        ("Anna", ""),
    }


@pytest.mark.parametrize(
    "body",
    [
        b"Lang," + b"y" * 200_000 + b"\n",  # over the csv module's field size limit
        b'"' + b"z" * 140_000 + b'",caseworker\n',
        b"Ok,caseworker\n" + b"x" * 300 + b",caseworker\n",  # a name over MAX_NAME
    ],
    ids=["field-limit", "quoted-field-limit", "long-name"],
)
def test_a_csv_out_of_bounds_is_one_line_and_imports_nothing(cli, tmp_path: Path, body) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b"name,profession\n" + body)
    assert "Nothing was imported" in cli("people", "import", str(path), ok=False).stderr
    assert json.loads(cli("people", "list", "--json").stdout) == []


def test_a_path_with_an_over_long_name_is_one_line(cli, tmp_path: Path) -> None:
    cli("day", "create", "2027-01-06")
    out = tmp_path / ("😀" * 200)
    assert "too long" in cli("export", "day", "2027-01-06", "--out", str(out), ok=False).stderr


def test_text_with_lines_keeps_its_lines_and_loses_its_escapes(demo_store) -> None:
    """The agreement editor's fields have lines: tab and line ends stay as typed (the autosave
    compares what it stored with what it shows), escapes, NUL and C1 go."""
    from coordinator.store import agreements

    case_id = 1
    agreements.set_fields(
        demo_store, case_id, citizen_words="Jeg vil\tgerne\x1b[31m\r\narbejde\x9b1m\x00"
    )
    assert agreements.latest(demo_store, case_id).citizen_words == "Jeg vil\tgerne\r\narbejde"


def test_a_goal_date_out_of_bounds_is_refused_by_the_store(demo_store) -> None:
    from datetime import date

    from coordinator.store import agreements
    from coordinator.store.errors import Invalid

    before = agreements.latest(demo_store, 1)
    with pytest.raises(Invalid, match="2100-12-31"):
        agreements.set_fields(demo_store, 1, goal_date=date(9999, 12, 31))
    after = agreements.latest(demo_store, 1)
    assert (after.goal_date, after.row_version) == (before.goal_date, before.row_version)
