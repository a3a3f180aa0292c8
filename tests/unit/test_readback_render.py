"""The read-back is one Rich renderable of the export's Markdown: it shows headings, lists,
tables and bold, and user text (escaped by the export) exactly as typed."""

from __future__ import annotations

from coordinator.export.environment import escape_markdown
from coordinator.screens.agreement_readback import shown_text


def test_user_text_is_shown_as_typed_never_as_markup() -> None:
    typed = ["3. december 2026", "- ikke en liste", "[bold]x[/bold] <b>y</b> *z* #1"]
    markdown = "# Aftale\n\n" + "\n\n".join(escape_markdown(line) for line in typed)
    lines = shown_text(markdown).splitlines()
    for line in typed:
        assert line in lines


def test_headings_lists_tables_and_bold_are_drawn() -> None:
    markdown = (
        "# Din aftale\n\n- **Navn:** Mads\n- **Mødet:** i dag\n\n## Dit mål\n\n"
        "| Hvad | Hvem |\n|---|---|\n| Praktik | Jonas |\n"
    )
    shown = shown_text(markdown, width=60)
    assert "Din aftale" in shown and "Dit mål" in shown
    assert "• Navn: Mads" in shown  # a bullet, the ** gone (drawn bold)
    assert "**" not in shown and "|" not in shown  # the table drawn, not its source
    assert any("Praktik" in line and "Jonas" in line for line in shown.splitlines())
