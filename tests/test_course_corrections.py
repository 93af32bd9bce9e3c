"""Correcting a saved course, extension or end: the rules, the refusals, the audit rows."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorterm import storage
from mentorterm.domain import audit, courses
from mentorterm.domain.errors import DomainError
from mentorterm.models import (
    AuditEntry,
    Citizen,
    Course,
    CourseExtension,
    LogbookEntry,
    Meeting,
    Placement,
    db,
)
from mentorterm.schemas import CourseEndIn, CourseExtensionIn, CourseIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

days = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
maybe_days = st.none() | days


def _course_in(**changes) -> CourseIn:
    data = dict(
        referral_date=date(2026, 1, 5),
        start_date=date(2026, 1, 12),
        planned_end=date(2026, 4, 12),
        purpose="flexjob",
        weekly_hours="12",
        programme="Afklaring",
        meeting_cadence_days=14,
    )
    data.update(changes)
    return CourseIn(**data)


@pytest.fixture
def citizen(database):
    mentor = storage.ensure_default_mentor()
    return Citizen.create(mentor=mentor, name="Mette Jørgensen")


@pytest.fixture
def course(citizen):
    return Course.get_by_id(courses.start_course(citizen.id, _course_in()))


def last_row() -> AuditEntry:
    return AuditEntry.select().order_by(AuditEntry.id.desc()).get()


def detail(row: AuditEntry) -> dict:
    return json.loads(row.detail)


# --- the pure rules -------------------------------------------------------------------------


@given(days, st.integers(1, 104))
def test_planned_end_and_weeks_are_inverse(start, weeks):
    end = courses.planned_end_for(start, weeks)
    assert courses.weeks_of(start, end) == weeks
    assert (end - start).days == 7 * weeks - 1


def test_thirteen_and_twentysix_weeks_match_the_forms_hint():
    assert courses.planned_end_for(date(2026, 11, 22), 13) == date(2027, 2, 20)
    assert courses.planned_end_for(date(2026, 1, 1), 26) == date(2026, 1, 1) + timedelta(181)
    assert courses.weeks_of(date(2026, 1, 1), date(2026, 1, 10)) is None


@given(days, maybe_days, days, maybe_days)
def test_overlap_is_symmetric_and_matches_a_day_by_day_check(a0, a1, b0, b1):
    if a1 is not None and a1 < a0 or b1 is not None and b1 < b0:
        return
    assert courses.overlaps(a0, a1, b0, b1) == courses.overlaps(b0, b1, a0, a1)
    # Without an open end: overlapping means sharing a day other than a touching end/start.
    if a1 is not None and b1 is not None and a0 < a1 and b0 < b1:
        shared = max(a0, b0) < min(a1, b1)
        assert courses.overlaps(a0, a1, b0, b1) == shared


def test_a_course_may_start_the_day_the_last_ended():
    assert not courses.overlaps(date(2026, 1, 1), date(2026, 3, 1), date(2026, 3, 1), None)
    assert courses.overlaps(date(2026, 1, 1), None, date(2026, 3, 1), None)


@given(days, days, maybe_days, days, maybe_days)
def test_stranded_only_what_moves_out(day, old0, old1, new0, new1):
    side = courses.stranded(day, (old0, old1), (new0, new1))
    if side is None:
        assert not courses.inside(day, old0, old1) or courses.inside(day, new0, new1)
    else:
        assert courses.inside(day, old0, old1) and not courses.inside(day, new0, new1)
        assert (side == "before") == (day < new0)


# --- correcting a course ------------------------------------------------------------------


def test_every_field_corrected_one_audit_row_old_to_new(course):
    before = audit.count()
    changed = courses.update_course(
        course.id,
        _course_in(
            referral_date=date(2026, 1, 2),
            start_date=date(2026, 1, 5),
            planned_end=date(2026, 4, 5),
            purpose="ordinary_job",
            weekly_hours="16",
            programme="Job",
            meeting_cadence_days=7,
        ),
    )
    assert changed
    course = Course.get_by_id(course.id)
    assert (course.referral_date, course.start_date, course.planned_end) == (
        date(2026, 1, 2),
        date(2026, 1, 5),
        date(2026, 4, 5),
    )
    assert (course.purpose, course.weekly_hours, course.programme, course.meeting_cadence_days) == (
        "ordinary_job",
        "16",
        "Job",
        7,
    )
    assert audit.count() == before + 1
    row = last_row()
    assert (row.action, row.what, row.record_id, row.purpose) == (
        "update",
        "course",
        course.id,
        "corrected",
    )
    assert detail(row) == {
        "referral_date": ["2026-01-05", "2026-01-02"],
        "start_date": ["2026-01-12", "2026-01-05"],
        "planned_end": ["2026-04-12", "2026-04-05"],
        "purpose": ["flexjob", "ordinary_job"],
        "meeting_cadence_days": [14, 7],
        "programme": "changed",
        "weekly_hours": ["12", "16"],
    }
    assert audit.verify() == []


def test_nothing_changed_writes_nothing(course):
    before = audit.count()
    assert courses.update_course(course.id, _course_in()) is False
    assert audit.count() == before


def _refused(fn, match: str, field: str | None = None):
    before = (audit.count(), [tuple(c.__data__.values()) for c in Course.select()])
    with pytest.raises(DomainError, match=match) as caught:
        fn()
    assert (audit.count(), [tuple(c.__data__.values()) for c in Course.select()]) == before
    if field:
        assert caught.value.field == field


def test_a_correction_may_not_overlap_another_course(citizen, course):
    courses.end_course(course.id, CourseEndIn(end_date=date(2026, 4, 12), outcome="other"))
    second = courses.start_course(
        citizen.id,
        _course_in(
            referral_date=date(2026, 5, 1),
            start_date=date(2026, 5, 4),
            planned_end=date(2026, 8, 2),
        ),
    )
    _refused(
        lambda: courses.update_course(
            second,
            _course_in(
                referral_date=date(2026, 3, 1),
                start_date=date(2026, 3, 2),
                planned_end=date(2026, 8, 2),
            ),
        ),
        r"overlap the citizen's other course \(12-01-2026 – "
        r"12-04-2026\)",
        "start_date",
    )
    # The day the first ended is fine.
    assert courses.update_course(
        second,
        _course_in(
            referral_date=date(2026, 4, 1),
            start_date=date(2026, 4, 12),
            planned_end=date(2026, 8, 2),
        ),
    )
    # Moving the first course's end past the second's start is refused too.
    _refused(
        lambda: courses.update_end(
            course.id, CourseEndIn(end_date=date(2026, 4, 20), outcome="other")
        ),
        "overlap",
        "end_date",
    )


def test_a_later_start_may_not_strand_a_placement_or_logbook_day(citizen, course):
    placement = Placement.create(
        citizen=citizen, kind="company_internship", workplace="Føtex", start_date=date(2026, 2, 3)
    )
    _refused(
        lambda: courses.update_course(course.id, _course_in(start_date=date(2026, 2, 10))),
        "The placement at Føtex starts 03-02-2026, before the new start",
        "start_date",
    )
    placement.start_date = date(2026, 2, 20)
    placement.save()
    LogbookEntry.create(
        placement=placement, citizen=citizen, entry_date=date(2026, 2, 5), attendance="present"
    )  # typed before the placement: still a record
    _refused(
        lambda: courses.update_course(course.id, _course_in(start_date=date(2026, 2, 10))),
        "The logbook day 05-02-2026 lies before the new start",
    )
    # A start moved earlier strands nothing.
    assert courses.update_course(course.id, _course_in(start_date=date(2026, 1, 6)))


def test_a_later_referral_may_not_strand_a_meeting(citizen, course):
    Meeting.create(
        citizen=citizen, starts_at=datetime(2026, 1, 7, 10), kind="one_to_one", status="held"
    )  # an intake between referral and start: fine as it is
    _refused(
        lambda: courses.update_course(course.id, _course_in(referral_date=date(2026, 1, 9))),
        "The meeting on 07-01-2026 lies before the new referral date",
        "referral_date",
    )


def test_records_outside_the_course_before_stay_outside_without_refusing(citizen, course):
    Placement.create(
        citizen=citizen, kind="company_internship", workplace="Før", start_date=date(2025, 12, 1)
    )
    assert courses.update_course(course.id, _course_in(start_date=date(2026, 1, 20)))


def test_extensions_bind_the_planned_end_and_the_referral(course):
    courses.extend_course(
        course.id, CourseExtensionIn(decided_on=date(2026, 4, 1), new_end=date(2026, 7, 12))
    )
    _refused(
        lambda: courses.update_course(course.id, _course_in(planned_end=date(2026, 7, 12))),
        r"The extension to 12-07-2026 \(decided 01-04-2026\)",
        "planned_end",
    )
    _refused(
        lambda: courses.update_course(
            course.id, _course_in(referral_date=date(2026, 4, 2), start_date=date(2026, 4, 2))
        ),
        "decided on 01-04-2026 lies before the new referral date",
        "referral_date",
    )


def test_an_ended_course_cannot_start_after_its_end(course):
    courses.end_course(course.id, CourseEndIn(end_date=date(2026, 2, 1), outcome="other"))
    _refused(
        lambda: courses.update_course(course.id, _course_in(start_date=date(2026, 2, 2))),
        "ended 01-02-2026",
        "start_date",
    )


# --- extensions ----------------------------------------------------------------------------


def test_correct_and_delete_an_extension(course):
    ext_id = courses.extend_course(
        course.id,
        CourseExtensionIn(
            decided_on=date(2026, 4, 1), new_end=date(2026, 7, 12), reason="Mere afklaring"
        ),
    )
    assert courses.update_extension(
        ext_id,
        CourseExtensionIn(
            decided_on=date(2026, 3, 30), new_end=date(2026, 10, 11), reason="Lægeerklæring"
        ),
    )
    ext = CourseExtension.get_by_id(ext_id)
    assert (ext.decided_on, ext.new_end, ext.reason) == (
        date(2026, 3, 30),
        date(2026, 10, 11),
        "Lægeerklæring",
    )
    row = last_row()
    assert (row.action, row.what, row.record_id) == ("update", "course_extension", ext_id)
    assert detail(row) == {
        "decided_on": ["2026-04-01", "2026-03-30"],
        "new_end": ["2026-07-12", "2026-10-11"],
        "reason": "changed",
    }
    assert "Lægeerklæring" not in row.detail
    _refused(
        lambda: courses.update_extension(
            ext_id, CourseExtensionIn(decided_on=date(2026, 3, 30), new_end=date(2026, 4, 12))
        ),
        r"after the course's first planned end \(12-04-2026\)",
        "new_end",
    )
    _refused(
        lambda: courses.update_extension(
            ext_id, CourseExtensionIn(decided_on=date(2026, 1, 1), new_end=date(2026, 10, 11))
        ),
        "before the referral",
        "decided_on",
    )
    courses.delete_extension(ext_id)
    assert CourseExtension.select().count() == 0
    row = last_row()
    assert (row.action, row.what, row.record_id) == ("delete", "course_extension", ext_id)
    assert detail(row) == {"decided_on": ["2026-03-30", None], "new_end": ["2026-10-11", None]}
    assert courses.course_view(Course.get_by_id(course.id)).current_end == date(2026, 4, 12)
    assert audit.verify() == []


# --- the end ------------------------------------------------------------------------------


def test_correct_an_end_and_undo_it(course):
    courses.end_course(
        course.id, CourseEndIn(end_date=date(2026, 4, 12), outcome="other", end_note="Flyttet")
    )
    assert courses.update_end(
        course.id,
        CourseEndIn(end_date=date(2026, 4, 10), outcome="flexjob_granted", end_note="Flex"),
    )
    course = Course.get_by_id(course.id)
    assert (course.end_date, course.outcome, course.end_note) == (
        date(2026, 4, 10),
        "flexjob_granted",
        "Flex",
    )
    row = last_row()
    assert row.purpose == "course end corrected"
    assert detail(row) == {
        "end_date": ["2026-04-12", "2026-04-10"],
        "outcome": ["other", "flexjob_granted"],
        "end_note": "changed",
    }
    _refused(
        lambda: courses.update_end(
            course.id, CourseEndIn(end_date=date(2026, 1, 1), outcome="other")
        ),
        r"before it started \(12-01-2026\)",
        "end_date",
    )
    courses.reopen_course(course.id)
    course = Course.get_by_id(course.id)
    assert (course.end_date, course.outcome, course.end_note) == (None, None, "")
    row = last_row()
    assert (row.action, row.purpose) == ("update", "course end undone")
    assert detail(row) == {
        "end_date": ["2026-04-10", None],
        "outcome": ["flexjob_granted", None],
        "end_note": "changed",
    }
    _refused(lambda: courses.reopen_course(course.id), "running already")
    _refused(
        lambda: courses.update_end(
            course.id, CourseEndIn(end_date=date(2026, 4, 10), outcome="other")
        ),
        "running",
    )


def test_an_earlier_end_may_not_strand_a_logbook_day(citizen, course):
    placement = Placement.create(
        citizen=citizen, kind="company_internship", workplace="Føtex", start_date=date(2026, 2, 1)
    )
    LogbookEntry.create(
        placement=placement, citizen=citizen, entry_date=date(2026, 3, 12), attendance="present"
    )
    courses.end_course(course.id, CourseEndIn(end_date=date(2026, 4, 12), outcome="other"))
    _refused(
        lambda: courses.update_end(
            course.id, CourseEndIn(end_date=date(2026, 3, 1), outcome="other")
        ),
        "The logbook day 12-03-2026 lies after the new end",
        "end_date",
    )


def test_only_the_latest_course_can_run_again(citizen, course):
    courses.end_course(course.id, CourseEndIn(end_date=date(2026, 4, 12), outcome="other"))
    courses.start_course(
        citizen.id,
        _course_in(
            referral_date=date(2026, 5, 1),
            start_date=date(2026, 5, 4),
            planned_end=date(2026, 8, 2),
        ),
    )
    _refused(
        lambda: courses.reopen_course(course.id),
        "referred again \\(the course starting 04-05-2026\\)",
    )


# --- any correction: refused whole, or accepted with every rule still true -----------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.integers(-40, 40),
    st.integers(-40, 40),
    st.integers(-40, 120),
    st.one_of(st.none(), st.integers(-30, 150)),
)
def test_any_correction_keeps_the_rules(
    citizen, referral_shift, start_shift, end_shift, ended_shift
):
    base = date(2026, 3, 2)
    with db.atomic() as txn:
        first = Course.create(
            citizen=citizen,
            referral_date=date(2025, 9, 1),
            start_date=date(2025, 9, 8),
            planned_end=date(2025, 12, 7),
            end_date=date(2026, 2, 1),
            outcome="other",
            purpose="flexjob",
        )
        course = Course.create(
            citizen=citizen,
            referral_date=base - timedelta(7),
            start_date=base,
            planned_end=base + timedelta(90),
            purpose="flexjob",
        )
        if ended_shift is not None:
            course.end_date, course.outcome = base + timedelta(ended_shift), "other"
            if course.end_date < base:
                course.end_date = base
            course.save()
        placement = Placement.create(
            citizen=citizen,
            kind="company_internship",
            workplace="F",
            start_date=base + timedelta(10),
        )
        for d in (12, 40, 80):
            LogbookEntry.create(
                placement=placement,
                citizen=citizen,
                entry_date=base + timedelta(d),
                attendance="present",
            )
        Meeting.create(
            citizen=citizen,
            starts_at=datetime.combine(base - timedelta(3), datetime.min.time()),
            kind="one_to_one",
            status="held",
        )
        course = Course.get_by_id(course.id)
        before = [tuple(c.__data__.values()) for c in Course.select()], audit.count()
        referral = base - timedelta(7) + timedelta(referral_shift)
        start = base + timedelta(start_shift)
        try:
            data = _course_in(
                referral_date=referral, start_date=start, planned_end=start + timedelta(end_shift)
            )
        except ValueError:  # the input model's own rules (start ≥ referral, end ≥ start)
            txn.rollback()
            return
        try:
            courses.update_course(course.id, data)
        except DomainError:
            assert ([tuple(c.__data__.values()) for c in Course.select()], audit.count()) == before
        else:
            new = Course.get_by_id(course.id)
            assert not courses.overlaps(
                new.start_date, new.end_date, first.start_date, first.end_date
            )
            was = (course.start_date, course.end_date)
            days = [e.entry_date for e in LogbookEntry.select()] + [placement.start_date]
            for day in days:  # what lay inside the course still does
                if courses.inside(day, *was):
                    assert courses.inside(day, new.start_date, new.end_date)
            assert new.referral_date <= base - timedelta(3)  # the meeting stays after it
        txn.rollback()
