"""The one builder: writes personas through the domain, one citizen at a time.

Every record goes through the same domain function (and input model) as the
mentor's own typing, so the demo obeys every rule the app enforces. History
is written with the clock held at the moment it happened (``clock.stopped_at``):
a record is made when the demo's story says so, and corrected, ended or
scored later at those later moments.
"""

from __future__ import annotations

import random
from datetime import date, datetime

from ..clock import stopped_at
from ..domain import citizens, courses, placements
from ..schemas import (
    CitizenIn,
    CourseEndIn,
    CourseExtensionIn,
    CourseIn,
    HoursStepIn,
    PlacementEndIn,
    PlacementIn,
)
from .days import _days, _first_name, _schedule_text, _stamp, _week_hours
from .goals import GoalWriter
from .jobsearch import write_job_search
from .logbook import LogbookWriter
from .meeting_rows import MeetingWriter
from .meetings import MeetingPlanner
from .notes import _Day
from .plans import CoursePlan, Persona, PlacementPlan


class _Builder(LogbookWriter, MeetingPlanner, MeetingWriter, GoalWriter):
    """Writes personas through the domain (``add_persona`` sets the current
    citizen's id, name and interpreter language for the helpers)."""

    def __init__(self, rng: random.Random, today: date, mentor: tuple[int, str]):
        self.rng = rng
        self.today = today
        self.mentor_id, self.mentor_name = mentor
        self.citizen_ids: list[int] = []  # in the order of the personas
        self.sites: dict[str, int] = {}  # the register's workplaces by name (demo/workplaces)

    def _at(self, moment: datetime):
        """Hold the clock at ``moment`` for the writes inside the block."""
        return stopped_at(moment)

    # -- one persona ------------------------------------------------------

    def add_persona(self, persona: Persona) -> None:
        rng = self.rng
        first_course = persona.courses[0]
        last_course = persona.courses[-1]
        data = CitizenIn(**persona.citizen)
        created = _stamp(first_course.referral, 9, rng.randint(0, 59))
        changed = data.archived_on or last_course.referral
        with self._at(created):
            citizen_id = citizens.create_citizen(data, self.mentor_id)
        updated = max(created, _stamp(changed, 9, 30))
        if updated != created:
            with self._at(updated):
                citizens.update_citizen(citizen_id, data)
        self.citizen_id = citizen_id
        self.citizen_ids.append(citizen_id)
        self.persona = persona
        self.name = data.name
        self.first = _first_name(data.name)
        self.interpreter = data.interpreter_language if data.interpreter_needed else ""

        days: dict[int, list[_Day]] = {}  # course index -> logbook days
        placed: list[tuple[int, PlacementPlan, int]] = []  # (course, plan, id)
        course_ids = []
        for index, course in enumerate(persona.courses):
            course_ids.append(self._course(citizen_id, course))
            days[index] = []
            for plan in course.placements:
                placement_id = self._placement(citizen_id, course_ids[-1], plan)
                placed.append((index, plan, placement_id))
                if plan.logbook:
                    days[index].extend(self._logbook(placement_id, plan, persona))
                self._end_placement(placement_id, plan)
            self._end_course(course_ids[-1], course)
        meetings = self._meetings(persona, placed, days)
        self._sub_goals(citizen_id, persona, course_ids, meetings)
        self._action_items(citizen_id, persona, meetings, placed)
        if persona.job_search is not None:
            write_job_search(citizen_id, persona.job_search, self.today)

    # -- courses ----------------------------------------------------------

    def _course(self, citizen_id: int, plan: CoursePlan) -> int:
        data = CourseIn(
            referral_date=plan.referral,
            start_date=plan.start,
            planned_end=plan.planned_end,
            weekly_hours=plan.weekly_hours,
            purpose=plan.purpose,
            programme=plan.programme,
            meeting_cadence_days=plan.cadence,
        )
        with self._at(_stamp(plan.referral, 10, self.rng.randint(0, 59))):
            course_id = courses.start_course(citizen_id, data)
        end = plan.planned_end
        for decided, weeks, reason in plan.extensions:
            end = end + _days(weeks * 7)
            with self._at(_stamp(decided, 14)):
                courses.extend_course(
                    course_id, CourseExtensionIn(decided_on=decided, new_end=end, reason=reason)
                )
        return course_id

    def _end_course(self, course_id: int, plan: CoursePlan) -> None:
        """End the course (after its placements and logbook are written)."""
        if plan.end is not None:
            end_date, outcome, note = plan.end
            with self._at(_stamp(end_date, 15)):
                courses.end_course(
                    course_id, CourseEndIn(end_date=end_date, outcome=outcome, end_note=note)
                )

    # -- placements and hours steps ---------------------------------------

    def _placement(self, citizen_id: int, course_id: int, plan: PlacementPlan) -> int:
        ends_later = plan.end is not None and plan.end < self.today
        data = PlacementIn(
            kind=plan.kind,
            workplace=plan.workplace,
            supervisor_name=plan.supervisor,
            supervisor_contact=plan.supervisor_contact,
            company_consultant=plan.company_consultant,
            start_date=plan.start,
            end_date=None if ends_later else plan.end,
            work_functions=plan.work_functions,
            training_goals=plan.training_goals,
            accommodations=plan.accommodations,
            aids=plan.aids,
            support_on_site=plan.support_on_site,
            follow_up_frequency=plan.follow_up,
            paid_hours_next_discussed=plan.paid_hours_next,
            end_reason="" if ends_later else plan.end_reason,
        )
        with self._at(_stamp(self._booked(plan.start - _days(7)), 11)):
            placement_id = placements.create_placement(
                citizen_id, data, course_id, site_id=self.sites.get(plan.workplace)
            )
        for step in plan.steps:
            start = plan.start + _days(step.offset)
            row = HoursStepIn(
                from_date=start,
                hours_per_week=_week_hours(step.days),
                schedule=_schedule_text(step.days),
            )
            with self._at(_stamp(self._booked(start - _days(3)), 14)):
                placements.add_hours_step(placement_id, row)
        return placement_id

    def _end_placement(self, placement_id: int, plan: PlacementPlan) -> None:
        """A placement that has ended is ended on its last day (after its logbook)."""
        if plan.end is not None and plan.end < self.today:
            created = _stamp(self._booked(plan.start - _days(7)), 11)
            with self._at(max(created, _stamp(plan.end, 15))):
                placements.end_placement(
                    placement_id, PlacementEndIn(end_date=plan.end, end_reason=plan.end_reason)
                )

    def _booked(self, day: date) -> date:
        """When something dated ``day`` was written: never after yesterday."""
        return min(day, self.today - _days(1))
