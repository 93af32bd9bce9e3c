"""The weekly case review (*sparringsmøde*): the queue, its progress and the decisions.

Who is in the week's queue: citizens not archived on ``as_of`` with a course
running on it (started on or before, not ended by then) and at least one
signal (``review_signals.py``), plus those whose aftercare is due (their
course has usually ended with a job), plus anyone with a decision recorded
for the week, so the queue does not shrink while the team works through it.

Urgency: the sum of a citizen's signal weights, with the sub-goal signals
together counting at most ``SUB_GOAL_CAP`` so that many stale sub-goals do
not outrank a citizen who stopped coming. The queue is sorted by urgency,
then by the heaviest single signal, then by name.

Decisions are ``ReviewNote`` rows: one per citizen per ISO week ("2026-W47").
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import ValidationError

from ..i18n import _
from ..models import Citizen, ReviewNote, db
from ..schemas import ReviewNoteIn, friendly_errors
from ..settings import ReviewThresholds
from . import audit
from .errors import DomainError, NotFound
from .review_signals import (
    Signal,
    SignalKind,
    citizen_signals,
    iso_week_of,
    review_sql,
    week_decisions,
)
from .views import View

__all__ = [
    "ReviewDecision",
    "ReviewItem",
    "Signal",
    "SignalKind",
    "SUB_GOAL_CAP",
    "decision_for",
    "iso_week_of",
    "review_progress",
    "review_queue",
    "review_sql",
    "save_decision",
]

SUB_GOAL_CAP = 3  # the most the sub-goal signals add to one citizen's urgency


class ReviewDecision(View):
    citizen_id: int
    iso_week: str
    decision: str
    reviewed_at: datetime | None

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None


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


# --- decisions ------------------------------------------------------------------------


def _decision_view(note: ReviewNote) -> ReviewDecision:
    return ReviewDecision(
        citizen_id=note.citizen_id,
        iso_week=note.iso_week,
        decision=note.decision,
        reviewed_at=note.reviewed_at,
    )


def save_decision(
    citizen_id: int,
    iso_week: str,
    decision: str,
    reviewed: bool,
    now: datetime,
    mentor_id: int | None = None,
) -> ReviewDecision:
    """Record (or change) the week's decision for a citizen, in one transaction.

    One note per citizen per ISO week: saving again replaces the decision.
    ``reviewed`` marks the citizen done for the week (``reviewed_at`` keeps
    the first time it was marked); False unmarks it.
    """
    from ..storage import ensure_default_mentor

    try:
        data = ReviewNoteIn(
            iso_week=iso_week, decision=decision, reviewed_at=now if reviewed else None
        )
    except ValidationError as exc:
        problems = friendly_errors(exc)
        field_name, message = next(iter(problems.items()))
        if field_name == "iso_week":
            message = _("{week} is not an ISO week; write it as 2026-W47.").format(week=iso_week)
        raise DomainError(message, field=field_name) from None
    with db.atomic():
        if Citizen.get_or_none(Citizen.id == citizen_id) is None:
            raise NotFound(_("This citizen no longer exists (deleted in another window?)."))
        note = ReviewNote.get_or_none(
            (ReviewNote.citizen == citizen_id) & (ReviewNote.iso_week == data.iso_week)
        )
        if note is None:
            note = ReviewNote.create(
                citizen=citizen_id,
                mentor=mentor_id or ensure_default_mentor().id,
                iso_week=data.iso_week,
                decision=data.decision,
                reviewed_at=data.reviewed_at,
            )
            audit.record(
                "create",
                "review_note",
                citizen_id=citizen_id,
                record_id=note.id,
                purpose="weekly case review",
            )
        else:
            note.decision = data.decision
            if not reviewed:
                note.reviewed_at = None
            elif note.reviewed_at is None:
                note.reviewed_at = data.reviewed_at
            note.save()
            audit.record(
                "update",
                "review_note",
                citizen_id=citizen_id,
                record_id=note.id,
                purpose="weekly case review",
            )
    return _decision_view(note)


def decision_for(citizen_id: int, iso_week: str) -> ReviewDecision | None:
    """The decision recorded for the citizen in that ISO week, or None."""
    note = ReviewNote.get_or_none(
        (ReviewNote.citizen == citizen_id) & (ReviewNote.iso_week == iso_week)
    )
    return _decision_view(note) if note else None
