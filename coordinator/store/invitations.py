"""The calendar SEQUENCE of each meeting part: raised when the meeting changed, kept otherwise.

RFC 5545 wants SEQUENCE to grow with every significant change of an event (its time, place or
status) so a calendar takes the newer copy, and to stay put otherwise: an invitation exported
twice unchanged is the same invitation. The export hands in what each part looks like now (a
fingerprint); the first export of a part is SEQUENCE 0, each export after a change one more.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from coordinator.store.database import Store
from coordinator.store.models import InvitationState

#: (case id, part id) → what the part looks like now (time, place, status), as one string.
PartKey = tuple[int, str]


def sequences(store: Store, fingerprints: Mapping[PartKey, str]) -> dict[PartKey, int]:
    """The SEQUENCE each part goes out with now, recording the fingerprints it was sent with.
    Two exports at once may race on a part's first row: the loser reads the winner's."""
    try:
        return _sequences(store, fingerprints)
    except IntegrityError:
        return _sequences(store, fingerprints)


def _sequences(store: Store, fingerprints: Mapping[PartKey, str]) -> dict[PartKey, int]:
    if not fingerprints:
        return {}
    case_ids = {case_id for case_id, _part in fingerprints}
    result: dict[PartKey, int] = {}
    with store.session() as session:
        stored = {
            (row.case_id, row.part): row
            for row in session.exec(
                select(InvitationState).where(col(InvitationState.case_id).in_(case_ids))
            )
        }
        for key, fingerprint in fingerprints.items():
            row = stored.get(key)
            if row is None:
                row = InvitationState(
                    case_id=key[0], part=key[1], fingerprint=fingerprint, updated_at=store.now()
                )
            elif row.fingerprint != fingerprint:
                row.sequence += 1
                row.fingerprint = fingerprint
                row.updated_at = store.now()
            else:
                result[key] = row.sequence
                continue
            session.add(row)
            result[key] = row.sequence
    return result
