"""Sub-goals' read models and the pure arithmetic of the scale: the complement, the trend."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from ...i18n import _
from ..errors import DomainError

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
