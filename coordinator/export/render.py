"""Text renderings (HTML, Markdown, plain text) of the documents, from their templates.

`render_agreement_text` is also what the agreement screen shows as its read-back view, so
the screen and the exported files come from the same template.
"""

from __future__ import annotations

from typing import Literal

from coordinator.export.context import (
    Context,
    agenda_context,
    agreement_context,
    material_context,
)
from coordinator.export.environment import Flavour, render_template
from coordinator.store.database import Store

TextFormat = Literal["md", "txt", "html"]
TEXT_FORMATS: tuple[TextFormat, ...] = ("html", "md", "txt")


def render_context(
    document: str, context: Context, fmt: TextFormat, templates_dir: str | None = None
) -> str:
    """Render `templates/<document>.<fmt>.j2` with a context built by `export.context`."""
    flavour: Flavour = fmt
    return render_template(f"{document}.{fmt}.j2", context, flavour, templates_dir)


def render_agreement_text(
    store: Store,
    case_id: int,
    fmt: TextFormat,
    language: str,
    templates_dir: str | None = None,
) -> str:
    """The agreement of a case as HTML, Markdown or plain text in `language`."""
    return render_context(
        "agreement", agreement_context(store, case_id, language), fmt, templates_dir
    )


def render_agenda_text(
    store: Store,
    day_ref: str | int,
    fmt: TextFormat,
    language: str,
    templates_dir: str | None = None,
) -> str:
    """The day's agenda for the participants as HTML, Markdown or plain text."""
    return render_context("agenda", agenda_context(store, day_ref, language), fmt, templates_dir)


def render_material_html(
    store: Store, case_id: int, language: str, templates_dir: str | None = None
) -> str:
    """The meeting material of a case (preparation form, status overview) as HTML."""
    return render_context(
        "material", material_context(store, case_id, language), "html", templates_dir
    )
