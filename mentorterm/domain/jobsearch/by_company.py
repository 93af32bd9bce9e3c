"""The job search at one company: every citizen's contacts with it and the lists
it is on, for the workplace's screen.

Matched by name (case and spaces aside, ``schemas.workplaces.same_name``), as
the job search's forms keep the company as typed: a contact made before the
workplace was in the register shows as well, and one with a name spelled
otherwise does not.
"""

from __future__ import annotations

from datetime import date

from ...models import Citizen, JobContact, TargetCompany
from ...schemas.workplaces import same_name
from ..views import View


class ContactThere(View):
    """A citizen's contact with the company."""

    id: int
    citizen_id: int
    citizen_name: str
    company: str
    contacted_on: date
    how: str  # ContactHow value
    outcome: str  # ContactOutcome value
    follow_up_on: date | None
    followed_up_on: date | None


class TargetThere(View):
    """The company on a citizen's list of companies to approach."""

    id: int
    citizen_id: int
    citizen_name: str
    company: str
    why: str
    added_on: date
    done_on: date | None


class JobSearchThere(View):
    contacts: list[ContactThere]  # newest first
    targets: list[TargetThere]  # open ones first, then the approached

    @property
    def citizen_ids(self) -> list[int]:
        return [r.citizen_id for r in [*self.contacts, *self.targets]]


def job_search_at(name: str) -> JobSearchThere:
    """The contacts and companies to approach whose company is ``name`` (case and
    spaces aside)."""
    wanted = same_name(name)
    contacts = [
        ContactThere(
            id=c.id,
            citizen_id=c.citizen_id,
            citizen_name=c.name,
            company=c.company,
            contacted_on=c.contacted_on,
            how=c.how,
            outcome=c.outcome,
            follow_up_on=c.follow_up_on,
            followed_up_on=c.followed_up_on,
        )
        for c in JobContact.select(JobContact, Citizen.name)
        .join(Citizen, on=(JobContact.citizen == Citizen.id))
        .order_by(JobContact.contacted_on.desc(), JobContact.id.desc())
        .objects()
        if wanted and same_name(c.company) == wanted
    ]
    targets = [
        TargetThere(
            id=t.id,
            citizen_id=t.citizen_id,
            citizen_name=t.name,
            company=t.company,
            why=t.why,
            added_on=t.added_on,
            done_on=t.done_on,
        )
        for t in TargetCompany.select(TargetCompany, Citizen.name)
        .join(Citizen, on=(TargetCompany.citizen == Citizen.id))
        .order_by(TargetCompany.added_on.desc(), TargetCompany.id.desc())
        .objects()
        if wanted and same_name(t.company) == wanted
    ]
    targets.sort(key=lambda t: t.done_on is not None)  # stable: the open ones first
    return JobSearchThere(contacts=contacts, targets=targets)
