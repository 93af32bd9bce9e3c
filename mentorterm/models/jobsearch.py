"""The job search (schema 10): the CV's state, the companies contacted, and
the list of companies to approach.

- ``CvStatus``: the CV's state as of a day (no CV, being written, up to
  date); the latest is the state now, the earlier ones its history.
- ``JobContact``: an application or contact made (company, day, how, how it
  went, the follow-up day and the day it was followed up). A follow-up past
  its day and not done is overdue, like an agreement.
- ``TargetCompany``: the list of companies to approach, in order.
A company may be one of the register's workplaces (``workplace``), or only
a name.
"""

from __future__ import annotations

from peewee import CharField, DateField, ForeignKeyField, IntegerField, TextField

from ..enums_provider import ContactHow, ContactOutcome, CvState
from .base import BaseModel, _enum_check, today
from .people import Citizen
from .provider import Workplace


class CvStatus(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="cv_states", on_delete="CASCADE", index=False)
    state = CharField(max_length=20, constraints=[_enum_check("state", CvState)])
    noted_on = DateField(default=today)
    note = TextField(default="")

    class Meta:
        table_name = "cv_status"
        indexes = ((("citizen", "noted_on"), False),)


class JobContact(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="job_contacts", on_delete="CASCADE", index=False)
    company = CharField(max_length=200)
    workplace = ForeignKeyField(Workplace, null=True, on_delete="SET NULL", backref="contacts")
    contacted_on = DateField(default=today)
    how = CharField(max_length=20, constraints=[_enum_check("how", ContactHow)])
    outcome = CharField(
        max_length=20,
        default=ContactOutcome.WAITING.value,
        constraints=[_enum_check("outcome", ContactOutcome)],
    )
    follow_up_on = DateField(null=True)
    followed_up_on = DateField(null=True)
    note = TextField(default="")

    class Meta:
        indexes = ((("citizen", "contacted_on"), False),)


class TargetCompany(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="target_companies", on_delete="CASCADE", index=False)
    company = CharField(max_length=200)
    workplace = ForeignKeyField(Workplace, null=True, on_delete="SET NULL", backref="+")
    why = TextField(default="")
    position = IntegerField(default=0)
    added_on = DateField(default=today)
    done_on = DateField(null=True)

    class Meta:
        indexes = ((("citizen", "position"), False),)
