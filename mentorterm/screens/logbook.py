"""A placement's daily logbook, entered fast with single keys."""

from __future__ import annotations

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ..domain import logbook as domain
from ..domain.placements import placement_view
from ..domain.statistics import PeriodChoice, period_bounds, period_stats
from ..enums import Attendance, Author
from ..format import show_date, show_hours, show_percent
from ..i18n import _
from ..schemas import LogbookEntryIn
from .forms import ConfirmScreen, FieldSpec, FormScreen
from .guard import safely
from .lists import BACK_AND_HELP, RecordListScreen


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
        data.update(attendance=Attendance.PRESENT, left_early=True, absence_reason="")
        return data

    def submit(self, data: LogbookEntryIn) -> bool:
        domain.update_entry(self.entry_id, data)
        return True


class ReasonForm(FormScreen[bool]):
    """Why the citizen was away on a day already marked sick or absent."""

    TITLE = _("Reason for the absence")
    MODEL = LogbookEntryIn
    FIELDS = [FieldSpec("absence_reason", _("Why?"), required=True,
                        hint=_("In the citizen's words, e.g. migraine, child ill, dentist"))]

    def __init__(self, entry_id: int) -> None:
        self.entry_id = entry_id
        self.current = domain.entry_input(entry_id)
        super().__init__({"absence_reason": self.current.absence_reason},
                         _("Why was the citizen away on {day}? ({kind})").format(
                             day=show_date(self.current.entry_date),
                             kind=self.current.attendance.label))

    def model_data(self, values):
        data = self.current.model_dump()
        data.update(super().model_data(values))
        return data

    def submit(self, data: LogbookEntryIn) -> bool:
        domain.update_entry(self.entry_id, data)
        return True


class LogbookEntryForm(FormScreen[int]):
    """Every field of a logbook day: a new day of the mentor's choosing, or an edit."""

    TITLE = _("Logbook day")
    MODEL = LogbookEntryIn
    FIELDS = [
        FieldSpec("entry_date", _("Day"), "date", required=True),
        FieldSpec("attendance", _("Attendance"), "select", options=Attendance.choices(),
                  required=True),
        FieldSpec("hours_planned", _("Hours planned"), "number"),
        FieldSpec("hours_worked", _("Hours worked"), "number"),
        FieldSpec("absence_reason", _("Reason for the absence"),
                  hint=_("Only for a day away: sick, with or without notice")),
        FieldSpec("left_early", _("Left early"), "bool"),
        FieldSpec("left_early_reason", _("Why did they leave early?")),
        FieldSpec("tasks", _("Tasks"), "area"),
        FieldSpec("breaks", _("Breaks")),
        FieldSpec("energy", _("Energy (1-10)"), "number"),
        FieldSpec("pain", _("Pain (1-10)"), "number"),
        FieldSpec("life_after_work", _("Life after work"), "area",
                  hint=_("How the rest of the day went: rest, family, sleep")),
        FieldSpec("notes", _("Notes"), "area"),
        FieldSpec("written_by", _("Written by"), "select", options=Author.choices(),
                  required=True),
    ]

    def __init__(self, placement_id: int, entry_id: int | None = None,
                 initial: dict | None = None) -> None:
        self.placement_id = placement_id
        self.entry_id = entry_id
        title = (_("Edit the logbook day {day}").format(day=show_date(initial["entry_date"]))
                 if entry_id is not None and initial else _("New logbook day"))
        super().__init__(initial, title)

    def submit(self, data: LogbookEntryIn) -> int:
        if self.entry_id is None:
            return domain.add_entry(self.placement_id, data)
        domain.update_entry(self.entry_id, data)
        return self.entry_id


def day_detail(e: domain.LogbookEntryView) -> str:
    """Everything written about one day, under the list."""
    head = f"[b]{domain.weekday_name(e.entry_date)} {show_date(e.entry_date)}[/b] · " + (
        e.attendance.label if not e.left_early else _("Left early"))
    if e.attendance == Attendance.PRESENT:
        head += " · " + _("{worked} of {planned} h").format(
            worked=show_hours(e.hours_worked) or "0", planned=show_hours(e.hours_planned) or "0")
    head += " · " + _("written by {who}").format(who=e.written_by.label)
    lines = [head]
    reason = e.absence_reason if e.attendance != Attendance.PRESENT else e.left_early_reason
    if e.attendance != Attendance.PRESENT or e.left_early:
        lines.append(_("Reason: {reason}").format(reason=escape(reason)) if reason
                     else _("[dim]No reason written: press [b]r[/b] to add it.[/]"))
    body = [(_("Tasks"), e.tasks), (_("Breaks"), e.breaks),
            (_("Life after work"), e.life_after_work), (_("Notes"), e.notes)]
    lines += [f"{label}: {escape(' '.join(text.split()))}" for label, text in body if text]
    felt = [f"{label} {value}/10" for label, value in ((_("energy"), e.energy),
                                                      (_("pain"), e.pain)) if value]
    if felt:
        lines.append(" · ".join(felt))
    return "\n".join(lines)


class LogbookScreen(RecordListScreen):
    """One row per day. `a` adds the next scheduled day as present with the
    planned hours; a single key then changes the attendance of the day in focus."""

    DEFAULT_CSS = """
    LogbookScreen #logbook-title { padding: 0 1; background: $boost; }
    LogbookScreen #logbook { height: 1fr; }
    LogbookScreen #logbook-stats { height: auto; padding: 0 1;
                                   border-top: solid $primary-background-lighten-2; }
    LogbookScreen #day-detail { height: auto; max-height: 6; padding: 0 1; }
    """
    BINDINGS = [
        Binding("a", "add", _("Next day")),
        Binding("p", "mark('present')", _("Present")),
        Binding("s", "mark('sick')", _("Sick")),
        Binding("n", "mark('absent_with_notice')", _("Notice"), show=False),
        Binding("u", "mark('absent_without_notice')", _("No notice")),
        Binding("l", "left_early", _("Left early"), show=False),
        Binding("r", "reason", _("Reason"), show=False),
        Binding("e", "edit", _("Edit day"), show=False),
        Binding("A", "add_day", _("Add a chosen day"), show=False),
        Binding("t", "statistics", _("Stats"), show=False),
        Binding("delete", "delete", _("Delete day"), show=False),
        *BACK_AND_HELP,
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
        yield Static(id="day-detail")
        yield Static(id="logbook-stats")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("Day"), _("Attendance"), _("Planned h"), _("Worked h"), _("Reason"),
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
                          _("Left early") if e.left_early else e.attendance.label,
                          show_hours(e.hours_planned),
                          show_hours(e.hours_worked),
                          e.left_early_reason if e.left_early else e.absence_reason, e.tasks,
                          key=str(e.id))
        if select_id is not None:
            keep = next((i for i, e in enumerate(self.rows) if e.id == select_id), 0)
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        placement = placement_view(self.placement_id)
        step = placement.step_on(today)
        now = _(" · now {hours} h a week").format(hours=show_hours(step.hours_per_week)) + (
            f" ({escape(step.schedule)})" if step.schedule else "") if step else ""
        self.query_one("#logbook-title", Static).update(
            _("[b]{title}[/b] · logbook ({count} days)").format(
                title=escape(self.title_text), count=len(self.rows)) + now)
        start, end = period_bounds(PeriodChoice.LAST_4_WEEKS, placement, today)
        stats = period_stats(self.placement_id, start, end, today)
        self.query_one("#logbook-stats", Static).update(_(
            "Last 4 weeks ({start} – {end}): attendance {rate} · hours {worked} of {planned} · "
            "sick {sick} · no notice {without} · left early {early}").format(
            start=show_date(start), end=show_date(end), rate=show_percent(stats.attendance_rate)
            or "–", worked=show_hours(stats.hours_worked) or "0",
            planned=show_hours(stats.hours_planned) or "0", sick=stats.sick_days,
            without=stats.absent_without_notice, early=stats.left_early)
            + "  " + _("[dim](t: statistics)[/]"))
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_edit()  # enter on a day opens it

    def show_detail(self) -> None:
        entry = self.current()
        box = self.query_one("#day-detail", Static)
        if entry is None:
            box.update(_("No days yet. Press [b]a[/b] to add the next working day, "
                         "or [b]A[/b] to add a day of your choice."))
        else:
            box.update(day_detail(entry))


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
        # Away to away keeps the reason (sick → with notice, say); present clears it.
        data.update(attendance=attendance, left_early=False, left_early_reason="",
                    hours_worked=data["hours_planned"] if present else 0,
                    absence_reason="" if present else data["absence_reason"])
        domain.update_entry(entry.id, LogbookEntryIn(**data))
        self.load(select_id=entry.id)
        if not present and not data["absence_reason"]:
            self.notify(_("{kind} on {day}. Press r to write the reason.").format(
                kind=Attendance(attendance).label, day=show_date(entry.entry_date)))

    def action_reason(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if entry.attendance != Attendance.PRESENT:
            self.app.push_screen(ReasonForm(entry.id))
        elif entry.left_early:
            self.app.push_screen(LeftEarlyForm(entry.id))
        else:
            self.notify(_("The citizen was at work that day. Press l if they left early."))

    def action_edit(self) -> None:
        entry = self.current()
        if entry is not None:
            initial = domain.entry_input(entry.id).model_dump()
            self.app.push_screen(LogbookEntryForm(self.placement_id, entry.id, initial),
                                 lambda saved: saved and self.load(select_id=saved))

    def action_add_day(self) -> None:
        draft = domain.draft_for_next_day(self.placement_id, self.app.today)
        initial = draft.model_dump() if draft else {
            "entry_date": self.app.today, "attendance": Attendance.PRESENT}
        self.app.push_screen(LogbookEntryForm(self.placement_id, None, initial),
                             lambda made: made and self.load(select_id=made))

    def action_statistics(self) -> None:
        from .statistics import StatisticsScreen

        self.app.push_screen(StatisticsScreen(self.placement_id, self.title_text))

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

