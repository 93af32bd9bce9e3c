"""How the report's facts read: lines, rows and labels shared by both of its files."""

from __future__ import annotations

from ...enums import Attendance
from ...format import show_date, show_hours, show_percent
from ...i18n import _
from ..statistics import PeriodFigures
from .contact import cadence
from .facts import CourseFact, PlacementFact, SubGoalProgress
from .model import ProgressionReport


def figure_rows(columns: list[PeriodFigures]) -> list[list[str]]:
    """Rows of (figure, value per column)."""

    def each(getter) -> list[str]:
        return [getter(f) for f in columns]

    return [
        [_("Days logged"), *each(lambda f: str(f.days_logged))],
        [_("Days present"), *each(lambda f: str(f.days_present))],
        [_("Attendance rate"), *each(lambda f: show_percent(f.attendance_rate) or "–")],
        [_("Hours planned"), *each(lambda f: show_hours(f.hours_planned))],
        [_("Hours worked"), *each(lambda f: show_hours(f.hours_worked))],
        [
            _("Hours worked per week"),
            *each(lambda f: show_hours(f.effective_hours_per_week) or "–"),
        ],
        [
            _("Hours worked of planned, days present"),
            *each(lambda f: show_percent(f.worked_of_planned) or "–"),
        ],
        [Attendance.SICK.label, *each(lambda f: str(f.sick_days))],
        [Attendance.ABSENT_WITH_NOTICE.label, *each(lambda f: str(f.absent_with_notice))],
        [Attendance.ABSENT_WITHOUT_NOTICE.label, *each(lambda f: str(f.absent_without_notice))],
        [_("Left early"), *each(lambda f: str(f.left_early))],
    ]


def _change(goal: SubGoalProgress) -> str:
    if goal.change is None:
        return ""
    return f"{goal.change:+d}"


def score_line(goal: SubGoalProgress) -> str:
    """ "First 6, last 8 (+2); the mentor's part went from 4 to 2." """
    if not goal.scores:
        return _("Not scored in this period.")
    if len(goal.scores) == 1:
        return _("Scored once: {score} (mentor {mentor}).").format(
            score=goal.first, mentor=10 - goal.first
        )
    return _(
        "First {first}, last {last} ({change}); the mentor's part went from {m1} to {m2}."
    ).format(
        first=goal.first,
        last=goal.last,
        change=_change(goal),
        m1=10 - goal.first,
        m2=10 - goal.last,
    )


def status(goal: SubGoalProgress) -> str:
    if goal.status_date is None:
        return goal.status_label
    return f"{goal.status_label} ({show_date(goal.status_date)})"


def step_from(hours: float | None) -> str:
    return "–" if hours is None else show_hours(hours)


def course_lines(course: CourseFact) -> list[tuple[str, str]]:
    lines = [
        (_("Purpose"), course.purpose_label),
        (_("Programme"), course.programme),
        (_("Weekly hours"), course.weekly_hours),
        (_("Referred"), show_date(course.referral_date)),
        (_("Started"), show_date(course.start_date)),
        (_("Planned end"), show_date(course.planned_end)),
    ]
    if course.extensions:
        lines.append((_("Current end"), show_date(course.current_end)))
    if course.end_date is not None:
        lines.append((_("Ended"), f"{show_date(course.end_date)}: {course.outcome_label}"))
    else:
        lines.append((_("Status"), running(course.current_end)))
    lines.append((_("Agreed cadence"), cadence(course.cadence_days)))
    return [(label, value) for label, value in lines if value]


def running(planned_end) -> str:
    if planned_end is None:
        return _("running")
    return _("running (planned end {date})").format(date=show_date(planned_end))


def placement_end(p: PlacementFact) -> str:
    """The End column: the day it ended, or "running (planned end …)"."""
    return running(p.end_date) if p.running else show_date(p.end_date)


def period(report: ProgressionReport) -> str:
    return f"{show_date(report.start)} – {show_date(report.end)}"


def cover(report: ProgressionReport) -> list[tuple[str, str]]:
    """The cover's facts: whom it is about, the period, when and by whom."""
    lines = [
        (_("Citizen"), report.citizen_name),
        (_("Period"), period(report)),
        (_("Written on"), show_date(report.written_on)),
    ]
    if report.mentor_name:
        lines.append((_("Mentor"), report.mentor_name))
    if report.organisation:
        lines.append((_("Organisation"), report.organisation))
    return lines
