"""The weekly review's queue: who is in the week's queue, most urgent first, and progress.

Who is in the week's queue: citizens not archived on ``as_of`` with a course
running on it (started on or before, not ended by then) and at least one
signal (``rules.py``), plus those whose aftercare is due (their
course has usually ended with a job), plus anyone with a decision recorded
for the week, so the queue does not shrink while the team works through it.

Urgency: the sum of a citizen's signal weights, with the sub-goal signals
together counting at most ``SUB_GOAL_CAP`` so that many stale sub-goals do
not outrank a citizen who stopped coming. The queue is sorted by urgency,
then by the heaviest single signal, then by name.
"""

from __future__ import annotations

from datetime import date, datetime

from ...settings import ReviewThresholds
from ..views import View
from .gather import week_decisions
from .signal import Signal, SignalKind, iso_week_of
from .signals import citizen_signals

SUB_GOAL_CAP = 3  # the most the sub-goal signals add to one citizen's urgency


class ReviewItem(View):
    """One citizen in the week's queue."""

    citizen_id: int
    name: str
    urgency: int
    signals: list[Signal]  # heaviest first
    on_course: bool  # False: only here for aftercare (the course has ended)
    iso_week: str
    decision: str | None = None  # the decision recorded for ``iso_week``, if any
    reviewed: bool = False
    reviewed_at: datetime | None = None
    # On the team database (domain/team.py): whose citizen, who recorded the decision.
    mentor_name: str | None = None
    decided_by: str | None = None


# --- the queue ------------------------------------------------------------------------


def _urgency(signals: list[Signal]) -> int:
    goals = sum(s.weight for s in signals if s.kind is SignalKind.SUB_GOAL)
    rest = sum(s.weight for s in signals if s.kind is not SignalKind.SUB_GOAL)
    return rest + min(goals, SUB_GOAL_CAP)


_KIND_ORDER = {kind: i for i, kind in enumerate(SignalKind)}


def review_queue(
    as_of: date, mentor_id: int | None = None, thresholds: ReviewThresholds | None = None
) -> list[ReviewItem]:
    """The week's review queue as the records stood on ``as_of``, most urgent first.

    ``mentor_id`` None means every mentor's citizens. ``thresholds`` None means
    the defaults; the CLI and the app pass ``settings.load_settings().review``.
    """
    week = iso_week_of(as_of)
    notes = week_decisions(as_of, mentor_id)
    queue = []
    for c in citizen_signals(as_of, mentor_id, thresholds or ReviewThresholds()):
        note = notes.get(c.citizen_id)
        if not c.signals and note is None:
            continue
        signals = sorted(c.signals, key=lambda s: (-s.weight, _KIND_ORDER[s.kind]))
        decision, reviewed_at = note if note else (None, None)
        queue.append(
            ReviewItem(
                citizen_id=c.citizen_id,
                name=c.name,
                urgency=_urgency(signals),
                signals=signals,
                on_course=c.on_course,
                iso_week=week,
                decision=decision,
                reviewed=reviewed_at is not None,
                reviewed_at=reviewed_at,
            )
        )
    queue.sort(
        key=lambda i: (
            -i.urgency,
            -max((s.weight for s in i.signals), default=0),
            i.name.casefold(),
            i.citizen_id,
        )
    )
    return queue


def review_progress(
    as_of: date, mentor_id: int | None = None, thresholds: ReviewThresholds | None = None
) -> tuple[int, int]:
    """(reviewed, total) for the queue of ``as_of``'s ISO week: "7 of 15 reviewed"."""
    queue = review_queue(as_of, mentor_id, thresholds)
    return sum(1 for item in queue if item.reviewed), len(queue)
