"""A citizen whose every trace the privacy tests look for: "Ærø Testesen", CPR 010190-1234."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from coordinator.domain.vocab import ChallengeKind, ItemKind, MaterialKind
from coordinator.store import agreements, preparation, roster
from coordinator.store.cases import CaseInput, add_case
from coordinator.store.consent import set_consent
from coordinator.store.database import Store
from coordinator.store.days import DayInput, create_day, resolve_day

NAME = "Ærø Testesen"
CPR = "010190-1234"


def secrets() -> list[bytes]:
    """Every byte form SQLite (UTF-8, UTF-16 LE/BE) or PostgreSQL could store them in."""
    texts = [NAME, "Testesen", CPR, CPR.replace("-", ""), "Ærø"]
    return [
        text.encode(encoding) for text in texts for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    ]


def add_testesen(
    store: Store, on: date, tmp_path: Path, *, name: str = NAME, cpr: str = CPR
) -> int:
    """A case of the citizen on `on` with their data in every personal table; its case id."""
    try:
        day = resolve_day(store, on.isoformat())
    except Exception:  # noqa: BLE001 - no day yet
        day = create_day(store, DayInput(date=on, start=time(8, 30)))
    case = add_case(
        store,
        CaseInput(
            day_id=day.id or 0,
            citizen=name,
            cpr=cpr,
            challenges=(ChallengeKind.HEALTH, ChallengeKind.FAMILY),
            problem_statement=f"{name} låser ved praktik",
            trigger=f"{name} ({cpr}) sendt hjem",
        ),
    )
    case_id = case.id or 0
    # Typed, changed and typed again: old versions must not linger in free space either.
    preparation.update_preparation(store, case_id, health=f"{name} har ondt i ryggen")
    preparation.update_preparation(store, case_id, health=f"{name} har ondt i ryggen og knæ")
    preparation.update_preparation(
        store,
        case_id,
        family_situation=f"{name} bor alene; CPR {cpr}",
        network=f"Mor til {name}",
        main_problem=name * 40,  # long enough for an overflow page
    )
    document = tmp_path / f"{name}.txt"
    document.write_text(name, encoding="utf-8")
    preparation.set_material(store, case_id, MaterialKind.OTHER, True, str(document), label=name)
    roster.add_network_person(store, case_id, f"{name} senior", relation="far til Ærø")
    agreements.ensure_draft(store, case_id)
    agreements.set_fields(store, case_id, citizen_words=f"Jeg er {name}", notes=cpr)
    agreements.add_item(store, case_id, ItemKind.ACTION, text=f"{name} ringer", responsible=name)
    set_consent(store, case_id, on, scope=f"{name} må deles med lægen")
    agreements.set_fields(store, case_id, goal_reason=f"{name} skal først have ro på")
    # Referred again (waiting in the queue): the reason names them too.
    from coordinator.store.referrals import ReferralInput, add_referral

    add_referral(store, ReferralInput(citizen=name, reason=f"{name} ({cpr}) i krise"))
    return case_id
