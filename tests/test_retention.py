"""Retention: exactly the right citizens are due, on and either side of the boundary."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from mentorterm import storage
from mentorterm.domain.retention import anniversary, due_for_erasure, erase_many
from mentorterm.models import Citizen, Course, LogbookEntry, Placement, db

from .test_erasure import GONE, KEPT, files_contain, fill_marked

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def citizen(name: str, *ends: date | None, created: datetime = datetime(2010, 1, 1)) -> int:
    """A citizen with one course per end date (None: still running)."""
    c = Citizen.create(mentor=storage.ensure_default_mentor(), name=name, created_at=created)
    for end in ends:
        start = (end or date(2015, 6, 1)) - timedelta(days=90)
        Course.create(
            citizen=c,
            referral_date=start,
            start_date=start,
            planned_end=start + timedelta(days=91),
            purpose="ordinary_job",
            end_date=end,
            outcome="other" if end else None,
        )
    return c.id


def due_names(today: date, years: int = 5) -> list[str]:
    return [item.name for item in due_for_erasure(today, years)]


def test_anniversary_of_a_leap_day():
    assert anniversary(date(2020, 2, 29), 5) == date(2025, 2, 28)
    assert anniversary(date(2020, 2, 29), 4) == date(2024, 2, 29)
    assert anniversary(date(2021, 11, 29), 5) == date(2026, 11, 29)


def test_exactly_five_years_is_not_yet_due_the_day_after_is(database):
    citizen("On the day", date(2021, 11, 29))
    citizen("Day before", date(2021, 11, 28))
    citizen("Day after", date(2021, 11, 30))
    citizen("Old then new", date(2018, 3, 1), date(2023, 1, 1))
    citizen("Running", date(2012, 1, 1), None)
    citizen("Never referred, old", created=datetime(2021, 11, 28, 23, 30))
    citizen("Never referred, on the day", created=datetime(2021, 11, 29, 0, 5))
    today = date(2026, 11, 29)
    # Longest ago first, then by name.
    assert due_names(today) == ["Day before", "Never referred, old"]
    assert due_names(today + timedelta(days=1)) == [
        "Day before",
        "Never referred, old",
        "Never referred, on the day",
        "On the day",
    ]
    assert due_names(today - timedelta(days=1)) == []
    items = {i.name: i for i in due_for_erasure(today)}
    before = items["Day before"]
    assert (before.last_end, before.had_course, before.due_since, before.days_ago) == (
        date(2021, 11, 28),
        True,
        date(2026, 11, 29),
        1827,
    )
    assert before.how_long_ago == "5 y"
    assert items["Never referred, old"].had_course is False
    # A shorter setting catches more; the running course never.
    assert "Old then new" in due_names(today, years=3)
    assert "Running" not in due_names(date(2050, 1, 1), years=1)


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (date(2025, 2, 27), False),
        (date(2025, 2, 28), False),  # the anniversary of 29 February in 2025
        (date(2025, 3, 1), True),
    ],
)
def test_leap_day_end(database, today, due):
    citizen("Leap", date(2020, 2, 29))
    assert due_names(today) == (["Leap"] if due else [])


@pytest.mark.parametrize(
    ("end", "due"),
    [
        (date(2019, 2, 27), True),
        (date(2019, 2, 28), True),  # five years on 28-02-2024; today is the 29th
        (date(2019, 3, 1), False),
    ],
)
def test_today_is_a_leap_day(database, end, due):
    citizen("Ended", end)
    assert due_names(date(2024, 2, 29)) == (["Ended"] if due else [])


@pytest.mark.sqlite_only
def test_erase_many_reports_progress_and_erases_each(db_path, database):
    with db.atomic():
        first = fill_marked(GONE)
        second = citizen("Also gone", date(2015, 1, 1))
        kept = fill_marked(KEPT)
    calls = []
    erased = erase_many(
        [first, 9999, second], progress=lambda done, total: calls.append((done, total))
    )
    assert erased == 2
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert [c.id for c in Citizen.select()] == [kept]
    assert Placement.select().count() == 1 and LogbookEntry.select().count() == 1
    assert files_contain(db_path, GONE) == []
    assert files_contain(db_path, KEPT)


def test_erasing_past_retention_takes_the_citizens_handovers_and_keeps_the_others(database):
    """A handover (schema 9) is the citizen's: its note goes with them; the other
    citizen's handover and the mentors stay."""
    from mentorterm.domain.citizens import handovers_of, reassign_citizen
    from mentorterm.models import AuditEntry, Handover, Mentor

    old = citizen("Gammel Borger", date(2015, 3, 1))
    kept = citizen("Aktiv Borger", date(2026, 3, 1))
    bo = Mentor.create(name="Bo Lund")
    reassign_citizen(old, bo.id, note="Ring before 10", on=date(2015, 1, 5))
    reassign_citizen(kept, bo.id, note="Mornings", on=date(2026, 1, 5))
    assert erase_many([item.citizen_id for item in due_for_erasure(date(2026, 11, 29))]) == 1
    assert [h.citizen_id for h in Handover.select()] == [kept]
    assert [h.note for h in handovers_of(kept)] == ["Mornings"]
    assert Mentor.get_or_none(Mentor.id == bo.id) is not None
    # The handover's audit row went too; one erase row accounts for it.
    assert [e.action for e in AuditEntry.select().where(AuditEntry.citizen_id == old)] == ["erase"]
    assert AuditEntry.select().where(AuditEntry.citizen_id == kept).count() == 1
