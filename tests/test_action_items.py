"""Action items across the caseload: overdue first, the owner filter, done and reopened.

TODAY is Sunday 22 November 2026; days overdue are worked out by hand below.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mentorterm.domain import action_items as ai
from mentorterm.domain.citizens import create_citizen, delete_citizen, set_archived
from mentorterm.domain.errors import DomainError, NotFound
from mentorterm.domain.meetings import create_meeting
from mentorterm.models import ActionItem
from mentorterm.schemas import ActionItemIn, CitizenIn, MeetingIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def add(
    citizen: int,
    what: str,
    owner: str = "mentor",
    due: date | None = None,
    done: date | None = None,
    meeting: int | None = None,
) -> int:
    return ai.add_action_item(
        citizen,
        ActionItemIn(what=what, owner=owner, due_date=due, done_on=done),
        meeting_id=meeting,
    )


@pytest.fixture
def caseload(database):
    ali = create_citizen(CitizenIn(name="Ali Hassan"))
    mette = create_citizen(CitizenIn(name="Mette Jørgensen"))
    old = create_citizen(CitizenIn(name="Old Case"))
    ids = dict(
        no_due=add(ali, "Think about job wishes", owner="citizen"),  # made first
        next_month=add(mette, "Visit the workshop", owner="Søren Bak (supervisor)", due=d(1, 12)),
        today=add(ali, "Call the caseworker", owner="Mentor", due=d(22)),  # due today: not late
        two_late=add(mette, "Send the agreement", owner="mentor", due=d(20)),  # 22 - 20 = 2
        twelve_late=add(ali, "Book the doctor", owner="citizen", due=d(10)),  # 22 - 10 = 12
        done_recently=add(ali, "Buy safety shoes", owner="citizen", due=d(1), done=d(21)),
        done_earlier=add(mette, "Get a bus card", owner="mentor", done=d(15)),
        archived=add(old, "Old thing", owner="mentor", due=d(1)),
    )
    set_archived(old, True, today=d(1))
    return dict(ali=ali, mette=mette, old=old, **ids)


def test_open_items_overdue_first_then_by_due_date_then_none(caseload):
    rows = ai.action_items(TODAY)
    c = caseload
    assert [r.id for r in rows] == [
        c["twelve_late"],
        c["two_late"],
        c["today"],
        c["next_month"],
        c["no_due"],
    ]
    assert [(r.overdue, r.days_overdue) for r in rows] == [
        (True, 12),
        (True, 2),
        (False, 0),
        (False, 0),
        (False, 0),
    ]
    assert rows[0].citizen_name == "Ali Hassan" and rows[1].citizen_name == "Mette Jørgensen"


def test_done_items_come_last_newest_done_first(caseload):
    rows = ai.action_items(TODAY, include_done=True)
    c = caseload
    assert [r.id for r in rows][-2:] == [c["done_recently"], c["done_earlier"]]
    # A done item is never overdue, even with its due date (1 Nov) long past.
    assert (rows[-2].overdue, rows[-2].days_overdue) == (False, 0)
    assert len(rows) == 7  # the archived citizen's item is not in the caseload


def test_one_citizen_archived_or_not(caseload):
    c = caseload
    assert [r.id for r in ai.action_items(TODAY, citizen_id=c["ali"])] == [
        c["twelve_late"],
        c["today"],
        c["no_due"],
    ]
    # Asked for by id, an archived citizen's items are there (21 days late: 22 - 1).
    rows = ai.action_items(TODAY, citizen_id=c["old"])
    assert [(r.id, r.days_overdue) for r in rows] == [(c["archived"], 21)]


@pytest.mark.parametrize(
    "wanted,expected",
    [
        ("søren", ["next_month"]),
        ("SØREN BAK", ["next_month"]),
        ("supervisor", ["next_month"]),
        ("mentor", ["two_late", "today"]),  # "mentor" and "Mentor"; overdue first
        ("citizen", ["twelve_late", "no_due"]),
        ("  ", ["twelve_late", "two_late", "today", "next_month", "no_due"]),  # blank: no filter
        ("nobody", []),
        ("%", []),  # no SQL wildcard
    ],
)
def test_owner_filter_is_a_case_insensitive_substring(caseload, wanted, expected):
    assert [r.id for r in ai.action_items(TODAY, owner=wanted)] == [caseload[k] for k in expected]


def test_owners_of_open_items_once_each(caseload):
    # "Mentor"/"mentor" are one; done items' and archived citizens' owners are not listed.
    assert ai.owners(TODAY) == ["citizen", "Mentor", "Søren Bak (supervisor)"]


def test_mark_done_and_reopen(caseload):
    item = caseload["twelve_late"]
    with pytest.raises(DomainError) as refused:
        ai.mark_done(item, d(23), today=TODAY)  # tomorrow
    assert refused.value.field == "done_on" and "23-11-2026" in str(refused.value)
    assert ActionItem.get_by_id(item).done_on is None
    ai.mark_done(item, TODAY, today=TODAY)
    assert item not in [r.id for r in ai.action_items(TODAY)]
    done = ai.action_items(TODAY, include_done=True)
    assert done[-3].id == item and done[-3].done_on == TODAY  # newest done of the three
    ai.reopen(item)
    rows = ai.action_items(TODAY)
    assert (rows[0].id, rows[0].days_overdue) == (item, 12)
    with pytest.raises(NotFound):
        ai.mark_done(999, TODAY, today=TODAY)
    with pytest.raises(NotFound):
        ai.reopen(999)


def test_add_update_delete(caseload):
    ali, mette = caseload["ali"], caseload["mette"]
    meeting = create_meeting(ali, MeetingIn(starts_at=datetime(2026, 11, 17, 10), kind="phone"))
    item = add(ali, "Ask about the bike", meeting=meeting)
    assert ActionItem.get_by_id(item).meeting_id == meeting
    with pytest.raises(DomainError):  # Ali's meeting is not Mette's
        add(mette, "Wrong meeting", meeting=meeting)
    with pytest.raises(NotFound):
        add(999, "Nobody")
    form = ai.action_item_input(item)
    ai.update_action_item(
        item,
        ActionItemIn.model_validate(
            {**form.model_dump(), "owner": "Eva Lund", "due_date": "30-11-2026"}
        ),
    )
    row = ai.action_items(TODAY, citizen_id=ali, owner="eva")[0]
    assert (row.id, row.owner, row.due_date, row.meeting_id) == (item, "Eva Lund", d(30), meeting)
    ai.delete_action_item(item)
    assert ActionItem.get_or_none(ActionItem.id == item) is None
    with pytest.raises(NotFound):
        ai.delete_action_item(item)
    with pytest.raises(NotFound):
        ai.update_action_item(item, form)


def test_deleting_the_citizen_deletes_their_items(caseload):
    delete_citizen(caseload["ali"], "Ali Hassan")
    assert {r.citizen_name for r in ai.action_items(TODAY, include_done=True)} == {
        "Mette Jørgensen"
    }
