"""The caseload as built now equals the caseload as it was first written: the
statement and the row builder before issue 15's speed work (kept here as the
reference), on varied seeded caseloads, every day, filter, mentor and page.

What changed for speed: the rows are built column by column, the logbook is
not searched for a citizen the summary says has no placement, and the
collector waits while the rows are built (mentorterm/domain/caseload.py). None
of it may change a figure.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from mentorterm import storage
from mentorterm.domain import caseload as now
from mentorterm.domain.caseload import CaseloadRow, CourseFilter
from mentorterm.models import Citizen, JobContact, LogbookEntry, Mentor, Placement, db

from .test_caseload_first_page import TODAY, seed

pytestmark = pytest.mark.both_engines

# fmt: off
_SQL = """
SELECT c.id, c.name, c.caseworker_name,
       co.id, co.purpose, co.start_date,
       CASE WHEN s.citizen_id IS NOT NULL THEN s.course_end ELSE
       COALESCE((SELECT max(x.new_end) FROM course_extension x WHERE x.course_id = co.id),
                co.planned_end) END,
       co.end_date, co.outcome, COALESCE(co.meeting_cadence_days, 14),
       CASE WHEN s.citizen_id IS NOT NULL AND (s.last_held IS NULL OR s.last_held < :tomorrow)
            THEN s.last_held ELSE
       (SELECT max(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND m.status = 'held' AND m.starts_at < :tomorrow) END,
       CASE WHEN s.citizen_id IS NOT NULL AND (s.next_planned IS NULL OR s.next_planned >= :today)
            THEN s.next_planned ELSE
       (SELECT min(m.starts_at) FROM meeting m
         WHERE m.citizen_id = c.id AND m.status = 'planned' AND m.starts_at >= :today) END,
       -- days logged * 1000 + days present, in one index range scan
       (SELECT count(*) * 1000 + count(CASE WHEN l.attendance = 'present' THEN 1 END)
          FROM logbook_entry l
         WHERE l.citizen_id = c.id AND l.entry_date > :window_start AND l.entry_date <= :today),
       CASE WHEN s.citizen_id IS NOT NULL THEN s.open_actions ELSE
       (SELECT count(*) FROM action_item a WHERE a.citizen_id = c.id AND a.done_on IS NULL) END
       -- and the job search's follow-ups past their day (issue 20)
       + (SELECT count(*) FROM job_contact j WHERE j.citizen_id = c.id
           AND j.followed_up_on IS NULL AND j.follow_up_on < :today),
       p.workplace,
       CASE WHEN p.id = s.placement_id AND (s.hours_from IS NULL OR s.hours_from <= :today)
            THEN s.hours_per_week ELSE
       (SELECT h.hours_per_week FROM hours_step h
         WHERE h.placement_id = p.id AND h.from_date <= :today
         ORDER BY h.from_date DESC LIMIT 1) END,
       c.archived_on
FROM citizen c
LEFT JOIN caseload_summary s ON s.citizen_id = c.id
LEFT JOIN course co ON co.id = CASE WHEN s.citizen_id IS NOT NULL THEN s.course_id ELSE (
    SELECT c2.id FROM course c2 WHERE c2.citizen_id = c.id
    ORDER BY c2.end_date IS NULL DESC, c2.start_date DESC, c2.id DESC LIMIT 1) END
LEFT JOIN placement p ON p.id = CASE
    WHEN s.citizen_id IS NOT NULL AND (s.placement_id IS NULL OR (
         s.placement_start <= :today AND (s.placement_end IS NULL OR s.placement_end >= :today)))
    THEN s.placement_id ELSE (
    SELECT p2.id FROM placement p2
     WHERE p2.citizen_id = c.id AND p2.start_date <= :today
       AND (p2.end_date IS NULL OR p2.end_date >= :today)
     ORDER BY p2.start_date DESC, p2.id DESC LIMIT 1) END
WHERE 1 = 1 {mentor} {status} {first}
"""

_FIRST = """AND c.id IN (
    SELECT c.id FROM citizen c
    LEFT JOIN caseload_summary s ON s.citizen_id = c.id
    LEFT JOIN course co ON co.id = CASE WHEN s.citizen_id IS NOT NULL THEN s.course_id ELSE (
        SELECT c2.id FROM course c2 WHERE c2.citizen_id = c.id
        ORDER BY c2.end_date IS NULL DESC, c2.start_date DESC, c2.id DESC LIMIT 1) END
    WHERE 1 = 1 {mentor} {status} ORDER BY lower(c.name) LIMIT :limit)"""
# fmt: on


def reference(mentor_id, today, courses, limit=None) -> list[CaseloadRow]:
    """The caseload as the code before the speed work built it, row by row."""
    status = {
        CourseFilter.ACTIVE: "AND c.archived_on IS NULL AND co.end_date IS NULL",
        CourseFilter.ENDED: "AND c.archived_on IS NULL AND co.end_date IS NOT NULL",
        CourseFilter.ALL: "",
    }[CourseFilter(courses)]
    mentor = "AND c.mentor_id = :mentor" if mentor_id is not None else ""
    first = _FIRST.format(mentor=mentor, status=status) if limit is not None else ""
    params = {
        "today": today.isoformat(),
        "tomorrow": (today + timedelta(days=1)).isoformat(),
        "window_start": (today - timedelta(days=now.ATTENDANCE_WINDOW_DAYS)).isoformat(),
        "mentor": mentor_id,
        "limit": limit,
    }
    rows = storage.execute(_SQL.format(mentor=mentor, status=status, first=first), params)
    d, dt = now._as_date, now._as_datetime
    result = [
        CaseloadRow(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            d(r[5]),
            d(r[6]),
            d(r[7]),
            r[8],
            r[9],
            d(r[10]),
            dt(r[11]),
            r[12] // 1000,
            r[12] % 1000,
            r[13],
            r[14],
            r[15],
            d(r[16]),
            today,
        )  # fmt: skip
        for r in rows.fetchall()
    ]
    result.sort(key=lambda row: row.name.casefold())
    return result


def more(rng: random.Random, mentor: Mentor) -> None:
    """What the shared seed leaves out: job contacts with follow-ups, citizens
    without a placement but with a summary row, logbook days of a placement
    that has ended, citizens with no records at all."""
    for number in range(12):
        citizen = Citizen.create(mentor=mentor, name=f"Extra {rng.choice('ABCabcØå')} {number}")
        if number % 3 == 0:
            placement = Placement.create(
                citizen=citizen,
                kind="company_internship",
                workplace="Netto",
                start_date=TODAY - timedelta(days=60),
                end_date=TODAY - timedelta(days=rng.choice([3, 10, 20])),
            )
            for day in range(rng.randint(1, 10)):
                LogbookEntry.create(
                    placement=placement,
                    citizen=citizen,
                    entry_date=TODAY - timedelta(days=3 + day),
                    attendance=rng.choice(["present", "sick", "absent_without_notice"]),
                )
        for _ in range(rng.randint(0, 3)):
            JobContact.create(
                citizen=citizen,
                company="Jysk",
                contacted_on=TODAY - timedelta(days=rng.randint(0, 40)),
                how="phone",
                outcome="waiting",
                follow_up_on=TODAY + timedelta(days=rng.randint(-20, 20)),
                followed_up_on=TODAY if rng.random() < 0.3 else None,
            )


@pytest.mark.parametrize("seed_value", [11, 12])
def test_the_caseload_is_the_reference_caseload(database, seed_value):
    rng = random.Random(seed_value)
    mentor = storage.ensure_default_mentor()
    other = Mentor.create(name="Another mentor")
    seed(rng, mentor, other, 70)
    more(rng, mentor)
    mentors = [None, mentor.id, other.id]
    days = [TODAY, TODAY - timedelta(days=45), TODAY + timedelta(days=9), date(2025, 1, 1)]
    checked = 0
    for today in days:
        for courses in CourseFilter:
            for who in mentors:
                for limit in (None, 7):
                    expected = reference(who, today, courses, limit)
                    got = now.caseload(who, today, courses, limit)
                    assert got == expected, (today, courses, who, limit)
                    assert all(type(row) is CaseloadRow for row in got)
                    checked += len(got)
    assert checked > 1000


def test_the_same_without_any_summary_row(database):
    mentor = storage.ensure_default_mentor()
    other = Mentor.create(name="Another mentor")
    rng = random.Random(3)
    seed(rng, mentor, other, 40)
    more(rng, mentor)
    with db.atomic() as txn:
        db.execute_sql("DELETE FROM caseload_summary")
        for courses in CourseFilter:
            assert now.caseload(None, TODAY, courses) == reference(None, TODAY, courses)
        txn.rollback()


def test_an_empty_caseload(database):
    storage.ensure_default_mentor()
    assert now.caseload(None, TODAY, CourseFilter.ALL) == []
