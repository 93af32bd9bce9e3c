"""The plain facts the year's figures are counted from: one ``CourseFact`` per course.

Pure data (no database): ``load.py`` reads them, ``compute.py`` counts them,
and a test builds them by hand.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ..statistics import LoggedDay


class WorkSpell(NamedTuple):
    """A work placement (paid hours / small job, wage subsidy, flexjob, job) of the citizen."""

    start: date
    end: date | None
    kind: str = "ordinary_job"  # a PlacementKind value (``is_work``)

    def runs_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


class CourseFact(NamedTuple):
    course_id: int
    citizen_id: int
    citizen_name: str
    mentor_id: int
    mentor_name: str
    start: date
    ended_on: date | None  # the day it ended; None while it runs
    outcome: str | None  # a CourseOutcome value once ended
    purpose: str  # a CoursePurpose value
    programme: str
    extensions: tuple[date, ...] = ()  # the days extensions were decided
    # (day in force, hours a week) of every hours step of the course's placements.
    hours_steps: tuple[tuple[date, float], ...] = ()
    # The logbook days of the course's placements (every day; the period is cut later).
    days: tuple[LoggedDay, ...] = ()
    # Days the citizen had an aftercare follow-up held (any course).
    aftercare_held: tuple[date, ...] = ()
    # The citizen's work placements (any course): aftercare asks if one still runs.
    work: tuple[WorkSpell, ...] = ()
    # The citizen's group sessions with the roll called on the course's days (schema 10).
    sessions: tuple = ()  # sessions.SessionDay
    # (day held, AftercareSituation value) of the citizen's aftercare follow-ups
    # held with where the citizen stood recorded (schema 12; any course).
    aftercare_situations: tuple[tuple[date, str], ...] = ()

    def runs_in(self, start: date, end: date) -> bool:
        """Running on at least one day from ``start`` to ``end``."""
        return self.start <= end and (self.ended_on is None or self.ended_on >= start)
