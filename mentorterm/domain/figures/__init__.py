"""The year's figures for the experience report (erfaringsopsamling).

``year_figures(start, end)`` counts the courses running in the period (how
many started, ran and ended, how they ended, purpose and programme, length
and extensions, aftercare, hours a week reached, attendance), for all of them
and per mentor or programme; ``counted(result, row, group)`` lists the
courses one figure counted. ``export`` writes them as text, CSV, JSON or a
spreadsheet. The rooms: facts (plain data), load (the database), compute
(pure counting), export (files).
"""

from __future__ import annotations

from datetime import date

from ...enums import AftercareSituation, CourseOutcome, CoursePurpose
from ...format import show_date
from ...i18n import N_, _
from ..audit import viewed
from ..views import View
from .compute import (
    ALL,
    BY_CHOICES,
    Cell,
    FigureRow,
    FiguresTable,
    Group,
    check_period,
    compute,
    recorded_situation,
)
from .facts import CourseFact
from .load import course_facts

__all__ = [
    "ALL",
    "BY_CHOICES",
    "Cell",
    "CountedCourse",
    "FigureRow",
    "FiguresTable",
    "Group",
    "YearFigures",
    "counted",
    "log_listed",
    "year_figures",
]


class CountedCourse(View):
    """One course as a figure's list shows it."""

    course_id: int
    citizen_id: int
    citizen_name: str
    mentor_name: str
    start: date
    ended_on: date | None
    outcome: str | None
    purpose: str
    programme: str
    # Schema 12: where the citizen stood, recorded at aftercare by the period's
    # end (the day, an AftercareSituation value); None: the placements decide.
    aftercare_day: date | None = None
    aftercare_situation: str | None = None

    @property
    def aftercare_label(self) -> str:
        """Where the citizen stood as recorded at aftercare ("": not recorded)."""
        if self.aftercare_situation is None:
            return ""
        return AftercareSituation(self.aftercare_situation).label

    @property
    def aftercare_text(self) -> str:
        """How the aftercare day was decided for this course, in words."""
        if self.aftercare_situation is None:
            return _("at aftercare: nothing recorded (the placements running that day count)")
        return _("at aftercare: {situation} (recorded {day})").format(
            situation=AftercareSituation(self.aftercare_situation).label,
            day=show_date(self.aftercare_day),
        )

    @property
    def outcome_label(self) -> str:
        return CourseOutcome(self.outcome).label if self.outcome else ""

    @property
    def purpose_label(self) -> str:
        return CoursePurpose(self.purpose).label


class YearFigures(View):
    table: FiguresTable
    courses: dict[int, CountedCourse]  # every course in the period, by id


def _line(f: CourseFact, end: date) -> CountedCourse:
    recorded = recorded_situation(f, end)
    return CountedCourse(
        aftercare_day=None if recorded is None else recorded[0],
        aftercare_situation=None if recorded is None else recorded[1].value,
        course_id=f.course_id,
        citizen_id=f.citizen_id,
        citizen_name=f.citizen_name,
        mentor_name=f.mentor_name,
        start=f.start,
        ended_on=f.ended_on,
        outcome=f.outcome,
        purpose=f.purpose,
        programme=f.programme,
    )


def year_figures(
    start: date,
    end: date,
    *,
    today: date | None = None,
    by: str | None = None,
    aftercare_days: int = 90,
) -> YearFigures:
    """The figures of every course in the database running from ``start`` to ``end``."""
    check_period(start, end)
    facts = course_facts(start, end)
    table = compute(
        facts, start, end, today=today or date.today(), by=by, aftercare_days=aftercare_days
    )
    return YearFigures(table=table, courses={f.course_id: _line(f, end) for f in facts})


def counted(result: YearFigures, row: FigureRow, group: int = 0) -> list[CountedCourse]:
    """The courses one figure counted, in one group (0: all), oldest course first."""
    return [result.courses[i] for i in row.cells[group].courses]


def log_listed(courses: list[CountedCourse]) -> None:
    """The audit row for each citizen a figure's list showed by name."""
    viewed(
        (c.citizen_id for c in courses), "figures", N_("the year's figures: the courses counted")
    )
