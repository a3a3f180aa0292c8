"""The planning values a coordinator types: ISO dates, HH:MM times, breaks."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.domain.clock_entry import (
    EntryError,
    read_break,
    read_breaks,
    read_clock_time,
    read_iso_date,
)
from coordinator.domain.limits import EARLIEST_DATE, LATEST_DATE
from coordinator.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("da")


def test_iso_date_read_with_spaces_around() -> None:
    assert read_iso_date(" 2026-12-03 ") == date(2026, 12, 3)


@pytest.mark.parametrize("text", ["3/12", "2026-13-01", "", "tomorrow"])
def test_not_a_date_says_how_to_write_it(text: str) -> None:
    with pytest.raises(EntryError, match="YYYY-MM-DD"):
        read_iso_date(text)


@pytest.mark.parametrize(("text", "expected"), [("08:30", time(8, 30)), ("8:05", time(8, 5))])
def test_clock_time(text: str, expected: time) -> None:
    assert read_clock_time(text) == expected


@pytest.mark.parametrize("text", ["8:3", "0830", "24:00", "8.30", "aa:bb", "08:30:00"])
def test_not_a_time_says_how_to_write_it(text: str) -> None:
    with pytest.raises(EntryError, match="HH:MM"):
        read_clock_time(text)


def test_breaks_separated_by_commas_or_spaces() -> None:
    assert read_breaks("11:30-12:00, 14:00-14:15") == (
        (time(11, 30), time(12)),
        (time(14), time(14, 15)),
    )
    assert read_breaks("") == ()


def test_a_break_without_a_dash_is_refused() -> None:
    with pytest.raises(EntryError, match="HH:MM-HH:MM"):
        read_break("11:30")


def test_messages_are_danish_by_default() -> None:
    set_language("da")
    with pytest.raises(EntryError, match="klokkeslæt"):
        read_clock_time("kl 8")


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_every_time_written_as_hh_mm_reads_back(value: time) -> None:
    assert read_clock_time(value.strftime("%H:%M")) == value


@given(st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE))
def test_every_date_written_in_iso_reads_back(value: date) -> None:
    assert read_iso_date(value.isoformat()) == value


def test_minutes_read_from_a_number_or_typed_text() -> None:
    from coordinator.domain.clock_entry import read_minutes

    assert read_minutes(45, "--meeting-minutes") == 45
    assert read_minutes(" 15 ", "The pre-meeting") == 15
    with pytest.raises(EntryError, match="--pre-minutes must be a positive number.*not 0"):
        read_minutes(0, "--pre-minutes")
    with pytest.raises(EntryError, match="The meeting must be a positive number.*not 'x'"):
        read_minutes("x", "The meeting")
    with pytest.raises(EntryError, match="not ''"):
        read_minutes("", "The meeting")


def test_the_cli_and_the_dialogs_have_no_readers_of_their_own() -> None:
    """One home for reading typed dates, times, breaks and lengths: `domain.clock_entry`."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "coordinator"
    offenders = []
    for path in [*package.glob("cli/*.py"), package / "screens" / "day_dialogs.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("parse_"):
                offenders.append(f"{path.name}: {node.name}")
            if isinstance(node, ast.Attribute) and node.attr in {"fromisoformat", "strptime"}:
                offenders.append(f"{path.name}: .{node.attr}")
    assert offenders == []
