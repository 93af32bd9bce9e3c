"""The weekly review's decisions: one ``ReviewNote`` per citizen per ISO week ("2026-W47")."""

from __future__ import annotations

from datetime import datetime

from pydantic import ValidationError

from ...i18n import N_, _
from ...models import Citizen, ReviewNote, db
from ...models.versions import ChangedMeanwhile, expecting
from ...schemas import ReviewNoteIn, friendly_errors
from .. import audit
from ..errors import DomainError, NotFound
from ..views import View


class ReviewDecision(View):
    citizen_id: int
    iso_week: str
    decision: str
    reviewed_at: datetime | None
    decided_by: str | None = None  # the mentor who recorded it (last)
    version: int | None = None  # what a save over it expects (models/versions.py)

    @property
    def reviewed(self) -> bool:
        return self.reviewed_at is not None


def _decision_view(note: ReviewNote) -> ReviewDecision:
    return ReviewDecision(
        citizen_id=note.citizen_id,
        iso_week=note.iso_week,
        decision=note.decision,
        reviewed_at=note.reviewed_at,
        decided_by=note.mentor.name if note.mentor_id is not None else None,
        version=note.version,
    )


def save_decision(
    citizen_id: int,
    iso_week: str,
    decision: str,
    reviewed: bool,
    now: datetime,
    mentor_id: int | None = None,
    seen_version: int | None = None,
) -> ReviewDecision:
    """Record (or change) the week's decision for a citizen, in one transaction.

    One note per citizen per ISO week: saving again replaces the decision and
    names the mentor at the keyboard (``mentor_id``, else this login's) as the
    one who decided; on the team database any mentor may, in their own name.
    ``reviewed`` marks the citizen done for the week (``reviewed_at`` keeps
    the first time it was marked); False unmarks it. ``seen_version``: the
    version the screen showed (0: it showed none), so a decision a colleague
    recorded meanwhile is not overwritten unseen (``ChangedMeanwhile``);
    None: no such check.
    """
    from ...storage import ensure_default_mentor

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
    mentor_id = mentor_id or ensure_default_mentor().id
    with db.atomic():
        if Citizen.get_or_none(Citizen.id == citizen_id) is None:
            raise NotFound(_("This citizen no longer exists (deleted in another window?)."))
        note = ReviewNote.get_or_none(
            (ReviewNote.citizen == citizen_id) & (ReviewNote.iso_week == data.iso_week)
        )
        if note is None:
            note = ReviewNote.create(
                citizen=citizen_id,
                mentor=mentor_id,
                iso_week=data.iso_week,
                decision=data.decision,
                reviewed_at=data.reviewed_at,
            )
            audit.record(
                "create",
                "review_note",
                citizen_id=citizen_id,
                record_id=note.id,
                purpose=N_("weekly case review"),
            )
        else:
            if seen_version == 0:  # the screen showed no decision: one was recorded since
                raise ChangedMeanwhile("review_note", note.id, 0)
            note.decision = data.decision
            note.mentor = mentor_id
            if not reviewed:
                note.reviewed_at = None
            elif note.reviewed_at is None:
                note.reviewed_at = data.reviewed_at
            with expecting("review_note", note.id, seen_version or None):
                note.save()
            audit.record(
                "update",
                "review_note",
                citizen_id=citizen_id,
                record_id=note.id,
                purpose=N_("weekly case review"),
            )
    return _decision_view(note)


def decision_for(citizen_id: int, iso_week: str) -> ReviewDecision | None:
    """The decision recorded for the citizen in that ISO week, or None."""
    note = ReviewNote.get_or_none(
        (ReviewNote.citizen == citizen_id) & (ReviewNote.iso_week == iso_week)
    )
    return _decision_view(note) if note else None
