"""Sub-goals themselves: create, edit, status, priority, and the lists the screens show."""

from __future__ import annotations

from datetime import date, datetime

from ...i18n import N_, _
from ...models import AllianceScore, Citizen, Course, Meeting, SubGoal, db
from ...schemas import SubGoalIn, SubGoalStatusIn
from .. import audit
from ..errors import DomainError, NotFound
from .scores import _goal
from .views import _STATUS_ORDER, Presentation, PresentedGoal, SubGoalRow, complement, trend


def _renumber(order: list[int]) -> None:
    for position, goal_id in enumerate(order, start=1):
        SubGoal.update(priority=position, version=SubGoal.version + 1).where(
            SubGoal.id == goal_id
        ).execute()


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
            "update",
            "sub_goal",
            citizen_id=goal.citizen_id,
            record_id=goal.id,
            purpose=N_("status"),
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
                purpose=N_("priority"),
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
