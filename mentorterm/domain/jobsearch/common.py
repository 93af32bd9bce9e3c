"""What the job search's use cases share: the citizen checked, the audit row."""

from __future__ import annotations

from datetime import date

from ...format import show_date
from ...i18n import _
from ...models import Citizen, Workplace
from ...schemas.workplaces import same_name
from .. import audit
from ..errors import DomainError, NotFound


def check_citizen(citizen_id: int) -> None:
    if Citizen.get_or_none(Citizen.id == citizen_id) is None:
        raise NotFound(_("This citizen no longer exists (deleted in another window?)."))


def record(action: str, what: str, row, purpose: str = "") -> None:
    audit.record(action, what, citizen_id=row.citizen_id, record_id=row.id, purpose=purpose)


def not_in_future(on: date, today: date, field: str) -> None:
    if on > today:
        raise DomainError(
            _(
                "The date {day} has not come yet: it can only be marked done on "
                "today or a day before."
            ).format(day=show_date(on)),
            field=field,
        )


def company_link(company: str, picked: int | None = None, row=None) -> int | None:
    """The register's workplace a job-search company links to (``workplace_id``).

    ``picked``: the workplace the mentor took in the form (its name is the
    company's, or the row's link kept under its unchanged name), when it is
    still in the register. Else the row's own link while its company is the
    same name; else the register's workplace of that name (case and spaces
    aside), if any: a name edited away from the workplace's unlinks it.
    """
    if picked is not None and Workplace.get_or_none(Workplace.id == picked) is not None:
        return picked
    wanted = same_name(company)
    linked = None if row is None else row.__data__.get("workplace")
    if linked is not None and same_name(row.company) == wanted:
        return linked
    if not wanted:
        return None
    query = Workplace.select(Workplace.id, Workplace.name).order_by(
        Workplace.archived, Workplace.id
    )
    return next((w.id for w in query if same_name(w.name) == wanted), None)
