"""The caseload summary: triggers keep it equal to the tables, and the caseload
shows the same figures with it as without it (storage/summary.py): the
courses, meetings, placements and hours, and (schema 14) the logbook's days in
the attendance window and the job search's follow-ups past their day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorterm import storage
from mentorterm.domain.caseload import CourseFilter, caseload
from mentorterm.models import (
    ActionItem,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    JobContact,
    LogbookEntry,
    Meeting,
    Placement,
    db,
)
from mentorterm.storage import summary

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 20)


@pytest.fixture
def database(db_target):
    """The mentor of a fresh database: a file, or a fresh team database."""
    storage.open_database(db_target)
    try:
        yield storage.ensure_default_mentor()
    finally:
        storage.close_database()


def stored() -> list[tuple]:
    return db.execute_sql("SELECT * FROM caseload_summary ORDER BY citizen_id").fetchall()


def stored_row(citizen: Citizen) -> dict:
    cursor = db.execute_sql(f"SELECT * FROM caseload_summary WHERE citizen_id = {int(citizen.id)}")
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def recomputed() -> list[tuple]:
    """The summary as filling it afresh from the tables makes it."""
    with db.atomic() as txn:
        db.execute_sql("DELETE FROM caseload_summary")
        dialect = summary.POSTGRES if storage.is_postgres() else summary.SQLITE
        for statement in summary.fill(dialect):
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
    for day, attendance in (
        (date(2026, 11, 9), "sick"),
        (date(2026, 11, 10), "present"),
        (date(2026, 11, 12), "present"),
        (date(2026, 11, 17), "absent_with_notice"),
        (date(2026, 11, 19), "present"),
    ):
        log(current, day, attendance)
    JobContact.create(
        citizen=citizen, company="Bygma", how="phone", follow_up_on=date(2026, 11, 24)
    )
    JobContact.create(
        citizen=citizen,
        company="Lidl",
        how="visit",
        follow_up_on=date(2026, 11, 3),
        followed_up_on=date(2026, 11, 4),
    )
    return citizen


def log(placement: Placement, day: date, attendance: str = "present") -> LogbookEntry:
    return LogbookEntry.create(
        placement=placement,
        citizen=placement.citizen_id,
        entry_date=day,
        attendance=attendance,
        hours_planned=4,
        hours_worked=4 if attendance == "present" else 0,
        written_by="mentor",
    )


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
    assert (str(row["course_end"]), row["open_actions"]) == ("2026-11-30", 1)
    assert (str(row["last_held"]), str(row["next_planned"])) == (
        "2026-11-02 10:00:00",
        "2026-11-26 10:00:00",
    )
    assert (str(row["placement_start"]), row["hours_per_week"]) == ("2026-10-16", 8)
    # The logbook's days, bit i for 19 November - i: 19, 17, 12, 10, 9 (present 19, 12, 10).
    assert row["log_day"] == (date(2026, 11, 19) - date(1970, 1, 1)).days
    assert (row["log_days"], row["log_present"], row["log_extra"]) == (
        0b11010000101,
        0b01010000001,
        0,
    )
    assert str(row["follow_up_due"]) == "2026-11-24"

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
    # The logbook: a new latest day, a changed attendance, a day moved, one gone,
    # a second placement's entry on a day already logged.
    fotex = Placement.get(Placement.citizen == bo, Placement.workplace == "Føtex")
    entry = log(fotex, date(2026, 11, 20))
    assert stored() == recomputed()
    assert stored_row(bo)["log_day"] == (date(2026, 11, 20) - date(1970, 1, 1)).days
    LogbookEntry.update(attendance="sick").where(LogbookEntry.id == entry.id).execute()
    assert stored() == recomputed()
    LogbookEntry.update(entry_date=date(2026, 12, 20)).where(LogbookEntry.id == entry.id).execute()
    assert stored() == recomputed()
    assert (stored_row(bo)["log_days"], stored_row(bo)["log_present"]) == (1, None)
    entry.delete_instance()
    assert stored() == recomputed()
    netto = Placement.get(Placement.citizen == bo, Placement.workplace == "Netto")
    log(netto, date(2026, 11, 19))
    assert stored() == recomputed() and stored_row(bo)["log_extra"] == 1
    # The job search: a follow-up done, one added, one moved.
    JobContact.update(followed_up_on=TODAY).where(JobContact.citizen == anna).execute()
    assert stored() == recomputed() and stored_row(anna)["follow_up_due"] is None
    contact = JobContact.create(citizen=anna, company="Coop", how="email", follow_up_on=TODAY)
    assert stored() == recomputed()
    JobContact.update(follow_up_on=date(2026, 11, 1)).where(JobContact.id == contact.id).execute()
    assert stored() == recomputed() and str(stored_row(anna)["follow_up_due"]) == "2026-11-01"
    contact.delete_instance()
    assert stored() == recomputed()
    bo.delete_instance()
    assert stored() == recomputed() and len(stored()) == 2
    assert storage.integrity_problems() == []


@pytest.mark.parametrize(
    "today",
    [
        date(2025, 3, 1),
        date(2026, 10, 1),
        date(2026, 11, 1),
        date(2026, 11, 12),
        TODAY,
        date(2026, 11, 27),
        date(2026, 12, 3),
    ],
    ids=str,
)
def test_the_caseload_is_the_same_with_or_without_the_summary(database, today):
    """Days before a placement started, after it ended, before the held meeting,
    after the planned one, in the middle of the logged days and after them:
    where the summary does not hold, the tables answer."""
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
    if today == TODAY:  # 7-20 November: 9, 10, 12, 17, 19 logged; present 10, 12, 19
        assert (rows["Anna"].days_logged, rows["Anna"].days_present) == (5, 3)
        assert rows["Anna"].open_action_items == 1  # the follow-up on the 24th not yet due
    if today == date(2026, 11, 12):  # 30 Oct - 12 Nov: 9, 10, 12
        assert (rows["Anna"].days_logged, rows["Anna"].days_present) == (3, 2)
    if today == date(2026, 11, 27):
        assert rows["Anna"].open_action_items == 2  # and the follow-up past its day
    if today == date(2026, 12, 3):  # 20 Nov - 3 Dec: nothing logged
        assert (rows["Anna"].days_logged, rows["Anna"].days_present) == (0, 0)
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


# A logbook of up to 12 entries on two placements within five weeks, and a day
# to look from anywhere around them.
_ENTRIES = st.lists(
    st.tuples(
        st.integers(0, 34),
        st.sampled_from(["present", "sick", "absent_without_notice"]),
        st.booleans(),
    ),
    max_size=12,
    unique_by=lambda e: (e[0], e[2]),
)


@given(entries=_ENTRIES, look=st.integers(-3, 50))
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_attendance_is_the_tables_for_any_logbook_and_day(database, entries, look):
    start = date(2026, 10, 1)
    with db.atomic() as txn:
        citizen = Citizen.create(mentor=database, name="Dorthe")
        Course.create(
            citizen=citizen,
            referral_date=start,
            start_date=start,
            planned_end=date(2027, 1, 31),
            purpose="flexjob",
        )
        placements = [
            Placement.create(
                citizen=citizen, kind="company_internship", workplace=w, start_date=start
            )
            for w in ("Netto", "Bilka")
        ]
        for offset, attendance, second in entries:
            log(placements[second], start + timedelta(days=offset), attendance)
        today = start + timedelta(days=look)
        (row,) = caseload(None, today, CourseFilter.ALL)
        window = [
            a
            for offset, a, _second in entries
            if 0 <= (today - (start + timedelta(days=offset))).days < 14
        ]
        assert (row.days_logged, row.days_present) == (
            len(window),
            window.count("present"),
        )
        assert [row] == without_summary(mentor_id=None, today=today, courses=CourseFilter.ALL)
        assert stored() == recomputed()
        txn.rollback()
