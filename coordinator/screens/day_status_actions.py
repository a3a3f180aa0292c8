"""The day screen's status keys: space (the next step), start the pre-meeting or the meeting,
end the meeting, and mark a citizen absent, a case cancelled or a meeting held without the
citizen (each with a reason).

Mixed into `DayScreen` (like `CorrectionActions` and `BatchActions`) so the screen module keeps
to its layout, reading the day and the writer queue. Every status change goes through the
screen's `_change`: shown at once as the store will store it, written in order by the writer
thread. A key that is likely a slip (space pressed again seconds after a phase began or a
meeting ended, or a day that is not today) asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from coordinator.domain.start_guard import StartSlip, start_slip
from coordinator.domain.vocab import CaseStatus
from coordinator.i18n import _
from coordinator.screens.day_agenda import running_case_id
from coordinator.store import timing
from coordinator.store.day_model import Change

if TYPE_CHECKING:
    from coordinator.screens.day import DayScreen
    from coordinator.store.database import Store

SLIP_GUARD = timedelta(seconds=30)  # space within this of a phase starting asks first


class StatusActions:
    """Mixed into the day screen: the keys that move a case through its day."""

    def action_next_step(self: DayScreen) -> None:
        """Move the day along: end/advance the running case, else start the selected one."""
        if self.model is None:
            return
        running = running_case_id(self.model)
        if running is not None:
            self._focus_case(running)
            question = self._slip_question(running)
            if question is None:
                self._change(timing.advance, running, "advance")
            else:
                self._confirm_then(question, timing.advance, "advance", running)
        else:
            target = self._selected_or_tell()
            question = self._start_question() if target is not None else None
            if question is None:
                self._change(timing.advance, target, "advance")
            else:
                self._confirm_then(question, timing.advance, "advance", target)

    def _start_question(self: DayScreen) -> str | None:
        """A question ({citizen} to fill in) when space would start a case by a likely slip:
        seconds after a meeting ended, or on a day that is not today (`domain/start_guard`)."""
        assert self.model is not None
        now = self.clock.now()
        slip = start_slip(self.model.date, self.model.timings, now)
        if slip is StartSlip.JUST_ENDED:
            return _("A meeting ended only seconds ago. Start the pre-meeting of {citizen}'s case?")
        if slip is StartSlip.NOT_TODAY:
            return _(
                "This day is {date}, not today. Start the pre-meeting of {citizen}'s case?"
            ).format(date=f"{self.model.date:%d.%m.%Y}", citizen="{citizen}")
        return None

    def _slip_question(self: DayScreen, case_id: int) -> str | None:
        """A question ({citizen} to fill in) when space would end a phase that began only
        seconds ago.

        Space both starts and moves a case along, so a double press (or a key that repeats)
        would otherwise skip the pre-meeting or end a meeting the citizen just sat down to."""
        case = self._case(case_id)
        began = (
            case.timing.meeting_started_at
            if case.status is CaseStatus.MEETING
            else case.timing.pre_started_at
        )
        if began is None or self.clock.now() - began >= SLIP_GUARD:
            return None
        if case.status is CaseStatus.MEETING:
            return _("The meeting with {citizen} began only seconds ago. End it now?")
        return _(
            "The pre-meeting of {citizen}'s case began only seconds ago. Start the meeting now?"
        )

    def action_start_pre_meeting(self: DayScreen) -> None:
        if self.model is not None:
            self._change(timing.start_pre_meeting, self._selected_or_tell(), "start-pre")

    def action_start_meeting(self: DayScreen) -> None:
        if self.model is None:
            return
        in_pre = [c.id for c in self.model.cases if c.status is CaseStatus.PRE_MEETING]
        target = in_pre[0] if in_pre else self._selected_or_tell()
        self._change(timing.start_meeting, target, "start-meeting")

    def action_end_meeting(self: DayScreen) -> None:
        if self.model is None:
            return
        meeting = [c.id for c in self.model.cases if c.status is CaseStatus.MEETING]
        if not meeting:
            self.notify(_("No meeting is running."), severity="warning")
            return
        self._change(timing.end_meeting, meeting[0], "end")

    def _confirm_then(
        self: DayScreen,
        question: str,
        write: Callable[[Store, int], object],
        expect: Change,
        case_id: int | None = None,
    ) -> None:
        """Ask `question` ({citizen} filled in) about the case (the selected one unless given)
        and make the change on yes."""
        from coordinator.screens.day_dialogs import ConfirmDialog

        if self.model is None:
            return
        if case_id is None:
            case_id = self._selected_or_tell()
        if case_id is None:
            return
        name = self._case(case_id).citizen

        def done(confirmed: bool | None) -> None:
            if confirmed:
                self._change(write, case_id, expect)

        self.app.push_screen(ConfirmDialog(question.format(citizen=name)), done)

    # --- absent, cancelled and absent-but-held, with a reason ---------------------------------

    def _with_reason(
        self: DayScreen,
        question: str,
        label: str,
        write: Callable[[Store, int, str], object],
        expect: Change | None,
    ) -> None:
        from coordinator.screens.day_questions import Reason, ReasonDialog

        case_id = self._selected_or_tell()
        if case_id is None or self.model is None:
            return
        name = self._case(case_id).citizen

        def done(reason: Reason | None) -> None:
            if reason is not None:
                self._focus_next = case_id
                self._change(lambda store, cid: write(store, cid, reason.text), case_id, expect)

        self.app.push_screen(ReasonDialog(question.format(citizen=name), label), done)

    def action_absent(self: DayScreen) -> None:
        self._with_reason(
            _("Mark {citizen} as absent? The meeting will not be held."),
            _("Mark absent"),
            timing.mark_absent,
            "absent",
        )

    def action_cancel_case(self: DayScreen) -> None:
        self._with_reason(
            _(
                "Cancel the case of {citizen}? Its slot stays free until you pull later cases "
                "forward."
            ),
            _("Cancel case"),
            timing.cancel_case,
            "cancel",
        )

    def action_absent_held(self: DayScreen) -> None:
        self._with_reason(
            _(
                "{citizen} did not come, but the meeting is (or was) held without them? Its "
                "agreement is drafted as usual."
            ),
            _("Absent, held"),
            timing.mark_absent_held,
            None,
        )
