"""The agreement screen's keys that reach beyond the form: F5 finalise (and the way to each
problem that stops it), F6 reopen, F4 export, F3 the citizen's ratings, F7 the versions and
F10 the second conversation.

Mixed into `AgreementScreen` (like the day screen's `StatusActions`) so the screen module keeps
to its layout, loading and the form's messages. Each action writes what is typed first and
does its reading and writing in a thread worker (`_in_thread`), so a locked database never
freezes the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Input

from coordinator.domain.agreement_rules import Problem, finalise_problems
from coordinator.domain.vocab import ItemKind
from coordinator.i18n import _
from coordinator.screens.agreement_dialogs import FinaliseProblemsDialog, VersionsDialog
from coordinator.store import agreements
from coordinator.store.agreement_views import AgreementView
from coordinator.store.errors import Invalid
from coordinator.widgets.item_editor import ItemEditor

if TYPE_CHECKING:
    from coordinator.screens.agreement import AgreementScreen

#: The item field that fixes a finalise problem (by its code).
PROBLEM_FIELDS = {
    "item-no-text": "text",
    "item-no-responsible": "responsible",
    "item-no-due": "due",
    "due-before-meeting": "due",
}


class AgreementActions:
    """Mixed into the agreement screen: finalise, reopen, export, ratings, versions, second
    conversation."""

    def action_finalise(self: AgreementScreen) -> None:
        if self.final:
            self.notify(_("The agreement is already final."))
            return
        if not self.loaded:
            return
        if self.save_state.has_conflict:
            self.save_state.ask_about_conflict()
            return

        def job() -> list[Problem]:
            self._flush()
            try:
                agreements.finalise(self.store, self.case_id)
            except Invalid:
                return finalise_problems(
                    agreements.open_for_editing(self.store, self.case_id).draft()
                )
            return []

        def then(problems: object) -> None:
            if problems:
                dialog = FinaliseProblemsDialog(problems)  # type: ignore[arg-type]
                self.app.push_screen(dialog, self._go_to_problem)
            else:
                self._load(notice=_("The agreement is final."))

        self._in_thread(job, then)

    def _editor_of(self: AgreementScreen, problem: Problem) -> ItemEditor | None:
        """The problem's item's editor by stored id (its index counts the store's order, by
        kind name, not the sections': "Øvrige aftaler 1" led to "Støtte 1")."""
        ids = self.saver.ids if self.saver is not None else {}
        found = [e for e in self.form.editors() if ids.get(e.key, -1) == problem.item_id]
        return found[0] if found and problem.item_id is not None else None

    def _go_to_problem(self: AgreementScreen, problem: Problem | None) -> None:
        """Put the cursor where the chosen problem is fixed."""
        if problem is None:
            return
        editor = self._editor_of(problem)
        if editor is not None:
            editor.focus_field(PROBLEM_FIELDS.get(problem.code, "text"))
            editor.scroll_visible()
        elif problem.code == "no-items":
            self.set_focus(self.query_one(f"#heading-{ItemKind.ACCOMMODATION.value}"))
        else:
            self.set_focus(self.query_one("#goal-date", Input))

    def action_reopen(self: AgreementScreen) -> None:
        if not self.final:
            self.notify(_("The agreement is a draft; it is open for changes."))
            return

        def reopened(_result: object) -> None:
            self._load(notice=_("Reopened as version {n}."))

        self._in_thread(lambda: agreements.reopen(self.store, self.case_id), reopened)

    def action_export(self: AgreementScreen) -> None:
        """Export what is on the screen: pending typing is written first."""
        from coordinator.screens.export_dialog import ExportDialog

        def then(_result: object) -> None:
            self.app.push_screen(ExportDialog(kind="agreement", ref_id=self.case_id))

        self._in_thread(self._flush, then)

    def action_case_followup(self: AgreementScreen) -> None:
        """The citizen's F.I.T. ratings and the items' progress since the meeting."""
        from coordinator.screens.case_followup import CaseFollowupDialog

        self.app.push_screen(CaseFollowupDialog(self.case_id))

    def action_versions(self: AgreementScreen) -> None:
        def job() -> list[AgreementView]:
            self._flush()
            return agreements.version_views(self.store, self.case_id)

        self._in_thread(job, lambda views: self.app.push_screen(VersionsDialog(views)))  # type: ignore[arg-type]

    def action_second_conversation(self: AgreementScreen) -> None:
        """Propose the second conversation (roster and length carried over; a day to choose
        or create) and store what the coordinator confirms (`store/second_conversation`)."""
        from coordinator.screens.second_conversation import SecondChoice, SecondConversationDialog
        from coordinator.store import second_conversation as second

        def job() -> second.SecondProposal:
            self._flush()
            return second.propose_second(self.store, self.case_id)

        def scheduled(case_id: object) -> None:
            text = _("Second conversation scheduled (case {id}); it starts from this agreement.")
            self.notify(text.format(id=case_id))

        def ask(proposal: second.SecondProposal) -> None:
            def chosen(choice: SecondChoice | None) -> None:
                if choice is None:
                    return
                self._in_thread(
                    lambda: (
                        second.create_second(
                            self.store,
                            proposal,
                            choice.roster,
                            choice.meeting_minutes,
                            choice.day_id,
                            choice.new_date,
                        ).id
                    ),
                    scheduled,
                )

            self.app.push_screen(SecondConversationDialog(proposal, self.today), chosen)

        self._in_thread(job, ask)  # type: ignore[arg-type]
