"""Meetings: 1:1 conversations and three-party follow-ups, their notes and the agenda.

A meeting is planned, then held (with a note), or the citizen did not come,
cancelled, or it was moved: each outcome is recorded, because a no-show is
information too (DOMAIN.md). ``save_note`` writes a whole follow-up note in
one transaction: the meeting, who took part, the agreements (action items),
a change of hours, and the next meeting.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Literal

from pydantic import Field, model_validator

from ..enums import CancelledBy, MeetingKind, MeetingStatus, ParticipantRole
from ..format import show_date, show_hours, show_percent
from ..i18n import _, ngettext
from ..models import (
    ActionItem,
    Citizen,
    Course,
    Draft,
    Meeting,
    MeetingParticipant,
    Placement,
    db,
)
from ..schemas import ActionItemIn, HoursStepIn, InputModel, Line, MeetingIn, ParticipantIn, Text
from . import audit
from .errors import DomainError, NotFound
from .identity import mentor_identity
from .placements import placement_running_on, store_hours_step
from .statistics import PeriodFigures, period_stats
from .views import ActionItemView, View

DEFAULT_CADENCE_DAYS = 14  # "every second week as a rule" (DOMAIN.md)


# --- views -------------------------------------------------------------------------


class ParticipantView(View):
    id: int
    name: str
    role: ParticipantRole


class MeetingDetail(View):
    id: int
    citizen_id: int
    citizen_name: str
    starts_at: datetime
    duration_minutes: int
    kind: MeetingKind
    place: str
    status: MeetingStatus
    attendance_note: str
    tasks_note: str
    motivation_note: str
    accommodations_note: str
    citizen_view: str
    workplace_view: str
    notes: str
    decisions: str
    next_meeting_date: date | None
    cancelled_by: CancelledBy | None = None
    outcome_note: str = ""  # why it was cancelled, or the note on a no-show
    participants: list[ParticipantView]
    action_items: list[ActionItemView]  # the agreements made at this meeting

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)


class AgendaItem(View):
    meeting_id: int
    citizen_id: int
    citizen_name: str
    starts_at: datetime
    kind: MeetingKind
    place: str
    status: MeetingStatus
    # "this" or "next" ISO week; "earlier" for an unrecorded meeting before this week.
    week: Literal["earlier", "this", "next"]
    is_past: bool  # still planned but already over: its outcome must be recorded


class AttendanceSummary(View):
    """The logbook figures since the last three-party follow-up, for the next one."""

    citizen_id: int
    placement_id: int
    workplace: str
    previous_follow_up: date | None  # None: counted from the placement's start
    start: date
    end: date
    figures: PeriodFigures


# --- input -------------------------------------------------------------------------


class HoursChangeIn(HoursStepIn):
    """A decision to step the hours of a placement up or down from a date."""

    placement_id: int

    def step(self) -> HoursStepIn:
        return HoursStepIn.model_validate(self.model_dump(exclude={"placement_id"}))


class MeetingNoteIn(InputModel):
    """Everything a follow-up note records, saved together by ``save_note``."""

    meeting: MeetingIn
    action_items: list[ActionItemIn] = Field(default_factory=list, max_length=50)
    hours_change: HoursChangeIn | None = None

    @model_validator(mode="after")
    def _held_unless_told(self) -> MeetingNoteIn:
        # A note is written about a meeting that took place: unless the form
        # said otherwise, it was held.
        if "status" not in self.meeting.model_fields_set:
            self.meeting = self.meeting.model_copy(update={"status": MeetingStatus.HELD})
        return self


# --- helpers -----------------------------------------------------------------------


def _meeting(meeting_id: int) -> Meeting:
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    if meeting is None:
        raise NotFound(_("This meeting no longer exists (deleted in another window?)."))
    return meeting


def _citizen(citizen_id: int) -> Citizen:
    citizen = Citizen.get_or_none(Citizen.id == citizen_id)
    if citizen is None:
        raise NotFound(_("This citizen no longer exists (deleted in another window?)."))
    return citizen


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min)


def _meeting_values(data: MeetingIn) -> dict:
    values = data.model_dump(mode="python", exclude={"participants"})
    return {
        k: (v.value if isinstance(v, MeetingKind | MeetingStatus | CancelledBy) else v)
        for k, v in values.items()
    }


def _store_participants(meeting: Meeting, participants: list[ParticipantIn]) -> None:
    MeetingParticipant.delete().where(MeetingParticipant.meeting == meeting).execute()
    rows = [
        {"meeting": meeting, "name": p.name, "role": ParticipantRole(p.role).value}
        for p in participants
    ]
    if rows:  # one statement for all of them
        MeetingParticipant.insert_many(rows).execute()


def _write_meeting(citizen: Citizen, data: MeetingIn, meeting_id: int | None) -> Meeting:
    """Create or update the meeting with its participants (inside a transaction)."""
    values = _meeting_values(data)
    if meeting_id is None:
        meeting = Meeting.create(citizen=citizen, mentor=citizen.mentor_id, **values)
    else:
        meeting = _meeting(meeting_id)
        if meeting.citizen_id != citizen.id:
            raise DomainError(_("That meeting is not one of this citizen's meetings."))
        for field, value in values.items():
            setattr(meeting, field, value)
        meeting.save()
    _store_participants(meeting, data.participants)
    return meeting


# --- create, change, delete -------------------------------------------------------


def _audit(action: str, meeting: Meeting, purpose: str = "") -> None:
    audit.record(
        action, "meeting", citizen_id=meeting.citizen_id, record_id=meeting.id, purpose=purpose
    )


def create_meeting(citizen_id: int, data: MeetingIn) -> int:
    with db.atomic():
        meeting = _write_meeting(_citizen(citizen_id), data, None)
        _audit("create", meeting)
        return meeting.id


# Free text of a meeting: the audit row says "changed", never the words.
PRIVATE_FIELDS = frozenset(
    {
        "place",
        "participants",
        "attendance_note",
        "tasks_note",
        "motivation_note",
        "accommodations_note",
        "citizen_view",
        "workplace_view",
        "notes",
        "decisions",
        "outcome_note",
    }
)


def _audited_values(meeting_id: int) -> dict:
    """The meeting as the audit compares it (participants as one comparable list)."""
    values = meeting_input(meeting_id).model_dump(mode="json")
    values["participants"] = [f"{p['role']}:{p['name']}" for p in values["participants"]]
    return values


def update_meeting(meeting_id: int, data: MeetingIn) -> None:
    """Correct the meeting (any status); the participants are replaced by ``data.participants``.

    The audit row holds the old → new values of what changed (free text only
    as "changed").
    """
    with db.atomic():
        meeting = _meeting(meeting_id)
        old = _audited_values(meeting_id)
        _write_meeting(meeting.citizen, data, meeting_id)
        audit.correction(
            "meeting",
            citizen_id=meeting.citizen_id,
            record_id=meeting.id,
            old=old,
            new=_audited_values(meeting_id),
            private=PRIVATE_FIELDS,
        )


def delete_meeting(meeting_id: int) -> None:
    """Delete the meeting; its action items stay, no longer tied to a meeting."""
    with db.atomic():
        meeting = _meeting(meeting_id)
        meeting.delete_instance()
        _audit("delete", meeting)


def meeting_input(meeting_id: int) -> MeetingIn:
    """The meeting's values as an input model (to prefill the edit form)."""
    meeting = _meeting(meeting_id)
    values = {
        name: getattr(meeting, name) for name in MeetingIn.model_fields if name != "participants"
    }
    values["kind"] = MeetingKind(values["kind"])
    values["status"] = MeetingStatus(values["status"])
    people = (
        MeetingParticipant.select()
        .where(MeetingParticipant.meeting == meeting)
        .order_by(MeetingParticipant.id)
    )
    values["participants"] = [
        ParticipantIn.model_construct(name=p.name, role=ParticipantRole(p.role)) for p in people
    ]
    return MeetingIn.model_construct(**values)


def meeting_detail(meeting_id: int) -> MeetingDetail:
    meeting = _meeting(meeting_id)
    people = (
        MeetingParticipant.select()
        .where(MeetingParticipant.meeting == meeting)
        .order_by(MeetingParticipant.id)
    )
    items = (
        ActionItem.select()
        .where(ActionItem.meeting == meeting)
        .order_by(ActionItem.due_date.is_null(), ActionItem.due_date, ActionItem.id)
    )
    fields = {
        name: getattr(meeting, name)
        for name in MeetingDetail.model_fields
        if name not in {"citizen_id", "citizen_name", "participants", "action_items"}
    }
    return MeetingDetail(
        **fields,
        citizen_id=meeting.citizen_id,
        citizen_name=meeting.citizen.name,
        participants=[ParticipantView.model_validate(p) for p in people],
        action_items=[ActionItemView.model_validate(a) for a in items],
    )


# --- outcomes ---------------------------------------------------------------------


def _outcome(
    meeting: Meeting,
    status: MeetingStatus,
    purpose: str,
    *,
    cancelled_by: CancelledBy | None = None,
    note: str = "",
) -> None:
    """Set the status (with who cancelled and the note) and log old → new."""
    fields = ("status", "cancelled_by", "outcome_note")
    old = {f: getattr(meeting, f) for f in fields}
    meeting.status = status.value
    meeting.cancelled_by = CancelledBy(cancelled_by).value if cancelled_by else None
    meeting.outcome_note = note
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


class CancellationIn(InputModel):
    """Who called the meeting off, and why (optional)."""

    cancelled_by: CancelledBy = CancelledBy.CITIZEN
    reason: Text = ""


class NoShowIn(InputModel):
    note: Line = ""


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


# --- double bookings ----------------------------------------------------------------

# A meeting that still takes (or took) the time: a cancelled, moved or missed one frees it.
_BOOKED = (MeetingStatus.PLANNED.value, MeetingStatus.HELD.value)


class Overlap(View):
    meeting_id: int
    citizen_name: str
    starts_at: datetime
    ends_at: datetime

    @property
    def text(self) -> str:
        """'Bo A. 23-11-2026 10:00–11:00' (first name, the other names' initials)."""
        first, *rest = self.citizen_name.split() or ["?"]
        name = " ".join([first, *(f"{part[0].upper()}." for part in rest if part)])
        return f"{name} {show_date(self.starts_at)} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"


def overlapping(
    starts_at: datetime, duration_minutes: int, exclude_meeting_id: int | None = None
) -> list[Overlap]:
    """The booked meetings (planned or held, any citizen) whose time overlaps
    ``starts_at`` for ``duration_minutes``; meetings that only touch do not."""
    ends_at = starts_at + timedelta(minutes=duration_minutes)
    # No meeting is longer than 600 minutes (MeetingIn): a bounded range on starts_at.
    query = (
        Meeting.select(Meeting, Citizen)
        .join(Citizen)
        .where(
            (Meeting.status.in_(_BOOKED))
            & (Meeting.starts_at > starts_at - timedelta(minutes=600))
            & (Meeting.starts_at < ends_at)
        )
        .order_by(Meeting.starts_at, Meeting.id)
    )
    if exclude_meeting_id is not None:
        query = query.where(Meeting.id != exclude_meeting_id)
    found = []
    for m in query:
        other_end = m.starts_at + timedelta(minutes=m.duration_minutes)
        if other_end > starts_at:
            found.append(
                Overlap(
                    meeting_id=m.id,
                    citizen_name=m.citizen.name,
                    starts_at=m.starts_at,
                    ends_at=other_end,
                )
            )
    return found


LAST_START = time(16, 0)  # a default time later than this goes to the next working day
FIRST_START = time(9, 0)


def next_free_slot(starts_at: datetime, duration_minutes: int = 60) -> datetime:
    """``starts_at`` if that time is free, else the first free start after it
    (right after the meeting in the way), moving to 09:00 of the next working
    day past 16:00. For a new meeting's default time."""
    moment = starts_at
    for _attempt in range(200):
        if moment.weekday() >= 5 or moment.time() > LAST_START:
            day = moment.date() + timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
            moment = datetime.combine(day, FIRST_START)
            continue
        clashes = overlapping(moment, duration_minutes)
        if not clashes:
            return moment
        moment = max(c.ends_at for c in clashes)
    return starts_at  # a full calendar for weeks: leave it to the mentor


def quick_no_show(citizen_id: int, starts_at: datetime, kind: MeetingKind) -> int:
    """Record in one call that the citizen did not come.

    A meeting of that kind already planned for that day becomes the no-show
    (no second row for the same meeting); otherwise a no-show meeting is made.
    """
    kind = MeetingKind(kind)
    with db.atomic():
        citizen = _citizen(citizen_id)
        day = starts_at.date()
        planned = (
            Meeting.select()
            .where(
                (Meeting.citizen == citizen)
                & (Meeting.status == MeetingStatus.PLANNED.value)
                & (Meeting.kind == kind.value)
                & (Meeting.starts_at >= _midnight(day))
                & (Meeting.starts_at < _midnight(day + timedelta(days=1)))
            )
            .order_by(Meeting.starts_at)
            .first()
        )
        if planned is not None:
            planned.status = MeetingStatus.NO_SHOW.value
            planned.save()
            _audit("update", planned, "no-show")
            return planned.id
        meeting = Meeting.create(
            citizen=citizen,
            mentor=citizen.mentor_id,
            starts_at=starts_at,
            kind=kind.value,
            status=MeetingStatus.NO_SHOW.value,
        )
        _audit("create", meeting, "no-show")
        return meeting.id


# --- the agenda ---------------------------------------------------------------------


def _agenda_items(query, today: date, now: datetime | None) -> list[AgendaItem]:
    monday = today - timedelta(days=today.weekday())
    next_monday = monday + timedelta(days=7)
    items = []
    for m in query:
        day = m.starts_at.date()
        week = "earlier" if day < monday else "this" if day < next_monday else "next"
        is_past = m.starts_at < now if now is not None else day < today
        items.append(
            AgendaItem(
                meeting_id=m.id,
                citizen_id=m.citizen_id,
                citizen_name=m.citizen.name,
                starts_at=m.starts_at,
                kind=m.kind,
                place=m.place,
                status=m.status,
                week=week,
                is_past=is_past,
            )
        )
    return items


def _planned_of_active_citizens():
    return (
        Meeting.select(Meeting, Citizen)
        .join(Citizen)
        .where((Meeting.status == MeetingStatus.PLANNED.value) & Citizen.archived_on.is_null())
        .order_by(Meeting.starts_at, Meeting.id)
    )


def agenda(today: date, now: datetime | None = None) -> list[AgendaItem]:
    """Planned meetings of this ISO week and the next (Monday to Sunday), by time.

    ``is_past`` marks a meeting that is over but still planned; it is judged
    by ``now`` when given, else by the day (before ``today``).
    """
    monday = today - timedelta(days=today.weekday())
    query = _planned_of_active_citizens().where(
        (Meeting.starts_at >= _midnight(monday))
        & (Meeting.starts_at < _midnight(monday + timedelta(days=14)))
    )
    return _agenda_items(query, today, now)


def unrecorded(today: date) -> list[AgendaItem]:
    """Meetings before today still marked planned: the mentor must record what happened."""
    query = _planned_of_active_citizens().where(Meeting.starts_at < _midnight(today))
    return _agenda_items(query, today, None)


# --- preparing a follow-up ---------------------------------------------------------------


def previous_follow_up(citizen_id: int, before: date) -> date | None:
    """The day of the latest held three-party meeting strictly before ``before``."""
    starts = (
        Meeting.select(Meeting.starts_at)
        .where(
            (Meeting.citizen == citizen_id)
            & (Meeting.kind == MeetingKind.THREE_PARTY.value)
            & (Meeting.status == MeetingStatus.HELD.value)
            & (Meeting.starts_at < _midnight(before))
        )
        .order_by(Meeting.starts_at.desc())
        .first()
    )
    return starts.starts_at.date() if starts else None


def _placement_for(citizen_id: int, meeting_day: date, first: date | None) -> Placement | None:
    running = placement_running_on(citizen_id, meeting_day)
    if running is not None:
        return running
    last = meeting_day - timedelta(days=1)
    overlaps = (Placement.citizen == citizen_id) & (Placement.start_date <= last)
    if first is not None:
        overlaps &= Placement.end_date.is_null() | (Placement.end_date >= first)
    return (
        Placement.select()
        .where(overlaps)
        .order_by(Placement.start_date.desc(), Placement.id.desc())
        .first()
    )


def attendance_since_last_follow_up(
    citizen_id: int, meeting_day: date, today: date
) -> AttendanceSummary | None:
    """The logbook since the previous follow-up, up to the day before ``meeting_day``.

    The placement is the one running on ``meeting_day``, else the latest one
    overlapping the period. The period starts the day after the previous
    held three-party meeting or at the placement's start, whichever is later,
    and is cut to the placement's end and to ``today``. None when there is
    no such placement or no day left in the period.
    """
    previous = previous_follow_up(citizen_id, meeting_day)
    first = previous + timedelta(days=1) if previous else None
    placement = _placement_for(citizen_id, meeting_day, first)
    if placement is None:
        return None
    start = max(first or placement.start_date, placement.start_date)
    stats = period_stats(placement.id, start, meeting_day - timedelta(days=1), today)
    if stats.start > stats.end:
        return None
    figures = PeriodFigures.model_validate(
        {name: getattr(stats, name) for name in PeriodFigures.model_fields}
    )
    return AttendanceSummary(
        citizen_id=citizen_id,
        placement_id=placement.id,
        workplace=placement.workplace,
        previous_follow_up=previous,
        start=figures.start,
        end=figures.end,
        figures=figures,
    )


def _reason_list(reasons) -> str:
    """' (Migraine)' or ' (Migraine 2, Flu 1)'; '' when no reason was written."""
    no_reason = _("(no reason given)")
    written = [r for r in reasons if r.reason and r.reason != no_reason]
    if not written:
        return ""
    total = sum(r.count for r in reasons)
    if len(reasons) == 1 and written[0].count == total:
        return f" ({written[0].reason})"
    parts = [f"{r.reason if r in written else _('no reason given')} {r.count}" for r in reasons]
    return " (" + ", ".join(parts) + ")"


def prefill_attendance_note(citizen_id: int, meeting_day: date, today: date) -> str:
    """The attendance since the last follow-up in plain sentences, for the meeting note.

    Every number comes from the logbook; "" when there is no placement to
    report on (see ``attendance_since_last_follow_up``).
    """
    summary = attendance_since_last_follow_up(citizen_id, meeting_day, today)
    if summary is None:
        return ""
    f = summary.figures
    if summary.previous_follow_up is not None:
        since = _("Since the follow-up on {day}").format(day=show_date(summary.previous_follow_up))
    else:
        since = _("Since the placement started")
    head = _("{since} ({start} – {end}) at {workplace}:").format(
        since=since,
        start=show_date(summary.start),
        end=show_date(summary.end),
        workplace=summary.workplace,
    )
    if f.days_logged == 0:
        return head + " " + _("no days logged.")
    text = (
        head
        + " "
        + ngettext(
            "present {present} of {logged} logged day ({rate})",
            "present {present} of {logged} logged days ({rate})",
            f.days_logged,
        ).format(present=f.days_present, logged=f.days_logged, rate=show_percent(f.attendance_rate))
    )
    if f.hours_planned:
        # ngettext counts whole numbers: 1 is "hour", 0,5 and 2 are "hours".
        text += "; " + ngettext(
            "{worked} of {planned} planned hour worked.",
            "{worked} of {planned} planned hours worked.",
            1 if f.hours_planned == 1 else 2,
        ).format(worked=show_hours(f.hours_worked), planned=show_hours(f.hours_planned))
    else:
        text += "; " + ngettext(
            "{worked} hour worked.", "{worked} hours worked.", 1 if f.hours_worked == 1 else 2
        ).format(worked=show_hours(f.hours_worked))
    kinds = [
        ("sick", _("Sick"), f.sick_days),
        ("absent_with_notice", _("Absent with notice"), f.absent_with_notice),
        ("absent_without_notice", _("Absent without notice"), f.absent_without_notice),
        ("left_early", _("Left early"), f.left_early),
    ]
    for kind, label, count in kinds:
        if count:
            reasons = [r for r in f.absence_by_reason if r.kind == kind]
            text += f" {label} {count}{_reason_list(reasons)}."
    return text


def default_next_meeting_date(citizen_id: int, meeting_day: date) -> date:
    """``meeting_day`` plus the running course's cadence (14 days without one),
    moved from a Saturday or Sunday to the Monday after."""
    cadence = (
        Course.select(Course.meeting_cadence_days)
        .where((Course.citizen == citizen_id) & Course.end_date.is_null())
        .order_by(Course.start_date.desc())
        .scalar()
    )
    day = meeting_day + timedelta(days=cadence or DEFAULT_CADENCE_DAYS)
    if day.weekday() >= 5:
        day += timedelta(days=7 - day.weekday())
    return day


# --- the whole note at once ----------------------------------------------------------------


def hours_decision_text(change: HoursStepIn) -> str:
    """'Hours from 01-12-2026: 12 a week (3 x 4 h Mon, Wed, Fri)'."""
    text = _("Hours from {day}: {hours} a week").format(
        day=show_date(change.from_date), hours=show_hours(change.hours_per_week)
    )
    return f"{text} ({change.schedule})" if change.schedule else text


def _mentions(decisions: str, change: HoursStepIn, line: str) -> bool:
    """Did the mentor already write this decision (same date and hours)?"""
    if line.casefold() in decisions.casefold():
        return True
    day = show_date(change.from_date)
    if day not in decisions:
        return False
    rest = decisions.replace(day, " ")  # "12" in "01-12-2026" is no number of hours
    hours = re.escape(show_hours(change.hours_per_week))
    return re.search(rf"(?<![\d,.-]){hours}(?![\d,-])", rest) is not None


class NoteDefaults(View):
    """What a new note is prefilled with: who usually takes part, and where."""

    citizen: str
    mentor: str
    supervisor: str
    consultant: str
    caseworker: str
    interpreter: str
    placement_id: int | None  # the placement running on the meeting day
    workplace: str


def note_defaults(citizen_id: int, day: date) -> NoteDefaults:
    citizen = _citizen(citizen_id)
    placement = _placement_for(citizen_id, day, None)
    mentor = mentor_identity().name or (
        citizen.mentor.name if citizen.mentor.name not in ("Me", "Mig", _("Me")) else ""
    )
    interpreter = ""
    if citizen.interpreter_needed:
        interpreter = (
            _("Interpreter ({language})").format(language=citizen.interpreter_language)
            if citizen.interpreter_language
            else _("Interpreter")
        )
    return NoteDefaults(
        citizen=citizen.name,
        mentor=mentor,
        supervisor=placement.supervisor_name if placement else "",
        consultant=placement.company_consultant if placement else "",
        caseworker=citizen.caseworker_name,
        interpreter=interpreter,
        placement_id=placement.id if placement else None,
        workplace=placement.workplace if placement else "",
    )


def save_note(
    citizen_id: int,
    data: MeetingNoteIn,
    meeting_id: int | None = None,
    draft_key: str | None = None,
) -> int:
    """Save a follow-up note in one transaction and return the meeting's id.

    Creates or updates the meeting (with its participants), adds the
    agreements as action items of the meeting, steps the hours when decided
    (``add_hours_step``'s rules apply; a refused step writes nothing at all),
    and plans the next meeting on ``next_meeting_date`` at the same time of
    day, place and length unless the citizen already has a meeting that day.
    The note's draft (``draft_key``) goes in the same transaction: a crash
    leaves either the draft or the saved note, never both or neither.
    """
    meeting_data = data.meeting
    change = data.hours_change
    with db.atomic():
        citizen = _citizen(citizen_id)
        if change is not None:
            owner = (
                Placement.select(Placement.citizen)
                .where(Placement.id == change.placement_id)
                .scalar()
            )
            if owner is None:
                raise NotFound(_("This placement no longer exists."))
            if owner != citizen.id:
                raise DomainError(
                    _("That placement is not one of this citizen's placements."),
                    field="placement_id",
                )
            line = hours_decision_text(change)
            if not _mentions(meeting_data.decisions, change, line):
                decisions = "\n".join(t for t in (meeting_data.decisions, line) if t)
                meeting_data = meeting_data.model_copy(update={"decisions": decisions})
        meeting = _write_meeting(citizen, meeting_data, meeting_id)
        for item in data.action_items:
            ActionItem.create(citizen=citizen, meeting=meeting, **item.model_dump())
        if change is not None:
            store_hours_step(change.placement_id, change.step())
        next_day = meeting_data.next_meeting_date
        if next_day is not None:
            taken = (
                Meeting.select()
                .where(
                    (Meeting.citizen == citizen)
                    & (Meeting.starts_at >= _midnight(next_day))
                    & (Meeting.starts_at < _midnight(next_day + timedelta(days=1)))
                )
                .exists()
            )
            if not taken:
                Meeting.create(
                    citizen=citizen,
                    mentor=citizen.mentor_id,
                    starts_at=datetime.combine(next_day, meeting_data.starts_at.time()),
                    duration_minutes=meeting_data.duration_minutes,
                    kind=MeetingKind(meeting_data.kind).value,
                    place=meeting_data.place,
                    status=MeetingStatus.PLANNED.value,
                )
        if draft_key is not None:
            Draft.delete().where(Draft.key == draft_key).execute()
        # One row for the whole note (meeting, participants, agreements, hours, next meeting).
        _audit("create" if meeting_id is None else "update", meeting, "follow-up note")
        return meeting.id
