"""Kept drafts and saved reports."""

from __future__ import annotations

from peewee import (
    CharField,
    Check,
    DateField,
    ForeignKeyField,
    TextField,
)

from .base import BaseModel
from .people import Citizen


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
