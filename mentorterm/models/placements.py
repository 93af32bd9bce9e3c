"""Placements, their hours steps and the logbook."""

from __future__ import annotations

from peewee import (
    SQL,
    BooleanField,
    CharField,
    Check,
    DateField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from ..enums import (
    Attendance,
    Author,
    PlacementKind,
)
from .base import BaseModel, _enum_check, date_the_decision
from .courses import Course
from .people import Citizen
from .provider import Workplace


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
    # Schema 7: the day the end was decided (recorded); see Course.end_decided_on.
    end_decided_on = DateField(null=True)
    # Schema 10: the register's workplace, when the placement is linked to one.
    site = ForeignKeyField(
        Workplace, null=True, on_delete="SET NULL", column_name="workplace_id", backref="placements"
    )

    class Meta:
        indexes = ((("citizen", "start_date"), False),)
        constraints = [Check("end_date IS NULL OR end_date >= start_date")]

    def save(self, *args, **kwargs):
        date_the_decision(self, "end_date", "end_decided_on")
        return super().save(*args, **kwargs)


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
    (storage/schema.py) refuses a row whose citizen differs from its placement's.
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
