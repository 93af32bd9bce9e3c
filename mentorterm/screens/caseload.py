"""The caseload: the home screen, one row per active citizen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ..domain.caseload import CaseloadRow, caseload
from ..enums import CoursePurpose
from ..format import show_date, show_hours, show_percent
from ..i18n import _


def _cells(row: CaseloadRow) -> tuple[str, ...]:
    week = row.week_of_course
    since = row.days_since_meeting
    since_text = "" if since is None else str(since)
    if row.meeting_overdue:
        since_text = f"[b red]{since_text or '–'}[/]"
    return (
        row.name,
        CoursePurpose(row.purpose).label if row.purpose else "",
        f"{week[0]}/{week[1]}" if week else "",
        "" if row.weeks_left is None else str(row.weeks_left),
        since_text,
        show_date(row.next_meeting),
        show_percent(row.attendance_rate),
        str(row.open_action_items or ""),
        (f"{row.workplace} ({show_hours(row.hours_per_week)} h)" if row.workplace else ""),
    )


class CaseloadScreen(Screen):
    """Who needs attention today, at a glance."""

    CSS_PATH = "caseload.tcss"
    BINDINGS = [
        Binding("q", "app.quit", _("Quit")),
        Binding("r", "refresh_caseload", _("Refresh")),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="body"):
            yield Static(id="empty")
            yield DataTable(id="caseload", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(
            _("Citizen"), _("Purpose"), _("Week"), _("Weeks left"), _("Days since meeting"),
            _("Next meeting"), _("Attendance 14 d"), _("Open items"), _("Placement"),
        )
        self.action_refresh_caseload()

    def action_refresh_caseload(self) -> None:
        rows = caseload(today=self.app.today)
        table = self.query_one(DataTable)
        table.clear()
        for row in rows:
            table.add_row(*_cells(row), key=str(row.citizen_id))
        empty = self.query_one("#empty", Static)
        empty.display = not rows
        table.display = bool(rows)
        if not rows:
            empty.update(_(
                "[b]Welcome to mentorterm.[/b]\n\nNo citizens yet.\n\n"
                "To try it out with a fictional caseload, quit (q) and run:\n"
                "    mentorterm demo"
            ))
        else:
            table.focus()
