"""Input models of the meeting screens: a note, a change of hours, a cancellation, a no-show."""

from __future__ import annotations

from pydantic import Field, model_validator

from ...enums import CancelledBy, MeetingStatus
from ...schemas import ActionItemIn, HoursStepIn, InputModel, Line, MeetingIn, Text


class HoursChangeIn(HoursStepIn):
    """A decision to step the hours of a placement up or down from a date."""

    placement_id: int

    def step(self) -> HoursStepIn:
        return HoursStepIn.model_validate(self.model_dump(exclude={"placement_id"}))


class MeetingNoteIn(InputModel):
    """Everything a follow-up note records, saved together by ``save_note``."""

    meeting: MeetingIn
    action_items: list[ActionItemIn] = Field(default_factory=list, max_length=50)
    hours_change: HoursChangeIn | None = None

    @model_validator(mode="after")
    def _held_unless_told(self) -> MeetingNoteIn:
        # A note is written about a meeting that took place: unless the form
        # said otherwise, it was held.
        if "status" not in self.meeting.model_fields_set:
            self.meeting = self.meeting.model_copy(update={"status": MeetingStatus.HELD})
        return self


class CancellationIn(InputModel):
    """Who called the meeting off, and why (optional)."""

    cancelled_by: CancelledBy = CancelledBy.CITIZEN
    reason: Text = ""


class NoShowIn(InputModel):
    note: Line = ""
