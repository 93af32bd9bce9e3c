"""A list of one kind of a citizen's records (course history, logbook, meetings, ...)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import overview as domain
from ..enums import (
    Attendance,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    PlacementKind,
    SubGoalStatus,
)
from ..format import show_date, show_datetime, show_hours
from ..i18n import _
from ..widgets.markup import escape


def _record_table(kind: str, citizen_id: int, today) -> tuple[str, list[str], list[tuple]]:
    if kind == "sub_goals":
        rows = [
            (
                g.title,
                SubGoalStatus(g.status).label,
                "" if g.latest_score is None else f"{g.latest_score} + {10 - g.latest_score}",
                show_date(g.latest_scored_on),
                str(g.score_count),
                show_date(g.target_date),
            )
            for g in domain.sub_goal_summaries(citizen_id)
        ]
        return (
            _("Sub-goals"),
            [
                _("Sub-goal"),
                _("Status"),
                _("Score (citizen + mentor)"),
                _("Last scored"),
                _("Scores"),
                _("Target"),
            ],
            rows,
        )
    if kind == "logbook":
        rows = [
            (
                show_date(e.entry_date),
                e.workplace,
                Attendance(e.attendance).label,
                show_hours(e.hours_planned),
                show_hours(e.hours_worked),
                e.left_early_reason if e.left_early else "",
                e.tasks,
            )
            for e in domain.logbook_of(citizen_id, limit=1000)
        ]
        return (
            _("Logbook"),
            [
                _("Date"),
                _("Workplace"),
                _("Attendance"),
                _("Planned h"),
                _("Worked h"),
                _("Left early"),
                _("Tasks"),
            ],
            rows,
        )
    if kind == "meetings":
        rows = [
            (
                show_datetime(m.starts_at),
                MeetingKind(m.kind).label,
                MeetingStatus(m.status).label,
                m.place,
                m.decisions.replace("\n", " "),
            )
            for m in domain.meetings_of(citizen_id)
        ]
        return _("Meetings"), [_("When"), _("Kind"), _("Status"), _("Place"), _("Decisions")], rows
    if kind == "placements":
        rows = []
        for p in domain.placements_of(citizen_id):
            step = p.step_on(today)
            steps = " → ".join(show_hours(s.hours_per_week) for s in p.hours_steps)
            rows.append(
                (
                    p.workplace,
                    PlacementKind(p.kind).label,
                    show_date(p.start_date),
                    show_date(p.end_date),
                    show_hours(step.hours_per_week) if step else "",
                    steps,
                )
            )
        return (
            _("Placements"),
            [_("Workplace"), _("Kind"), _("From"), _("To"), _("Hours now"), _("Hours steps")],
            rows,
        )
    from ..domain.courses import courses_of

    rows = [
        (
            CoursePurpose(c.purpose).label,
            show_date(c.referral_date),
            show_date(c.start_date),
            show_date(c.current_end),
            str(len(c.extensions)),
            show_date(c.end_date),
            CourseOutcome(c.outcome).label if c.outcome else _("running"),
        )
        for c in courses_of(citizen_id)
    ]
    return (
        _("Course history"),
        [
            _("Purpose"),
            _("Referred"),
            _("Started"),
            _("Planned end"),
            _("Extensions"),
            _("Ended"),
            _("Outcome"),
        ],
        rows,
    )


RECORD_KINDS = {
    "sub_goals": _("Sub-goals"),
    "logbook": _("Logbook"),
    "meetings": _("Meetings"),
    "placements": _("Placements"),
    "courses": _("Course history"),
    "job_search": _("Job search"),
}


class RecordsScreen(Screen):
    """A list of one kind of the citizen's records (the full views come later)."""

    CSS_PATH = "citizen.tcss"
    BINDINGS = keys.bindings("records")

    def __init__(self, citizen_id: int, name: str, kind: str) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.citizen_name = name
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="records-title")
        yield DataTable(id="records", cursor_type="row", zebra_stripes=True)
        yield Static(id="records-empty")
        yield Footer()

    def on_mount(self) -> None:
        title, columns, rows = _record_table(self.kind, self.citizen_id, self.app.today)
        self.title_text = title
        self.query_one("#records-title", Static).update(
            f"[b]{escape(self.citizen_name)}[/b] · {title} ({len(rows)})"
        )
        table = self.query_one(DataTable)
        table.add_columns(*columns)
        table.add_rows(rows)
        self.query_one("#records-empty", Static).update(
            "" if rows else _("[dim]Nothing recorded yet.[/]")
        )
        table.focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.show_help(self, self.title_text)
