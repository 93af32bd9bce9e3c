"""Meetings, who took part, agreements and the weekly review's notes."""

from __future__ import annotations

from peewee import (
    CharField,
    Check,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from ..enums import (
    LEGACY_CANCELLED,
    AftercareSituation,
    CancelledBy,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
)
from ..fields import added_later
from .base import BaseModel, _enum_check, created_on_its_day, today
from .people import Citizen, Mentor


class _MeetingStatusField(CharField):
    """The status column; the value schema 4 wrote for a cancellation is stored
    (and compared) as "cancelled", so older code and data keep working."""

    def db_value(self, value):
        value = super().db_value(value)
        return MeetingStatus.CANCELLED.value if value == LEGACY_CANCELLED else value


class Meeting(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="meetings", on_delete="CASCADE", index=False)
    mentor = ForeignKeyField(Mentor, null=True, on_delete="SET NULL")
    starts_at = DateTimeField()
    duration_minutes = IntegerField(default=60, constraints=[Check("duration_minutes > 0")])
    kind = CharField(max_length=30, constraints=[_enum_check("kind", MeetingKind)])
    place = CharField(max_length=200, default="")
    status = _MeetingStatusField(
        max_length=30, default="planned", constraints=[_enum_check("status", MeetingStatus)]
    )
    # The five follow-up points (DOMAIN.md), used by three-party meetings and,
    # as far as they apply, by 1:1 conversations.
    attendance_note = TextField(default="")
    tasks_note = TextField(default="")
    motivation_note = TextField(default="")
    accommodations_note = TextField(default="")
    citizen_view = TextField(default="")
    workplace_view = TextField(default="")
    notes = TextField(default="")
    decisions = TextField(default="")
    next_meeting_date = DateField(null=True)
    # Schema 5: who called a cancelled meeting off, and the mentor's word on the
    # outcome (why it was cancelled, what is known of a no-show).
    cancelled_by = CharField(
        max_length=30, null=True, constraints=[_enum_check("cancelled_by", CancelledBy, null=True)]
    )
    outcome_note = TextField(default="")
    # Schema 7: the status's last change, dated: "planned → cancelled on …".
    # ``status_changed_on`` is the day of the last change and ``status_before``
    # the status that day began with (schema 8 keeps every change as well).
    status_before = CharField(
        max_length=30,
        null=True,
        constraints=[_enum_check("status_before", MeetingStatus, null=True)],
    )
    status_changed_on = DateField(null=True)
    # Schema 8: the day the meeting was booked (recorded), NULL when unknown
    # (older rows: taken as booked since always). Each status change is a
    # ``MeetingStatusChange`` row; the two columns above keep the last one, so a
    # reading as of a day on or after it needs no look into the history.
    booked_on = DateField(null=True)
    # Schema 12: where the citizen stands at a held aftercare follow-up (in the
    # same job, in education, back on benefits …), NULL when not recorded; the
    # year's figures count it on the aftercare day before the placements.
    aftercare_situation = added_later(
        CharField(
            max_length=30,
            null=True,
            constraints=[_enum_check("aftercare_situation", AftercareSituation, null=True)],
        ),
        12,
    )

    class Meta:
        # (citizen, status, starts_at): the caseload's last-held / next-planned
        # lookups are one covering seek each (bench/README.md).
        indexes = ((("citizen", "status", "starts_at"), False), (("starts_at",), False))

    def save(self, *args, **kwargs):
        inserting = self._pk is None or kwargs.get("force_insert")
        if inserting and self.booked_on is None:
            self.booked_on = today()
        change = None
        if not inserting and "status" in {f.name for f in self.dirty_fields}:
            change = self._date_the_status()
        saved = super().save(*args, **kwargs)
        if change is not None:
            MeetingStatusChange.create(meeting=self._pk, mentor=self.mentor_id, **change)
        return saved

    def _date_the_status(self) -> dict | None:
        """The change to record in the history (none when the status stays)."""
        old = Meeting.select(Meeting.status, Meeting.status_before, Meeting.status_changed_on)
        old = old.where(Meeting.id == self._pk).get()
        new = MeetingStatus(self.status).value
        if old.status == new:
            return None
        day = today()
        self._last_change(old, new, day)
        return {"changed_on": day, "status_from": old.status, "status_to": new}

    def _last_change(self, old: Meeting, new: str, day) -> None:
        """``status_changed_on`` is the day of the last change, ``status_before``
        the status that day began with (a second change today keeps it)."""
        if old.status_changed_on != day:
            self.status_before, self.status_changed_on = old.status, day


class MeetingStatusChange(BaseModel):
    """Schema 8: one change of a meeting's status, dated (planned → cancelled on …).

    As of a day D a meeting stood at the ``status_to`` of its last change on or
    before D, else at the ``status_from`` of its first change after D, else at
    its status now (``domain/meetings/history.py``)."""

    meeting = ForeignKeyField(Meeting, backref="status_changes", on_delete="CASCADE", index=False)
    changed_on = DateField()
    status_from = CharField(max_length=30, constraints=[_enum_check("status_from", MeetingStatus)])
    status_to = CharField(max_length=30, constraints=[_enum_check("status_to", MeetingStatus)])
    mentor = ForeignKeyField(Mentor, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("meeting", "changed_on"), False),)


class MeetingParticipant(BaseModel):
    meeting = ForeignKeyField(Meeting, backref="participants", on_delete="CASCADE")
    name = CharField(max_length=200)
    role = CharField(max_length=30, constraints=[_enum_check("role", ParticipantRole)])


class ActionItem(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="action_items", on_delete="CASCADE", index=False)
    meeting = ForeignKeyField(Meeting, backref="action_items", null=True, on_delete="SET NULL")
    what = TextField()
    owner = CharField(max_length=200)  # who does it: "citizen", "mentor", a name
    due_date = DateField(null=True)
    done_on = DateField(null=True)
    # Schema 7: the day it was agreed, its own date (see SubGoal.created_on).
    created_on = DateField(null=True)

    class Meta:
        indexes = ((("citizen", "done_on", "due_date"), False),)

    def save(self, *args, **kwargs):
        created_on_its_day(self)
        return super().save(*args, **kwargs)


class ReviewNote(BaseModel):
    """The weekly case review's decision for one citizen in one ISO week."""

    citizen = ForeignKeyField(Citizen, backref="review_notes", on_delete="CASCADE", index=False)
    mentor = ForeignKeyField(Mentor, null=True, on_delete="SET NULL")
    iso_week = CharField(max_length=8)  # "2026-W47"
    decision = TextField(default="")
    reviewed_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("citizen", "iso_week"), True),)
