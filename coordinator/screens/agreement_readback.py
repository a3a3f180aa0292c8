"""The read-back view: the agreement as the citizen will read it, large and plain, for the
projector. It is rendered as Markdown by the export's agreement template (the same text the
citizen takes home) and follows the autosave: it is rendered when the typing pauses.

It is drawn by ONE widget (a `Static` holding Rich's Markdown renderable), not by Textual's
`Markdown` widget: that one is a tree of a widget per block, and every layout of the screen
(the citizen's words growing a line as they wrap, a warning appearing) walked and measured
them all between two keystrokes; one widget is measured once per width and then cached.

Earlier versions (the versions viewer) are shown by `version_markdown`, a short rendering of one
stored version with the export's Markdown escaping.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown
from rich.theme import Theme
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static

from coordinator.domain.quickdates import format_due
from coordinator.domain.vocab import ITEM_KIND_LABELS, ItemKind
from coordinator.export.environment import escape_markdown
from coordinator.export.render import render_agreement_text
from coordinator.i18n import _
from coordinator.store.agreement_views import AgreementView
from coordinator.store.database import Store
from coordinator.store.errors import StoreError
from coordinator.widgets.plain import plain


def md_escape(text: str) -> str:
    """User text as literal Markdown (the export's escaping, block markers included), its line
    breaks kept as hard breaks."""
    return "  \n".join(escape_markdown(line) for line in text.splitlines())


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


#: Seconds without typing before a new read-back is rendered and drawn: rendering runs the
#: export's template on the store (in a thread, but it shares the interpreter with the
#: keystrokes) and drawing it lays out the whole text again, which between two keystrokes
#: would make the editor wait.
QUIET = 0.3


def readback_renderable(markdown: str, accent: str = "blue") -> Themed:
    """The read-back's Markdown as one Rich renderable (headings, lists, tables, bold), its
    headings in `accent` (the app theme's primary colour, as Textual's Markdown had them).
    The text is the export's, where user text is already escaped: it is never Rich markup."""
    theme = Theme(
        {
            "markdown.h1": f"bold {accent}",
            "markdown.h2": f"bold underline {accent}",
            "markdown.h3": f"bold {accent}",
            "markdown.h4": f"bold {accent}",
            "markdown.block_quote": "italic",
        }
    )
    return Themed(Markdown(markdown, hyperlinks=False), theme)


class Themed:
    """A renderable drawn with a Rich theme of its own (Textual's console has Rich's default
    styles: magenta headings)."""

    def __init__(self, renderable: Markdown, theme: Theme) -> None:
        self.renderable = renderable
        self.theme = theme

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        with console.use_theme(self.theme):
            yield from console.render(self.renderable, options)


def shown_text(markdown: str, width: int = 1000) -> str:
    """What `markdown` looks like in the read-back, as plain text `width` cells wide (tests
    read it; wide by default, so that a paragraph stays on one line)."""
    console = Console(width=width, color_system=None, record=True, file=_Discard())
    console.print(readback_renderable(markdown))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines())


class _Discard:
    """A file that keeps nothing (the recording console's output is read by export_text)."""

    def write(self, _text: str) -> int:
        return 0

    def flush(self) -> None:
        pass


class ReadbackPane(VerticalScroll, can_focus=False):
    """The read-back, beside the editor or filling most of the screen (projector mode).

    It shows what is saved: a save marks it out of date (`stale()`), and it is rendered (by
    `render`, in a thread worker) and drawn once the typing has paused for `QUIET` seconds
    (`typing()` restarts the wait), and only when the text differs from what is shown. So a
    burst of typing costs the read-back nothing until the pause; the read-back may lag, the
    editor never does."""

    @dataclass
    class Rendered(Message):
        """The worker's rendering (None: the store could not be read; tried at the next save)."""

        markdown: str | None

    def __init__(
        self,
        render: Callable[[], str] | None = None,
        *,
        id: str | None = None,  # noqa: A002 - Textual's name
    ) -> None:
        super().__init__(id=id)
        self.render_job = render
        self._shown: str | None = None
        self._timer: Timer | None = None
        #: The typing has paused for `QUIET` seconds (nothing typed since the screen opened too).
        self._quiet = True
        #: A save was written since the last rendering started.
        self._stale = False
        self._rendering = False
        #: How many renderings were started (tests count them).
        self.renders = 0

    def compose(self) -> ComposeResult:
        yield Static(id="readback-hint")
        yield Static(id="readback-text")

    def show_hint(self, text: str) -> None:
        """The line shown while the read-back fills the screen (the stylesheet shows it only
        then): typing goes nowhere in that mode, and this says how to get back to the form."""
        self.query_one("#readback-hint", Static).update(plain(text))

    def show(self, markdown: str) -> None:
        """Draw `markdown` now (as when the screen loads)."""
        if markdown != self._shown:
            self._shown = markdown
            accent = self.app.current_theme.primary
            self.query_one("#readback-text", Static).update(readback_renderable(markdown, accent))

    @property
    def shown(self) -> str:
        """The Markdown drawn now ("" before the first)."""
        return self._shown or ""

    def shown_text(self, width: int = 1000) -> str:
        """What the read-back shows now, as plain text `width` cells wide."""
        return shown_text(self.shown, width)

    def typing(self) -> None:
        """A keystroke in the editor: the read-back waits for the next pause."""
        self._quiet = False
        if self._timer is None:
            self._timer = self.set_timer(QUIET, self._paused)
        else:
            self._timer.reset()

    def stale(self) -> None:
        """A save was written: render it now if the typing has paused, else at the pause."""
        self._stale = True
        if self._quiet:
            self._start_render()

    @property
    def pending(self) -> bool:
        """A read-back waits to be rendered or drawn (tests wait for it)."""
        return self._stale or self._rendering

    def _paused(self) -> None:
        self._timer = None
        self._quiet = True
        if self._stale:
            self._start_render()

    def _start_render(self) -> None:
        """One rendering at a time; a save written meanwhile is rendered after it."""
        if self._rendering or self.render_job is None:
            return
        self._stale = False
        self._rendering = True
        self.renders += 1
        job = self.render_job

        def run() -> None:
            try:
                markdown: str | None = job()
            except StoreError:
                markdown = None  # a locked or busy store: the next save renders again
            self.post_message(self.Rendered(markdown))

        self.run_worker(run, thread=True, group="readback-render", exit_on_error=False)

    @on(Rendered)
    def _rendered(self, event: Rendered) -> None:
        event.stop()
        self._rendering = False
        if event.markdown is not None:
            self.show(event.markdown)
        if self._stale and self._quiet:
            self._start_render()
