"""Dialogs of the agreement screen: what is missing to finalise, a conflicting writer, earlier
versions (the second conversation's is `second_conversation`). Each returns its answer with
`dismiss`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from coordinator.domain.agreement_rules import Problem
from coordinator.domain.vocab import AGREEMENT_STATUS_LABELS
from coordinator.i18n import N_, _
from coordinator.screens.agreement_readback import version_markdown
from coordinator.screens.base import AppModal
from coordinator.store.agreement_views import AgreementView
from coordinator.widgets.plain import plain


class FinaliseProblemsDialog(AppModal[Problem | None]):
    """What is still missing; choosing a line returns that problem, to go to its field."""

    CSS_PATH = "agreement_dialogs.tcss"

    BINDINGS = [
        Binding("escape", "close", N_("Back to the agreement"), id="agreement.problems.close")
    ]

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(classes="agreement-dialog")
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(_("The agreement cannot be finalised yet:"), classes="dialog-title")
            yield OptionList(
                *[Option(plain("• " + p.message), id=str(i)) for i, p in enumerate(self.problems)],
                id="problems",
            )
            yield Static(_("Enter: go to it · Esc: back"), classes="dialog-hint")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.problems[int(event.option.id or 0)])

    def action_close(self) -> None:
        self.dismiss(None)


class ConflictDialog(AppModal[str | None]):
    """Someone else saved in between: keep mine (overwrite deliberately) or take theirs."""

    CSS_PATH = "agreement_dialogs.tcss"

    BINDINGS = [
        Binding("m", "choose('mine')", N_("Keep mine"), id="agreement.conflict.mine"),
        Binding("t", "choose('theirs')", N_("Take theirs"), id="agreement.conflict.theirs"),
        Binding("escape", "choose(None)", N_("Decide later"), id="agreement.conflict.later"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__(classes="agreement-dialog")
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(_("Changed elsewhere"), classes="dialog-title")
            yield Static(plain(self.message))
            yield Static(
                _(
                    "Your changes are not saved yet. M: keep mine (overwrite the other "
                    "change) · T: take theirs (drop my unsaved changes) · Esc: decide later"
                ),
                classes="dialog-hint",
            )

    def action_choose(self, choice: str | None) -> None:
        self.dismiss(choice)


class VersionsDialog(AppModal[None]):
    """Every version of the case's agreement (read by the screen's worker); the chosen one is
    shown read-only."""

    CSS_PATH = "agreement_dialogs.tcss"

    BINDINGS = [Binding("escape", "close", N_("Close"), id="agreement.versions.close")]

    def __init__(self, versions: list[AgreementView]) -> None:
        super().__init__(classes="agreement-dialog")
        self.versions = versions

    def compose(self) -> ComposeResult:
        options = []
        for version in self.versions:
            status = _(AGREEMENT_STATUS_LABELS[version.status])
            when = version.finalised_at or version.updated_at
            options.append(
                Option(
                    plain(
                        _("Version {n} · {status} · saved {when}").format(
                            n=version.version, status=status, when=f"{when:%d.%m.%Y %H:%M}"
                        )
                    ),
                    id=str(version.id),
                )
            )
        with Vertical(classes="dialog-box dialog-wide"):
            yield Static(_("Versions of the agreement"), classes="dialog-title")
            yield OptionList(*options, id="versions")
            with VerticalScroll(id="version-view"):
                yield Markdown("", id="version-text")

    def on_mount(self) -> None:
        if self.versions:
            self._show(self.versions[-1].id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(int(event.option.id or 0))

    def _show(self, agreement_id: int) -> None:
        view = next((v for v in self.versions if v.id == agreement_id), None)
        if view is not None:
            self.query_one("#version-text", Markdown).update(version_markdown(view))

    def action_close(self) -> None:
        self.dismiss(None)
