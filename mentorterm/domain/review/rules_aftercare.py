"""The review's aftercare rule: the follow-up about three months after work started.

Pure function from a citizen's facts to a signal, or None when it does not apply.
"""

from __future__ import annotations

from datetime import date, timedelta

from ...enums import CourseOutcome, PlacementKind
from ...format import show_date
from ...i18n import _
from ...settings import ReviewThresholds
from .facts import CitizenFacts
from .signal import W_AFTERCARE, Signal, SignalKind, ago, iso, signal


def _first_day_of_work(f: CitizenFacts, as_of: date) -> tuple[date, str, str, str] | None:
    """(day, what, kind, anchor) that aftercare counts from, or None.

    The first work placement (paid hours / small job, wage subsidy, flexjob,
    job) started during or after the latest course, leaving out one that has
    ended by ``as_of`` (no aftercare for a job that is gone); when no work
    placement is recorded since, the course's end with a job outcome.
    """
    since = f.latest_course_start
    jobs = [j for j in f.jobs if since is None or j.start >= since]
    if jobs:
        running = [j for j in jobs if j.end is None or j.end >= as_of]
        if not running:
            return None
        job = min(running, key=lambda j: j.start)
        what = _("{kind} at {workplace} started {start}").format(
            kind=PlacementKind(job.kind).label.lower(),
            workplace=job.workplace,
            start=show_date(job.start),
        )
        return job.start, what, job.kind, "placement"
    ended = f.job_course
    if ended is None or (since is not None and ended.end < since):
        return None
    what = _("course ended {end}: {outcome}").format(
        end=show_date(ended.end), outcome=CourseOutcome(ended.outcome).label.lower()
    )
    return ended.end, what, ended.outcome, "course_end"


def aftercare_due(f: CitizenFacts, as_of: date, t: ReviewThresholds) -> Signal | None:
    """Aftercare due around ``aftercare_days`` after the first day of work, unless a
    meeting with the citizen was held in the window (retention follow-ups count)."""
    found = _first_day_of_work(f, as_of)
    if found is None:
        return None
    started, what, kind, anchor = found
    due = started + timedelta(days=t.aftercare_days)
    first = due - timedelta(days=t.aftercare_window_days)
    if not first <= as_of <= due + timedelta(days=t.aftercare_window_days):
        return None
    if f.last_met is not None and f.last_met.date() >= first:
        return None  # a meeting with the citizen was held in the window: the aftercare
    booked = (
        _("; next meeting booked {day}").format(day=show_date(f.next_booked))
        if f.next_booked
        else _("; no meeting booked")
    )
    text = _("Aftercare due {due}, {days} after the job started ({what}){booked}").format(
        due=show_date(due), days=ago(t.aftercare_days), what=what, booked=booked
    )
    return signal(
        SignalKind.AFTERCARE_DUE,
        W_AFTERCARE,
        text,
        due=due.isoformat(),
        job_started=started.isoformat(),
        job=kind,
        anchor=anchor,
        next_booked=iso(f.next_booked),
    )
