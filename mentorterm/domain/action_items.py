"""Action items: the agreements of a meeting, "who does what by when".

"Never a passive period" (DOMAIN.md): someone always owns the next step, so
the list across the caseload puts what is overdue first.
"""

from __future__ import annotations

from datetime import date

from ..format import show_date
from ..i18n import N_, _
from ..models import ActionItem, Citizen, Meeting, db
from ..schemas import ActionItemIn
from . import audit
from .errors import DomainError, NotFound
from .views import View


class ActionItemRow(View):
    id: int
    citizen_id: int
    citizen_name: str
    what: str
    owner: str
    due_date: date | None
    done_on: date | None
    meeting_id: int | None
    overdue: bool  # open and its due date has passed
    days_overdue: int  # 0 unless overdue
    # "agreement", or "follow_up": a job-search contact's follow-up listed
    # among the agreements (domain/jobsearch/followups.py); ids are per kind.
    kind: str = "agreement"

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    @property
    def key(self) -> str:
        """Unique across both kinds (a table's row key)."""
        return f"{self.kind}-{self.id}"


def _item(item_id: int) -> ActionItem:
    item = ActionItem.get_or_none(ActionItem.id == item_id)
    if item is None:
        raise NotFound(_("This action item no longer exists (deleted in another window?)."))
    return item


def _audit(action: str, item: ActionItem, purpose: str = "") -> None:
    audit.record(
        action, "action_item", citizen_id=item.citizen_id, record_id=item.id, purpose=purpose
    )


def _row(item: ActionItem, today: date) -> ActionItemRow:
    late = item.done_on is None and item.due_date is not None and item.due_date < today
    return ActionItemRow(
        id=item.id,
        citizen_id=item.citizen_id,
        citizen_name=item.citizen.name,
        what=item.what,
        owner=item.owner,
        due_date=item.due_date,
        done_on=item.done_on,
        meeting_id=item.meeting_id,
        overdue=late,
        days_overdue=(today - item.due_date).days if late else 0,
    )


def action_items(
    today: date,
    *,
    citizen_id: int | None = None,
    owner: str | None = None,
    include_done: bool = False,
) -> list[ActionItemRow]:
    """Action items across the caseload (or of one citizen, archived or not).

    Open ones first: the overdue (most overdue first), then by due date (none
    last), then in the order they were made; with ``include_done`` the done
    ones follow, most recently done first. ``owner`` keeps the items whose
    owner contains it, in any case ("søren" finds "Søren Bak").
    """
    query = ActionItem.select(ActionItem, Citizen).join(Citizen)
    if citizen_id is not None:
        query = query.where(ActionItem.citizen == citizen_id)
    else:
        query = query.where(Citizen.archived_on.is_null())
    if not include_done:
        query = query.where(ActionItem.done_on.is_null())
    rows = [_row(item, today) for item in query]
    if owner and owner.strip():
        wanted = owner.strip().casefold()
        rows = [r for r in rows if wanted in r.owner.casefold()]
    return in_order(rows)


def in_order(rows: list[ActionItemRow]) -> list[ActionItemRow]:
    """Open first (overdue, most overdue first; then by due date, none last),
    then the done ones, most recently done first."""
    open_rows = sorted(
        (r for r in rows if r.is_open),
        key=lambda r: (
            not r.overdue,
            -r.days_overdue,
            r.due_date is None,
            r.due_date or date.max,
            r.id,
        ),
    )
    done_rows = sorted(
        (r for r in rows if not r.is_open), key=lambda r: (r.done_on, r.id), reverse=True
    )
    return open_rows + done_rows


def owners(today: date) -> list[str]:
    """The owners of open items in the caseload, each once (for a filter picker).

    Spellings that differ only in case count as one owner; sorted by name.
    ``today`` is not needed for this list; it keeps the call like ``action_items``.
    """
    query = (
        ActionItem.select(ActionItem.owner)
        .join(Citizen)
        .where(ActionItem.done_on.is_null() & Citizen.archived_on.is_null())
        .order_by(ActionItem.id)
    )
    seen: dict[str, str] = {}
    for (name,) in query.tuples():
        name = name.strip()
        if name:
            seen.setdefault(name.casefold(), name)
    return sorted(seen.values(), key=str.casefold)


def mark_done(item_id: int, on: date, today: date | None = None) -> None:
    """The item was done on ``on`` (not a day still to come)."""
    today = today or date.today()
    if on > today:
        raise DomainError(
            _(
                "The date {day} has not come yet: an item can only be marked "
                "done on today or a day before."
            ).format(day=show_date(on)),
            field="done_on",
        )
    with db.atomic():
        item = _item(item_id)
        item.done_on = on
        item.save()
        _audit("update", item, N_("marked done"))


def reopen(item_id: int) -> None:
    """It was not done after all: open again."""
    with db.atomic():
        item = _item(item_id)
        item.done_on = None
        item.save()
        _audit("update", item, N_("opened again"))


def _check_meeting(citizen_id: int, meeting_id: int | None) -> None:
    if meeting_id is None:
        return
    owner = Meeting.select(Meeting.citizen).where(Meeting.id == meeting_id).scalar()
    if owner is None:
        raise NotFound(_("This meeting no longer exists (deleted in another window?)."))
    if owner != citizen_id:
        raise DomainError(_("That meeting is not one of this citizen's meetings."))


def add_action_item(citizen_id: int, data: ActionItemIn, meeting_id: int | None = None) -> int:
    with db.atomic():
        if Citizen.get_or_none(Citizen.id == citizen_id) is None:
            raise NotFound(_("This citizen no longer exists (deleted in another window?)."))
        _check_meeting(citizen_id, meeting_id)
        item = ActionItem.create(citizen=citizen_id, meeting=meeting_id, **data.model_dump())
        _audit("create", item)
        return item.id


def action_item_input(item_id: int) -> ActionItemIn:
    """The item's values as an input model (to prefill the edit form)."""
    item = _item(item_id)
    return ActionItemIn.model_construct(
        **{name: getattr(item, name) for name in ActionItemIn.model_fields}
    )


def update_action_item(item_id: int, data: ActionItemIn) -> None:
    with db.atomic():
        item = _item(item_id)
        for field, value in data.model_dump().items():
            setattr(item, field, value)
        item.save()
        _audit("update", item)


def delete_action_item(item_id: int) -> None:
    with db.atomic():
        item = _item(item_id)
        item.delete_instance()
        _audit("delete", item)
