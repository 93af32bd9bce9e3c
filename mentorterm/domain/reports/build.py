"""Building the progression report of a period from the records (read, never stored)."""

from __future__ import annotations

from datetime import date

from ...enums import PlacementKind
from ...i18n import _
from ...models import HoursStep, LogbookEntry, Placement
from ...schemas import ReportTextsIn
from ..errors import DomainError
from ..identity import MentorIdentity
from ..jobsearch.summary import job_search_in_period
from ..sessions.queries import citizen_figures
from ..statistics import LoggedDay, figures
from .facts import AccommodationFact, HoursStepFact, PlacementAttendance, PlacementFact
from .gather import (
    author,
    citizen_row,
    contact,
    course_facts,
    meeting_facts,
    overlaps,
    score_progress,
    stability_blocks,
)
from .model import ProgressionReport


def progression_report(
    citizen_id: int,
    start: date,
    end: date,
    today: date,
    texts: ReportTextsIn | None = None,
    report_id: int | None = None,
    identity: MentorIdentity | None = None,
) -> ProgressionReport:
    """The progression report of one citizen from ``start`` to ``end`` (both included).

    Attendance counts logbook days up to ``today`` at the latest, each
    placement cut to its own dates; stability is attendance per 4-week block
    from ``start``. ``texts`` are the mentor's judgement parts (empty unless
    given); ``report_id`` names the saved report they belong to, if any.
    ``identity`` is who writes it (default: the mentor in the settings).
    """
    if end < start:
        raise DomainError(_("The period cannot end before it starts."), field="end")
    citizen = citizen_row(citizen_id)
    texts = texts or ReportTextsIn()
    counted_end = min(end, today)

    placements = [
        p
        for p in Placement.select()
        .where(Placement.citizen == citizen_id)
        .order_by(Placement.start_date, Placement.id)
        if overlaps(p.start_date, p.end_date, start, end)
    ]
    ids = [p.id for p in placements]
    steps: dict[int, list[HoursStep]] = {pid: [] for pid in ids}
    days: dict[int, list[LoggedDay]] = {pid: [] for pid in ids}
    if ids:
        for step in (
            HoursStep.select().where(HoursStep.placement.in_(ids)).order_by(HoursStep.from_date)
        ):
            steps[step.placement_id].append(step)
        query = (
            LogbookEntry.select(
                LogbookEntry.placement,
                LogbookEntry.entry_date,
                LogbookEntry.attendance,
                LogbookEntry.hours_planned,
                LogbookEntry.hours_worked,
                LogbookEntry.left_early,
                LogbookEntry.left_early_reason,
                LogbookEntry.absence_reason,
            )
            .where(
                LogbookEntry.placement.in_(ids)
                & LogbookEntry.entry_date.between(start, counted_end)
            )
            .order_by(LogbookEntry.entry_date)
        )
        for placement_id, *values in query.tuples():
            days[placement_id].append(LoggedDay(*values))

    by_placement = []
    step_facts: list[HoursStepFact] = []
    placement_facts = []
    for p in placements:
        first = max(start, p.start_date)
        last = min(counted_end, p.end_date or counted_end)
        if first <= last:
            by_placement.append(
                PlacementAttendance(workplace=p.workplace, figures=figures(days[p.id], first, last))
            )
        before = [s for s in steps[p.id] if s.from_date < start]
        previous: float | None = None
        in_force: HoursStep | None = None
        for step in steps[p.id]:
            if step.from_date > end:
                break
            in_force = step
            # The steps taken in the period, and the one they started from.
            if step.from_date >= start or step is before[-1]:
                step_facts.append(
                    HoursStepFact(
                        workplace=p.workplace,
                        from_date=step.from_date,
                        from_hours=previous,
                        to_hours=step.hours_per_week,
                        schedule=step.schedule,
                        before_period=step.from_date < start,
                    )
                )
            previous = step.hours_per_week
        placement_facts.append(
            PlacementFact(
                kind=PlacementKind(p.kind),
                workplace=p.workplace,
                start_date=p.start_date,
                end_date=p.end_date,
                end_reason=p.end_reason,
                hours_per_week=in_force.hours_per_week if in_force else None,
                running=p.end_date is None or p.end_date > today,
            )
        )

    every_day = sorted((d for group in days.values() for d in group), key=lambda d: d.entry_date)
    # The totals and the blocks start when the first placement did: months
    # before it have no logbook and would only dilute the hours per week.
    first_day = max(start, min((p.start_date for p in placements), default=start))
    total = figures(every_day, first_day, counted_end) if by_placement else None
    stability = stability_blocks(every_day, first_day, counted_end) if by_placement else []
    step_facts.sort(key=lambda s: (s.from_date, s.workplace))

    accommodations = []
    if citizen.accommodations.strip() or citizen.aids.strip():
        accommodations.append(
            AccommodationFact(where="", accommodations=citizen.accommodations, aids=citizen.aids)
        )
    for p in placements:
        if p.accommodations.strip() or p.aids.strip():
            accommodations.append(
                AccommodationFact(where=p.workplace, accommodations=p.accommodations, aids=p.aids)
            )

    courses = course_facts(citizen_id, start, end)
    meetings = meeting_facts(citizen_id, start, min(end, today))
    writer = author(citizen, identity)
    return ProgressionReport(
        citizen_id=citizen.id,
        citizen_name=citizen.name,
        start=start,
        end=end,
        written_on=today,
        report_id=report_id,
        title=texts.title,
        courses=courses,
        attendance_total=total,
        attendance_by_placement=by_placement,
        stability=stability,
        hours_steps=step_facts,
        placements=placement_facts,
        sub_goals=score_progress(citizen_id, start, end),
        accommodations=accommodations,
        texts=texts,
        meetings=meetings,
        contact=contact(meetings, courses, start, end, today),
        group_sessions=citizen_figures(citizen_id, start, min(end, today)),
        mentor_name=writer.name,
        organisation=writer.organisation,
        job_search=_job_search(citizen_id, start, end),
    )


def _job_search(citizen_id: int, start: date, end: date):
    """The period's job search, or None when nothing of it is recorded."""
    search = job_search_in_period(citizen_id, start, end)
    if search.cv is None and not search.contacts and not search.targets:
        return None
    return search
