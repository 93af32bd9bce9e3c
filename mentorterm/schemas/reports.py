"""Input models for reports' periods and texts, and export files."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    model_validator,
)

from ..i18n import _
from .errors import _field_error
from .fields import Day, InputModel, Text, _required, _strip


class PeriodIn(InputModel):
    """A period the mentor types: from one day to another, both included."""

    start: Day
    end: Day

    @model_validator(mode="after")
    def _check(self) -> PeriodIn:
        if self.end < self.start:
            raise _field_error("end", _("The period cannot end before it starts."))
        return self


class ReportTextsIn(InputModel):
    """What the mentor writes in a progression report: the judgement parts.

    The factual parts (course, attendance, hours, scores) come from the records.
    """

    title: Annotated[str, BeforeValidator(_strip), Field(max_length=300)] = ""
    resources_observed: Text = ""
    clarified: Text = ""
    still_open: Text = ""
    recommended_next_steps: Text = ""
    summary: Text = ""


class ExportFileIn(InputModel):
    path: Annotated[str, BeforeValidator(_strip), Field(max_length=4000), AfterValidator(_required)]


class DocumentFileIn(ExportFileIn):
    """Where to save a document, and the language its reader reads."""

    language: Literal["da", "en"] = "en"


class CalendarFileIn(ExportFileIn):
    """Where to save the .ics export, and whether each meeting's place goes in it."""

    include_place: bool = False
