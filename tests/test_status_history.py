# ruff: noqa: F811  (the tests take the fixture "make" imported from test_review)
"""A meeting's whole status history and the day it was booked (schema 8, issue 17).

As of a day D a meeting stands at the ``to`` of its last change on or before
D, else at the ``from`` of its first change after D, else at its status now;
one booked after D is not yet "the next meeting booked". Each rule just
inside and just outside, through the review queue (test_review's quiet
citizen: a course around AS_OF, a meeting held at -3, the next planned at +7,
both booked long before).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time

from mentorterm import cli, storage
from mentorterm.clock import stopped_at
from mentorterm.domain import meetings
from mentorterm.domain.review import SignalKind, review_detail
from mentorterm.domain.transfer import export_document, import_document, parse_document
from mentorterm.models import Citizen, Meeting, MeetingStatusChange
from mentorterm.schemas import MeetingIn

from .test_review import AS_OF, at, day, kinds, make, meeting  # noqa: F401
from .test_review_as_of import history  # noqa: F401  (a fixture)

K = SignalKind


def _on(offset: int, hour: int = 9):
    return stopped_at(datetime.combine(day(offset), time(hour)))


def _planned(citizen) -> Meeting:
    return Meeting.get((Meeting.citizen == citizen) & (Meeting.status == "planned"))


def _status_on(meeting_id: int, as_of: date) -> str:
    row = Meeting.select(meetings.status_on(as_of).alias("then")).where(Meeting.id == meeting_id)
    return row.dicts().get()["then"]


def test_a_meeting_cancelled_after_d_counts_as_planned_on_d(make):
    later = make("Cancelled Later")
    same_day = make("Cancelled On The Day")
    with _on(1):
        meetings.cancel_meeting(_planned(later).id, meetings.CancellationIn(cancelled_by="citizen"))
    with _on(0):
        meetings.cancel_meeting(
            _planned(same_day).id, meetings.CancellationIn(cancelled_by="citizen")
        )
    assert K.NO_NEXT_MEETING not in kinds(later)  # still planned on AS_OF
    assert K.NO_NEXT_MEETING in kinds(later, day(1))  # cancelled from AS_OF + 1
    assert K.NO_NEXT_MEETING in kinds(same_day)  # cancelled on AS_OF itself


def test_cancelled_then_planned_again(make):
    citizen = make("Back And Forth")
    planned = _planned(citizen)
    with _on(-1):
        meetings.cancel_meeting(planned.id, meetings.CancellationIn(cancelled_by="citizen"))
    with _on(2):
        meetings.set_status(planned.id, "planned")
    assert K.NO_NEXT_MEETING not in kinds(citizen, day(-2))  # before the first change
    assert K.NO_NEXT_MEETING in kinds(citizen, day(-1))
    assert K.NO_NEXT_MEETING in kinds(citizen, day(1))
    assert K.NO_NEXT_MEETING not in kinds(citizen, day(2))  # planned again
    assert [(c.status_from, c.status_to) for c in meetings.status_history(planned.id)] == [
        ("planned", "cancelled"),
        ("cancelled", "planned"),
    ]


def test_status_on_each_day_of_a_three_change_history(make):
    citizen = make("Three Changes", planned=None)
    m = meeting(citizen, 2, "planned")
    for offset, status in ((-6, "cancelled"), (-4, "planned"), (1, "held")):
        with _on(offset):
            meetings.set_status(m.id, status)
    with _on(3, 9):
        meetings.set_status(m.id, "no_show")
    with _on(3, 15):  # corrected the same day
        meetings.set_status(m.id, "held")
    expected = {
        -7: "planned",  # before the first change: its "from"
        -6: "cancelled",
        -5: "cancelled",
        -4: "planned",
        0: "planned",
        1: "held",
        2: "held",
        3: "held",  # the day's last change
        9: "held",  # after the last change: as it is now
    }
    assert {o: _status_on(m.id, day(o)) for o in expected} == expected
    assert len(meetings.status_history(m.id)) == 5


def test_a_no_show_corrected_to_held_after_d_still_counts_as_missed_on_d(make):
    citizen = make("Corrected Later", held=-20, planned=None)
    early, late = meeting(citizen, -10, "planned"), meeting(citizen, -5, "planned")
    for m, offset in ((early, -10), (late, -5)):
        with _on(offset, 12):
            meetings.set_status(m.id, "no_show")
    meeting(citizen, 7, "planned")
    with _on(1):
        meetings.set_status(late.id, "held")  # she came after all
    assert K.MISSED_MEETINGS in kinds(citizen)
    assert K.MISSED_MEETINGS not in kinds(citizen, day(1))
    assert K.MISSED_MEETINGS not in kinds(citizen, day(-11))  # neither missed yet


def test_a_meeting_booked_after_d_is_no_next_meeting_on_d(make):
    booked_later = make("Booked Later", planned=None)
    booked_on_d = make("Booked On The Day", planned=None)
    unknown = make("Booked Who Knows When", planned=None)
    with _on(1):
        meetings.create_meeting(booked_later.id, MeetingIn(starts_at=at(7), kind="phone"))
    with _on(0):
        meetings.create_meeting(booked_on_d.id, MeetingIn(starts_at=at(7), kind="phone"))
    Meeting.create(citizen=unknown, starts_at=at(7), kind="phone")
    Meeting.update(booked_on=None).where(Meeting.citizen == unknown).execute()  # a migrated row
    assert Meeting.get(Meeting.citizen == booked_later, Meeting.starts_at == at(7)).booked_on == (
        day(1)
    )
    assert K.NO_NEXT_MEETING in kinds(booked_later)
    assert K.NO_NEXT_MEETING not in kinds(booked_later, day(1))
    assert K.NO_NEXT_MEETING not in kinds(booked_on_d)
    assert K.NO_NEXT_MEETING not in kinds(unknown)  # not known: taken as always booked
    # The review's detail: the same meeting is not yet the next one.
    assert review_detail(booked_later.id, AS_OF, today=day(2)).next_meeting is None
    assert review_detail(booked_on_d.id, AS_OF, today=day(2)).next_meeting is not None


def test_an_import_round_trip_keeps_the_history_and_the_booking(make, database):
    citizen = make("Round Trip", planned=None)
    m = meeting(citizen, 2, "planned")
    for offset, status in ((-6, "cancelled"), (-4, "planned")):
        with _on(offset):
            meetings.set_status(m.id, status)
    document = export_document(citizen.id)
    exported = document["citizens"][0]["meetings"][-1]
    assert exported["booked_on"] == "2026-01-01"
    assert [(x["status_from"], x["status_to"]) for x in exported["status_changes"]] == [
        ("planned", "cancelled"),
        ("cancelled", "planned"),
    ]
    Citizen.delete().where(Citizen.id == citizen.id).execute()
    assert MeetingStatusChange.select().count() == 0
    import_document(parse_document(json.dumps(document, default=str)))
    again = Citizen.get(Citizen.name == "Round Trip")
    copy = Meeting.get((Meeting.citizen == again) & (Meeting.starts_at == at(2)))
    assert copy.booked_on == date(2026, 1, 1)
    assert [
        (c.changed_on, c.status_from, c.status_to) for c in meetings.status_history(copy.id)
    ] == [(day(-6), "planned", "cancelled"), (day(-4), "cancelled", "planned")]
    assert (copy.status_before, copy.status_changed_on) == ("cancelled", day(-4))
    second = export_document(again.id)
    assert second["citizens"][0]["meetings"] == document["citizens"][0]["meetings"]


def test_a_schema_7_file_imports_its_last_change_as_the_history(make, database):
    citizen = make("Older File", planned=None)
    document = export_document(citizen.id)
    old = document["citizens"][0]["meetings"][0]
    for key in ("booked_on", "status_changes"):
        del old[key]
    old.update(status="cancelled", status_before="planned", status_changed_on=day(-4).isoformat())
    Citizen.delete().execute()
    import_document(parse_document(json.dumps(document, default=str)))
    copy = Meeting.get()
    assert copy.booked_on is None  # unknown
    assert [(c.changed_on, c.status_from, c.status_to) for c in copy.status_changes] == [
        (day(-4), "planned", "cancelled")
    ]


def _text(capsys, path, as_of: date) -> bytes:
    try:
        status = cli.main(["review", "--db", str(path), "--as-of", as_of.isoformat()])
    finally:
        storage.close_database()
    out, _err = capsys.readouterr()
    assert status == 0
    return out.encode("utf-8")


def test_review_as_of_d_is_byte_identical_after_later_status_changes(history, capsys):
    """test_review_as_of's imported history; then, after D, the planned meeting is
    cancelled and planned again, the missed one re-planned, a new one booked."""
    D = AS_OF
    before = _text(capsys, history, D)
    storage.open_database(history)
    try:
        citizen = Citizen.get()
        cancelled, planned = (
            Meeting.select()
            .where(Meeting.status.in_(["cancelled", "planned"]))
            .order_by(Meeting.starts_at)
        )
        with _on(1):
            meetings.cancel_meeting(planned.id, meetings.CancellationIn(cancelled_by="citizen"))
            meetings.set_status(cancelled.id, "held")  # corrected: it took place
            meetings.create_meeting(citizen.id, MeetingIn(starts_at=at(3), kind="phone"))
        with _on(2):
            meetings.set_status(planned.id, "planned")
    finally:
        storage.close_database()
    assert _text(capsys, history, D) == before
    assert _text(capsys, history, day(1)) != _text(capsys, history, day(-1))
