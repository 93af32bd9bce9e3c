"""The .ics export: planned meetings only, initials and kind only, written whole or not at all.

TODAY is Sunday 22 November 2026. With weeks=2 the window is 22 Nov 00:00 up to
(not including) 6 Dec 00:00.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from mentorterm.domain import calendar_export as cal
from mentorterm.domain import files
from mentorterm.domain.citizens import create_citizen, set_archived
from mentorterm.domain.errors import DomainError
from mentorterm.domain.meetings import create_meeting
from mentorterm.schemas import CitizenIn, MeetingIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)
CPH = ZoneInfo("Europe/Copenhagen")
SECRET_NOTE = "Talked about the divorce and the migraine medicine"


def at(day: int, hour: int = 10, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute)


def meet(citizen: int, starts: datetime, kind="three_party", status="planned", **fields) -> int:
    return create_meeting(citizen, MeetingIn(starts_at=starts, kind=kind, status=status, **fields))


@pytest.fixture
def planned(database):
    mette = create_citizen(CitizenIn(name="Mette Jørgensen", phone="+45 12 34 56 78"))
    ali = create_citizen(CitizenIn(name="ali"))
    old = create_citizen(CitizenIn(name="Archie Ved"))
    private = dict(
        notes=SECRET_NOTE,
        attendance_note="Sick 3 days (psychiatry)",
        decisions="Hours down",
        participants=[{"name": "Bo Supervisorsen", "role": "placement_supervisor"}],
    )
    ids = dict(
        first=meet(mette, at(22, 0, 0), place="Netto Viby", **private),  # first minute: in
        phone=meet(ali, at(24, 9, 30), kind="phone", duration_minutes=15),
        last=meet(mette, at(5, 23, 59, month=12), kind="walk", place="Harbour"),
        too_late=meet(mette, at(6, 0, 0, month=12)),  # window ends before 6 Dec
        past=meet(mette, at(21, 23, 0)),  # yesterday
        held=meet(mette, at(23), status="held", **private),
        no_show=meet(ali, at(25), status="no_show"),
        cancelled=meet(ali, at(26), status="cancelled_by_citizen"),
        archived=meet(old, at(24)),
    )
    set_archived(old, True, today=date(2026, 11, 1))
    return dict(mette=mette, ali=ali, **ids)


def events(data: bytes):
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_only_planned_upcoming_meetings_of_active_citizens(planned):
    # The place only when the mentor turns it on (tests/test_ics_promise.py: the default).
    data = cal.calendar_ics(TODAY, weeks=2, include_place=True)
    found = events(data)
    # first, phone, last; not: 6 Dec (outside), yesterday, held, no-show, cancelled, archived.
    assert [str(e["UID"]) for e in found] == [
        f"mentorterm-meeting-{planned[k]}" for k in ("first", "phone", "last")
    ]
    assert [str(e["SUMMARY"]) for e in found] == [
        "M.J. – Three-party follow-up",
        "A. – Phone call",
        "M.J. – Walk",
    ]
    assert [str(e.get("LOCATION", "")) for e in found] == ["Netto Viby", "", "Harbour"]
    # Times in Copenhagen time: 24 Nov 09:30 + 15 min; 5 Dec 23:59 + 60 min = 6 Dec 00:59.
    phone, last = found[1], found[2]
    assert phone.decoded("DTSTART") == datetime(2026, 11, 24, 9, 30, tzinfo=CPH)
    assert phone.decoded("DTEND") == datetime(2026, 11, 24, 9, 45, tzinfo=CPH)
    assert last.decoded("DTEND") == datetime(2026, 12, 6, 0, 59, tzinfo=CPH)
    assert b"DTSTART;TZID=Europe/Copenhagen:20261124T093000" in data
    # 24 Nov 09:30 in Copenhagen (CET, UTC+1) is 08:30 UTC.
    assert phone.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert all("DTSTAMP" in e for e in found)
    assert len(list(Calendar.from_ical(data).walk("VTIMEZONE"))) == 1


def test_nothing_personal_leaves_the_database(planned):
    data = cal.calendar_ics(TODAY, weeks=2)
    text = data.decode("utf-8")
    for secret in (
        "Mette",
        "Jørgensen",
        "ali",
        "Archie",
        SECRET_NOTE,
        "Sick 3 days",
        "psychiatry",
        "Hours down",
        "Supervisorsen",
        "12 34 56 78",
    ):
        assert secret not in re.sub(r"\r\n ", "", text)  # also across folded lines
    for event in events(data):
        assert set(event) <= {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION"}


def test_more_weeks_and_one_citizen(planned):
    # Eight weeks (the default) reach 6 Dec too: four events.
    assert len(events(cal.calendar_ics(TODAY))) == 4
    assert [
        str(e["SUMMARY"]) for e in events(cal.calendar_ics(TODAY, citizen_id=planned["ali"]))
    ] == ["A. – Phone call"]
    with pytest.raises(DomainError):
        cal.calendar_ics(TODAY, weeks=0)


def test_the_uid_is_stable_between_exports(planned):
    uids = [[str(e["UID"]) for e in events(cal.calendar_ics(TODAY))] for _ in range(2)]
    assert uids[0] == uids[1]


def test_an_empty_calendar_is_still_a_calendar(database):
    parsed = Calendar.from_ical(cal.calendar_ics(TODAY))
    assert list(parsed.walk("VEVENT")) == []
    assert str(parsed["VERSION"]) == "2.0"


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Mette Jørgensen", "M.J."),
        ("ali", "A."),
        ("Anne-Marie Holm", "A.M.H."),
        ("  øjvind   ærø ", "Ø.Æ."),
        ("M.J.", "M.J."),
        ("---", "?"),
    ],
)
def test_initials(name, expected):
    assert cal.initials(name) == expected


@given(st.text(max_size=60))
def test_initials_never_spell_out_part_of_the_name(name):
    result = cal.initials(name)
    assert re.fullmatch(r"(.\.)+|\?", result, flags=re.DOTALL)
    runs = re.findall(r"[^\W\d_]{2,}", name)  # two letters or more in a row
    lowercase_runs = [r for r in runs if any(c.islower() for c in r)]
    for run in lowercase_runs:
        for i in range(len(run) - 1):
            assert run[i : i + 2] not in result


# --- writing the file ----------------------------------------------------------------------


def test_write_calendar_replaces_the_file_whole(tmp_path):
    target = tmp_path / "meetings.ics"
    target.write_bytes(b"old")
    cal.write_calendar(target, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["meetings.ics"]  # no temporary file left


def test_write_calendar_refuses_a_folder_or_a_missing_folder(tmp_path):
    with pytest.raises(DomainError, match="folder"):
        cal.write_calendar(tmp_path, b"x")
    with pytest.raises(DomainError, match="does not exist"):
        cal.write_calendar(tmp_path / "nope" / "meetings.ics", b"x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_write_calendar_refuses_an_unwritable_folder(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "meetings.ics").write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(DomainError, match="may not write in"):
            cal.write_calendar(folder / "meetings.ics", b"new")
        assert (folder / "meetings.ics").read_bytes() == b"old"
    finally:
        folder.chmod(0o700)


def test_a_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "meetings.ics"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(DomainError, match="nothing was written"):
        cal.write_calendar(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["meetings.ics"]


def test_a_folder_that_refuses_new_files_is_refused_in_plain_words(tmp_path, monkeypatch):
    # As root the chmod test above cannot run; the same refusal, made by the OS call.
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files.os, "open", refused)
    with pytest.raises(DomainError, match="may not write in") as error:
        cal.write_calendar(tmp_path / "meetings.ics", b"new")
    assert error.value.field == "path"
    assert list(tmp_path.iterdir()) == []
