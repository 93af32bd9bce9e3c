"""A placement's daily logbook, entered fast with single keys."""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ..domain import logbook as domain
from ..domain.placements import placement_view
from ..domain.statistics import PeriodChoice, period_bounds, period_stats
from ..enums import Attendance
from ..format import show_date, show_hours, show_percent
from ..i18n import _
from ..schemas import LogbookEntryIn
from .forms import ConfirmScreen, FieldSpec, FormScreen
from .guard import safely
from .lists import RecordListScreen


class LeftEarlyForm(FormScreen[bool]):
    """The citizen came but went home early: why, and how many hours were worked."""

    TITLE = _("Left early")
    MODEL = LogbookEntryIn
    FIELDS = [
        FieldSpec("left_early_reason", _("Why?"), required=True),
        FieldSpec("hours_worked", _("Hours worked"), "number", required=True),
    ]

    def __init__(self, entry_id: int) -> None:
        self.entry_id = entry_id
        self.current = domain.entry_input(entry_id)
        super().__init__({"hours_worked": self.current.hours_worked / 2
                          if self.current.hours_worked else 0})

    def model_data(self, values):
        data = self.current.model_dump()
        data.update(super().model_data(values))
        data.update(attendance=Attendance.PRESENT, left_early=True)
        return data

    def submit(self, data: LogbookEntryIn) -> bool:
        domain.update_entry(self.entry_id, data)
        return True


class LogbookScreen(RecordListScreen):
    """One row per day. `a` adds the next scheduled day as present with the
    planned hours; a single key then changes the attendance of the day in focus."""

    DEFAULT_CSS = """
    LogbookScreen #logbook-title { padding: 0 1; background: $boost; }
    LogbookScreen #logbook { height: 1fr; }
    LogbookScreen #logbook-stats { height: auto; padding: 0 1;
                                   border-top: solid $primary-background-lighten-2; }
    """
    BINDINGS = [
        Binding("a", "add", _("Add next day")),
        Binding("p", "mark('present')", _("Present")),
        Binding("s", "mark('sick')", _("Sick")),
        Binding("n", "mark('absent_with_notice')", _("With notice")),
        Binding("u", "mark('absent_without_notice')", _("No notice")),
        Binding("l", "left_early", _("Left early")),
        Binding("delete", "delete", _("Delete day"), show=False),
        Binding("escape", "back", _("Back")),
        Binding("question_mark", "help", _("Help"), key_display="?"),
    ]

    HELP_TITLE = _("Logbook")

    def __init__(self, placement_id: int, title: str) -> None:
        super().__init__()
        self.placement_id = placement_id
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="logbook-title")
        yield DataTable(id="logbook", cursor_type="row", zebra_stripes=True)
        yield Static(id="logbook-stats")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("Day"), _("Attendance"), _("Planned h"), _("Worked h"), _("Left early"),
            _("Tasks"))
        self.load()


    @safely
    def load(self, select_id: int | None = None) -> None:
        today = self.app.today
        self.rows = list(reversed(domain.entries(self.placement_id)))
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for e in self.rows:
            table.add_row(f"{domain.weekday_name(e.entry_date)[:3]} {show_date(e.entry_date)}",
                          e.attendance.label, show_hours(e.hours_planned),
                          show_hours(e.hours_worked),
                          e.left_early_reason if e.left_early else "", e.tasks,
                          key=str(e.id))
        if select_id is not None:
            keep = next((i for i, e in enumerate(self.rows) if e.id == select_id), 0)
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        self.query_one("#logbook-title", Static).update(
            _("[b]{title}[/b] · logbook ({count} days)").format(
                title=escape(self.title_text), count=len(self.rows)))
        start, end = period_bounds(PeriodChoice.LAST_4_WEEKS,
                                   placement_view(self.placement_id), today)
        stats = period_stats(self.placement_id, start, end, today)
        self.query_one("#logbook-stats", Static).update(_(
            "Last 4 weeks ({start} – {end}): attendance {rate} · hours {worked} of {planned} · "
            "sick {sick} · no notice {without} · left early {early}").format(
            start=show_date(start), end=show_date(end), rate=show_percent(stats.attendance_rate)
            or "–", worked=show_hours(stats.hours_worked) or "0",
            planned=show_hours(stats.hours_planned) or "0", sick=stats.sick_days,
            without=stats.absent_without_notice, early=stats.left_early))


    @safely
    def action_add(self) -> None:
        draft = domain.draft_for_next_day(self.placement_id, self.app.today)
        if draft is None:
            self.notify(_("Every scheduled day up to today is in the logbook."))
            return
        entry_id = domain.add_entry(self.placement_id, draft)
        self.load(select_id=entry_id)

    @safely
    def action_mark(self, attendance: str) -> None:
        entry = self.current()
        if entry is None:
            return
        data = domain.entry_input(entry.id).model_dump()
        present = attendance == "present"
        data.update(attendance=attendance, left_early=False, left_early_reason="",
                    hours_worked=data["hours_planned"] if present else 0)
        domain.update_entry(entry.id, LogbookEntryIn(**data))
        self.load(select_id=entry.id)

    def action_left_early(self) -> None:
        entry = self.current()
        if entry is not None:
            self.app.push_screen(LeftEarlyForm(entry.id))

    def action_delete(self) -> None:
        entry = self.current()
        if entry is None:
            return

        @safely
        def answered(screen, yes: bool | None) -> None:
            if yes:
                domain.delete_entry(entry.id)
                self.load()

        self.app.push_screen(
            ConfirmScreen(_("Delete the logbook day {day}?").format(
                day=show_date(entry.entry_date)), yes=_("Delete"), no=_("Keep it")),
            lambda yes: answered(self, yes))

