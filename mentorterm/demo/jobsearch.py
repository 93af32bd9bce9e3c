"""The demo's job search (issue 20): a persona's CV states, companies contacted
and companies to approach, written through the domain at the moments they happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..clock import stopped_at
from ..domain import jobsearch
from ..schemas import CvStateIn, JobContactIn, TargetCompanyIn
from .days import _stamp


@dataclass(frozen=True)
class Contact:
    company: str
    day: date
    how: str  # ContactHow value
    outcome: str = "waiting"  # ContactOutcome value
    follow_up: date | None = None
    followed_up: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Target:
    company: str
    added: date
    why: str = ""
    done: date | None = None


@dataclass
class JobSearchPlan:
    cv: list[tuple[date, str, str]] = field(default_factory=list)  # (day, CvState, note)
    contacts: list[Contact] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


def write_job_search(citizen_id: int, plan: JobSearchPlan, today: date) -> None:
    for day, state, note in plan.cv:
        with stopped_at(_stamp(day, 11)):
            jobsearch.set_cv_state(citizen_id, CvStateIn(state=state, noted_on=day, note=note))
    for c in plan.contacts:
        data = JobContactIn(
            company=c.company,
            contacted_on=c.day,
            how=c.how,
            outcome=c.outcome,
            follow_up_on=c.follow_up,
            note=c.note,
        )
        with stopped_at(_stamp(c.day, 13)):
            contact_id = jobsearch.add_contact(citizen_id, data)
        if c.followed_up is not None:
            with stopped_at(_stamp(c.followed_up, 10)):
                jobsearch.mark_followed_up(contact_id, c.followed_up, today)
    for t in plan.targets:
        with stopped_at(_stamp(t.added, 14)):
            target_id = jobsearch.add_target(
                citizen_id, TargetCompanyIn(company=t.company, why=t.why), t.added
            )
        if t.done is not None:
            with stopped_at(_stamp(t.done, 10)):
                jobsearch.mark_target_done(target_id, t.done, today)
