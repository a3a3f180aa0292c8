"""The command line in Danish counts and names things in Danish (issue 21, item 11):
`day list` said "5 cases  planned" in the Danish app, and "1 cases" in English."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator.cli import app

pytestmark = pytest.mark.both_engines


def _run(db_url: str, clock, language: str, *args: str) -> str:
    result = CliRunner().invoke(
        app, ["--db", db_url, "--lang", language, *args], obj=SimpleNamespace(clock=clock)
    )
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


def test_day_list_counts_cases_and_names_the_status_in_the_language(db_url, clock) -> None:
    _run(db_url, clock, "en", "day", "create", "2026-12-07")
    _run(db_url, clock, "en", "day", "create", "2026-12-08")
    _run(db_url, clock, "en", "case", "add", "2026-12-08", "--citizen", "Ærø Ødegård")
    danish = _run(db_url, clock, "da", "day", "list").splitlines()
    assert "0 sager" in danish[0] and "Planlagt" in danish[0]
    assert "1 sag " in danish[1] and "Planlagt" in danish[1]
    assert not any(word in line for line in danish for word in ("case", "planned"))
    english = _run(db_url, clock, "en", "day", "list").splitlines()
    assert "0 cases" in english[0] and "1 case " in english[1] and "Planned" in english[1]


def _fails(db_url: str, clock, *args: str) -> str:
    result = CliRunner().invoke(
        app, ["--db", db_url, "--lang", "da", *args], obj=SimpleNamespace(clock=clock)
    )
    assert result.exit_code == 1, (result.stdout, result.stderr, result.exception)
    return result.stderr


def test_danish_errors_and_agreement_show(db_url, clock) -> None:
    error = _fails(db_url, clock, "people", "add", "X", "--profession", "astronaut")
    assert error.startswith("coordinator: ukendt faggruppe 'astronaut'; brug en af: ")
    assert "sygeplejerske" in error and "nurse" not in error
    _run(db_url, clock, "da", "day", "create", "2026-12-07")
    error = _fails(db_url, clock, "case", "add", "2026-12-07", "--citizen", "A", "--challenge", "x")
    assert "ukendt udfordring" in error
    error = _fails(
        db_url, clock, "case", "add", "2026-12-07", "--citizen", "A", "--cpr", "310299-1234"
    )
    assert "er ikke en gyldig dato" in error
    assert "Sygeplejerske" in _run(
        db_url, clock, "da", "people", "add", "Jo", "--profession", "nurse"
    )
    _run(db_url, clock, "da", "case", "add", "2026-12-07", "--citizen", "Ærø Ødegård")
    _run(db_url, clock, "da", "agreement", "item", "1", "--kind", "support", "--text", "Ring")
    shown = _run(db_url, clock, "da", "agreement", "show", "1")
    assert "(kladde)" in shown and "[Støtte] Ring" in shown
    assert "draft" not in shown and "[support]" not in shown


def test_people_are_found_by_the_profession_in_either_language(store) -> None:
    """Issue 21, item 9: "Sygeplejerske" found nobody, "nurse" found the nurse."""
    from coordinator.domain.vocab import Profession
    from coordinator.store.people import PersonInput, add_person, list_people

    add_person(store, PersonInput(name="Helle Nygaard", profession=Profession.NURSE))
    add_person(store, PersonInput(name="Anders Lund", profession=Profession.CASEWORKER))
    for query in ("Sygeplejerske", "sygepl", "nurse", "Nurse"):
        assert [p.name for p in list_people(store, search=query)] == ["Helle Nygaard"], query
    assert [p.name for p in list_people(store, search="sagsbehandler")] == ["Anders Lund"]


@pytest.mark.parametrize(
    "name", ["Birthe Åkjær Sørensen", "Jonas Ørsted", "Mette Kjær-Ålund", "Ærø Æbelø"]
)
def test_a_name_with_a_capital_danish_letter_is_found(db_url, clock, name: str) -> None:
    """Issue 21, item 8: names with a capital Æ, Ø or Å were refused by name everywhere ("Der
    er ingen person ved navn …"): SQLite's lower() folds only A-Z."""
    import unicodedata

    _run(db_url, clock, "da", "people", "add", name, "--profession", "nurse")
    typings = (name, name.lower(), name.upper(), unicodedata.normalize("NFD", name))
    for day, typed in enumerate(typings, start=7):
        _run(db_url, clock, "da", "day", "create", f"2026-12-{day:02}", "--coordinator", typed)
    _run(db_url, clock, "da", "case", "add", "2026-12-07", "--citizen", "Ida")
    _run(db_url, clock, "da", "roster", "add", "1", name.upper())


def test_the_search_matches_the_spelt_out_danish_letters() -> None:
    from coordinator.domain.search import matches

    assert matches("moeller", "Kasper Møller")
    assert matches("moller", "Kasper Møller")
    assert matches("aaberg", "Sofie Åberg")
    assert matches("aero", "Ærø")
    assert not matches("moeller", "Kasper Madsen")


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig"])
def test_people_import_reads_danish_excel_csv(db_url, clock, tmp_path, encoding: str) -> None:
    """Issue 21, item 10: Danish Excel's CSV (Windows-1252, Danish headers, semicolons) was
    refused ("er ikke UTF-8-tekst"; unknown columns navn, faggruppe, afdeling)."""
    path = tmp_path / "personer.csv"
    text = "Navn;Faggruppe;Afdeling;E-mail;Telefon\r\n"
    text += "Søren Ærlig Åberg;Sygeplejerske;Sundhed;sa@x.dk;12345678\r\n"
    path.write_bytes(text.encode(encoding))
    out = _run(db_url, clock, "da", "people", "import", str(path))
    assert "1" in out.splitlines()[0]
    assert ("Windows-1252" in out) == (encoding == "cp1252")
    listed = _run(db_url, clock, "da", "people", "list")
    assert "Søren Ærlig Åberg" in listed and "Sygeplejerske" in listed and "Sundhed" in listed


def test_email_and_phone_are_checked_in_one_line(db_url, clock, tmp_path) -> None:
    """Issue 21, item 19: "not-an-email" and "abc" were stored as e-mail and phone."""
    error = _fails(db_url, clock, "people", "add", "A B", "--profession", "nurse", "--email", "ab")
    assert "'ab' er ikke en e-mailadresse" in error
    error = _fails(db_url, clock, "people", "add", "A B", "--profession", "nurse", "--phone", "12")
    assert "'12' er ikke et telefonnummer" in error
    ok = ("--email", "a.b@kommune.dk", "--phone", "+45 12 34 56 78")
    _run(db_url, clock, "da", "people", "add", "A B", "--profession", "nurse", *ok)
    path = tmp_path / "p.csv"
    path.write_text("navn;faggruppe;e-mail\nC D;nurse;cd@kommune\n", encoding="utf-8")
    error = _fails(db_url, clock, "people", "import", str(path))
    assert "linje 2" in error and "'cd@kommune' er ikke en e-mailadresse" in error
