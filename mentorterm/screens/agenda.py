"""The agenda: every planned meeting of the caseload, what to record first.

Meetings that are over but still "planned" come first ("To record"): one key
records what happened (h held at once; o a no-show and c a cancellation ask
first, for a note or who cancelled and why: enter saves), u undoes it, and
the next one moves under the cursor. Then this week's and next week's meetings.
"""

from __future__ import annotations

from datetime import date, datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import meetings as domain
from ..domain.audit import ViewLog
from ..domain.calendar_export import calendar_ics
from ..domain.files import documents_folder
from ..domain.meetings import AgendaItem
from ..enums import MeetingKind, MeetingStatus
from ..format import show_date, show_weekday_short
from ..i18n import N_, _, ngettext
from ..schemas import CalendarFileIn
from ..widgets.fields import FieldSpec
from ..widgets.guard import safely
from ..widgets.lists import RecordListScreen
from ..widgets.markup import escape
from .meeting_dialogs import CancelMeetingScreen, NoShowScreen
from .statistics import SaveFileForm

TO_RECORD = "to_record"
THIS_WEEK = "this"
NEXT_WEEK = "next"
SECTIONS = {
    TO_RECORD: _("To record"),
    THIS_WEEK: _("This week"),
    NEXT_WEEK: _("Next week"),
}
SECTION_STYLE = {TO_RECORD: "bold yellow", THIS_WEEK: "bold", NEXT_WEEK: "bold"}

# What each outcome key records, and how the notification names it.
OUTCOMES = {
    MeetingStatus.HELD: _("held"),
    MeetingStatus.NO_SHOW: _("no-show"),
    MeetingStatus.CANCELLED: _("cancelled"),
    MeetingStatus.RESCHEDULED: _("rescheduled"),
}

CALENDAR_FILE = "mentorterm-meetings.ics"


class CalendarSaveForm(SaveFileForm):
    """Where to save the calendar; the place goes in only when ticked."""

    MODEL = CalendarFileIn
    FIELDS = [
        *SaveFileForm.FIELDS,
        FieldSpec(
            "include_place",
            _("Include the place"),
            kind="bool",
            hint=escape(
                _(
                    "Off: initials, meeting kind and time only (a place "
                    "can say who the citizen is). The default is "
                    "include_place in [calendar] in the settings."
                )
            ),
        ),
    ]

    def __init__(self, today: date, path: str, include_place: bool) -> None:
        super().__init__(path, b"", _("Export upcoming meetings (.ics)"), overwrite=True)
        self.initial["include_place"] = include_place
        self.today = today
        self.count = 0
        self.included_place = include_place

    def submit(self, data: CalendarFileIn) -> str:
        self.data = calendar_ics(self.today, include_place=data.include_place)
        self.count = self.data.count(b"BEGIN:VEVENT")
        self.included_place = data.include_place
        return super().submit(data)


def section_of(item: AgendaItem) -> str:
    return TO_RECORD if item.is_past else item.week


def agenda_sections(today: date, now: datetime | None = None) -> list[tuple[str, AgendaItem]]:
    """(section, item) in the order shown: to record (oldest first), this week, next week.

    "To record" holds the planned meetings before today (``unrecorded``) and
    those of the agenda that are already over (judged by ``now`` when given).
    """
    items: dict[int, AgendaItem] = {}
    for item in domain.unrecorded(today) + domain.agenda(today, now):
        items.setdefault(item.meeting_id, item)
    order = {TO_RECORD: 0, THIS_WEEK: 1, NEXT_WEEK: 2}
    rows = [(section_of(item), item) for item in items.values()]
    return sorted(rows, key=lambda r: (order[r[0]], r[1].starts_at, r[1].meeting_id))


def when(moment: datetime) -> str:
    """'Tue 17-11-2026 10:00'."""
    return f"{show_weekday_short(moment)} {show_date(moment)} {moment:%H:%M}"


class AgendaScreen(RecordListScreen):
    """The meetings across the caseload: record outcomes, open a citizen, export."""

    CSS_PATH = "agenda.tcss"
    AUTO_FOCUS = "#agenda"
    HELP_TITLE = _("Agenda")
    BINDINGS = keys.bindings("agenda")

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[str] = []  # the section of each row, in table order
        self.last_change: tuple[int, str] | None = None  # (meeting id, citizen) to undo
        self._reads = ViewLog("agenda", N_("agenda"))  # each citizen listed, once per view

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="agenda-title", classes="screen-title")
        yield Static(id="agenda-empty")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield Static(id="agenda-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("", _("When"), _("Citizen"), _("Kind"), _("Place"))
        self.load()

    def now(self) -> datetime | None:
        """The clock, when the app runs on today's date; None (judge by day) when it
        runs on a fixed day (tests, screenshots), so what is 'over' stays the same."""
        return datetime.now() if self.app.today == date.today() else None

    # --- data -----------------------------------------------------------------

    @safely
    def load(self) -> None:
        """Read the agenda again; the cursor stays on the same row number."""
        rows = agenda_sections(self.app.today, self.now())
        self._reads.saw(item.citizen_id for _section, item in rows)
        self.rows = [item for _section, item in rows]
        self.sections = [section for section, _item in rows]
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        previous = None
        for section, item in rows:
            label = (
                Text(SECTIONS[section], style=SECTION_STYLE[section]) if section != previous else ""
            )
            previous = section
            # User text as Text: a "[" in a name or place is not markup.
            table.add_row(
                label,
                when(item.starts_at),
                Text(item.citizen_name),
                MeetingKind(item.kind).label,
                Text(item.place),
                key=str(item.meeting_id),
            )
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))
        self.show_title()
        empty = self.query_one("#agenda-empty", Static)
        empty.display = not rows
        table.display = bool(rows)
        if not rows:
            empty.update(
                _(
                    "Nothing is planned this week or next, and every past meeting is recorded.\n\n"
                    "Plan a meeting from a citizen's page (open the citizen from the caseload)."
                )
            )

    def show_title(self) -> None:
        counts = {key: self.sections.count(key) for key in SECTIONS}
        today = self.app.today
        title = _("[b]Agenda[/b] · planned meetings across the caseload · today {day}").format(
            day=f"{show_weekday_short(today)} {show_date(today)}"
        )
        parts = [
            ngettext("{count} to record", "{count} to record", counts[TO_RECORD]).format(
                count=counts[TO_RECORD]
            ),
            ngettext("{count} this week", "{count} this week", counts[THIS_WEEK]).format(
                count=counts[THIS_WEEK]
            ),
            ngettext("{count} next week", "{count} next week", counts[NEXT_WEEK]).format(
                count=counts[NEXT_WEEK]
            ),
        ]
        self.query_one("#agenda-title", Static).update(title)
        # h and o are in the footer; the other outcome keys are named here.
        parts.append(_("c cancelled · r rescheduled · u undo"))
        self.query_one("#agenda-status", Static).update(" · ".join(parts))

    # --- actions --------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_citizen()

    def action_open_citizen(self) -> None:
        item = self.current()
        if item is not None:
            self.app.open_citizen(item.citizen_id, keep_place=True)

    @safely
    def action_outcome(self, status: str) -> None:
        item = self.current()
        if item is None:
            return
        outcome = MeetingStatus(status)
        # Held and no-show tell what happened: not for a meeting of a day still to come.
        if (
            outcome in (MeetingStatus.HELD, MeetingStatus.NO_SHOW)
            and item.starts_at.date() > self.app.today
        ):
            self.notify(
                _(
                    "The meeting with {name} is on {day}: it has not taken place yet. "
                    "Press c if the citizen cancelled, r if it was moved."
                ).format(name=escape(item.citizen_name), day=when(item.starts_at)),
                severity="warning",
            )
            return
        what = _("{name}, {day}").format(name=item.citizen_name, day=when(item.starts_at))
        if outcome == MeetingStatus.NO_SHOW:  # asks for an optional note first
            self.app.push_screen(
                NoShowScreen(what),
                lambda note: (
                    note is not None
                    and (
                        self._record(
                            item, outcome, lambda: domain.record_no_show(item.meeting_id, note)
                        )
                    )
                ),
            )
        elif outcome == MeetingStatus.CANCELLED:  # asks who cancelled, and why
            self.app.push_screen(
                CancelMeetingScreen(what),
                lambda data: (
                    data is not None
                    and (
                        self._record(
                            item,
                            outcome,
                            lambda: domain.cancel_meeting(item.meeting_id, data),
                            data.cancelled_by.label,
                        )
                    )
                ),
            )
        else:
            self._record(item, outcome, lambda: domain.set_status(item.meeting_id, outcome))

    @safely
    def _record(self, item: AgendaItem, outcome: MeetingStatus, write, who: str = "") -> None:
        write()
        self.last_change = (item.meeting_id, escape(item.citizen_name))
        told = _("cancelled by {who}").format(who=who) if who else OUTCOMES[outcome]
        message = _("{name}, {day}: recorded as {outcome}. u undoes it.").format(
            name=escape(item.citizen_name), day=when(item.starts_at), outcome=escape(told)
        )
        if outcome == MeetingStatus.HELD:
            message += " " + _("Write the note from the citizen's meetings (enter).")
        elif outcome == MeetingStatus.RESCHEDULED:
            message += " " + _("Plan the new time from the citizen's meetings (enter).")
        self.notify(message)
        self.load()

    @safely
    def action_undo(self) -> None:
        if self.last_change is None:
            self.notify(_("Nothing to undo here."), severity="warning")
            return
        meeting_id, name = self.last_change
        domain.set_status(meeting_id, MeetingStatus.PLANNED)
        self.last_change = None
        self.notify(_("{name}: the meeting is planned again.").format(name=name))
        self.load()
        for index, item in enumerate(self.rows):
            if item.meeting_id == meeting_id:
                self.query_one(DataTable).move_cursor(row=index)

    @safely
    def action_export(self) -> None:
        from ..settings import SettingsError, load_settings

        try:
            include_place = load_settings().calendar.include_place
        except SettingsError:  # a mistyped settings file: the safe default
            include_place = False
        form = CalendarSaveForm(
            self.app.today, str(documents_folder() / CALENDAR_FILE), include_place
        )

        def saved(path: str | None) -> None:
            if path:
                self.notify(
                    ngettext(
                        "{count} meeting (the next 8 weeks) saved to {path}.",
                        "{count} meetings (the next 8 weeks) saved to {path}.",
                        form.count,
                    ).format(count=form.count, path=escape(path))
                    + " "
                    + (
                        _("Initials, meeting kinds, times and places only: no names, no notes.")
                        if form.included_place
                        else _(
                            "Initials, meeting kinds and times only: no names, no places, no notes."
                        )
                    ),
                    timeout=10,
                )

        self.app.push_screen(form, saved)
