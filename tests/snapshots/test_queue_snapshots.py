"""The referral queue on the demo day: eight citizens waiting, the next days with room."""

from __future__ import annotations

from datetime import timedelta

from coordinator.domain.vocab import ChallengeKind
from coordinator.store.days import DayInput, create_day
from coordinator.store.referrals import ReferralInput, add_referral
from tests.conftest import TEST_DAY
from tests.snapshots.test_day_snapshots import settled

WAITING = (
    ("Lone Skov", (ChallengeKind.HEALTH,), "Sygemeldt i fire måneder", False, 40),
    ("Ib Holm", (ChallengeKind.HEALTH, ChallengeKind.FAMILY), "Ny plan efter forløb", False, 33),
    ("Åse Ærø", (ChallengeKind.FAMILY,), "Risiko for at miste bolig", True, 5),
    ("Kim Nørgaard", (ChallengeKind.OTHER,), "Misbrug; vil gerne i praktik", False, 21),
    ("Ahmad Rahimi", (ChallengeKind.HEALTH,), "Tolk nødvendig", False, 14),
    ("Jette Poulsen", (), "", False, 9),
    ("Ole Bak", (ChallengeKind.HEALTH, ChallengeKind.OTHER), "Ressourceforløb slutter", True, 2),
    ("Mette Lind", (ChallengeKind.FAMILY,), "Enlig forsørger", False, 1),
)


def setup(store, _clock) -> None:
    today = store.now().date()
    for weeks in (1, 2):
        create_day(store, DayInput(TEST_DAY + timedelta(weeks=weeks), breaks=()))
    for name, kinds, reason, urgent, waited in WAITING:
        add_referral(
            store,
            ReferralInput(
                name,
                kinds,
                referred_by="Jonas Berg",
                reason=reason,
                urgent=urgent,
                referred_on=today - timedelta(days=waited),
            ),
        )


def test_queue_screen(snap_compare, demo_app) -> None:
    async def open_queue(pilot) -> None:
        await settled(pilot)
        await pilot.press("escape")
        await settled(pilot)
        await pilot.press("k")
        await settled(pilot)

    assert snap_compare(demo_app(setup=setup), terminal_size=(100, 24), run_before=open_queue)
