"""One citizen's job search, whole (the screen) or in a period (the report)."""

from __future__ import annotations

from datetime import date

from .contacts import contacts_of
from .cv import cv_history
from .targets import targets_of
from .views import JobSearchView


def job_search(citizen_id: int, today: date) -> JobSearchView:
    history = cv_history(citizen_id)
    return JobSearchView(
        citizen_id=citizen_id,
        cv=history[0] if history else None,
        cv_history=history,
        contacts=contacts_of(citizen_id, today),
        targets=targets_of(citizen_id),
    )


def job_search_in_period(citizen_id: int, start: date, end: date) -> JobSearchView:
    """As the report tells it: the CV's state on ``end``, the contacts made in
    the period (oldest first), the companies still to approach on ``end``."""
    history = [cv for cv in cv_history(citizen_id) if cv.noted_on <= end]
    contacts = [c for c in contacts_of(citizen_id, end) if start <= c.contacted_on <= end]
    targets = [
        t
        for t in targets_of(citizen_id)
        if t.added_on <= end and (t.done_on is None or t.done_on > end)
    ]
    return JobSearchView(
        citizen_id=citizen_id,
        cv=history[0] if history else None,
        cv_history=history,
        contacts=contacts[::-1],
        targets=targets,
    )
