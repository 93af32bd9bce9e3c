"""What the job search's use cases share: the citizen checked, the audit row."""

from __future__ import annotations

from datetime import date

from ...format import show_date
from ...i18n import _
from ...models import Citizen
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
