"""Dialogs of the referral queue: add a referral, plan one onto a day with room.

They are the day dialogs' forms (`day_dialogs._FormDialog`): checked on the event loop, stored
in a worker, the store's refusal (a referral planned meanwhile, a day now full, a referrer not
in the directory) shown in the dialog itself.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Label, Select, Static

from coordinator.domain.vocab import CHALLENGE_LABELS, ChallengeKind
from coordinator.i18n import _
from coordinator.screens.day_dialogs import PeopleRead, SaveJob, _FormDialog
from coordinator.screens.queue import day_label
from coordinator.store.database import Store
from coordinator.store.errors import Invalid
from coordinator.store.referrals import FreeDay, ReferralView
from coordinator.widgets.form_scroll import FormScroll
from coordinator.widgets.plain import plain


class AddReferralDialog(_FormDialog):
    """A citizen into the queue: name, challenges, who referred, why, how urgent."""

    CSS_PATH = ["day_dialogs.tcss", "queue.tcss"]

    def compose(self) -> ComposeResult:
        with FormScroll(classes="dialog"):
            yield Label(_("New referral"), classes="dialog-title")
            yield Label(_("Citizen's name"), classes="field-label")
            yield Input(id="citizen")
            yield Label(_("Challenges"), classes="field-label")
            with Horizontal(classes="row"):
                for kind in ChallengeKind:
                    yield Checkbox(_(CHALLENGE_LABELS[kind]), id=f"challenge-{kind.value}")
                yield Checkbox(_("Urgent"), id="urgent")
            yield Label(_("Referred by"), classes="field-label")
            yield Select([], prompt=_("(none)"), id="referred-by")
            yield Label(_("Reason"), classes="field-label")
            yield Input(id="reason")
            yield from self.buttons(_("Add referral"))

    def on_mount(self) -> None:  # after the form's own on_mount (Textual calls both)
        self._read_people(self.store)  # anyone may refer: the job broker, the team leader

    @on(PeopleRead)
    def _referrers_read(self, message: PeopleRead) -> None:
        self.query_one("#referred-by", Select).set_options(
            [(plain(p.name), p.name) for p in message.people]
        )

    def prepare(self) -> SaveJob:
        from coordinator.store.referrals import ReferralInput, add_referral

        referred_by = self.query_one("#referred-by", Select).value
        data = ReferralInput(
            citizen=self.value("citizen"),
            challenges=tuple(
                kind
                for kind in ChallengeKind
                if self.query_one(f"#challenge-{kind.value}", Checkbox).value
            ),
            referred_by=referred_by if isinstance(referred_by, str) else None,
            reason=self.value("reason"),
            urgent=self.query_one("#urgent", Checkbox).value,
        )
        if not data.citizen.strip():
            raise Invalid(_("A referral needs the citizen's name."))
        return lambda store: add_referral(store, data).id


class PlanReferralDialog(_FormDialog):
    """Plan a waiting referral onto one of the next days with room."""

    CSS_PATH = ["day_dialogs.tcss", "queue.tcss"]

    def __init__(self, referral: ReferralView, days: list[FreeDay]) -> None:
        super().__init__()
        self.referral = referral
        self.days = days

    def compose(self) -> ComposeResult:
        with FormScroll(classes="dialog"):
            yield Label(_("Plan a referral onto a day"), classes="dialog-title")
            yield Static(plain(self.referral.citizen))
            yield Label(_("Day"), classes="field-label")
            yield Select(
                [(day_label(d), d.id) for d in self.days],
                value=self.days[0].id,
                allow_blank=False,
                id="day",
            )
            yield from self.buttons(_("Plan"))

    def prepare(self) -> SaveJob:
        from coordinator.store.referrals import plan_referral

        day_id = self.query_one("#day", Select).value
        referral_id = self.referral.id

        def plan(store: Store) -> int:
            return plan_referral(store, referral_id, int(day_id))  # type: ignore[arg-type]

        return plan
