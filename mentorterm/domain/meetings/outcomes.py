"""A meeting's outcome: held, no-show, cancelled (and by whom), and its words."""

from __future__ import annotations

from ...enums import AftercareSituation, CancelledBy, MeetingKind, MeetingStatus
from ...i18n import _
from ...models import (
    Meeting,
    db,
)
from .. import audit
from ..errors import DomainError
from .inputs import CancellationIn
from .records import _meeting


def _outcome(
    meeting: Meeting,
    status: MeetingStatus,
    purpose: str,
    *,
    cancelled_by: CancelledBy | None = None,
    note: str = "",
) -> None:
    """Set the status (with who cancelled and the note) and log old → new."""
    fields = ("status", "cancelled_by", "outcome_note", "aftercare_situation")
    old = {f: getattr(meeting, f) for f in fields}
    meeting.status = status.value
    meeting.cancelled_by = CancelledBy(cancelled_by).value if cancelled_by else None
    meeting.outcome_note = note
    if status != MeetingStatus.HELD:  # where the citizen stands is known at a held one
        meeting.aftercare_situation = None
    meeting.save()
    audit.correction(
        "meeting",
        citizen_id=meeting.citizen_id,
        record_id=meeting.id,
        old=old,
        new={f: getattr(meeting, f) for f in fields},
        private={"outcome_note"},
        purpose=purpose,
    )


def set_status(meeting_id: int, status: MeetingStatus) -> None:
    """Record what became of a meeting (held, rescheduled, or planned again).

    Who cancelled and the outcome's note go: they belonged to the old outcome.
    A cancellation is ``cancel_meeting``, a no-show ``record_no_show``.
    """
    status = MeetingStatus(status)
    with db.atomic():
        meeting = _meeting(meeting_id)
        if status == MeetingStatus.CANCELLED:
            by = meeting.cancelled_by or CancelledBy.CITIZEN
            _outcome(meeting, status, "status", cancelled_by=by, note=meeting.outcome_note)
        else:
            _outcome(meeting, status, "status")


def record_aftercare_situation(meeting_id: int, situation: AftercareSituation | None) -> None:
    """Record where the citizen stands at a held aftercare follow-up (None: not
    known); any other meeting is refused in words. Logged old → new."""
    with db.atomic():
        meeting = _meeting(meeting_id)
        if meeting.kind != MeetingKind.AFTERCARE or meeting.status != MeetingStatus.HELD:
            raise DomainError(
                _("Where the citizen stands is recorded at a held aftercare follow-up."),
                field="aftercare_situation",
            )
        old = {"aftercare_situation": meeting.aftercare_situation}
        meeting.aftercare_situation = None if situation is None else situation.value
        meeting.save()
        audit.correction(
            "meeting",
            citizen_id=meeting.citizen_id,
            record_id=meeting.id,
            old=old,
            new={"aftercare_situation": meeting.aftercare_situation},
        )


def _only_planned(meeting: Meeting, what: str) -> None:
    if meeting.status != MeetingStatus.PLANNED:
        raise DomainError(
            _(
                "Only a planned meeting can be {what}; this one is recorded as “{status}”. "
                "Edit it (e) to change its status."
            ).format(what=what, status=MeetingStatus(meeting.status).label),
            field="status",
        )


def record_no_show(meeting_id: int, note: str = "") -> None:
    """The citizen did not come to a planned meeting; ``note`` is what is known (optional)."""
    note = (note or "").strip()
    with db.atomic():
        meeting = _meeting(meeting_id)
        if meeting.status == MeetingStatus.NO_SHOW and not note:
            return  # nothing changes, nothing to log
        if meeting.status != MeetingStatus.NO_SHOW:
            _only_planned(meeting, _("recorded as a no-show"))
        _outcome(meeting, MeetingStatus.NO_SHOW, "no-show", note=note)


def cancel_meeting(meeting_id: int, data: CancellationIn) -> None:
    """A planned meeting is called off: by whom and why go with it."""
    with db.atomic():
        meeting = _meeting(meeting_id)
        _only_planned(meeting, _("cancelled"))
        _outcome(
            meeting,
            MeetingStatus.CANCELLED,
            "cancelled",
            cancelled_by=data.cancelled_by,
            note=data.reason,
        )


def outcome_text(status: MeetingStatus, cancelled_by: CancelledBy | None, note: str) -> str:
    """'Cancelled by Workplace: Lone is ill', 'No-show: did not answer', 'Held'."""
    status = MeetingStatus(status)
    text = status.label
    if status == MeetingStatus.CANCELLED and cancelled_by:
        text = _("Cancelled by {who}").format(who=CancelledBy(cancelled_by).label)
    if note and status in (MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW):
        text += f": {note}"
    return text
