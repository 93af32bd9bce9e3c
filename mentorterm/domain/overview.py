"""One citizen's overview, and the lists of their records."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from peewee import fn

from ..models import (
    ActionItem,
    AllianceScore,
    HoursStep,
    LogbookEntry,
    Meeting,
    Placement,
    SubGoal,
)
from .citizens import get_citizen, handovers_of
from .courses import courses_of
from .jobsearch.followups import overdue_follow_ups_of
from .sessions.lines import overview_lines
from .views import (
    ActionItemView,
    CitizenOverview,
    HoursStepView,
    LogbookLine,
    MeetingView,
    PlacementView,
    SubGoalSummary,
)

_STATUS_ORDER = {"active": 0, "paused": 1, "achieved": 2, "dropped": 3}


def placements_of(citizen_id: int) -> list[PlacementView]:
    """The citizen's placements, newest first, each with its hours steps."""
    placements = list(
        Placement.select()
        .where(Placement.citizen == citizen_id)
        .order_by(Placement.start_date.desc(), Placement.id.desc())
    )
    steps: dict[int, list[HoursStepView]] = {p.id: [] for p in placements}
    if placements:
        for step in (
            HoursStep.select()
            .where(HoursStep.placement.in_(list(steps)))
            .order_by(HoursStep.from_date)
        ):
            steps[step.placement_id].append(HoursStepView.model_validate(step))
    return [
        PlacementView(
            id=p.id,
            kind=p.kind,
            workplace=p.workplace,
            supervisor_name=p.supervisor_name,
            start_date=p.start_date,
            end_date=p.end_date,
            accommodations=p.accommodations,
            hours_steps=steps[p.id],
        )
        for p in placements
    ]


def sub_goal_summaries(citizen_id: int) -> list[SubGoalSummary]:
    """Sub-goals with their latest score: active first, then by priority."""
    latest = (
        AllianceScore.select(
            AllianceScore.sub_goal,
            fn.MAX(AllianceScore.scored_on).alias("last"),
            fn.COUNT(AllianceScore.id).alias("n"),
        )
        .join(SubGoal)
        .where(SubGoal.citizen == citizen_id)
        .group_by(AllianceScore.sub_goal)
    )
    last = {row.sub_goal_id: (row.last, row.n) for row in latest}
    scores = {}
    for goal_id, (day, _count) in last.items():
        score = (
            AllianceScore.select(AllianceScore.citizen_score)
            .where((AllianceScore.sub_goal == goal_id) & (AllianceScore.scored_on == day))
            .scalar()
        )
        scores[goal_id] = score
    goals = SubGoal.select().where(SubGoal.citizen == citizen_id)
    result = []
    for goal in goals:
        day, count = last.get(goal.id, (None, 0))
        if isinstance(day, str):
            day = date.fromisoformat(day)
        result.append(
            SubGoalSummary(
                id=goal.id,
                title=goal.title,
                status=goal.status,
                priority=goal.priority,
                target_date=goal.target_date,
                latest_score=scores.get(goal.id),
                latest_scored_on=day,
                score_count=count,
            )
        )
    result.sort(key=lambda g: (_STATUS_ORDER.get(g.status, 9), g.priority, g.id))
    return result


def meetings_of(citizen_id: int) -> list[MeetingView]:
    """Every meeting, newest first."""
    query = (
        Meeting.select()
        .where(Meeting.citizen == citizen_id)
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    )
    return [MeetingView.model_validate(m) for m in query]


def open_action_items(citizen_id: int, as_of: date | None = None) -> list[ActionItemView]:
    """The open agreements; ``as_of``: those agreed by that day and still open on it."""
    if as_of is None:
        still_open = ActionItem.done_on.is_null()
    else:
        still_open = (ActionItem.created_on <= as_of) & (
            ActionItem.done_on.is_null() | (ActionItem.done_on > as_of)
        )
    query = (
        ActionItem.select()
        .where((ActionItem.citizen == citizen_id) & still_open)
        .order_by(ActionItem.due_date.is_null(), ActionItem.due_date, ActionItem.id)
    )
    return [ActionItemView.model_validate(a) for a in query]


def logbook_of(citizen_id: int, limit: int | None = None) -> list[LogbookLine]:
    """Logbook days across the citizen's placements, newest first."""
    query = (
        LogbookEntry.select(LogbookEntry, Placement.workplace)
        .join(Placement)
        .where(LogbookEntry.citizen == citizen_id)
        .order_by(LogbookEntry.entry_date.desc())
    )
    if limit:
        query = query.limit(limit)
    return [
        LogbookLine(
            id=e.id,
            entry_date=e.entry_date,
            workplace=e.placement.workplace,
            attendance=e.attendance,
            hours_planned=e.hours_planned,
            hours_worked=e.hours_worked,
            left_early=e.left_early,
            left_early_reason=e.left_early_reason,
            tasks=e.tasks,
        )
        for e in query
    ]


def citizen_overview(citizen_id: int, today: date | None = None) -> CitizenOverview:
    """Everything the citizen screen shows at the top, in one call."""
    today = today or date.today()
    start_of_today = datetime.combine(today, datetime.min.time())
    next_meeting = (
        Meeting.select()
        .where(
            (Meeting.citizen == citizen_id)
            & (Meeting.status == "planned")
            & (Meeting.starts_at >= start_of_today)
        )
        .order_by(Meeting.starts_at)
        .first()
    )
    last_held = (
        Meeting.select()
        .where(
            (Meeting.citizen == citizen_id)
            & (Meeting.status == "held")
            & (Meeting.starts_at < start_of_today + timedelta(days=1))
        )
        .order_by(Meeting.starts_at.desc())
        .first()
    )
    return CitizenOverview(
        citizen=get_citizen(citizen_id),
        courses=courses_of(citizen_id),
        placements=placements_of(citizen_id),
        sub_goals=sub_goal_summaries(citizen_id),
        next_meeting=MeetingView.model_validate(next_meeting) if next_meeting else None,
        last_held_meeting=MeetingView.model_validate(last_held) if last_held else None,
        open_action_items=open_action_items(citizen_id),
        today=today,
        handovers=[(h.handed_on, h.from_name, h.to_name, h.note) for h in handovers_of(citizen_id)],
        group_sessions=overview_lines(citizen_id, today),
        overdue_follow_ups=overdue_follow_ups_of(citizen_id, today),
    )
