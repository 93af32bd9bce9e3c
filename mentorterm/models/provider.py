"""The provider's own work (schema 10): its register of workplaces and its
group sessions (holdundervisning) with a roll call.

- ``Workplace``: a partner the provider returns to (its own training ground
  or a company nearby): the supervisor, the company consultant, the
  accommodations it can offer. A placement links to one (``Placement.site``;
  the typed ``Placement.workplace`` name stays what the placement says).
- ``GroupSeries``: a recurring session from a schedule (weekdays, time,
  hours, from a day to a day); ``GroupSession``: one session on one day (from
  a series or on its own); ``SessionParticipant``: a citizen called in to a
  session, and how the roll call marked them (None: not called yet).
"""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    Check,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    TextField,
)

from ..enums_provider import SessionAttendance
from .base import BaseModel, _enum_check
from .people import Citizen, Mentor


class Workplace(BaseModel):
    name = CharField(max_length=200)
    sector = CharField(max_length=100, default="")
    address = TextField(default="")
    supervisor_name = CharField(max_length=200, default="")
    supervisor_contact = CharField(max_length=200, default="")
    company_consultant = CharField(max_length=200, default="")
    consultant_contact = CharField(max_length=200, default="")
    accommodations = TextField(default="")
    notes = TextField(default="")
    archived = BooleanField(default=False)

    class Meta:
        indexes = ((("name",), False),)


class GroupSeries(BaseModel):
    title = CharField(max_length=200)
    place = CharField(max_length=200, default="")
    leader = ForeignKeyField(Mentor, null=True, on_delete="SET NULL", backref="+")
    # ISO weekdays, "1,3" for Monday and Wednesday; the time "09:30".
    weekdays = CharField(max_length=20)
    starts = CharField(max_length=5)
    hours = FloatField(default=2.0)
    first_day = DateField()
    last_day = DateField()

    class Meta:
        constraints = [Check("last_day >= first_day"), Check("hours > 0 AND hours <= 12")]


class GroupSession(BaseModel):
    series = ForeignKeyField(GroupSeries, null=True, on_delete="SET NULL", backref="sessions")
    title = CharField(max_length=200)
    starts_at = DateTimeField()
    hours = FloatField(default=2.0)
    place = CharField(max_length=200, default="")
    leader = ForeignKeyField(Mentor, null=True, on_delete="SET NULL", backref="+")
    cancelled = BooleanField(default=False)
    note = TextField(default="")

    class Meta:
        indexes = ((("starts_at",), False),)
        constraints = [Check("hours > 0 AND hours <= 12")]


class SessionParticipant(BaseModel):
    session = ForeignKeyField(
        GroupSession, backref="participants", on_delete="CASCADE", index=False
    )
    citizen = ForeignKeyField(Citizen, backref="sessions", on_delete="CASCADE")
    attendance = CharField(
        max_length=40,
        null=True,
        constraints=[_enum_check("attendance", SessionAttendance, null=True)],
    )
    hours = FloatField(null=True)  # attended; None: the session's hours if present
    note = TextField(default="")

    class Meta:
        indexes = ((("session", "citizen"), True),)
        constraints = [Check("hours IS NULL OR (hours >= 0 AND hours <= 12)")]
