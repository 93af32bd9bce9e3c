"""Scoring a sub-goal on the 1-10 scale, and correcting or removing a score (audited)."""

from __future__ import annotations

from datetime import date

from ...enums import SubGoalStatus
from ...format import show_date
from ...i18n import N_, _
from ...models import AllianceScore, SubGoal, db
from ...schemas import AllianceScoreIn
from .. import audit
from ..errors import DomainError, NotFound
from .views import SameDayScore, ScoreView, complement


def _goal(sub_goal_id: int) -> SubGoal:
    goal = SubGoal.get_or_none(SubGoal.id == sub_goal_id)
    if goal is None:
        raise NotFound(_("This sub-goal no longer exists."))
    return goal


def _score_view(row: AllianceScore) -> ScoreView:
    return ScoreView(
        id=row.id,
        scored_on=row.scored_on,
        citizen_score=row.citizen_score,
        mentor_score=complement(row.citizen_score),
        what_it_takes=row.what_it_takes,
        own_actions=row.own_actions,
        help_needed=row.help_needed,
    )


def score_sub_goal(
    sub_goal_id: int, data: AllianceScoreIn, *, replace: bool = False, mentor_id: int | None = None
) -> int:
    """Record the citizen's score (and the three answers) for one day.

    A second score on the same day raises SameDayScore unless ``replace``;
    then the day's score is replaced in place. Only active sub-goals are scored.
    """
    from ...storage import ensure_default_mentor

    with db.atomic():
        goal = _goal(sub_goal_id)
        if goal.status != "active":
            raise DomainError(
                _("Only an active sub-goal can be scored; this one is {status}.").format(
                    status=SubGoalStatus(goal.status).label.lower()
                )
            )
        values = data.model_dump()
        existing = AllianceScore.get_or_none(
            (AllianceScore.sub_goal == goal) & (AllianceScore.scored_on == data.scored_on)
        )
        if existing is not None:
            if not replace:
                raise SameDayScore(existing.id, existing.citizen_score)
            for field, value in values.items():
                setattr(existing, field, value)
            existing.save()
            audit.record(
                "update",
                "alliance_score",
                citizen_id=goal.citizen_id,
                record_id=existing.id,
                purpose=N_("score replaced"),
            )
            return existing.id
        mentor = mentor_id or ensure_default_mentor().id
        score_id = AllianceScore.create(sub_goal=goal, mentor=mentor, **values).id
        audit.record("create", "alliance_score", citizen_id=goal.citizen_id, record_id=score_id)
        return score_id


_ANSWERS = frozenset({"what_it_takes", "own_actions", "help_needed"})


def _score(score_id: int) -> AllianceScore:
    row = AllianceScore.get_or_none(AllianceScore.id == score_id)
    if row is None:
        raise NotFound(_("This score no longer exists."))
    return row


def _score_values(row: AllianceScore) -> dict:
    return {name: getattr(row, name) for name in AllianceScoreIn.model_fields}


def score_view(score_id: int) -> ScoreView:
    """One saved score (to prefill its correction)."""
    return _score_view(_score(score_id))


def update_score(score_id: int, data: AllianceScoreIn) -> None:
    """Correct a score given by mistake: its date, number and answers, audited old → new.

    Any sub-goal's score can be corrected, whatever its status now; one score a
    day still holds, and a refusal names the score in the way. The answers are
    free text: the audit row says they changed, not what they say.
    """
    with db.atomic():
        row = _score(score_id)
        other = AllianceScore.get_or_none(
            (AllianceScore.sub_goal == row.sub_goal_id)
            & (AllianceScore.scored_on == data.scored_on)
            & (AllianceScore.id != row.id)
        )
        if other is not None:
            raise DomainError(
                _(
                    "This sub-goal already has a score on {day} ({score}); "
                    "correct or delete that one instead."
                ).format(day=show_date(data.scored_on), score=other.citizen_score),
                field="scored_on",
            )
        old = _score_values(row)
        new = data.model_dump()
        audit.apply_correction(
            row,
            "alliance_score",
            citizen_id=row.sub_goal.citizen_id,
            old=old,
            new=new,
            private=_ANSWERS,
        )


def delete_score(score_id: int) -> None:
    """Delete a score given by mistake (the history and trend follow)."""
    with db.atomic():
        row = _score(score_id)
        citizen_id = row.sub_goal.citizen_id
        row.delete_instance()
        audit.record(
            "delete",
            "alliance_score",
            citizen_id=citizen_id,
            record_id=score_id,
            purpose=N_("deleted by the mentor"),
        )


def score_history(sub_goal_id: int) -> list[ScoreView]:
    """Every score of the sub-goal, oldest first."""
    query = (
        AllianceScore.select()
        .where(AllianceScore.sub_goal == sub_goal_id)
        .order_by(AllianceScore.scored_on)
    )
    return [_score_view(s) for s in query]


def previous_answers(sub_goal_id: int, before: date | None = None) -> ScoreView | None:
    """The latest score (before ``before``, if given): the reference while scoring."""
    query = AllianceScore.select().where(AllianceScore.sub_goal == sub_goal_id)
    if before is not None:
        query = query.where(AllianceScore.scored_on < before)
    row = query.order_by(AllianceScore.scored_on.desc()).first()
    return _score_view(row) if row else None
