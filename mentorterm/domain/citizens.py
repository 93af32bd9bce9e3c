"""Citizens: create, edit, archive, delete, and the overview a mentor opens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..format import show_date
from ..i18n import N_, _
from ..models import Citizen, Handover, Mentor, db
from ..schemas import CitizenIn, HandoverIn
from . import audit
from .errors import DomainError, NotFound
from .views import CitizenView


def _citizen(citizen_id: int) -> Citizen:
    citizen = Citizen.get_or_none(Citizen.id == citizen_id)
    if citizen is None:
        raise NotFound(_("This citizen no longer exists (deleted in another window?)."))
    return citizen


def create_citizen(data: CitizenIn, mentor_id: int | None = None) -> int:
    """Create a citizen owned by ``mentor_id`` (default: this database's mentor)."""
    from ..storage import ensure_default_mentor

    with db.atomic():
        mentor = mentor_id or ensure_default_mentor().id
        citizen = Citizen.create(mentor=mentor, **data.model_dump())
        audit.record("create", "citizen", citizen_id=citizen.id, record_id=citizen.id)
    return citizen.id


def update_citizen(citizen_id: int, data: CitizenIn) -> None:
    with db.atomic():
        citizen = _citizen(citizen_id)
        for field, value in data.model_dump().items():
            setattr(citizen, field, value)
        citizen.save()
        audit.record("update", "citizen", citizen_id=citizen_id, record_id=citizen_id)


def reassign_citizen(
    citizen_id: int, mentor_id: int, note: str = "", on: date | None = None
) -> None:
    """Hand the citizen over to another mentor, with a note for them (the team
    lead's; on the team database the server refuses anyone else). Every record
    stays with the citizen; the handover row keeps who had them, who has them
    now and from which day, and the audit log the change (mentor ids only)."""
    from .. import clock

    with db.atomic():
        citizen = _citizen(citizen_id)
        old = citizen.mentor_id
        if old == mentor_id:
            return
        if Mentor.get_or_none(Mentor.id == mentor_id) is None:
            raise NotFound(_("There is no such mentor (removed meanwhile?). Nothing was changed."))
        Handover.create(
            citizen=citizen_id,
            from_mentor=old,
            to_mentor=mentor_id,
            handed_on=on or clock.today(),
            note=note.strip(),
        )
        citizen.mentor = mentor_id
        citizen.save()
        audit.record(
            "update",
            "citizen",
            citizen_id=citizen_id,
            record_id=citizen_id,
            purpose=N_("handover"),
            detail=audit.changes({"mentor_id": old}, {"mentor_id": mentor_id}),
        )


def handover_choices(citizen_id: int) -> list[tuple[int, str]]:
    """The mentors the citizen can be handed over to: (id, name), by name;
    every mentor but the one they have now, and on the team database only
    those whose login can still connect. Empty when there is no one."""
    from ..storage import active_mentor_ids

    current = _citizen(citizen_id).mentor_id
    active = active_mentor_ids()
    return sorted(
        (
            (m.id, m.name)
            for m in Mentor.select(Mentor.id, Mentor.name)
            if m.id != current and (active is None or m.id in active)
        ),
        key=lambda pair: (pair[1].casefold(), pair[0]),
    )


def check_handover(citizen_id: int, data: HandoverIn, today: date | None = None) -> None:
    """DomainError (under its field) unless ``data`` can be saved: to one of
    ``handover_choices``, on a day that has come (the citizen changes mentor
    when it is saved). The form asks it before its question."""
    from .. import clock

    today = today or clock.today()
    if data.handed_on > today:
        raise DomainError(
            _(
                "A handover takes effect when it is saved: the day cannot be after today "
                "({today}). Hand over on the day itself."
            ).format(today=show_date(today)),
            field="handed_on",
        )
    if data.mentor_id not in {mid for mid, _name in handover_choices(citizen_id)}:
        raise DomainError(
            _("Choose the mentor who takes over (one of the team's active mentors)."),
            field="mentor_id",
        )


def hand_over(citizen_id: int, data: HandoverIn, today: date | None = None) -> None:
    """The hand-over form's save (``check_handover``, then ``reassign_citizen``)."""
    check_handover(citizen_id, data, today)
    reassign_citizen(citizen_id, data.mentor_id, note=data.note, on=data.handed_on)


@dataclass(frozen=True)
class HandoverView:
    handed_on: date
    from_name: str
    to_name: str
    note: str


def handovers_of(citizen_id: int) -> list[HandoverView]:
    """The citizen's handovers, oldest first, with both mentors' names."""
    names = {m.id: m.name for m in Mentor.select(Mentor.id, Mentor.name)}
    gone = _("(a former mentor)")
    return [
        HandoverView(
            handed_on=h.handed_on,
            from_name=names.get(h.from_mentor_id, gone),
            to_name=names.get(h.to_mentor_id, gone),
            note=h.note,
        )
        for h in Handover.select()
        .where(Handover.citizen == citizen_id)
        .order_by(Handover.handed_on, Handover.id)
    ]


def get_citizen(citizen_id: int) -> CitizenView:
    return CitizenView.from_row(_citizen(citizen_id))


def citizen_input(citizen_id: int) -> CitizenIn:
    """The citizen's current values as an input model (to prefill the edit form)."""
    citizen = _citizen(citizen_id)
    return CitizenIn.model_construct(
        **{name: getattr(citizen, name) for name in CitizenIn.model_fields}
    )


def set_archived(citizen_id: int, archived: bool, today: date | None = None) -> None:
    """Archive (hide from the caseload, keep every record) or bring back."""
    with db.atomic():
        citizen = _citizen(citizen_id)
        citizen.archived_on = (today or date.today()) if archived else None
        citizen.save()
        audit.record(
            "update",
            "citizen",
            citizen_id=citizen_id,
            record_id=citizen_id,
            purpose=N_("archived") if archived else N_("brought back from the archive"),
        )


def delete_citizen(citizen_id: int, typed_name: str) -> None:
    """Delete a citizen and every record about them, once their name is typed.

    The typed name must match exactly (spaces at the ends ignored): deleting
    is final, and typing the name makes sure it is the right person. Same as
    ``erasure.erase_citizen``, which also says what was erased.
    """
    with db.atomic():
        citizen = _citizen(citizen_id)
        if typed_name.strip() != citizen.name.strip():
            raise DomainError(_("The name does not match; nothing was deleted."))
        # Deleting is erasing: the citizen's audit rows go too, one erase row stays.
        audit.erase_trail(citizen_id, purpose=N_("deleted"))
        citizen.delete_instance()  # ON DELETE CASCADE removes every record
    # No old page image of theirs may stay in the -wal (see erasure.py).
    from .erasure import scrub

    scrub()


def citizen_names(include_archived: bool = True) -> list[tuple[int, str]]:
    """(id, name) of every citizen, for jumping to one by name."""
    query = Citizen.select(Citizen.id, Citizen.name).order_by(Citizen.name)
    if not include_archived:
        query = query.where(Citizen.archived_on.is_null())
    return [(c.id, c.name) for c in query]


def count_citizens() -> int:
    return Citizen.select().count()
