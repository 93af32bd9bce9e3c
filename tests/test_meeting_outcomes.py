"""Meetings' outcomes and corrections in the domain: who cancelled and why, a
no-show's note, back to planned, a corrected meeting audited old → new, and
double bookings (overlap detection, the next free time)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorterm.domain import meetings
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.errors import DomainError
from mentorterm.domain.identity import save_mentor_identity
from mentorterm.enums import CancelledBy, MeetingKind, MeetingStatus
from mentorterm.models import Meeting, db
from mentorterm.schemas import CitizenIn, MeetingIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def at(day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute)


@pytest.fixture
def bo(database) -> int:
    return create_citizen(CitizenIn(name="Bo Andersen", caseworker_name="Søren Ågård"))


@pytest.fixture
def mette(database) -> int:
    return create_citizen(CitizenIn(name="Mette Jørgensen"))


def plan(citizen_id: int, starts: datetime, minutes: int = 60, **fields) -> int:
    return meetings.create_meeting(
        citizen_id,
        MeetingIn(
            starts_at=starts,
            duration_minutes=minutes,
            kind=fields.pop("kind", "one_to_one"),
            **fields,
        ),
    )


def last_audit() -> tuple:
    return db.execute_sql(
        "SELECT action, what, record_id, purpose, detail FROM audit_entry ORDER BY id DESC LIMIT 1"
    ).fetchone()


# --------------------------------------------------------------------------- outcomes


def test_a_cancellation_records_who_and_why_and_is_audited(bo):
    mid = plan(bo, at(24))
    meetings.cancel_meeting(
        mid, meetings.CancellationIn(cancelled_by="workplace", reason="Lone is ill")
    )
    row = Meeting.get_by_id(mid)
    assert (row.status, row.cancelled_by, row.outcome_note) == (
        "cancelled",
        "workplace",
        "Lone is ill",
    )
    action, what, record, purpose, detail = last_audit()
    assert (action, what, record, purpose) == ("update", "meeting", mid, "cancelled")
    # Old → new, the reason's words kept out of the log.
    assert json.loads(detail) == {
        "cancelled_by": [None, "workplace"],
        "outcome_note": "changed",
        "status": ["planned", "cancelled"],
    }
    detail_view = meetings.meeting_detail(mid)
    assert (
        meetings.outcome_text(
            detail_view.status, detail_view.cancelled_by, detail_view.outcome_note
        )
        == "Cancelled by Workplace: Lone is ill"
    )


def test_only_a_planned_meeting_is_cancelled_or_a_no_show(bo):
    mid = plan(bo, at(20), status="held")
    with pytest.raises(DomainError, match="Only a planned meeting can be cancelled"):
        meetings.cancel_meeting(mid, meetings.CancellationIn())
    with pytest.raises(DomainError, match="recorded as a no-show"):
        meetings.record_no_show(mid)
    assert Meeting.get_by_id(mid).status == "held"


def test_a_no_show_keeps_its_note_and_back_to_planned_clears_the_outcome(bo):
    mid = plan(bo, at(20))
    meetings.record_no_show(mid, "  did not answer the phone ")
    row = Meeting.get_by_id(mid)
    assert (row.status, row.outcome_note) == ("no_show", "did not answer the phone")
    meetings.set_status(mid, MeetingStatus.PLANNED)  # recorded on the wrong meeting
    row = Meeting.get_by_id(mid)
    assert (row.status, row.cancelled_by, row.outcome_note) == ("planned", None, "")
    assert json.loads(last_audit()[4]) == {
        "outcome_note": "changed",
        "status": ["no_show", "planned"],
    }


def test_the_old_cancelled_by_citizen_value_still_reads_and_writes(bo):
    """Code and export files from schema 4 say "cancelled_by_citizen"."""
    assert MeetingStatus("cancelled_by_citizen") is MeetingStatus.CANCELLED
    assert MeetingStatus.CANCELLED_BY_CITIZEN is MeetingStatus.CANCELLED
    data = MeetingIn.model_validate(
        {"starts_at": "20-11-2026 10:00", "kind": "walk", "status": "cancelled_by_citizen"}
    )
    assert (data.status, data.cancelled_by) == (MeetingStatus.CANCELLED, CancelledBy.CITIZEN)
    mid = Meeting.create(
        citizen=bo, starts_at=at(20), kind="walk", status="cancelled_by_citizen"
    ).id
    assert Meeting.get_by_id(mid).status == "cancelled"
    assert Meeting.select().where(Meeting.status == "cancelled_by_citizen").count() == 1
    # Who cancelled belongs to a cancellation only.
    held = MeetingIn.model_validate(
        {
            "starts_at": "20-11-2026 10:00",
            "kind": "walk",
            "status": "held",
            "cancelled_by": "mentor",
        }
    )
    assert held.cancelled_by is None


# --------------------------------------------------------------------------- corrections


def test_a_held_meeting_is_corrected_and_audited_old_to_new(bo):
    mid = plan(
        bo,
        at(20),
        kind="three_party",
        status="held",
        place="Netto",
        notes="Went well",
        participants=[{"name": "Bo Andersen", "role": "citizen"}],
    )
    current = meetings.meeting_input(mid).model_dump()
    current.update(
        starts_at=at(19, 13, 30),
        kind="one_to_one",
        place="Café",
        participants=[
            {"name": "Bo Andersen", "role": "citizen"},
            {"name": "Søren Ågård", "role": "caseworker"},
        ],
    )
    meetings.update_meeting(mid, MeetingIn.model_validate(current))
    row = Meeting.get_by_id(mid)
    assert (row.starts_at, row.kind, row.place, row.notes) == (
        at(19, 13, 30),
        "one_to_one",
        "Café",
        "Went well",
    )
    action, what, record, _purpose, detail = last_audit()
    assert (action, what, record) == ("update", "meeting", mid)
    assert json.loads(detail) == {
        "kind": ["three_party", "one_to_one"],
        "participants": "changed",
        "place": "changed",
        "starts_at": ["2026-11-20T10:00:00", "2026-11-19T13:30:00"],
    }
    assert "Café" not in detail and "Søren" not in detail


def test_saving_a_meeting_unchanged_writes_no_audit_row(bo):
    mid = plan(bo, at(20))
    before = last_audit()
    meetings.update_meeting(mid, meetings.meeting_input(mid))
    assert last_audit() == before


# --------------------------------------------------------------------------- overlaps


def test_an_overlap_names_the_meeting_in_the_way(bo, mette):
    plan(bo, at(23), 60)
    plan(mette, at(23, 13), 30, status="cancelled")  # cancelled: the time is free
    [clash] = meetings.overlapping(at(23, 10, 30), 60)
    assert clash.text == "Bo A. 23-11-2026 10:00–11:00"
    assert meetings.overlapping(at(23, 11), 60) == []  # starts as the other ends
    assert meetings.overlapping(at(23, 9), 60) == []  # ends as the other starts
    assert meetings.overlapping(at(23, 13), 60) == []
    assert [c.citizen_name for c in meetings.overlapping(at(23, 9, 30), 180)] == ["Bo Andersen"]


def test_a_meeting_does_not_overlap_itself(bo):
    mid = plan(bo, at(23), 60)
    assert meetings.overlapping(at(23, 10, 15), 60, exclude_meeting_id=mid) == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    start=st.integers(0, 10 * 60),
    length=st.integers(1, 600),
    other_start=st.integers(0, 10 * 60),
    other_length=st.integers(1, 600),
)
def test_overlap_is_exactly_intersecting_intervals(bo, start, length, other_start, other_length):
    day = datetime(2026, 11, 23, 7, 0)
    with db.atomic() as txn:
        plan(bo, day + timedelta(minutes=other_start), other_length)
        found = meetings.overlapping(day + timedelta(minutes=start), length)
        txn.rollback()
    expected = start < other_start + other_length and other_start < start + length
    assert bool(found) == expected


def test_the_next_free_slot_skips_booked_times_and_the_weekend(bo, mette):
    plan(bo, at(23, 10), 60)
    plan(mette, at(23, 11), 45)
    assert meetings.next_free_slot(at(23, 9), 60) == at(23, 9)  # free until 10
    assert meetings.next_free_slot(at(23, 10), 60) == at(23, 11, 45)
    assert meetings.next_free_slot(at(23, 9, 30), 60) == at(23, 11, 45)
    plan(bo, at(27, 15, 30), 60)  # a Friday afternoon: the next free time is Monday
    assert meetings.next_free_slot(at(27, 15, 30), 60) == datetime(2026, 11, 30, 9, 0)
    assert meetings.next_free_slot(at(28, 10), 60) == datetime(2026, 11, 30, 9, 0)


# --------------------------------------------------------------------------- the note


def test_the_note_knows_the_mentor_from_the_settings(bo):
    assert meetings.note_defaults(bo, date(2026, 11, 23)).mentor == ""
    save_mentor_identity("Karin Holm", "Jobvejen")
    defaults = meetings.note_defaults(bo, date(2026, 11, 23))
    assert (defaults.mentor, defaults.caseworker) == ("Karin Holm", "Søren Ågård")


def test_aftercare_is_a_meeting_kind(bo):
    mid = plan(bo, at(20), kind="aftercare", status="held")
    assert MeetingKind(Meeting.get_by_id(mid).kind).label == "Aftercare follow-up"
    assert MeetingKind.WORKPLACE_FOLLOW_UP.label == "Workplace follow-up (supervisor)"
