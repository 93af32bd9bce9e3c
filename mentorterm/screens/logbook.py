"""A placement's daily logbook, entered fast with single keys.

Its forms live in logbook_forms and are re-exported here.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import logbook as domain
from ..domain.placements import placement_view
from ..domain.statistics import PeriodChoice, period_bounds, period_stats
from ..enums import Attendance
from ..format import show_date, show_hours, show_percent, show_weekday_short
from ..i18n import N_, _, ngettext
from ..schemas import LogbookEntryIn
from ..widgets.confirm import confirm_then
from ..widgets.guard import safely
from ..widgets.lists import RecordListScreen
from ..widgets.markup import escape
from .logbook_forms import (
    LeftEarlyForm as LeftEarlyForm,
)
from .logbook_forms import (
    LogbookEntryForm as LogbookEntryForm,
)
from .logbook_forms import (
    ReasonForm as ReasonForm,
)
from .logbook_forms import (
    author_label as author_label,
)
from .logbook_forms import (
    mentor_name as mentor_name,
)


def day_detail(e: domain.LogbookEntryView, mentor: str = "") -> str:
    """Everything written about one day, under the list."""
    head = f"[b]{domain.weekday_name(e.entry_date)} {show_date(e.entry_date)}[/b] · " + (
        e.attendance.label if not e.left_early else _("Left early")
    )
    if e.attendance == Attendance.PRESENT:
        head += " · " + _("{worked} of {planned} h").format(
            worked=show_hours(e.hours_worked) or "0", planned=show_hours(e.hours_planned) or "0"
        )
    head += " · " + _("written by {who}").format(who=escape(author_label(e.written_by, mentor)))
    lines = [head]
    reason = e.absence_reason if e.attendance != Attendance.PRESENT else e.left_early_reason
    if e.attendance != Attendance.PRESENT or e.left_early:
        lines.append(
            _("Reason: {reason}").format(reason=escape(reason))
            if reason
            else _("[dim]No reason written: press [b]r[/b] to add it.[/]")
        )
    body = [
        (_("Tasks"), e.tasks),
        (_("Breaks"), e.breaks),
        (_("Life after work"), e.life_after_work),
        (_("Notes"), e.notes),
    ]
    lines += [f"{label}: {escape(' '.join(text.split()))}" for label, text in body if text]
    felt = [
        f"{label} {value}/10"
        for label, value in ((_("energy"), e.energy), (_("pain"), e.pain))
        if value
    ]
    if felt:
        lines.append(" · ".join(felt))
    return "\n".join(lines)


class LogbookScreen(RecordListScreen):
    """One row per day. `a` adds the next scheduled day as present with the
    planned hours; a digit then changes the attendance of the day in focus
    (1 present, 2 sick, 3 with notice, 4 without), which `u` undoes."""

    CSS_PATH = "logbook.tcss"
    BINDINGS = keys.bindings("logbook")

    HELP_TITLE = _("Logbook")

    def __init__(self, placement_id: int, title: str) -> None:
        super().__init__()
        self.placement_id = placement_id
        self.title_text = title
        # The last attendance marked here, to undo: (entry id, the day as it was).
        self.undo_mark: tuple[int, LogbookEntryIn] | None = None
        self._undo_notice = ""  # the "— u undoes" message on screen
        self.mentor = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="logbook-title", classes="screen-title")
        yield DataTable(id="logbook", cursor_type="row", zebra_stripes=True)
        yield Static(id="day-detail")
        yield Static(id="logbook-stats")
        # Compact: the four attendance keys, back and help fit 80 columns.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("Day"), _("Attendance"), _("Planned h"), _("Worked h"), _("Reason"), _("Tasks")
        )
        self.mentor = mentor_name()
        self.load()

    @safely
    def load(self, select_id: int | None = None) -> None:
        today = self.app.today
        self.rows = list(reversed(domain.entries(self.placement_id)))
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for e in self.rows:
            table.add_row(
                f"{show_weekday_short(e.entry_date)} {show_date(e.entry_date)}",
                _("Left early") if e.left_early else e.attendance.label,
                show_hours(e.hours_planned),
                show_hours(e.hours_worked),
                e.left_early_reason if e.left_early else e.absence_reason,
                e.tasks,
                key=str(e.id),
            )
        if select_id is not None:
            keep = next((i for i, e in enumerate(self.rows) if e.id == select_id), 0)
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        placement = placement_view(self.placement_id)
        step = placement.step_on(today)
        now = (
            _(" · now {hours} h a week").format(hours=show_hours(step.hours_per_week))
            + (f" ({escape(step.schedule)})" if step.schedule else "")
            if step
            else ""
        )
        self.query_one("#logbook-title", Static).update(
            ngettext(
                "[b]{title}[/b] · logbook ({count} day)",
                "[b]{title}[/b] · logbook ({count} days)",
                len(self.rows),
            ).format(title=escape(self.title_text), count=len(self.rows))
            + now
        )
        start, end = period_bounds(PeriodChoice.LAST_4_WEEKS, placement, today)
        stats = period_stats(self.placement_id, start, end, today)
        self.query_one("#logbook-stats", Static).update(
            _(
                "Last 4 weeks ({start} – {end}): attendance {rate} · hours {worked} of {planned} · "
                "sick {sick} · no notice {without} · left early {early}"
            ).format(
                start=show_date(start),
                end=show_date(end),
                rate=show_percent(stats.attendance_rate) or "–",
                worked=show_hours(stats.hours_worked) or "0",
                planned=show_hours(stats.hours_planned) or "0",
                sick=stats.sick_days,
                without=stats.absent_without_notice,
                early=stats.left_early,
            )
            + "  "
            + _("[dim](t: statistics)[/]")
        )
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
            box.update(
                _(
                    "No days yet. Press [b]a[/b] to add the next working day, "
                    "or [b]A[/b] to add a day of your choice."
                )
            )
        else:
            box.update(day_detail(entry, self.mentor))

    @safely
    def action_add(self) -> None:
        self.forget_undo()
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
        kind = Attendance(attendance)
        before = domain.mark_attendance(entry.id, kind)
        day = f"{show_weekday_short(entry.entry_date)} {show_date(entry.entry_date)}"
        if before is None:
            self.notify(
                _("{day} is already marked {kind}.").format(day=day, kind=kind.label.lower())
            )
            return
        self.undo_mark = (entry.id, before)
        self.load(select_id=entry.id)
        message = _("Marked {kind}: {day} — u undoes").format(kind=kind.label.lower(), day=day)
        if kind != Attendance.PRESENT and not before.absence_reason:
            message += "\n" + _("r writes the reason.")
        self.withdraw_undo_notice()
        self.notify(message, timeout=8)
        self._undo_notice = message

    def forget_undo(self) -> None:
        """Another change comes: u no longer takes back the last mark."""
        self.undo_mark = None
        self.withdraw_undo_notice()

    def withdraw_undo_notice(self) -> None:
        # An offer to undo that no longer holds must not stay on screen.
        for notice in list(self.app._notifications):
            if notice.message == self._undo_notice:
                self.app._unnotify(notice)
        self._undo_notice = ""

    @safely
    def action_undo(self) -> None:
        """u: the day whose attendance was last marked here, back exactly as it was."""
        if self.undo_mark is None:
            self.notify(
                _("Nothing to undo here: u takes back the last attendance marked with 1-4.")
            )
            return
        entry_id, before = self.undo_mark
        self.undo_mark = None
        domain.update_entry(entry_id, before, purpose=N_("undone"))
        self.withdraw_undo_notice()
        self.load(select_id=entry_id)
        self.notify(
            _("Undone: {day} is {kind} again.").format(
                day=show_date(before.entry_date), kind=before.attendance.label.lower()
            )
        )

    def action_reason(self) -> None:
        self.forget_undo()  # u must not throw away what is written next
        entry = self.current()
        if entry is None:
            return
        if entry.attendance != Attendance.PRESENT:
            self.app.push_screen(ReasonForm(entry.id))
        elif entry.left_early:
            self.app.push_screen(LeftEarlyForm(entry.id))
        else:
            self.notify(_("The citizen was at work that day. Press 5 if they left early."))

    def action_edit(self) -> None:
        self.forget_undo()
        entry = self.current()
        if entry is not None:
            initial = domain.entry_input(entry.id).model_dump()
            self.app.push_screen(
                LogbookEntryForm(self.placement_id, entry.id, initial),
                lambda saved: saved and self.load(select_id=saved),
            )

    @safely
    def action_add_day(self) -> None:
        self.forget_undo()
        draft = domain.draft_for_next_day(self.placement_id, self.app.today)
        initial = (
            draft.model_dump()
            if draft
            else {
                "entry_date": self.app.today,
                "attendance": Attendance.PRESENT,
                "written_by": domain.usual_author(self.placement_id),
            }
        )
        self.app.push_screen(
            LogbookEntryForm(self.placement_id, None, initial),
            lambda made: made and self.load(select_id=made),
        )

    def action_statistics(self) -> None:
        from .statistics import StatisticsScreen

        self.app.push_screen(StatisticsScreen(self.placement_id, self.title_text))

    def action_left_early(self) -> None:
        self.forget_undo()
        entry = self.current()
        if entry is not None:
            self.app.push_screen(LeftEarlyForm(entry.id))

    def action_delete(self) -> None:
        self.forget_undo()
        entry = self.current()
        if entry is None:
            return

        def delete() -> None:
            domain.delete_entry(entry.id)
            self.load()

        confirm_then(
            self, _("Delete the logbook day {day}?").format(day=show_date(entry.entry_date)), delete
        )
