"""`stats` and `export stats` on the hand-made history: the JSON contract, the report in every
format, and the proof that nothing exported reveals a group of fewer than five."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.store.database import Store
from tests.unit.stats_fixture import build

pytestmark = pytest.mark.both_engines
PERIOD = ("--from", "2026-06-01", "--to", "2026-12-03")


@pytest.fixture
def cli(db_url: str, clock):
    store = Store.open(db_url, clock=clock)
    build(store)
    store.close()
    runner = CliRunner()
    preset = SimpleNamespace(clock=clock)

    def run(*args: str, ok: bool = True):
        result = runner.invoke(app, ["--db", db_url, "--lang", "en", *args], obj=preset)
        if ok:
            assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        return result

    return run


def test_stats_json_has_the_design_shape(cli) -> None:
    doc = json.loads(cli("stats", *PERIOD, "--json").stdout)
    assert {"from", "to", "days", "cases", "overrun_minutes", "attendance_by_profession"} <= set(
        doc
    )
    assert {"planned", "held", "absent", "cancelled"} <= set(doc["cases"])
    assert {"median", "p90", "max"} <= set(doc["overrun_minutes"])
    assert {"due", "reached", "rate"} <= set(doc["goal"])
    assert {"total", "done", "done_on_time", "overdue"} <= set(doc["items"])
    assert {"session_mean", "outcome_change_mean"} <= set(doc["ratings"])
    assert doc["cases"]["absent"] == 1 and doc["suppressed"] is False  # the coordinator's view


def test_stats_suppress_hides_small_counts(cli) -> None:
    doc = json.loads(cli("stats", *PERIOD, "--json", "--suppress").stdout)
    assert doc["suppressed"] is True
    assert doc["cases"]["absent"] is None and "cases.absent" in doc["suppressed_fields"]
    assert doc["cases"]["held"] == 5  # five is not small


def test_stats_text_and_a_backwards_period(cli) -> None:
    assert "Meetings held" in cli("stats", *PERIOD).stdout
    result = cli("stats", "--from", "2026-12-03", "--to", "2026-01-01", ok=False)
    assert result.exit_code == 1 and result.stderr.startswith("coordinator: ")


def _small(text: str) -> bool:
    """A number in 1..4 written as a count (not a date, a position or a decimal)."""
    return text.strip() in {"1", "2", "3", "4"}


def test_no_exported_figure_reveals_a_group_under_five(cli, tmp_path: Path) -> None:
    out = tmp_path / "report"
    written = cli("export", "stats", *PERIOD, "--out", str(out)).stdout.split("\n")
    files = {Path(line).suffix: Path(line) for line in written if line}
    assert set(files) == {".html", ".pdf", ".xlsx", ".csv"}
    full = json.loads(cli("stats", *PERIOD, "--json").stdout)

    rows = list(csv.reader(io.StringIO(files[".csv"].read_text("utf-8-sig")), delimiter=";"))
    for table, _row, column, value in rows[1:]:
        # days are not people (always shown); shares are decimals, checked below
        if table != "oversigt" and column not in {"Share", "Rate"}:
            assert not _small(value), (table, _row, column, value)
    values = {(t, r, c): v for t, r, c, v in rows[1:]}
    assert values[("sager", "Citizen absent (not held)", "Count")] == "<5"
    assert values[("sager", "Meetings held", "Count")] == "5"
    # 4 of 5 caseworker attendances would tell that one meeting lacked one: hidden
    assert full["attendance_by_profession"]["caseworker"] == 0.8
    assert values[("fremmoede", "Caseworker", "Share")] == "<5"

    workbook = load_workbook(files[".xlsx"])
    for sheet in workbook.worksheets[1:]:  # the summary's days are not people
        for row in sheet.iter_rows(min_row=3, values_only=True):
            for value in row[1:]:
                assert not (isinstance(value, int) and 1 <= value <= 4), (sheet.title, row)
    summary = workbook["oversigt"]
    assert summary["B3"].value.year == 2026  # a real date, not text
    assert isinstance(workbook["sager"]["B3"].value, int)

    html = files[".html"].read_text("utf-8")
    assert "<svg" in html and "&lt;5" in html
    body = html.split("<h2>", 2)[2]  # after the summary's days
    cells = re.findall(r'<td class="n">([^<]*)</td>', body)
    assert cells and not any(_small(cell) for cell in cells)
    assert files[".pdf"].read_bytes().startswith(b"%PDF")


def test_export_refuses_an_unknown_format(cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = cli("export", "stats", "--format", "docx", "--out", str(out), ok=False)
    assert result.exit_code == 1 and "docx" in result.stderr
    assert not out.exists()
