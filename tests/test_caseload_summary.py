"""The caseload summary: triggers keep it equal to the tables, and the caseload
shows the same figures with it as without it (mentorterm/summary.py)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from mentorterm import storage
from mentorterm.domain.caseload import CourseFilter, caseload
from mentorterm.models import (
    ActionItem,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    Meeting,
    Placement,
    db,
)
from mentorterm.storage import summary

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 20)


@pytest.fixture
def database(tmp_path):
    storage.open_database(tmp_path / "summary.db")
    try:
        yield storage.ensure_default_mentor()
    finally:
        storage.close_database()


def stored() -> list[tuple]:
    return db.execute_sql("SELECT * FROM caseload_summary ORDER BY citizen_id").fetchall()


def recomputed() -> list[tuple]:
    """The summary as filling it afresh from the tables makes it."""
    with db.atomic() as txn:
        db.execute_sql("DELETE FROM caseload_summary")
        for statement in summary.FILL:
            db.execute_sql(statement)
        rows = stored()
        txn.rollback()
    return rows


def without_summary(**kwargs) -> list:
    """The caseload with every summary row gone: every figure from the tables."""
    with db.atomic() as txn:
        db.execute_sql("DELETE FROM caseload_summary")
        rows = caseload(**kwargs)
        txn.rollback()
    return rows


def citizen_with_history(mentor, name: str) -> Citizen:
    citizen = Citizen.create(mentor=mentor, name=name)
    old = Course.create(
        citizen=citizen,
        referral_date=date(2025, 1, 5),
        start_date=date(2025, 2, 1),
        planned_end=date(2025, 6, 30),
        purpose="flexjob",
        end_date=date(2025, 6, 30),
        outcome="other_provider",
    )
    CourseExtension.create(course=old, decided_on=date(2025, 5, 1), new_end=date(2025, 8, 1))
    course = Course.create(
        citizen=citizen,
        referral_date=date(2026, 8, 20),
        start_date=date(2026, 9, 1),
        planned_end=date(2026, 11, 30),
        purpose="flexjob",
    )
    ended = Placement.create(
        citizen=citizen,
        course=course,
        kind="company_internship",
        workplace="Netto",
        start_date=date(2026, 9, 1),
        end_date=date(2026, 10, 15),
    )
    HoursStep.create(placement=ended, from_date=date(2026, 9, 1), hours_per_week=6)
    current = Placement.create(
        citizen=citizen,
        course=course,
        kind="company_internship",
        workplace="Føtex",
        start_date=date(2026, 10, 16),
    )
    HoursStep.create(placement=current, from_date=date(2026, 10, 16), hours_per_week=8)
    for day, status in ((date(2026, 11, 2), "held"), (date(2026, 11, 26), "planned")):
        Meeting.create(
            citizen=citizen,
            mentor=mentor,
            starts_at=datetime.combine(day, datetime.min.time()) + timedelta(hours=10),
            kind="one_to_one",
            status=status,
        )
    ActionItem.create(citizen=citizen, what="Ring til jobcentret", owner="mentor")
    return citizen


def test_the_triggers_keep_the_summary_equal_to_the_tables(database):
    anna = citizen_with_history(database, "Anna")
    bo = citizen_with_history(database, "Bo")
    Citizen.create(mentor=database, name="Carl")  # nothing yet
    assert stored() == recomputed() and len(stored()) == 3
    row = dict(
        zip(
            [d[0] for d in db.execute_sql("SELECT * FROM caseload_summary").description],
            stored()[0],
            strict=True,
        )
    )
    assert (row["course_end"], row["open_actions"]) == ("2026-11-30", 1)
    assert (row["last_held"], row["next_planned"]) == ("2026-11-02 10:00:00", "2026-11-26 10:00:00")
    assert (row["placement_start"], row["hours_per_week"]) == ("2026-10-16", 8)

    course = Course.get(Course.citizen == anna, Course.end_date.is_null())
    assert stored() == recomputed()
    extension = CourseExtension.create(
        course=course, decided_on=date(2026, 11, 10), new_end=date(2027, 2, 28)
    )
    assert stored() == recomputed()
    Meeting.update(status="held").where(
        Meeting.citizen == anna, Meeting.status == "planned"
    ).execute()
    assert stored() == recomputed()
    ActionItem.update(done_on=TODAY).where(ActionItem.citizen == anna).execute()
    assert stored() == recomputed()
    step = HoursStep.create(
        placement=Placement.get(Placement.workplace == "Føtex", Placement.citizen == anna),
        from_date=date(2026, 11, 30),
        hours_per_week=12,
    )
    assert stored() == recomputed()
    Placement.update(end_date=date(2026, 11, 18)).where(
        Placement.citizen == bo, Placement.workplace == "Føtex"
    ).execute()
    assert stored() == recomputed()
    Meeting.update(citizen=bo).where(Meeting.citizen == anna, Meeting.status == "held").execute()
    assert stored() == recomputed()

    extension.delete_instance()
    assert stored() == recomputed()
    step.delete_instance()
    assert stored() == recomputed()
    HoursStep.update(
        placement=Placement.get(Placement.workplace == "Netto", Placement.citizen == anna)
    ).where(
        HoursStep.hours_per_week == 8,
        HoursStep.placement.in_(Placement.select().where(Placement.citizen == anna)),
    ).execute()
    assert stored() == recomputed()
    Course.get(Course.citizen == bo, Course.end_date.is_null()).delete_instance()
    assert stored() == recomputed()
    Placement.get(Placement.citizen == anna, Placement.workplace == "Føtex").delete_instance()
    assert stored() == recomputed()
    bo.delete_instance()
    assert stored() == recomputed() and len(stored()) == 2
    assert storage.integrity_problems() == []


@pytest.mark.parametrize(
    "today",
    [date(2025, 3, 1), date(2026, 10, 1), date(2026, 11, 1), TODAY, date(2026, 11, 27)],
    ids=str,
)
def test_the_caseload_is_the_same_with_or_without_the_summary(database, today):
    """Days before a placement started, after it ended, before the held meeting,
    after the planned one: where the summary does not hold, the tables answer."""
    anna = citizen_with_history(database, "Anna")
    citizen_with_history(database, "Bo")
    Citizen.create(mentor=database, name="Carl")
    HoursStep.create(
        placement=Placement.get(Placement.citizen == anna, Placement.workplace == "Føtex"),
        from_date=date(2026, 11, 25),
        hours_per_week=12,
    )
    Meeting.create(  # a planned meeting nobody marked: in the past for the later days
        citizen=anna, starts_at=datetime(2026, 10, 20, 9), kind="one_to_one", status="planned"
    )
    for courses in CourseFilter:
        with_it = caseload(None, today, courses)
        assert with_it == without_summary(mentor_id=None, today=today, courses=courses)
    rows = {r.name: r for r in caseload(None, today, CourseFilter.ALL)}
    assert set(rows) == {"Anna", "Bo", "Carl"}
    if today == TODAY:
        anna_row = rows["Anna"]
        assert anna_row.next_meeting == datetime(2026, 11, 26, 10)
        assert (anna_row.workplace, anna_row.hours_per_week) == ("Føtex", 8)
        assert anna_row.last_held_meeting == date(2026, 11, 2)
    if today == date(2026, 11, 27):
        assert rows["Anna"].hours_per_week == 12
        assert rows["Anna"].next_meeting is None
    if today == date(2026, 10, 1):
        assert rows["Anna"].workplace == "Netto"
        assert rows["Anna"].next_meeting == datetime(2026, 10, 20, 9)
