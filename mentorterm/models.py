"""The Peewee models: every record a mentor keeps.

Rules that hold for every table:
- ``created_at`` / ``updated_at`` (UTC) on every row, stored as integer
  microseconds (fields.StampField, schema 6); ``save()`` keeps ``updated_at``
  current.
- Every record belongs to a mentor: a citizen is owned by one mentor and
  everything about the citizen hangs off the citizen. Records a mentor writes
  themself (scores, meetings, review notes) also name that mentor, so a shared
  team database later needs no rewrite.
- Deleting a citizen deletes everything about them (ON DELETE CASCADE all the
  way down); a mentor who still owns citizens cannot be deleted (RESTRICT);
  optional links (a sub-goal's course, an action item's meeting) become NULL.
- Only ``storage.py`` binds these models to a database (``db`` is a proxy).
- A foreign key that is the first column of a composite index gets no index
  of its own (``index=False``): the composite serves the lookups and the
  ON DELETE checks, and a second index only costs space and a page write per
  insert (bench/README.md). tests/test_query_plans.py checks that every
  foreign key still leads some index.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from peewee import (
    SQL,
    BooleanField,
    CharField,
    Check,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.sqlite_ext import AutoIncrementField

from . import clock
from .enums import (
    LEGACY_CANCELLED,
    Attendance,
    AuditAction,
    Author,
    CancelledBy,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PlacementKind,
    SubGoalStatus,
)
from .fields import StampField

db = DatabaseProxy()


def utcnow() -> datetime:
    """The current UTC time, naive, to the microsecond (how rows store it);
    inside ``clock.stopped_at`` the moment it holds."""
    return clock.utcnow()


def _enum_check(column: str, enum: type[StrEnum], null: bool = False) -> Check:
    """A CHECK that keeps a column inside its fixed list, whoever writes it."""
    quoted = ", ".join(f"'{member.value}'" for member in enum)
    condition = f"{column} IN ({quoted})"
    return Check(f"{column} IS NULL OR {condition}" if null else condition)


class BaseModel(Model):
    created_at = StampField(default=utcnow)
    updated_at = StampField(default=utcnow)

    class Meta:
        database = db
        legacy_table_names = False

    def save(self, *args, **kwargs):
        if self._pk is not None and self.is_dirty():
            self.updated_at = utcnow()
        return super().save(*args, **kwargs)


class Mentor(BaseModel):
    name = CharField(max_length=200)
    email = CharField(max_length=200, default="")
    is_default = BooleanField(default=False)


class Citizen(BaseModel):
    mentor = ForeignKeyField(Mentor, backref="citizens", on_delete="RESTRICT", index=False)
    name = CharField(max_length=200)  # may be a pseudonym or initials
    phone = CharField(max_length=60, default="")
    email = CharField(max_length=200, default="")
    address = TextField(default="")
    caseworker_name = CharField(max_length=200, default="")
    caseworker_phone = CharField(max_length=60, default="")
    caseworker_email = CharField(max_length=200, default="")
    jobcenter = CharField(max_length=200, default="")
    interpreter_needed = BooleanField(default=False)
    interpreter_language = CharField(max_length=100, default="")
    job_goal = TextField(default="")
    job_wish_1 = CharField(max_length=200, default="")
    job_wish_2 = CharField(max_length=200, default="")
    job_wish_3 = CharField(max_length=200, default="")
    accommodations = TextField(default="")
    aids = TextField(default="")
    parallel_efforts = TextField(default="")  # psychiatry, addiction treatment, doctor, ...
    notes = TextField(default="")
    archived_on = DateField(null=True)

    class Meta:
        indexes = ((("mentor", "archived_on"), False),)


class Course(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="courses", on_delete="CASCADE", index=False)
    referral_date = DateField()
    start_date = DateField()
    planned_end = DateField()  # as first referred; extensions move the end
    weekly_hours = CharField(max_length=40, default="")  # a band, e.g. "4-6", "12", "16"
    purpose = CharField(max_length=40, constraints=[_enum_check("purpose", CoursePurpose)])
    programme = CharField(max_length=200, default="")
    meeting_cadence_days = IntegerField(default=14, constraints=[Check("meeting_cadence_days > 0")])
    end_date = DateField(null=True)
    outcome = CharField(
        max_length=40, null=True, constraints=[_enum_check("outcome", CourseOutcome, null=True)]
    )
    end_note = TextField(default="")

    class Meta:
        indexes = ((("citizen", "start_date"), False), (("end_date", "citizen"), False))
        constraints = [
            Check("planned_end >= start_date"),
            Check("end_date IS NULL OR end_date >= start_date"),
            Check("(end_date IS NULL) = (outcome IS NULL)"),
        ]


class CourseExtension(BaseModel):
    course = ForeignKeyField(Course, backref="extensions", on_delete="CASCADE", index=False)
    decided_on = DateField()
    new_end = DateField()
    reason = TextField(default="")

    class Meta:
        indexes = ((("course", "new_end"), False),)


class SubGoal(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="sub_goals", on_delete="CASCADE", index=False)
    course = ForeignKeyField(Course, backref="sub_goals", null=True, on_delete="SET NULL")
    title = CharField(max_length=300)
    description = TextField(default="")
    success_criterion = TextField(default="")
    area = CharField(max_length=100, default="")  # e.g. work, health, family, practical
    target_date = DateField(null=True)
    status = CharField(
        max_length=20, default="active", constraints=[_enum_check("status", SubGoalStatus)]
    )
    status_date = DateField(null=True)
    status_note = TextField(default="")
    priority = IntegerField(default=0)  # 1 = most important

    class Meta:
        indexes = ((("citizen", "status", "priority"), False),)


class AllianceScore(BaseModel):
    """One scoring on the asymmetric-alliance scale.

    Only the citizen's part is stored; the mentor's part is always
    ``10 - citizen_score`` (see ``mentor_score``), so the two cannot disagree.
    """

    sub_goal = ForeignKeyField(SubGoal, backref="scores", on_delete="CASCADE", index=False)
    mentor = ForeignKeyField(Mentor, null=True, on_delete="SET NULL")
    scored_on = DateField()
    citizen_score = IntegerField(constraints=[Check("citizen_score BETWEEN 1 AND 10")])
    what_it_takes = TextField(default="")
    own_actions = TextField(default="")  # what can you do yourself?
    help_needed = TextField(default="")  # what help is needed, from whom?

    class Meta:
        indexes = ((("sub_goal", "scored_on"), True),)

    @property
    def mentor_score(self) -> int:
        return 10 - self.citizen_score


class Placement(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="placements", on_delete="CASCADE", index=False)
    course = ForeignKeyField(Course, backref="placements", null=True, on_delete="SET NULL")
    kind = CharField(max_length=40, constraints=[_enum_check("kind", PlacementKind)])
    workplace = CharField(max_length=200)
    supervisor_name = CharField(max_length=200, default="")
    supervisor_contact = CharField(max_length=200, default="")
    company_consultant = CharField(max_length=200, default="")
    start_date = DateField()
    end_date = DateField(null=True)
    work_functions = TextField(default="")
    training_goals = TextField(default="")
    accommodations = TextField(default="")
    aids = TextField(default="")
    support_on_site = TextField(default="")
    follow_up_frequency = CharField(max_length=100, default="")
    paid_hours_next_discussed = DateField(null=True)
    end_reason = TextField(default="")

    class Meta:
        indexes = ((("citizen", "start_date"), False),)
        constraints = [Check("end_date IS NULL OR end_date >= start_date")]


class HoursStep(BaseModel):
    placement = ForeignKeyField(Placement, backref="hours_steps", on_delete="CASCADE", index=False)
    from_date = DateField()
    hours_per_week = FloatField(constraints=[Check("hours_per_week >= 0 AND hours_per_week <= 60")])
    schedule = CharField(max_length=200, default="")  # e.g. "2 x 2 h Tue+Thu"

    class Meta:
        indexes = ((("placement", "from_date"), True),)


class LogbookEntry(BaseModel):
    """One day of a placement.

    ``citizen`` repeats the placement's citizen so the caseload can read
    attendance through the (citizen, entry_date, attendance) index; a trigger
    (storage.py) refuses a row whose citizen differs from its placement's.
    """

    placement = ForeignKeyField(Placement, backref="logbook", on_delete="CASCADE", index=False)
    citizen = ForeignKeyField(Citizen, on_delete="CASCADE", index=False)
    entry_date = DateField()
    attendance = CharField(max_length=30, constraints=[_enum_check("attendance", Attendance)])
    hours_planned = FloatField(default=0, constraints=[Check("hours_planned BETWEEN 0 AND 24")])
    hours_worked = FloatField(default=0, constraints=[Check("hours_worked BETWEEN 0 AND 24")])
    left_early = BooleanField(default=False)
    left_early_reason = TextField(default="")
    tasks = TextField(default="")
    breaks = TextField(default="")
    energy = IntegerField(
        null=True, constraints=[Check("energy IS NULL OR energy BETWEEN 1 AND 10")]
    )
    pain = IntegerField(null=True, constraints=[Check("pain IS NULL OR pain BETWEEN 1 AND 10")])
    life_after_work = TextField(default="")
    notes = TextField(default="")
    written_by = CharField(
        max_length=20, default="citizen", constraints=[_enum_check("written_by", Author)]
    )
    # Why the citizen was away (sick, with or without notice); last because
    # schema 2 added it (a migrated table has it at the end too).
    absence_reason = TextField(default="", constraints=[SQL("DEFAULT ''")])

    class Meta:
        indexes = (
            (("placement", "entry_date"), True),
            (("citizen", "entry_date", "attendance"), False),
        )


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

    class Meta:
        # (citizen, status, starts_at): the caseload's last-held / next-planned
        # lookups are one covering seek each (bench/README.md).
        indexes = ((("citizen", "status", "starts_at"), False), (("starts_at",), False))


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

    class Meta:
        indexes = ((("citizen", "done_on", "due_date"), False),)


class ReviewNote(BaseModel):
    """The weekly case review's decision for one citizen in one ISO week."""

    citizen = ForeignKeyField(Citizen, backref="review_notes", on_delete="CASCADE", index=False)
    mentor = ForeignKeyField(Mentor, null=True, on_delete="SET NULL")
    iso_week = CharField(max_length=8)  # "2026-W47"
    decision = TextField(default="")
    reviewed_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("citizen", "iso_week"), True),)


class Draft(BaseModel):
    """Text typed into a form and not saved yet, kept so a crash loses nothing.

    One row per form (``key``); it goes when the form is saved or thrown away.
    Tied to the citizen so deleting a citizen deletes their drafts too.
    """

    key = CharField(max_length=200, unique=True)  # e.g. "meeting-note:citizen=3:meeting=new"
    citizen = ForeignKeyField(Citizen, null=True, backref="drafts", on_delete="CASCADE")
    title = CharField(max_length=300, default="")  # what the offer to restore says
    payload = TextField()  # the form's field values, as JSON


class Report(BaseModel):
    """A progression report the mentor saved for the caseworker.

    Only the period and the mentor's own judgement texts are stored: the
    factual parts (attendance, hours, scores...) are computed from the
    records each time, so a saved report never disagrees with them.
    """

    citizen = ForeignKeyField(Citizen, backref="reports", on_delete="CASCADE", index=False)
    period_start = DateField()
    period_end = DateField()
    title = CharField(max_length=300, default="")
    resources_observed = TextField(default="")
    clarified = TextField(default="")
    still_open = TextField(default="")
    recommended_next_steps = TextField(default="")
    summary = TextField(default="")

    class Meta:
        indexes = ((("citizen", "period_end"), False),)
        constraints = [Check("period_end >= period_start")]


class AuditEntry(Model):
    """One row of the audit log: who did what to which record, when and why.

    Append-only and hash-chained (domain/audit.py; triggers in storage.py).
    It holds ids, kinds, actions and purposes only, never a name or a note:
    rows outlive the records they name until the citizen is erased. Not a
    ``BaseModel`` (a row is never updated, so no ``updated_at``) and not in
    ALL_MODELS (not a record about a citizen: no export, no cascade). The
    citizen and mentor are plain ids, not foreign keys, for the same reason.
    AUTOINCREMENT: an id is never used twice, even after an erasure removed
    the last rows, so a gap in the ids always means something was removed.
    """

    id = AutoIncrementField()
    at = DateTimeField(default=utcnow)  # UTC
    action = CharField(max_length=20, constraints=[_enum_check("action", AuditAction)])
    what = CharField(max_length=40)  # the kind of record: "meeting", "logbook_entry", ...
    record_id = IntegerField(null=True)
    citizen_id = IntegerField(null=True)
    mentor_id = IntegerField(null=True)
    purpose = CharField(max_length=200, default="")
    # An erase row: [[id, prev_hash, hash], ...] of the rows it removed; a
    # correction: {"field": [old, new] or "changed"} (domain/audit.changes).
    detail = TextField(default="")
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)

    class Meta:
        database = db
        legacy_table_names = False
        indexes = ((("citizen_id",), False),)


class ErasureInProgress(Model):
    """The citizen being erased, for the length of the erasing transaction only.

    The trigger that refuses DELETE on audit_entry lets a citizen's rows go
    while their id is here (a TEMP table would be invisible to it).
    """

    citizen_id = IntegerField(primary_key=True)

    class Meta:
        database = db
        legacy_table_names = False


# Tables in dependency order (parents first): creation order, and the order
# an export walks.
ALL_MODELS: list[type[BaseModel]] = [
    Mentor,
    Citizen,
    Course,
    CourseExtension,
    SubGoal,
    AllianceScore,
    Placement,
    HoursStep,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    ActionItem,
    ReviewNote,
    Draft,
    Report,
]

# The audit log's tables: created with the schema, outside ALL_MODELS.
AUDIT_MODELS: list[type[Model]] = [AuditEntry, ErasureInProgress]

__all__ = [m.__name__ for m in ALL_MODELS + AUDIT_MODELS] + [
    "db",
    "utcnow",
    "ALL_MODELS",
    "AUDIT_MODELS",
    "BaseModel",
    "SQL",
]
