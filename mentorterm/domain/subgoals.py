"""Sub-goals on the asymmetric-alliance scale: scoring, history, trend, life cycle.

For each sub-goal the citizen places themself on the scale from 1 to 10; the
mentor takes the rest, so the two always add up to 10 (DOMAIN.md). The score's
history is the citizen's progression.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from ..enums import SubGoalStatus
from ..format import show_date
from ..i18n import _
from ..models import AllianceScore, Citizen, Course, Meeting, SubGoal, db
from ..schemas import AllianceScoreIn, SubGoalIn, SubGoalStatusIn
from . import audit
from .errors import DomainError, NotFound

_STATUS_ORDER = {"active": 0, "paused": 1, "achieved": 2, "dropped": 3}


class SameDayScore(DomainError):
    """The sub-goal was already scored that day: ask before replacing it."""

    def __init__(self, existing_id: int, existing_score: int):
        super().__init__(
            _("This sub-goal was already scored that day ({score}).").format(score=existing_score)
        )
        self.existing_id = existing_id
        self.existing_score = existing_score


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class ScoreView(_View):
    id: int
    scored_on: date
    citizen_score: int
    mentor_score: int
    what_it_takes: str
    own_actions: str
    help_needed: str


class Trend(_View):
    count: int
    first: int | None
    latest: int | None
    best: int | None
    change: int  # latest - first (0 with fewer than two scores)
    direction: str  # up | down | flat | none


class SubGoalRow(_View):
    id: int
    title: str
    success_criterion: str
    status: str
    status_date: date | None
    status_note: str
    priority: int
    target_date: date | None
    target_passed: bool
    history: list[int]
    latest_score: int | None
    mentor_score: int | None
    days_since_scored: int | None
    own_actions: str
    help_needed: str


class PresentedGoal(_View):
    title: str
    description: str
    latest_score: int | None
    first_score: int | None
    score_count: int
    next_step: str
    help_promised: str
    change: int = 0  # latest - first (0 with fewer than two scores)
    direction: str = "none"  # up | down | flat | none, as in Trend


class Presentation(_View):
    first_name: str
    goals: list[PresentedGoal]
    next_meeting: datetime | None


def complement(citizen_score: int) -> int:
    """The mentor's part: what makes the two add up to 10."""
    if not 1 <= citizen_score <= 10:
        raise DomainError(_("A score is a whole number from 1 to 10."))
    return 10 - citizen_score


def trend(scores: list[int]) -> Trend:
    """First, latest, best and the change between first and latest (oldest first)."""
    if not scores:
        return Trend(count=0, first=None, latest=None, best=None, change=0, direction="none")
    change = scores[-1] - scores[0] if len(scores) > 1 else 0
    if len(scores) < 2:
        direction = "none"
    else:
        direction = "up" if change > 0 else "down" if change < 0 else "flat"
    return Trend(
        count=len(scores),
        first=scores[0],
        latest=scores[-1],
        best=max(scores),
        change=change,
        direction=direction,
    )


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
    from ..storage import ensure_default_mentor

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
                purpose="score replaced",
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
        for field, value in new.items():
            setattr(row, field, value)
        row.save()
        audit.correction(
            "alliance_score",
            citizen_id=row.sub_goal.citizen_id,
            record_id=row.id,
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
            purpose="deleted by the mentor",
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


def _renumber(order: list[int]) -> None:
    for position, goal_id in enumerate(order, start=1):
        SubGoal.update(priority=position).where(SubGoal.id == goal_id).execute()


def _active_ids(citizen_id: int) -> list[int]:
    query = (
        SubGoal.select(SubGoal.id)
        .where((SubGoal.citizen == citizen_id) & (SubGoal.status == "active"))
        .order_by(SubGoal.priority, SubGoal.id)
    )
    return [g.id for g in query]


def create_sub_goal(citizen_id: int, data: SubGoalIn, course_id: int | None = None) -> int:
    """A new active sub-goal, last in priority unless ``data.priority`` says otherwise.

    A ``data.priority`` of n puts it n-th among the active ones (the others move
    down); ``course_id``, when given, must be one of this citizen's courses.
    """
    with db.atomic():
        if Citizen.get_or_none(Citizen.id == citizen_id) is None:
            raise NotFound(_("This citizen no longer exists."))
        if course_id is not None:
            course = Course.get_or_none(Course.id == course_id)
            if course is None or course.citizen_id != citizen_id:
                raise DomainError(_("That course is not one of this citizen's courses."))
        values = data.model_dump()
        wanted = values.pop("priority")
        goal = SubGoal.create(citizen=citizen_id, course=course_id, priority=0, **values)
        order = [g for g in _active_ids(citizen_id) if g != goal.id]
        position = len(order) if not wanted else max(0, min(len(order), wanted - 1))
        order.insert(position, goal.id)
        _renumber(order)
        audit.record("create", "sub_goal", citizen_id=citizen_id, record_id=goal.id)
    return goal.id


def update_sub_goal(sub_goal_id: int, data: SubGoalIn) -> None:
    """Save an edited sub-goal; its priority is kept (move_priority changes it)."""
    with db.atomic():
        goal = _goal(sub_goal_id)
        for field, value in data.model_dump(exclude={"priority"}).items():
            setattr(goal, field, value)
        goal.save()
        audit.record("update", "sub_goal", citizen_id=goal.citizen_id, record_id=goal.id)


def sub_goal_input(sub_goal_id: int) -> SubGoalIn:
    """The sub-goal's current values as an input model (to prefill the edit form)."""
    goal = _goal(sub_goal_id)
    return SubGoalIn.model_construct(**{f: getattr(goal, f) for f in SubGoalIn.model_fields})


def set_status(sub_goal_id: int, data: SubGoalStatusIn) -> None:
    """Achieved, paused, dropped (or active again), with its date and note.

    A sub-goal that comes back to active goes last in priority; one that was
    active already keeps its place. The other active ones are renumbered 1..n.
    """
    with db.atomic():
        goal = _goal(sub_goal_id)
        was_active = goal.status == "active"
        goal.status = data.status.value
        goal.status_date = data.status_date
        goal.status_note = data.status_note
        goal.save()
        order = _active_ids(goal.citizen_id)
        if goal.status == "active" and not was_active:
            order.remove(goal.id)
            order.append(goal.id)  # back in the list: last, the mentor moves it up
        _renumber(order)
        audit.record(
            "update", "sub_goal", citizen_id=goal.citizen_id, record_id=goal.id, purpose="status"
        )


def move_priority(sub_goal_id: int, direction: int) -> None:
    """Move an active sub-goal up (-1) or down (+1) among the citizen's active ones.

    At the top or the bottom, and for a sub-goal that is not active, nothing moves.
    """
    if direction not in (-1, 1):
        raise ValueError(f"direction is -1 (up) or +1 (down), not {direction!r}")
    with db.atomic():
        goal = _goal(sub_goal_id)
        order = _active_ids(goal.citizen_id)
        if goal.id not in order:
            return
        index = order.index(goal.id)
        target = index + direction
        moved = 0 <= target < len(order)
        if moved:
            order[index], order[target] = order[target], order[index]
        _renumber(order)
        if moved:  # at the top or the bottom nothing moves: nothing to log
            audit.record(
                "update",
                "sub_goal",
                citizen_id=goal.citizen_id,
                record_id=goal.id,
                purpose="priority",
            )


def sub_goal_rows(citizen_id: int, today: date | None = None) -> list[SubGoalRow]:
    """The sub-goal list: active first in priority order, then paused, achieved, dropped."""
    today = today or date.today()
    goals = list(SubGoal.select().where(SubGoal.citizen == citizen_id))
    scores: dict[int, list[AllianceScore]] = {g.id: [] for g in goals}
    if goals:
        for s in (
            AllianceScore.select()
            .where(AllianceScore.sub_goal.in_(list(scores)))
            .order_by(AllianceScore.scored_on)
        ):
            scores[s.sub_goal_id].append(s)
    rows = []
    for g in goals:
        history = scores[g.id]
        latest = history[-1] if history else None
        # The agreed step and the promised help stand until answered anew.
        own = next((s.own_actions for s in reversed(history) if s.own_actions), "")
        help_ = next((s.help_needed for s in reversed(history) if s.help_needed), "")
        rows.append(
            SubGoalRow(
                id=g.id,
                title=g.title,
                success_criterion=g.success_criterion,
                status=g.status,
                status_date=g.status_date,
                status_note=g.status_note,
                priority=g.priority,
                target_date=g.target_date,
                target_passed=g.status == "active"
                and g.target_date is not None
                and g.target_date < today,
                history=[s.citizen_score for s in history],
                latest_score=latest.citizen_score if latest else None,
                mentor_score=complement(latest.citizen_score) if latest else None,
                days_since_scored=(today - latest.scored_on).days if latest else None,
                own_actions=own,
                help_needed=help_,
            )
        )
    rows.sort(key=lambda r: (_STATUS_ORDER.get(r.status, 9), r.priority, r.id))
    return rows


def presentation(citizen_id: int, today: date | None = None) -> Presentation:
    """What the citizen may see: their own active goals, scores and next steps.

    Only the first word of the name; no notes, accommodations, health or
    caseworker details, nothing about anyone else.
    """
    today = today or date.today()
    citizen = Citizen.get_or_none(Citizen.id == citizen_id)
    if citizen is None:
        raise NotFound(_("This citizen no longer exists."))
    descriptions = dict(
        SubGoal.select(SubGoal.id, SubGoal.description)
        .where(SubGoal.citizen == citizen_id)
        .tuples()
    )
    goals = []
    for row in sub_goal_rows(citizen_id, today):
        if row.status != "active":
            continue
        progress = trend(row.history)
        goals.append(
            PresentedGoal(
                title=row.title,
                description=descriptions[row.id],
                latest_score=row.latest_score,
                first_score=progress.first,
                score_count=progress.count,
                next_step=row.own_actions,
                help_promised=row.help_needed,
                change=progress.change,
                direction=progress.direction,
            )
        )
    meeting = (
        Meeting.select(Meeting.starts_at)
        .where(
            (Meeting.citizen == citizen_id)
            & (Meeting.status == "planned")
            & (Meeting.starts_at >= datetime.combine(today, datetime.min.time()))
        )
        .order_by(Meeting.starts_at)
        .first()
    )
    first_name = (citizen.name.split() or [citizen.name])[0]
    return Presentation(
        first_name=first_name, goals=goals, next_meeting=meeting.starts_at if meeting else None
    )
