"""The team's work across mentors on the team database (issue 18 item 4).

- ``team_mentors``: the team's mentors with the size of each caseload (the
  caseload's colleague picker);
- ``team_review``: the week's review queue mentor by mentor, each group in
  the queue's own order (most urgent first), with who decided each citizen;
- ``team_overview``: the lead's table: per mentor the caseload size, the
  citizens in the week's review, the signals not yet reviewed and the open
  agreements past their day.

On a mentor's own database there is one mentor: these still answer (one
row, one group), and the screens say there is no team.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..i18n import N_, _
from ..models import ActionItem, Citizen, Mentor, ReviewNote
from ..settings import ReviewThresholds
from .caseload import caseload
from .jobsearch.followups import overdue_by_mentor
from .review.queue import ReviewItem, review_queue
from .review.signal import iso_week_of


@dataclass(frozen=True)
class MentorLoad:
    """One mentor's line in the lead's overview."""

    mentor_id: int
    name: str
    citizens: int  # on the active caseload (the caseload's default list)
    in_review: int = 0  # citizens in the week's review queue
    open_signals: int = 0  # signals of those not yet reviewed this week
    overdue: int = 0  # open agreements past their day


#: The overview's columns (the screen and ``mentorterm team overview``), shown with _().
OVERVIEW_COLUMNS = (
    N_("Mentor"),
    N_("Citizens"),
    N_("In review"),
    N_("Open signals"),
    N_("Overdue agreements"),
)


def overview_cells(load: MentorLoad) -> tuple[str, str, str, str, str]:
    """One mentor's line of the overview, as its cells."""
    figures = (load.citizens, load.in_review, load.open_signals, load.overdue)
    return (load.name, *(str(n) for n in figures))


@dataclass(frozen=True)
class ReviewGroup:
    """One mentor's citizens in the team's review, in the queue's order."""

    mentor_id: int | None
    mentor_name: str
    items: list[ReviewItem]


def mentor_of_citizens() -> dict[int, int]:
    """{citizen id: mentor id} for every citizen in the database."""
    return dict(Citizen.select(Citizen.id, Citizen.mentor).tuples())


def _mentors(owners: dict[int, int]) -> dict[int, str]:
    """{mentor id: name} of the team: every mentor, but a database's default
    mentor ("Me", the administrator's) only when it has citizens."""
    having = set(owners.values())
    return {
        m.id: m.name
        for m in Mentor.select(Mentor.id, Mentor.name, Mentor.is_default)
        if not m.is_default or m.id in having
    }


def _by_name(names: dict[int, str]) -> list[int]:
    return sorted(names, key=lambda mid: (names[mid].casefold(), mid))


def team_mentors(today: date) -> list[MentorLoad]:
    """The team's mentors by name, each with the citizens on their active caseload."""
    owners = mentor_of_citizens()
    names = _mentors(owners)
    sizes = Counter(owners.get(row.citizen_id) for row in caseload(None, today=today))
    return [MentorLoad(mid, names[mid], sizes[mid]) for mid in _by_name(names)]


def deciders(iso_week: str) -> dict[int, str]:
    """{citizen id: name of the mentor who recorded the decision} in that ISO week."""
    query = (
        ReviewNote.select(ReviewNote.citizen, Mentor.name)
        .join(Mentor, on=ReviewNote.mentor == Mentor.id)
        .where(ReviewNote.iso_week == iso_week)
        .tuples()
    )
    return dict(query)


def _named(items: list[ReviewItem], owners: dict[int, int], names: dict[int, str], week: str):
    decided = deciders(week)
    return [
        item.model_copy(
            update={
                "mentor_name": names.get(owners.get(item.citizen_id), ""),
                "decided_by": decided.get(item.citizen_id),
            }
        )
        for item in items
    ]


def team_review(
    as_of: date,
    thresholds: ReviewThresholds | None = None,
    only: set[int] | None = None,
) -> list[ReviewGroup]:
    """The week's review queue as of ``as_of``, one group per mentor (by name).

    Each group keeps the queue's order (most urgent first); a mentor with no
    citizen in the queue has no group. ``only``: just these mentors' citizens
    (mine and those I cover).
    """
    owners = mentor_of_citizens()
    names = _mentors(owners)
    queue = _named(review_queue(as_of, None, thresholds), owners, names, iso_week_of(as_of))
    grouped: dict[int | None, list[ReviewItem]] = {}
    for item in queue:
        mentor = owners.get(item.citizen_id)
        if only is None or mentor in only:
            grouped.setdefault(mentor, []).append(item)
    order = [m for m in _by_name(names) if m in grouped]
    order += [m for m in grouped if m not in names]  # a citizen of a removed mentor
    return [ReviewGroup(m, names.get(m) or _("(no mentor)"), grouped[m]) for m in order]


def team_overview(today: date, thresholds: ReviewThresholds | None = None) -> list[MentorLoad]:
    """Per mentor (by name): caseload size, citizens in the week's review,
    signals not yet reviewed, open agreements past their day (as of ``today``)."""
    owners = mentor_of_citizens()
    in_review: Counter[int | None] = Counter()
    signals: Counter[int | None] = Counter()
    for item in review_queue(today, None, thresholds):
        mentor = owners.get(item.citizen_id)
        in_review[mentor] += 1
        if not item.reviewed:
            signals[mentor] += len(item.signals)
    late = (
        ActionItem.select(Citizen.mentor)
        .join(Citizen, on=ActionItem.citizen == Citizen.id)
        .where(
            ActionItem.done_on.is_null()
            & (ActionItem.due_date < today)
            & Citizen.archived_on.is_null()
        )
        .tuples()
    )
    overdue = Counter(mentor for (mentor,) in late)
    overdue.update(overdue_by_mentor(today))  # the job search's follow-ups past their day
    return [
        MentorLoad(
            m.mentor_id,
            m.name,
            m.citizens,
            in_review[m.mentor_id],
            signals[m.mentor_id],
            overdue[m.mentor_id],
        )  # fmt: skip
        for m in team_mentors(today)
    ]
