"""Mentors and citizens."""

from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    TextField,
)

from .base import BaseModel


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
