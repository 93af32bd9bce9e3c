"""Applications and contacts with companies, and their follow-ups.

A follow-up past its day and not done is overdue, like an agreement: it is
listed among the agreements (``followups``) until it is marked done.
"""

from __future__ import annotations

from datetime import date

from ...format import show_date
from ...i18n import N_, _
from ...models import JobContact, db
from ...schemas import JobContactIn
from ..errors import DomainError, NotFound
from .common import check_citizen, company_link, not_in_future, record
from .views import ContactRow


def _contact(contact_id: int) -> JobContact:
    contact = JobContact.get_or_none(JobContact.id == contact_id)
    if contact is None:
        raise NotFound(_("This contact no longer exists (deleted in another window?)."))
    return contact


def contact_row(contact: JobContact, today: date) -> ContactRow:
    late = (
        contact.followed_up_on is None
        and contact.follow_up_on is not None
        and contact.follow_up_on < today
    )
    return ContactRow(
        id=contact.id,
        company=contact.company,
        contacted_on=contact.contacted_on,
        how=contact.how,
        outcome=contact.outcome,
        follow_up_on=contact.follow_up_on,
        followed_up_on=contact.followed_up_on,
        note=contact.note,
        overdue=late,
        days_overdue=(today - contact.follow_up_on).days if late else 0,
    )


def add_contact(citizen_id: int, data: JobContactIn, workplace_id: int | None = None) -> int:
    """A contact made; its company linked to the register's workplace the mentor
    picked (``workplace_id``) or of its name (``company_link``)."""
    with db.atomic():
        check_citizen(citizen_id)
        contact = JobContact.create(
            citizen=citizen_id,
            workplace=company_link(data.company, workplace_id),
            **data.model_dump(mode="python"),
        )
        record("create", "job_contact", contact)
        return contact.id


def contact_input(contact_id: int) -> JobContactIn:
    """The contact's values as an input model (to prefill the edit form)."""
    contact = _contact(contact_id)
    return JobContactIn.model_construct(
        **{name: getattr(contact, name) for name in JobContactIn.model_fields}
    )


def update_contact(contact_id: int, data: JobContactIn, workplace_id: int | None = None) -> None:
    """The contact corrected; its link follows the company (``company_link``)."""
    with db.atomic():
        contact = _contact(contact_id)
        contact.workplace = company_link(data.company, workplace_id, contact)
        for field, value in data.model_dump(mode="python").items():
            setattr(contact, field, value)
        contact.save()
        record("update", "job_contact", contact)


def mark_followed_up(contact_id: int, on: date, today: date) -> None:
    """The follow-up was done on ``on`` (today or a day before, not before the contact)."""
    not_in_future(on, today, "followed_up_on")
    with db.atomic():
        contact = _contact(contact_id)
        if on < contact.contacted_on:
            raise DomainError(
                _("It cannot have been followed up before the day of the contact ({day}).").format(
                    day=show_date(contact.contacted_on)
                ),
                field="followed_up_on",
            )
        contact.followed_up_on = on
        contact.save()
        record("update", "job_contact", contact, N_("followed up"))


def follow_up_again(contact_id: int) -> None:
    """The follow-up was not done after all: open again."""
    with db.atomic():
        contact = _contact(contact_id)
        contact.followed_up_on = None
        contact.save()
        record("update", "job_contact", contact, N_("follow-up opened again"))


def delete_contact(contact_id: int) -> None:
    with db.atomic():
        contact = _contact(contact_id)
        contact.delete_instance()
        record("delete", "job_contact", contact)


def contacts_of(citizen_id: int, today: date) -> list[ContactRow]:
    """The citizen's contacts, newest first."""
    query = (
        JobContact.select()
        .where(JobContact.citizen == citizen_id)
        .order_by(JobContact.contacted_on.desc(), JobContact.id.desc())
    )
    return [contact_row(c, today) for c in query]
