"""The job search at one company: every citizen's contacts with it and the lists
it is on, for the workplace's screen.

Matched by the link first (``JobContact.workplace``, ``TargetCompany.workplace``:
filled when the mentor takes the register's workplace in the form), whatever
name the company was typed with; then, among those linked to none, by name
(case and spaces aside, ``schemas.workplaces.same_name``): a contact made
before the workplace was in the register shows as well, and one with a name
spelled otherwise does not.
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


def _rows_at(model, workplace_id: int | None, wanted: str, newest) -> list:
    """``model``'s rows (contacts or companies to approach) with the company,
    newest first: linked to the workplace, or linked to none with its name
    (without a workplace: every row of the name)."""
    query = (
        model.select(model, Citizen.name)
        .join(Citizen, on=(model.citizen == Citizen.id))
        .order_by(newest.desc(), model.id.desc())
    )
    if workplace_id is not None:  # linked here, or linked to none: the name decides
        query = query.where((model.workplace == workplace_id) | model.workplace.is_null())

    def here(row) -> bool:
        linked = row.__data__.get("workplace")
        if workplace_id is not None and linked == workplace_id:
            return True
        by_name = (workplace_id is None or linked is None) and wanted
        return bool(by_name) and same_name(row.company) == wanted

    return [row for row in query.objects() if here(row)]


def job_search_at(name: str, workplace_id: int | None = None) -> JobSearchThere:
    """The contacts and companies to approach with the company: those linked to
    the register's workplace ``workplace_id`` (whatever name they were typed
    with), then those linked to none whose company is ``name`` (case and
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
        for c in _rows_at(JobContact, workplace_id, wanted, JobContact.contacted_on)
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
        for t in _rows_at(TargetCompany, workplace_id, wanted, TargetCompany.added_on)
    ]
    targets.sort(key=lambda t: t.done_on is not None)  # stable: the open ones first
    return JobSearchThere(contacts=contacts, targets=targets)
