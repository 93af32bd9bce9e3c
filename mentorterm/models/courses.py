"""A citizen's courses, their extensions, sub-goals and alliance scores."""

from __future__ import annotations

from peewee import (
    CharField,
    Check,
    DateField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from ..enums import (
    CourseOutcome,
    CoursePurpose,
    SubGoalStatus,
)
from .base import BaseModel, _enum_check, created_on_its_day, date_the_decision
from .people import Citizen, Mentor


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
    # Schema 7: the day the end was decided (recorded), so a review as of an
    # earlier day sees the course still running with its end undecided.
    end_decided_on = DateField(null=True)

    class Meta:
        indexes = ((("citizen", "start_date"), False), (("end_date", "citizen"), False))
        constraints = [
            Check("planned_end >= start_date"),
            Check("end_date IS NULL OR end_date >= start_date"),
            Check("(end_date IS NULL) = (outcome IS NULL)"),
        ]

    def save(self, *args, **kwargs):
        date_the_decision(self, "end_date", "end_decided_on")
        return super().save(*args, **kwargs)


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
    # Schema 7: the day it was set, its own date (an import carries it; the row's
    # created_at is when this database got it). Unless given: created_at's day.
    created_on = DateField(null=True)

    class Meta:
        indexes = ((("citizen", "status", "priority"), False),)

    def save(self, *args, **kwargs):
        created_on_its_day(self)
        return super().save(*args, **kwargs)


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
