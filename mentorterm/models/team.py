"""The team's own records (schema 9): a citizen handed over, a colleague covered.

- ``Handover``: a citizen went from one mentor to another on a day, with the
  note the new mentor reads first. The citizen row names the mentor now; the
  handovers keep who had the citizen before, so the history stays whole.
- ``Cover``: a mentor covers a colleague's citizens from a day to a day
  (holiday, sick leave). While it runs the covering mentor sees them among
  their own and may write about them; what they write is theirs, marked as
  covering in the audit log.
"""

from __future__ import annotations

from peewee import Check, DateField, ForeignKeyField, TextField

from .base import BaseModel, today
from .people import Citizen, Mentor


class Handover(BaseModel):
    citizen = ForeignKeyField(Citizen, backref="handovers", on_delete="CASCADE", index=False)
    from_mentor = ForeignKeyField(Mentor, null=True, on_delete="SET NULL", backref="+")
    to_mentor = ForeignKeyField(Mentor, null=True, on_delete="SET NULL", backref="+")
    handed_on = DateField(default=today)
    note = TextField(default="")

    class Meta:
        indexes = ((("citizen", "handed_on"), False),)


class Cover(BaseModel):
    mentor = ForeignKeyField(Mentor, backref="covers", on_delete="CASCADE", index=False)
    covered = ForeignKeyField(Mentor, backref="covered_by", on_delete="CASCADE")
    starts_on = DateField()
    ends_on = DateField()
    note = TextField(default="")

    class Meta:
        indexes = ((("mentor", "ends_on"), False),)
        constraints = [Check("ends_on >= starts_on"), Check("mentor_id <> covered_id")]
