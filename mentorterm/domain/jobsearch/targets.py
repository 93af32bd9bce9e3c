"""The list of companies to approach, in the order the mentor and citizen chose."""

from __future__ import annotations

from datetime import date

from ...i18n import N_, _
from ...models import TargetCompany, db
from ...schemas import TargetCompanyIn
from ..errors import NotFound
from .common import check_citizen, company_link, not_in_future, record
from .views import TargetRow


def _target(target_id: int) -> TargetCompany:
    target = TargetCompany.get_or_none(TargetCompany.id == target_id)
    if target is None:
        raise NotFound(_("This company is no longer on the list (deleted in another window?)."))
    return target


def _ordered(citizen_id: int) -> list[TargetCompany]:
    """Open ones first in their order, then the done ones (most recently done first)."""
    rows = list(TargetCompany.select().where(TargetCompany.citizen == citizen_id))
    open_rows = sorted((t for t in rows if t.done_on is None), key=lambda t: (t.position, t.id))
    done = sorted((t for t in rows if t.done_on is not None), key=lambda t: (t.done_on, t.id))
    return open_rows + done[::-1]


def targets_of(citizen_id: int) -> list[TargetRow]:
    return [
        TargetRow(
            id=t.id,
            company=t.company,
            why=t.why,
            position=t.position,
            added_on=t.added_on,
            done_on=t.done_on,
        )
        for t in _ordered(citizen_id)
    ]


def add_target(
    citizen_id: int, data: TargetCompanyIn, today: date, workplace_id: int | None = None
) -> int:
    """A company last on the list, linked as ``company_link`` says."""
    with db.atomic():
        check_citizen(citizen_id)
        last = (
            TargetCompany.select(TargetCompany.position)
            .where(TargetCompany.citizen == citizen_id)
            .order_by(TargetCompany.position.desc())
            .scalar()
        )
        target = TargetCompany.create(
            citizen=citizen_id,
            position=(last or 0) + 1,
            added_on=today,
            workplace=company_link(data.company, workplace_id),
            **data.model_dump(mode="python"),
        )
        record("create", "target_company", target)
        return target.id


def target_input(target_id: int) -> TargetCompanyIn:
    target = _target(target_id)
    return TargetCompanyIn.model_construct(company=target.company, why=target.why)


def update_target(target_id: int, data: TargetCompanyIn, workplace_id: int | None = None) -> None:
    """The company corrected; its link follows the name (``company_link``)."""
    with db.atomic():
        target = _target(target_id)
        target.workplace = company_link(data.company, workplace_id, target)
        for field, value in data.model_dump(mode="python").items():
            setattr(target, field, value)
        target.save()
        record("update", "target_company", target)


def move_target(target_id: int, step: int) -> bool:
    """Move an open company up (``step`` -1) or down (+1) the list; False at an end.

    The open companies are numbered 1, 2, 3 … again, so the order is whole
    whatever positions an import brought."""
    with db.atomic():
        target = _target(target_id)
        if target.done_on is not None:
            return False
        open_rows = [t for t in _ordered(target.citizen_id) if t.done_on is None]
        at = next(i for i, t in enumerate(open_rows) if t.id == target.id)
        to = at + step
        if not 0 <= to < len(open_rows):
            return False
        open_rows[at], open_rows[to] = open_rows[to], open_rows[at]
        for place, row in enumerate(open_rows, start=1):
            if row.position != place:
                row.position = place
                row.save()
        record("update", "target_company", target, N_("moved on the list"))
        return True


def mark_target_done(target_id: int, on: date, today: date) -> None:
    """Approached on ``on``: the company leaves the open list (kept, done)."""
    not_in_future(on, today, "done_on")
    with db.atomic():
        target = _target(target_id)
        target.done_on = on
        target.save()
        record("update", "target_company", target, N_("approached"))


def reopen_target(target_id: int) -> None:
    with db.atomic():
        target = _target(target_id)
        target.done_on = None
        target.save()
        record("update", "target_company", target, N_("back on the list"))


def delete_target(target_id: int) -> None:
    with db.atomic():
        target = _target(target_id)
        target.delete_instance()
        record("delete", "target_company", target)
