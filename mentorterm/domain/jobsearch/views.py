"""Read models of the job search: what the screen and the report are given."""

from __future__ import annotations

from datetime import date

from ..views import View


class CvRow(View):
    id: int
    state: str  # CvState value
    noted_on: date
    note: str


class ContactRow(View):
    id: int
    company: str
    contacted_on: date
    how: str  # ContactHow value
    outcome: str  # ContactOutcome value
    follow_up_on: date | None
    followed_up_on: date | None
    note: str
    overdue: bool  # a follow-up day passed, not followed up
    days_overdue: int


class TargetRow(View):
    id: int
    company: str
    why: str
    position: int
    added_on: date
    done_on: date | None


class JobSearchView(View):
    """One citizen's job search: the CV now and before, contacts newest
    first, companies to approach (open ones in their order, then the done)."""

    citizen_id: int
    cv: CvRow | None  # the state now (the latest)
    cv_history: list[CvRow]  # newest first, the state now included
    contacts: list[ContactRow]
    targets: list[TargetRow]

    @property
    def overdue(self) -> list[ContactRow]:
        return [c for c in self.contacts if c.overdue]

    @property
    def open_targets(self) -> list[TargetRow]:
        return [t for t in self.targets if t.done_on is None]
