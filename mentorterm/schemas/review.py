"""Input model for the weekly review's note."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import (
    Field,
)

from .fields import InputModel, Text


class ReviewNoteIn(InputModel):
    iso_week: Annotated[str, Field(pattern=r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$")]
    decision: Text = ""
    reviewed_at: datetime | None = None
