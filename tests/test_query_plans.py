"""Query plans: the caseload reads the big tables through indexes, never a full scan.

Not a timing test: SQLite's EXPLAIN QUERY PLAN says how it will read each
table, and a ``SCAN`` of the logbook or the meetings means the caseload's cost
grows with the whole organisation's history instead of one citizen's
(bench/README.md has the figures).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from mentorterm import storage
from mentorterm.domain.caseload import CourseFilter, caseload, caseload_sql
from mentorterm.models import (
    ALL_MODELS,
    ActionItem,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    Placement,
    db,
)

TODAY = date(2026, 11, 20)
BIG_TABLES = {"logbook_entry", "meeting"}
SQL_WORDS = {"WHERE", "ON", "LEFT", "JOIN", "ORDER", "GROUP", "LIMIT", "INNER", "AS"}


@pytest.fixture
def database(tmp_path):
    storage.open_database(tmp_path / "plans.db")
    try:
        mentor = storage.ensure_default_mentor()
        citizen = Citizen.create(mentor=mentor, name="Test Citizen")
        course = Course.create(
            citizen=citizen,
            referral_date=date(2026, 8, 20),
            start_date=date(2026, 9, 1),
            planned_end=date(2026, 11, 30),
            purpose="flexjob",
        )
        CourseExtension.create(
            course=course, decided_on=date(2026, 11, 10), new_end=date(2027, 2, 28)
        )
        placement = Placement.create(
            citizen=citizen,
            course=course,
            kind="company_internship",
            workplace="Netto",
            start_date=date(2026, 9, 15),
        )
        HoursStep.create(placement=placement, from_date=date(2026, 9, 15), hours_per_week=8)
        for n in range(10):
            day = TODAY - timedelta(days=n)
            LogbookEntry.create(
                placement=placement,
                citizen=citizen,
                entry_date=day,
                attendance="present" if n % 3 else "sick",
                hours_planned=4,
                hours_worked=4 if n % 3 else 0,
            )
        Meeting.create(
            citizen=citizen,
            mentor=mentor,
            starts_at=datetime(2026, 11, 12, 10),
            kind="one_to_one",
            status="held",
        )
        Meeting.create(
            citizen=citizen,
            mentor=mentor,
            starts_at=datetime(2026, 11, 26, 10),
            kind="three_party",
            status="planned",
        )
        ActionItem.create(citizen=citizen, what="Send the report", owner="mentor")
        yield mentor
    finally:
        storage.close_database()


def aliases(sql: str) -> dict[str, str]:
    """{alias or table name: table} for every table named in the statement."""
    names: dict[str, str] = {}
    for table, alias in re.findall(
        r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", sql, flags=re.IGNORECASE
    ):
        names[table] = table
        if alias and alias.upper() not in SQL_WORDS:
            names[alias] = table
    return names


def plan(sql: str, params) -> list[str]:
    return [row[-1] for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall()]


def read_as(detail: str, names: dict[str, str]) -> tuple[str, str] | None:
    """('SCAN' or 'SEARCH', table) for a plan line that reads a table."""
    match = re.match(r"(SCAN|SEARCH) (\w+)", detail)
    if match is None:
        return None
    return match.group(1), names.get(match.group(2), match.group(2))


@pytest.mark.parametrize("courses", list(CourseFilter))
@pytest.mark.parametrize("per_mentor", [True, False], ids=["one-mentor", "all-mentors"])
def test_caseload_never_scans_logbook_or_meetings(database, per_mentor, courses):
    sql, params = caseload_sql(database.id if per_mentor else None, TODAY, courses)
    names = aliases(sql)
    lines = plan(sql, params)
    reads = [(line, read_as(line, names)) for line in lines]

    scans = [
        f"{line}  ({r[1]})"
        for line, r in reads
        if r is not None and r[0] == "SCAN" and r[1] in BIG_TABLES
    ]
    assert not scans, "full scan in the caseload plan: " + "; ".join(scans)
    # The check above only means something if the plan reads these tables at all.
    searched = {r[1] for _, r in reads if r is not None and r[0] == "SEARCH"}
    assert BIG_TABLES <= searched, "\n".join(lines)
    if per_mentor:
        assert ("SEARCH", "citizen") in [r for _, r in reads], "\n".join(lines)


def test_caseload_sql_is_what_caseload_runs(database):
    rows = caseload(database.id, TODAY)
    assert len(rows) == 1
    row = rows[0]
    # 10 days back from TODAY: the 14-day window holds all of them
    assert (row.days_logged, row.days_present) == (10, 6)
    assert row.course_end == date(2027, 2, 28)
    assert row.last_held_meeting == date(2026, 11, 12)
    assert row.next_meeting == datetime(2026, 11, 26, 10)
    assert (row.workplace, row.hours_per_week, row.open_action_items) == ("Netto", 8, 1)


def test_every_foreign_key_leads_an_index(database):
    """Deleting a parent looks up its children by the key: that must not scan."""
    missing = []
    for model in ALL_MODELS:
        table = model._meta.table_name
        leading = set()
        for _seq, index, *_ in db.execute_sql(f'PRAGMA index_list("{table}")').fetchall():
            first = db.execute_sql(f'PRAGMA index_info("{index}")').fetchone()
            leading.add(first[2])
        for fk in model._meta.refs:
            if fk.column_name not in leading:
                missing.append(f"{table}.{fk.column_name}")
    assert not missing, "foreign keys without an index: " + ", ".join(missing)
