"""Plan a meeting, or correct one: the form with the overlap question."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.widgets import (
    Static,
)

from ..domain import meetings as domain
from ..enums import CancelledBy, MeetingKind, MeetingStatus
from ..i18n import _, ngettext
from ..schemas import MeetingIn
from ..widgets.confirm import ConfirmScreen
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.markup import escape
from .note_form import aftercare_fields
from .note_mapping import participant_fields, participants_from
from .note_view import status_history_lines


class MeetingForm(FormScreen[int]):
    """Plan a meeting, or record one that took place without a note."""

    TITLE = _("New meeting")
    MODEL = MeetingIn
    RECORD = ("meeting", "meeting_id")

    def __init__(self, citizen_id: int, initial: dict, meeting_id: int | None = None) -> None:
        title = _("Edit the meeting") if meeting_id is not None else None
        super().__init__(initial, title)
        self.citizen_id = citizen_id
        self.meeting_id = meeting_id
        self._accepted: tuple[datetime, int] | None = None  # an overlap the mentor accepted
        self._saved_time: tuple[datetime, int] | None = None  # an edited meeting's own time
        if meeting_id is not None:
            saved = domain.meeting_input(meeting_id)
            self._saved_time = (saved.starts_at, saved.duration_minutes)

    def fields(self) -> list[FieldSpec]:
        status = FieldSpec(
            "status", _("Status"), "select", options=MeetingStatus.choices(), required=True
        )
        # Correcting a saved meeting: its outcome too (who cancelled, the note).
        outcome = (
            [
                FieldSpec(
                    "cancelled_by",
                    _("Cancelled by"),
                    "select",
                    options=CancelledBy.choices(),
                    hint=_("Only for a cancelled meeting"),
                ),
                FieldSpec("outcome_note", _("Why cancelled / no-show note")),
            ]
            if self.meeting_id is not None
            else []
        )
        if outcome:
            status.hint = "\n".join(
                [
                    _("Back to Planned undoes a no-show or cancellation recorded by mistake"),
                    *status_history_lines(domain.status_history(self.meeting_id)),
                ]
            )
        # Correcting an aftercare follow-up: where the citizen stands too.
        kind = self._start_kind()
        situation = aftercare_fields(kind) if self.meeting_id is not None else []
        return [
            FieldSpec("kind", _("Kind"), "select", options=MeetingKind.choices(), required=True),
            FieldSpec("starts_at", _("Date and time"), "datetime", required=True),
            FieldSpec("duration_minutes", _("Minutes"), "number"),
            FieldSpec("place", _("Place")),
            status,
            *outcome,
            *situation,
            *participant_fields(),
        ]

    def _start_kind(self) -> MeetingKind | None:
        try:
            return MeetingKind(self.initial.get("kind"))
        except ValueError:
            return None

    def action_save(self) -> None:
        """Save; a time that overlaps a booked meeting asks first, naming it."""
        from pydantic import ValidationError

        try:
            data = MeetingIn.model_validate(self.model_data(self.values()))
        except ValidationError:
            super().action_save()  # shows the errors next to the fields
            return
        moment = (data.starts_at, data.duration_minutes)
        if (
            data.status != MeetingStatus.PLANNED
            or moment == self._accepted
            or (self.meeting_id is not None and moment == self._saved_time)
        ):
            super().action_save()
            return
        clashes = domain.overlapping(data.starts_at, data.duration_minutes, self.meeting_id)
        if not clashes:
            super().action_save()
            return
        names = ", ".join(c.text for c in clashes[:3])
        error = self.query_one("#form-error", Static)
        error.update(_("Overlaps a booked meeting: {meetings}").format(meetings=escape(names)))
        error.add_class("shown")

        def answered(yes: bool | None) -> None:
            if yes:
                self._accepted = moment
                super(MeetingForm, self).action_save()

        self.app.push_screen(
            ConfirmScreen(
                ngettext(
                    "This time overlaps a meeting already booked: {meetings}. Save anyway?",
                    "This time overlaps meetings already booked: {meetings}. Save anyway?",
                    len(clashes),
                ).format(meetings=escape(names)),
                yes=_("Save anyway"),
                no=_("Change the time"),
            ),
            answered,
        )

    def model_data(self, values: dict[str, Any]) -> dict[str, Any]:
        data = {k: v for k, v in values.items() if v is not None and not k.startswith("p_")}
        if data.get("duration_minutes") == "":
            del data["duration_minutes"]
        data["participants"] = participants_from(values)
        if self.meeting_id is not None:  # keep what the note says
            current = domain.meeting_input(self.meeting_id).model_dump()
            current.update(data)
            data = current
        return data

    def submit(self, data: MeetingIn) -> int:
        if self.meeting_id is None:
            return domain.create_meeting(self.citizen_id, data)
        domain.update_meeting(self.meeting_id, data)
        return self.meeting_id
