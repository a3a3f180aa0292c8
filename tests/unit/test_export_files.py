"""Writing exports: atomic, 0600, never overwriting, safe names; templates: errors, sandbox."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from coordinator.export.environment import TemplateProblem, render_template
from coordinator.export.files import safe_stem, write_file
from coordinator.export.jobs import Options, export_agreement, parse_formats
from coordinator.export.render import render_agreement_text
from coordinator.store.errors import Invalid

pytestmark = pytest.mark.both_engines


def test_write_is_private_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "new" / "a.html"
    first = write_file(target, b"one")
    second = write_file(target, b"two")
    assert first == target and second == tmp_path / "new" / "a (2).html"
    assert target.read_bytes() == b"one" and second.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert write_file(target, b"three", force=True) == target
    assert target.read_bytes() == b"three"
    assert sorted(p.name for p in target.parent.iterdir()) == ["a (2).html", "a.html"]


def test_safe_names() -> None:
    stem = safe_stem("2026-12-03", "aftale", "../../etc/passwd\x00\n", "ÆØ")
    assert "/" not in stem and "\x00" not in stem and "\n" not in stem
    assert stem.startswith("2026-12-03_aftale_") and stem.endswith("_ÆØ")
    assert safe_stem("...") == "export"


def test_cli_exports_several_formats(demo_store, tmp_path: Path) -> None:
    options = Options(language="da", out=tmp_path)
    paths = export_agreement(
        demo_store, 1, parse_formats(["html,pdf", "docx"], "agreement"), options
    )
    assert [p.suffix for p in paths] == [".html", ".pdf", ".docx"]
    assert paths[0].name == "2026-12-03_aftale_sag-1_ME.html"
    assert zipfile.is_zipfile(paths[2])
    again = export_agreement(demo_store, 1, ("html",), options)
    assert again[0].name == "2026-12-03_aftale_sag-1_ME (2).html"
    with pytest.raises(Invalid):
        parse_formats(["exe"], "agreement")


def test_broken_template_names_template_and_line(demo_store, tmp_path: Path) -> None:
    (tmp_path / "agreement.html.j2").write_text("<p>\n{{ citizen.name }\n</p>")
    with pytest.raises(TemplateProblem) as caught:
        render_agreement_text(demo_store, 1, "html", "da", str(tmp_path))
    assert "agreement.html.j2" in caught.value.message and "2" in caught.value.message
    (tmp_path / "agreement.md.j2").write_text("ok\n\n{{ no_such_thing }}\n")
    with pytest.raises(TemplateProblem) as caught:
        render_agreement_text(demo_store, 1, "md", "da", str(tmp_path))
    assert "agreement.md.j2, linje 3" in caught.value.message


def test_user_templates_are_sandboxed(demo_store, tmp_path: Path) -> None:
    (tmp_path / "agreement.txt.j2").write_text(
        "{{ citizen.name.__class__.__mro__[1].__subclasses__() }}"
    )
    with pytest.raises(TemplateProblem):
        render_agreement_text(demo_store, 1, "txt", "da", str(tmp_path))


def test_context_variables_are_strict(demo_store) -> None:
    with pytest.raises(TemplateProblem):
        render_template("agreement.html.j2", {"language": "da"}, "html")


@pytest.mark.slow
def test_wheel_ships_the_templates(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    root = Path(__file__).resolve().parents[2]
    wheel = next(
        iter(WheelBuilder(str(root)).build(directory=str(tmp_path), versions=["standard"]))
    )
    names = zipfile.ZipFile(wheel).namelist()
    for template in (
        "agreement.html.j2",
        "agreement.md.j2",
        "agreement.txt.j2",
        "agreement.pdf.html.j2",
        "agenda.html.j2",
        "material.html.j2",
        "_letterhead.html.j2",
        "_print.css",
        "agreement.docx",
    ):
        assert f"coordinator/templates/{template}" in names
    for font in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "LICENSE.txt"):
        assert f"coordinator/fonts/{font}" in names
    assert "coordinator/locale/da/LC_MESSAGES/export.mo" in names


def test_a_full_disk_is_a_user_error_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    import errno
    import os

    from coordinator.export import files

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(Invalid, match="No space left"):
        write_file(tmp_path / "agreement.pdf", b"%PDF")
    assert list(tmp_path.iterdir()) == []


def test_no_followup_calendar_without_a_dated_citizen_item(demo_store, tmp_path: Path) -> None:
    """Case 1's items are for the job broker and the nurse: no empty calendar file is made."""
    from coordinator.export.jobs import export_followups

    out = tmp_path / "exports"
    with pytest.raises(Invalid, match="sag 1"):
        export_followups(demo_store, 1, Options(language="da", out=out))
    assert not out.exists() or list(out.iterdir()) == []
