"""Input models for the mentor, the citizen and the course (extensions, end)."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    BeforeValidator,
    Field,
    model_validator,
)

from ..enums import (
    CourseOutcome,
    CoursePurpose,
)
from ..i18n import _
from .errors import _field_error
from .fields import Day, InputModel, Line, Name, OptionalDay, Text, _strip
from .parsing import parse_whole_text


class MentorIn(InputModel):
    name: Name
    email: Line = ""


class CitizenIn(InputModel):
    name: Name = Field(description="Name, pseudonym or initials")
    phone: Annotated[str, BeforeValidator(_strip), Field(max_length=60)] = ""
    email: Line = ""
    address: Text = ""
    caseworker_name: Line = ""
    caseworker_phone: Annotated[str, BeforeValidator(_strip), Field(max_length=60)] = ""
    caseworker_email: Line = ""
    jobcenter: Line = ""
    interpreter_needed: bool = False
    interpreter_language: Annotated[str, BeforeValidator(_strip), Field(max_length=100)] = ""
    job_goal: Text = ""
    job_wish_1: Line = ""
    job_wish_2: Line = ""
    job_wish_3: Line = ""
    accommodations: Text = ""
    aids: Text = ""
    parallel_efforts: Text = ""
    notes: Text = ""
    archived_on: OptionalDay = None

    @model_validator(mode="after")
    def _check(self) -> CitizenIn:
        for field in ("email", "caseworker_email"):
            value = getattr(self, field)
            if value and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
                raise _field_error(field, _("Not an e-mail address: {value}").format(value=value))
        if self.interpreter_needed and not self.interpreter_language:
            raise _field_error(
                "interpreter_language", _("Which language does the interpreter speak?")
            )
        if (self.job_wish_2 and not self.job_wish_1) or (self.job_wish_3 and not self.job_wish_2):
            raise _field_error(
                "job_wish_1", _("Fill in the job wishes in order of priority: 1, 2, 3.")
            )
        return self


class CourseIn(InputModel):
    referral_date: Day
    start_date: Day
    planned_end: Day
    weekly_hours: Annotated[str, BeforeValidator(_strip), Field(max_length=40)] = ""
    purpose: CoursePurpose
    programme: Line = ""
    meeting_cadence_days: Annotated[int, BeforeValidator(parse_whole_text), Field(ge=1, le=90)] = 14

    @model_validator(mode="after")
    def _check(self) -> CourseIn:
        if self.start_date < self.referral_date:
            raise _field_error("start_date", _("The course cannot start before it was referred."))
        if self.planned_end < self.start_date:
            raise _field_error("planned_end", _("The course cannot end before it starts."))
        return self


class CourseExtensionIn(InputModel):
    decided_on: Day
    new_end: Day
    reason: Text = ""


class CourseEndIn(InputModel):
    end_date: Day
    outcome: CourseOutcome
    end_note: Text = ""


class HandoverIn(InputModel):
    """A citizen handed over to another mentor (issue 18): to whom, from which
    day, and the note the new mentor reads first."""

    mentor_id: int
    handed_on: Day
    note: Text = ""


class MentorIdentityIn(InputModel):
    """The mentor's own name and organisation (asked at the first start)."""

    name: Name
    organisation: Line = ""
