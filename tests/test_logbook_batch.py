"""logbook.add_entries: many days in one call, under add_entry's rules (all or none)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mentorterm.domain import audit, logbook, placements
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.models import LogbookEntry
from mentorterm.schemas import CitizenIn, LogbookEntryIn, PlacementIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _day(day: int) -> LogbookEntryIn:
    return LogbookEntryIn(
        entry_date=date(2026, 11, day), attendance="present", hours_planned=3, hours_worked=3
    )


@pytest.fixture
def placement(database) -> int:
    citizen = create_citizen(CitizenIn(name="Ali Hassan"))
    return placements.create_placement(
        citizen,
        PlacementIn(
            kind="company_internship",
            workplace="Netto Viby",
            start_date=date(2026, 11, 2),
            end_date=date(2026, 11, 20),
        ),
    )


def test_writes_every_day_with_its_own_stamp_and_one_audit_row(placement):
    stamps = [datetime(2026, 11, 2, 16, 5), datetime(2026, 11, 3, 9, 40)]
    before = audit.count()
    assert logbook.add_entries(placement, [_day(2), _day(3)], written_at=stamps) == 2
    rows = LogbookEntry.select().order_by(LogbookEntry.entry_date)
    assert [(r.entry_date.day, r.created_at, r.updated_at) for r in rows] == [
        (2, stamps[0], stamps[0]),
        (3, stamps[1], stamps[1]),
    ]
    assert audit.count() == before + 1


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ([5, 21], "outside the placement"),  # after the end
        ([3, 3], "already has Tuesday 03-11-2026"),  # twice in the batch
        ([4, 2], "already has Monday 02-11-2026"),  # already in the logbook
    ],
)
def test_refuses_what_add_entry_refuses_and_writes_nothing(placement, days, message):
    logbook.add_entry(placement, _day(2))
    with pytest.raises(DomainError, match=message):
        logbook.add_entries(placement, [_day(n) for n in days])
    assert [e.entry_date.day for e in LogbookEntry.select()] == [2]
