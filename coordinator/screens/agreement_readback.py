"""The read-back view: the agreement as the citizen will read it, large and plain, for the
projector. It is rendered as Markdown by the export's agreement template (the same text the
citizen takes home) and follows the autosave, so it trails the typing by at most a second.

Earlier versions (the versions viewer) are shown by `version_markdown`, a short rendering of one
stored version with the export's Markdown escaping.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Markdown

from coordinator.domain.quickdates import format_due
from coordinator.domain.vocab import ITEM_KIND_LABELS, ItemKind
from coordinator.export.environment import escape_markdown
from coordinator.export.render import render_agreement_text
from coordinator.i18n import _
from coordinator.store.agreement_views import AgreementView
from coordinator.store.database import Store

_BLOCK_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))")


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker, digits, dot = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{digits}\\{dot}"


def md_escape(text: str) -> str:
    """User text as literal Markdown: the export's escaping, plus the block markers a line may
    start with (a list, a rule, a heading underline); line breaks kept as hard breaks."""
    lines = (
        _BLOCK_START.sub(_escape_block_start, escape_markdown(line)) for line in text.splitlines()
    )
    return "  \n".join(lines)


def render_readback(store: Store, case_id: int, language: str) -> str:
    """The read-back Markdown of the case's current agreement (safe to call from a thread)."""
    return render_agreement_text(store, case_id, "md", language)


def version_markdown(agreement: AgreementView) -> str:
    """A plain Markdown rendering of one stored version, for the versions viewer."""
    lines = [f"# {_('Agreement')}", ""]
    lines += [f"**{_('Job goal')}:** {md_escape(agreement.job_goal)}", ""]
    if agreement.goal_date:
        lines += [f"**{_('At a workplace by')}:** {format_due(agreement.goal_date)}", ""]
    if agreement.citizen_words.strip():
        lines += [f"**{_('In my own words')}:**", "", md_escape(agreement.citizen_words), ""]
    for kind in ItemKind:
        used = [i for i in agreement.items if i.kind is kind and (i.text.strip() or i.due)]
        if not used:
            continue
        lines += [f"## {_(ITEM_KIND_LABELS[kind])}", ""]
        for item in used:
            who = md_escape(item.responsible) or "—"
            when = format_due(item.due) if item.due else "—"
            lines.append(f"- {md_escape(item.text)}  \n  *{who} · {when}*")
        lines.append("")
    if agreement.follow_up_date or agreement.follow_up_contact:
        lines += [f"## {_('Follow-up')}", ""]
        when = format_due(agreement.follow_up_date) if agreement.follow_up_date else "—"
        lines.append(f"{when} · {md_escape(agreement.follow_up_contact)}")
    return "\n".join(lines)


#: Seconds without typing before a new read-back is drawn: redrawing the Markdown builds a
#: widget per block, which between two keystrokes would make the editor wait.
QUIET = 0.3


class ReadbackPane(VerticalScroll, can_focus=False):
    """The read-back, beside the editor or filling most of the screen (projector mode).

    A new text is drawn once the typing has paused for `QUIET` seconds (`typing()` restarts
    the wait), and only when it differs from what is shown: the read-back may lag, the
    editor never does."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        super().__init__(id=id)
        self._shown: str | None = None
        self._pending: str | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Markdown("", id="readback-text")

    def show(self, markdown: str, *, at_once: bool = False) -> None:
        """Draw `markdown` after the quiet time (`at_once`: now, as when the screen loads)."""
        self._pending = markdown
        if at_once:
            self._draw()
        elif self._timer is None:
            self._timer = self.set_timer(QUIET, self._draw)
        else:
            self._timer.reset()

    def typing(self) -> None:
        """A keystroke in the editor: a pending read-back waits for the next pause."""
        if self._timer is not None:
            self._timer.reset()

    @property
    def pending(self) -> bool:
        """A read-back waits to be drawn (tests wait for it)."""
        return self._pending is not None

    def _draw(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        markdown, self._pending = self._pending, None
        if markdown is not None and markdown != self._shown:
            self._shown = markdown
            self.query_one("#readback-text", Markdown).update(markdown)
