"""Follow-ups with companies among the agreements: "never a passive period"
holds for the job search too, so a follow-up day that passed with nothing
done is counted and listed where overdue agreements are.

The rows are the agreements' own (``ActionItemRow`` with ``kind`` "follow_up")
and their words keep them apart: "Follow up with Netto (applied 18-08-2026)".
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from ...enums_provider import ContactHow
from ...format import show_date
from ...i18n import _
from ...models import Citizen, JobContact
from ..action_items import ActionItemRow, action_items, in_order, mark_done, reopen
from .contacts import follow_up_again, mark_followed_up

FOLLOW_UP = "follow_up"


def follow_up_text(company: str, how: str, contacted_on: date) -> str:
    """The follow-up as the agreements list words it."""
    day = show_date(contacted_on)
    if how == ContactHow.APPLICATION.value:
        return _("Follow up with {company} (applied {day})").format(company=company, day=day)
    if how == ContactHow.CV_HANDED_IN.value:
        return _("Follow up with {company} (CV handed in {day})").format(company=company, day=day)
    return _("Follow up with {company} (contacted {day})").format(company=company, day=day)


def follow_up_rows(
    today: date, *, citizen_id: int | None = None, include_done: bool = False
) -> list[ActionItemRow]:
    """Contacts with a follow-up day, as agreements: open ones (with
    ``include_done`` the followed-up ones too), of the active caseload or of one
    citizen."""
    query = (
        JobContact.select(JobContact, Citizen)
        .join(Citizen)
        .where(JobContact.follow_up_on.is_null(False))
    )
    if citizen_id is not None:
        query = query.where(JobContact.citizen == citizen_id)
    else:
        query = query.where(Citizen.archived_on.is_null())
    if not include_done:
        query = query.where(JobContact.followed_up_on.is_null())
    rows = []
    for contact in query:
        late = contact.followed_up_on is None and contact.follow_up_on < today
        rows.append(
            ActionItemRow(
                id=contact.id,
                citizen_id=contact.citizen_id,
                citizen_name=contact.citizen.name,
                what=follow_up_text(contact.company, contact.how, contact.contacted_on),
                owner=_("job search"),
                due_date=contact.follow_up_on,
                done_on=contact.followed_up_on,
                meeting_id=None,
                overdue=late,
                days_overdue=(today - contact.follow_up_on).days if late else 0,
                kind=FOLLOW_UP,
            )
        )
    return rows


def overdue_follow_ups(today: date) -> list[tuple[int, str, str, date, date]]:
    """Every overdue follow-up of the active caseload: (citizen id, company,
    how, contacted on, follow-up day), soonest due first (the review's facts)."""
    query = (
        JobContact.select(
            JobContact.citizen,
            JobContact.company,
            JobContact.how,
            JobContact.contacted_on,
            JobContact.follow_up_on,
        )
        .join(Citizen)
        .where(
            JobContact.followed_up_on.is_null()
            & (JobContact.follow_up_on < today)
            & Citizen.archived_on.is_null()
        )
        .order_by(JobContact.follow_up_on, JobContact.id)
        .tuples()
    )
    return list(query)


def overdue_by_mentor(today: date) -> Counter:
    """Overdue follow-ups counted per mentor (the team's overview)."""
    late = (
        JobContact.select(Citizen.mentor)
        .join(Citizen, on=JobContact.citizen == Citizen.id)
        .where(
            JobContact.followed_up_on.is_null()
            & (JobContact.follow_up_on < today)
            & Citizen.archived_on.is_null()
        )
        .tuples()
    )
    return Counter(mentor for (mentor,) in late)


def agreements_and_follow_ups(today: date, *, include_done: bool = False) -> list[ActionItemRow]:
    """The agreements screen's list: the caseload's agreements and follow-ups, in one order."""
    rows = action_items(today, include_done=include_done)
    rows += follow_up_rows(today, include_done=include_done)
    return in_order(rows)


def mark_row_done(kind: str, row_id: int, today: date) -> None:
    """``x`` on the agreements: an agreement done, or a follow-up made, today."""
    if kind == FOLLOW_UP:
        mark_followed_up(row_id, today, today)
    else:
        mark_done(row_id, today, today=today)


def reopen_row(kind: str, row_id: int) -> None:
    """``u`` on the agreements: open again."""
    if kind == FOLLOW_UP:
        follow_up_again(row_id)
    else:
        reopen(row_id)


def overdue_follow_ups_of(citizen_id: int, today: date) -> list[tuple[str, date]]:
    """One citizen's follow-ups past their day, (what, due), soonest due first."""
    rows = follow_up_rows(today, citizen_id=citizen_id)
    return sorted(((r.what, r.due_date) for r in rows if r.overdue), key=lambda r: r[1])
