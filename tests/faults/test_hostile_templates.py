"""A municipality's template cannot hang the export or fill the disk (issue 20, item 10).

Each hostile template sits in the templates folder as `agreement.md.j2`; `export agreement`
must end within the time limit with one line naming the template and its line, and write
nothing. The renders run in the bounded child process (`export.template_child`).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from coordinator.cli import app
from coordinator.export import template_child

pytestmark = pytest.mark.both_engines

HOSTILE = {
    "append-loop": "{% set l = [1] %}{% for x in l %}{{ l.append(x) }}{% endfor %}\n",
    "a-gigabyte": "Hej\n{{ 'A' * (1024 ** 3) }}\n",
    "a-gigabyte-by-method": "Hej\n{{ 'A'.ljust(2 * 10 ** 7 + 1) }}\n",
    "a-huge-power": "Hej\n{{ 10 ** 10 ** 10 }}\n",
    "range-1e9": "x\n{% for i in range(10**9) %}{{ i }}{% endfor %}\n",
    "recursive-macro": "{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}\n{{ r(1) }}\n",
    "self-include": "a\n{% include 'agreement.md.j2' %}\n",
    "division-by-zero": "a\nb\n{{ 1 / 0 }}\n",
}
#: The line each template goes wrong on.
LINE = {
    "append-loop": 1,
    "a-gigabyte": 2,
    "a-gigabyte-by-method": 2,
    "a-huge-power": 2,
    "range-1e9": 2,
    "recursive-macro": 1,
    "self-include": 2,
    "division-by-zero": 3,
}


@pytest.fixture
def export(demo_store, db_url, clock, tmp_path):  # noqa: ANN001
    def run(template: str, *extra: str):
        folder = tmp_path / "templates"
        folder.mkdir(exist_ok=True)
        (folder / "agreement.md.j2").write_text(template, encoding="utf-8")
        out = tmp_path / "out"
        args = ["--db", db_url, "--lang", "en", "export", "agreement", "1", "--format", "md"]
        args += ["--templates", str(folder), "--out", str(out / "agreement.md"), *extra]
        result = CliRunner().invoke(app, args, obj=SimpleNamespace(clock=clock))
        return result, out

    return run


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_template_is_one_line_with_its_line(export, kind: str) -> None:
    result, out = export(HOSTILE[kind])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert f"Template agreement.md.j2, line {LINE[kind]}:" in lines[0], lines[0]
    assert not any(out.glob("*")) if out.exists() else True


def test_a_template_that_never_ends_is_stopped_in_time(export, monkeypatch) -> None:
    monkeypatch.setattr(template_child, "SECONDS", 2.0)
    nested = (
        "{% set xs = range(100000) | list %}\n"
        "{% for a in xs %}{% for b in xs %}{% for c in xs %}{% endfor %}{% endfor %}{% endfor %}\n"
    )
    result, _out = export(nested)
    assert result.exit_code == 1, result.output
    assert "takes longer than 2 seconds" in result.output
    # The line the template was at: the child's own alarm stopped it (the parent, killing a
    # child that never answers, could not know the line).
    assert "agreement.md.j2, line 2" in result.output


def test_a_good_template_of_the_user_is_rendered(export) -> None:
    result, out = export("# {{ citizen.initials }}\n{{ _('Agreement') }}\n")
    assert result.exit_code == 0, result.output
    written = (out / "agreement.md").read_text(encoding="utf-8")
    assert written.startswith("# ")


def test_the_shipped_templates_still_render_here(demo_store, monkeypatch) -> None:
    """The read-back renders the shipped template in-process, every change: no child there."""
    from coordinator.export.render import render_agreement_text

    def no_child(*_args: object) -> None:
        raise AssertionError("the shipped template was sent to a child process")

    monkeypatch.setattr(template_child, "_run", no_child)
    text = render_agreement_text(demo_store, 1, "md", "da")
    assert text.strip()
