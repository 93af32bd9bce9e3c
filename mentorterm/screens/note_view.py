"""A meeting's note as text: the box under the list, and the screen to read it whole."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import (
    Footer,
    Header,
    Static,
)

from .. import keys
from ..domain import meetings as domain
from ..enums import MeetingStatus
from ..format import show_date, show_datetime
from ..i18n import _
from ..widgets.lists import BackHelpScreen
from ..widgets.markup import escape


def status_history_lines(changes: list[domain.StatusChangeView]) -> list[str]:
    """Each status change as the mentor reads it: "Planned → cancelled on 12-11-2026"."""
    return [
        _("{before} → {after} on {day}").format(
            before=c.status_from.label, after=c.status_to.label.lower(), day=show_date(c.changed_on)
        )
        for c in changes
    ]


def meeting_detail_text(detail: domain.MeetingDetail) -> str:
    outcome = domain.outcome_text(detail.status, detail.cancelled_by, detail.outcome_note)
    lines = [
        f"[b]{detail.kind.label}[/b] · {show_datetime(detail.starts_at)} · "
        f"{escape(outcome)}" + (f" · {escape(detail.place)}" if detail.place else "")
    ]
    if detail.outcome_note and detail.status not in (
        MeetingStatus.CANCELLED,
        MeetingStatus.NO_SHOW,
    ):
        lines.append(_("Earlier outcome note: {note}").format(note=escape(detail.outcome_note)))
    if detail.aftercare_situation is not None:
        lines.append(
            _("At aftercare: {situation}").format(situation=detail.aftercare_situation.label)
        )
    if detail.participants:
        lines.append(
            _("With: {names}").format(
                names=escape(", ".join(f"{p.name} ({p.role.label})" for p in detail.participants))
            )
        )
    for label, text in (
        (_("Attendance"), detail.attendance_note),
        (_("Tasks"), detail.tasks_note),
        (_("Motivation"), detail.motivation_note),
        (_("Accommodations"), detail.accommodations_note),
        (_("Citizen"), detail.citizen_view),
        (_("Workplace"), detail.workplace_view),
        (_("Decisions"), detail.decisions),
        (_("Notes"), detail.notes),
    ):
        if text:
            lines.append(f"{label}: {escape(' '.join(text.split()))}")
    for item in detail.action_items:
        due = _(" by {day}").format(day=show_date(item.due_date)) if item.due_date else ""
        done = _(" (done {day})").format(day=show_date(item.done_on)) if item.done_on else ""
        lines.append(f"→ {escape(item.what)} · {escape(item.owner)}{due}{done}")
    if detail.next_meeting_date:
        lines.append(_("Next meeting: {day}").format(day=show_date(detail.next_meeting_date)))
    if detail.booked_on:
        lines.append(_("Booked on {day}").format(day=show_date(detail.booked_on)))
    lines.extend(status_history_lines(detail.status_changes))
    return "\n".join(lines)


class NoteViewScreen(BackHelpScreen):
    """A meeting's whole note, to read (the box under the list shows its start)."""

    CSS_PATH = "note_view.tcss"
    HELP_TITLE = _("The meeting's note")
    BINDINGS = keys.bindings("note_view")

    def __init__(self, name: str, text: str) -> None:
        super().__init__()
        self.citizen_name = name
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _("[b]{name}[/b] · the meeting's note").format(name=escape(self.citizen_name)),
            id="note-view-title",
            classes="screen-title",
        )
        with VerticalScroll(id="note-view"):
            yield Static(self.text)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#note-view").focus()
