"""Input models for placements, hours steps and logbook entries."""

from __future__ import annotations

from typing import Annotated

from pydantic import (
    BeforeValidator,
    Field,
    model_validator,
)

from ..enums import (
    Attendance,
    Author,
    PlacementKind,
)
from ..i18n import _
from .errors import _field_error
from .fields import (
    Day,
    DayHours,
    InputModel,
    Line,
    Name,
    OptionalDay,
    OptionalScore,
    OptionalWeekHours,
    Text,
    WeekHours,
    _strip,
)


class PlacementIn(InputModel):
    kind: PlacementKind
    workplace: Name
    supervisor_name: Line = ""
    supervisor_contact: Line = ""
    company_consultant: Line = ""
    start_date: Day
    end_date: OptionalDay = None
    work_functions: Text = ""
    training_goals: Text = ""
    accommodations: Text = ""
    aids: Text = ""
    support_on_site: Text = ""
    follow_up_frequency: Annotated[str, BeforeValidator(_strip), Field(max_length=100)] = ""
    paid_hours_next_discussed: OptionalDay = None
    end_reason: Text = ""

    @model_validator(mode="after")
    def _check(self) -> PlacementIn:
        if self.end_date is not None and self.end_date < self.start_date:
            raise _field_error("end_date", _("The placement cannot end before it starts."))
        return self


class PlacementEndIn(InputModel):
    end_date: Day
    end_reason: Text = ""


class HoursStepIn(InputModel):
    from_date: Day
    hours_per_week: WeekHours
    schedule: Line = ""


class LogbookEntryIn(InputModel):
    entry_date: Day
    attendance: Attendance
    hours_planned: DayHours = 0
    hours_worked: DayHours = 0
    left_early: bool = False
    left_early_reason: Text = ""
    tasks: Text = ""
    breaks: Text = ""
    energy: OptionalScore = None
    pain: OptionalScore = None
    life_after_work: Text = ""
    notes: Text = ""
    written_by: Author = Author.CITIZEN
    absence_reason: Text = ""

    @model_validator(mode="after")
    def _check(self) -> LogbookEntryIn:
        if self.attendance == Attendance.PRESENT and self.absence_reason:
            raise _field_error(
                "absence_reason", _("A reason for being away only goes on a day away.")
            )
        if self.attendance != Attendance.PRESENT:
            if self.hours_worked:
                raise _field_error(
                    "hours_worked", _("No hours can be worked on a day the citizen was away.")
                )
            if self.left_early:
                raise _field_error(
                    "left_early", _("Only a citizen who came to work can leave early.")
                )
        if self.left_early and not self.left_early_reason:
            raise _field_error("left_early_reason", _("Why did the citizen leave early?"))
        return self


class NewPlacementIn(PlacementIn):
    """A new placement with, optionally, its first hours step (from its start unless
    another date inside the placement is given)."""

    first_step_hours: OptionalWeekHours = None
    first_step_schedule: Line = ""
    first_step_from: OptionalDay = None

    @model_validator(mode="after")
    def _first_step(self) -> NewPlacementIn:
        if self.first_step_hours is None:
            if self.first_step_schedule:
                raise _field_error(
                    "first_step_hours",
                    _("Write the hours a week of this schedule, or leave the schedule empty."),
                )
            return self
        day = self.first_step_from or self.start_date
        if day < self.start_date or (self.end_date is not None and day > self.end_date):
            raise _field_error(
                "first_step_from", _("The first hours step starts within the placement's dates.")
            )
        return self

    def placement(self) -> PlacementIn:
        """The placement without its first step."""
        return PlacementIn.model_construct(
            **self.model_dump(
                exclude={"first_step_hours", "first_step_schedule", "first_step_from"}
            )
        )

    def first_step(self) -> HoursStepIn | None:
        """The first hours step, or None when no hours were given."""
        if self.first_step_hours is None:
            return None
        return HoursStepIn.model_construct(
            from_date=self.first_step_from or self.start_date,
            hours_per_week=self.first_step_hours,
            schedule=self.first_step_schedule,
        )
