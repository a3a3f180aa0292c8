"""F.I.T. ratings: the citizen's session and outcome ratings of each conversation, as numbers
only (never the questionnaire's text). A case's ratings over time form its curve; a session
rating below the cut-off flags the case for the job broker."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from coordinator.domain.followup import (
    SCALES,
    RatingKind,
    needs_attention,
    scores_problem,
)
from coordinator.i18n import _
from coordinator.store import audit
from coordinator.store.database import Store
from coordinator.store.errors import Invalid, NotFound
from coordinator.store.models import Case, Rating, StepUpDay


@dataclass(frozen=True)
class RatingView:
    id: int
    case_id: int
    kind: RatingKind
    rated_on: date
    scores: tuple[float, float, float, float]

    @property
    def total(self) -> float:
        return round(sum(self.scores), 1)

    @property
    def flagged(self) -> bool:
        return needs_attention(self.kind, self.scores)

    def json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "case": self.case_id,
            "kind": self.kind.value,
            "on": self.rated_on.isoformat(),
            "scores": dict(zip(SCALES[self.kind], self.scores, strict=True)),
            "total": self.total,
            "flagged": self.flagged,
        }


def _view(rating: Rating) -> RatingView:
    return RatingView(
        id=rating.id or 0,
        case_id=rating.case_id,
        kind=RatingKind(rating.kind),
        rated_on=rating.rated_on,
        scores=(rating.score_1, rating.score_2, rating.score_3, rating.score_4),
    )


def add_rating(
    store: Store,
    case_id: int,
    kind: RatingKind,
    scores: Sequence[float],
    on: date | None = None,
) -> RatingView:
    """Keep one rating of the case; not before its meeting day, not in the future."""
    problem = scores_problem(scores)
    if problem:
        raise Invalid(problem)
    today = store.now().date()
    on = on or today
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        day = session.get(StepUpDay, case.day_id)
        assert day is not None
        if on < day.date:
            raise Invalid(
                _("{date} is before the meeting on {meeting}; a rating follows a meeting.").format(
                    date=on.isoformat(), meeting=day.date.isoformat()
                )
            )
        if on > today:
            raise Invalid(_("{date} has not come yet.").format(date=on.isoformat()))
        rating = Rating(
            case_id=case_id,
            kind=kind.value,
            rated_on=on,
            score_1=scores[0],
            score_2=scores[1],
            score_3=scores[2],
            score_4=scores[3],
            recorded_by=store.actor,
            created_at=store.now(),
        )
        session.add(rating)
        session.flush()
        audit.record(store, session, "create", "rating", rating.id, kind.value)
        return _view(rating)


def ratings_of(store: Store, case_id: int) -> list[RatingView]:
    """The case's ratings and those of its other conversation, oldest first (one curve)."""
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound(_("No case with id {id}.").format(id=case_id))
        linked = {case_id}
        if case.previous_case_id:
            linked.add(case.previous_case_id)
        linked.update(
            c.id or 0 for c in session.exec(select(Case).where(Case.previous_case_id == case_id))
        )
        statement = (
            select(Rating)
            .where(col(Rating.case_id).in_(linked))
            .order_by(col(Rating.rated_on), col(Rating.id))
        )
        return [_view(r) for r in session.exec(statement)]
