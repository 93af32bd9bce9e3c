"""Input models for the weekly review: its note, and the day it is read as of."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import (
    Field,
)

from .fields import Day, InputModel, Text


class ReviewNoteIn(InputModel):
    iso_week: Annotated[str, Field(pattern=r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")]
    decision: Text = ""
    reviewed_at: datetime | None = None


class ReviewDayIn(InputModel):
    """The day the review is read as of (the screen's "as of…")."""

    day: Day
