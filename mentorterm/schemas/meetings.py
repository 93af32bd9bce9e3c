"""Input models for meetings, their participants and action items."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    model_validator,
)

from ..enums import (
    LEGACY_CANCELLED,
    AftercareSituation,
    CancelledBy,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
)
from ..i18n import _
from .errors import _field_error
from .fields import InputModel, Line, Moment, Name, OptionalDay, Text, _required, _strip
from .parsing import parse_whole_text


class ParticipantIn(InputModel):
    name: Name
    role: ParticipantRole


class MeetingIn(InputModel):
    starts_at: Moment
    duration_minutes: Annotated[int, BeforeValidator(parse_whole_text), Field(ge=1, le=600)] = 60
    kind: MeetingKind
    place: Line = ""
    status: MeetingStatus = MeetingStatus.PLANNED
    attendance_note: Text = ""
    tasks_note: Text = ""
    motivation_note: Text = ""
    accommodations_note: Text = ""
    citizen_view: Text = ""
    workplace_view: Text = ""
    notes: Text = ""
    decisions: Text = ""
    next_meeting_date: OptionalDay = None
    participants: list[ParticipantIn] = Field(default_factory=list, max_length=30)
    # Schema 5: who cancelled (only for a cancelled meeting), and why / the no-show's note.
    cancelled_by: CancelledBy | None = None
    outcome_note: Text = ""
    # Schema 12: where the citizen stands, recorded at a held aftercare follow-up.
    aftercare_situation: AftercareSituation | None = None

    @model_validator(mode="before")
    @classmethod
    def _legacy_cancellation(cls, data: Any) -> Any:
        # Up to schema 4 (and in older export files) a cancellation was always the citizen's.
        if (
            isinstance(data, dict)
            and data.get("status") == LEGACY_CANCELLED
            and not data.get("cancelled_by")
        ):
            data = {**data, "cancelled_by": CancelledBy.CITIZEN.value}
        if isinstance(data, dict) and data.get("aftercare_situation") == "":
            data = {**data, "aftercare_situation": None}  # the form's empty choice
        return data

    @model_validator(mode="after")
    def _check(self) -> MeetingIn:
        if self.next_meeting_date is not None and self.next_meeting_date < self.starts_at.date():
            raise _field_error(
                "next_meeting_date", _("The next meeting cannot be before this one.")
            )
        if self.status != MeetingStatus.CANCELLED:
            self.cancelled_by = None
        elif self.cancelled_by is None:
            self.cancelled_by = CancelledBy.CITIZEN
        # Where the citizen stands is known only at an aftercare follow-up held.
        if self.kind != MeetingKind.AFTERCARE or self.status != MeetingStatus.HELD:
            self.aftercare_situation = None
        return self


class ActionItemIn(InputModel):
    what: Annotated[str, BeforeValidator(_strip), Field(max_length=2000), AfterValidator(_required)]
    owner: Name = Field(description="Who does it")
    due_date: OptionalDay = None
    done_on: OptionalDay = None
