"""A citizen's meetings: the list, the note of the one in focus, and its keys.

The forms and dialogs live beside it (meeting_form, note_form, meeting_dialogs,
restore_drafts, note_view; note_mapping holds the note's flat/nested mapping); their
names are re-exported here for the screens and app.py that import them from here.
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.widgets import (
    DataTable,
    Static,
)

from .. import keys
from ..domain import drafts
from ..domain import meetings as domain
from ..domain.overview import meetings_of
from ..enums import MeetingKind, MeetingStatus
from ..format import show_datetime
from ..i18n import _
from ..widgets.confirm import ConfirmScreen, confirm_then
from ..widgets.guard import safely
from ..widgets.lists import CitizenRecordsScreen
from ..widgets.markup import escape
from ..widgets.pick import PickScreen
from .meeting_dialogs import CANCELLERS, CancelMeetingScreen, NoShowScreen
from .meeting_form import MeetingForm
from .note_form import NoteForm
from .note_mapping import NOTE_FORM, meeting_values, participant_values
from .note_view import NoteViewScreen, meeting_detail_text
from .restore_drafts import RestoreDraftsScreen


class MeetingsScreen(CitizenRecordsScreen):
    """A citizen's meetings, newest first; the note of the one in focus below."""

    CSS_PATH = "meetings.tcss"
    BINDINGS = keys.bindings("meetings")
    HELP_TITLE = _("Meetings")

    TITLE_ID = "meetings-title"
    TABLE_ID = "meetings"
    BOXES = ("meeting-detail",)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("When"), _("Kind"), _("Status"), _("Place"), _("Decisions")
        )
        self.load()

    @safely
    def load(self, select_id: int | None = None) -> None:
        self.rows = meetings_of(self.citizen_id)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        if select_id is not None:
            keep = next((i for i, m in enumerate(self.rows) if m.id == select_id), keep)
        table.clear()
        for m in self.rows:
            status = escape(domain.outcome_text(m.status, m.cancelled_by, ""))
            if m.status == MeetingStatus.PLANNED and m.starts_at.date() < self.app.today:
                status = _("[b red]{status}: record it[/]").format(status=status)
            table.add_row(
                show_datetime(m.starts_at),
                m.kind.label,
                status,
                m.place,
                " ".join(m.decisions.split())[:60],
                key=str(m.id),
            )
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        self.query_one("#meetings-title", Static).update(
            _("[b]{name}[/b] · meetings ({count})").format(
                name=escape(self.citizen_name), count=len(self.rows)
            )
        )
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_write_note()

    @safely
    def show_detail(self) -> None:
        box = self.query_one("#meeting-detail", Static)
        m = self.current()
        if m is None:
            box.update(
                _(
                    "No meetings yet. [b]W[/b] writes the note of a meeting held now; "
                    "[b]n[/b] plans one."
                )
            )
            return
        box.update(meeting_detail_text(domain.meeting_detail(m.id)))

    def open_note(self, meeting_id: int | None, kind: MeetingKind) -> None:
        """The note form, offering a kept draft of the same note first."""
        key = drafts.draft_key(NOTE_FORM, citizen=self.citizen_id, meeting=meeting_id)
        draft = drafts.load_draft(key)

        def push(values: dict | None) -> None:
            self.app.push_screen(
                NoteForm(
                    self.citizen_id,
                    self.citizen_name,
                    self.app.today,
                    meeting_id=meeting_id,
                    kind=kind,
                    initial=values,
                    restored=values is not None,
                ),
                lambda saved: saved and self.load(select_id=saved),
            )

        if draft is None or not isinstance(draft.values.get("fields"), dict):
            push(None)
            return

        def answered(restore: bool | None) -> None:
            if restore:
                push(draft.values["fields"])
            else:
                drafts.discard_draft(key)
                push(None)

        self.app.push_screen(
            ConfirmScreen(
                _("A draft of this note was kept on {when}. Restore it?").format(
                    when=show_datetime(draft.saved_at)
                ),
                yes=_("Restore"),
                no=_("Start afresh"),
            ),
            answered,
        )

    def action_write_note(self) -> None:
        m = self.current()
        if m is None or m.status in (
            MeetingStatus.NO_SHOW,
            MeetingStatus.CANCELLED,
            MeetingStatus.RESCHEDULED,
        ):
            if m is not None:
                self.notify(_("That meeting did not take place; W writes a new note."))
            return
        self.open_note(m.id, m.kind)

    @safely
    def action_view(self) -> None:
        m = self.current()
        if m is not None:
            self.app.push_screen(
                NoteViewScreen(self.citizen_name, meeting_detail_text(domain.meeting_detail(m.id)))
            )

    def action_new_note(self) -> None:
        self.open_note(None, MeetingKind.THREE_PARTY)

    def action_new_meeting(self) -> None:
        # The default day at 10:00, or the next time not already booked; the
        # mentor takes part in every meeting (the others depend on its kind).
        starts_at = domain.next_free_slot(
            datetime.combine(
                domain.default_next_meeting_date(self.citizen_id, self.app.today),
                datetime.min.time().replace(hour=10),
            )
        )
        people = domain.note_defaults(self.citizen_id, starts_at.date())
        initial = {
            "kind": MeetingKind.THREE_PARTY.value,
            "starts_at": starts_at,
            "status": MeetingStatus.PLANNED.value,
            "p_citizen": self.citizen_name,
            "p_mentor": people.mentor,
        }
        self.app.push_screen(
            MeetingForm(self.citizen_id, initial), lambda made: made and self.load(select_id=made)
        )

    def action_edit(self) -> None:
        m = self.current()
        if m is None:
            return
        initial = meeting_values(domain.meeting_input(m.id))
        self.app.push_screen(
            MeetingForm(self.citizen_id, initial, m.id),
            lambda saved: saved and self.load(select_id=saved),
        )

    @safely
    def action_status(self, status: str) -> None:
        """o and c: a small dialog asks for the no-show's note, or who cancelled and why."""
        m = self.current()
        if m is None:
            return
        if m.status != MeetingStatus.PLANNED:
            self.notify(
                _(
                    "Only a planned meeting can become a no-show or be cancelled; "
                    "this one is {status}. e edits it."
                ).format(status=m.status.label)
            )
            return
        what = _("the meeting of {when}").format(when=show_datetime(m.starts_at))
        if MeetingStatus(status) == MeetingStatus.NO_SHOW:
            if m.starts_at.date() > self.app.today:
                self.notify(
                    _("The meeting on {when} has not taken place yet; c cancels it.").format(
                        when=show_datetime(m.starts_at)
                    ),
                    severity="warning",
                )
                return
            self.app.push_screen(NoShowScreen(what), lambda note: self._no_show(m, note))
        else:
            self.app.push_screen(CancelMeetingScreen(what), lambda data: self._cancelled(m, data))

    @safely
    def _no_show(self, m, note: str | None) -> None:
        if note is None:
            return
        domain.record_no_show(m.id, note)
        self.load(select_id=m.id)
        self.notify(_("{when}: no-show recorded.").format(when=show_datetime(m.starts_at)))

    @safely
    def _cancelled(self, m, data: domain.CancellationIn | None) -> None:
        if data is None:
            return
        domain.cancel_meeting(m.id, data)
        self.load(select_id=m.id)
        self.notify(
            _("{when}: cancelled by {who}.").format(
                when=show_datetime(m.starts_at), who=data.cancelled_by.label
            )
        )

    @safely
    def action_reschedule(self) -> None:
        m = self.current()
        if m is None or m.status != MeetingStatus.PLANNED:
            return
        domain.set_status(m.id, MeetingStatus.RESCHEDULED)
        initial = {
            **meeting_values(domain.meeting_input(m.id)),
            "status": MeetingStatus.PLANNED.value,
        }
        self.load(select_id=m.id)
        self.app.push_screen(
            MeetingForm(self.citizen_id, initial), lambda made: made and self.load(select_id=made)
        )

    def action_delete(self) -> None:
        m = self.current()
        if m is None:
            return

        def delete() -> None:
            domain.delete_meeting(m.id)
            self.load()

        confirm_then(
            self,
            _("Delete the meeting of {when} with its note?").format(
                when=show_datetime(m.starts_at)
            ),
            delete,
        )


__all__ = [
    "CANCELLERS",
    "NOTE_FORM",
    "CancelMeetingScreen",
    "MeetingForm",
    "MeetingsScreen",
    "NoShowScreen",
    "NoteForm",
    "NoteViewScreen",
    "PickScreen",
    "RestoreDraftsScreen",
    "meeting_detail_text",
    "participant_values",
]
