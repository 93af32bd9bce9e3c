"""Meetings, the agenda, the prefilled attendance note and the whole follow-up note.

Every expected figure is worked out by hand. Calendar used below (2026):
    November: Sun 1; Mon 2, 9, 16, 23, 30; Tue 3, 10, 17, 24; Wed 18; Sun 22, 29
    December: Tue 1; Sat 5, Sun 6, Mon 7
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from mentorterm.domain import courses, logbook, meetings, placements
from mentorterm.domain.citizens import create_citizen, set_archived
from mentorterm.domain.errors import DomainError, NotFound
from mentorterm.domain.meetings import HoursChangeIn, MeetingNoteIn
from mentorterm.enums import Attendance, MeetingKind, MeetingStatus, ParticipantRole
from mentorterm.models import ActionItem, HoursStep, Meeting, MeetingParticipant
from mentorterm.schemas import (
    CitizenIn,
    CourseEndIn,
    CourseIn,
    HoursStepIn,
    LogbookEntryIn,
    MeetingIn,
    PlacementIn,
)

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

THREE, ONE = MeetingKind.THREE_PARTY, MeetingKind.ONE_TO_ONE
PLANNED, HELD, NO_SHOW = MeetingStatus.PLANNED, MeetingStatus.HELD, MeetingStatus.NO_SHOW


def d(day: int, month: int = 11) -> date:
    return date(2026, month, day)


def at(day: int, hour: int = 10, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute)


@pytest.fixture
def citizen(database) -> int:
    return create_citizen(CitizenIn(name="Ali Hassan"))


def meeting(citizen_id: int, starts: datetime, kind=THREE, status=PLANNED, **fields) -> int:
    return meetings.create_meeting(
        citizen_id, MeetingIn(starts_at=starts, kind=kind, status=status, **fields)
    )


def placement(
    citizen_id: int,
    start: date,
    end: date | None = None,
    workplace: str = "Netto Viby",
    step=(15, "5 x 3 h Mon-Fri"),
) -> int:
    pid = placements.create_placement(
        citizen_id,
        PlacementIn(kind="company_internship", workplace=workplace, start_date=start, end_date=end),
    )
    if step:
        placements.add_hours_step(
            pid, HoursStepIn(from_date=start, hours_per_week=step[0], schedule=step[1])
        )
    return pid


def log(
    pid: int,
    day: date,
    attendance=Attendance.PRESENT,
    planned: float = 3,
    worked: float | None = None,
    **fields,
) -> None:
    if worked is None:
        worked = planned if attendance == Attendance.PRESENT else 0
    logbook.add_entry(
        pid,
        LogbookEntryIn(
            entry_date=day,
            attendance=attendance,
            hours_planned=planned,
            hours_worked=worked,
            **fields,
        ),
    )


def counts() -> tuple[int, int, int, int]:
    return (
        Meeting.select().count(),
        MeetingParticipant.select().count(),
        ActionItem.select().count(),
        HoursStep.select().count(),
    )


# --- create, read, change, delete ---------------------------------------------------------


def test_a_meeting_is_created_with_participants_read_changed_and_deleted(citizen):
    mid = meeting(
        citizen,
        at(24),
        place="Netto Viby, the back office",
        participants=[
            {"name": "Ali Hassan", "role": "citizen"},
            {"name": "Bo Jensen", "role": "placement_supervisor"},
        ],
    )
    detail = meetings.meeting_detail(mid)
    assert (detail.citizen_id, detail.citizen_name, detail.kind, detail.status) == (
        citizen,
        "Ali Hassan",
        THREE,
        PLANNED,
    )
    assert detail.ends_at == at(24, 11)  # 60 minutes by default
    assert [(p.name, p.role) for p in detail.participants] == [
        ("Ali Hassan", ParticipantRole.CITIZEN),
        ("Bo Jensen", ParticipantRole.PLACEMENT_SUPERVISOR),
    ]

    # The edit form's values validate again as they are, participants included.
    form = meetings.meeting_input(mid)
    again = MeetingIn.model_validate(form.model_dump())
    assert again.place == "Netto Viby, the back office"
    assert [p.name for p in again.participants] == ["Ali Hassan", "Bo Jensen"]

    # Updating replaces the participants (not adds to them).
    changed = {
        **again.model_dump(),
        "place": "Jobcenter",
        "participants": [{"name": "Eva Lund", "role": "caseworker"}],
    }
    meetings.update_meeting(mid, MeetingIn.model_validate(changed))
    detail = meetings.meeting_detail(mid)
    assert detail.place == "Jobcenter"
    assert [(p.name, p.role) for p in detail.participants] == [
        ("Eva Lund", ParticipantRole.CASEWORKER)
    ]
    assert MeetingParticipant.select().count() == 1

    # Deleting keeps the agreements made at the meeting, untied from it.
    item = ActionItem.create(citizen=citizen, meeting=mid, what="Call the doctor", owner="citizen")
    meetings.delete_meeting(mid)
    assert ActionItem.get_by_id(item.id).meeting_id is None
    assert MeetingParticipant.select().count() == 0
    with pytest.raises(NotFound):
        meetings.meeting_detail(mid)
    with pytest.raises(NotFound):
        meetings.delete_meeting(mid)


def test_a_meeting_of_a_missing_citizen_is_refused(database):
    with pytest.raises(NotFound):
        meetings.create_meeting(999, MeetingIn(starts_at=at(24), kind=THREE))
    assert Meeting.select().count() == 0


def test_the_detail_lists_the_action_items_of_that_meeting_only(citizen):
    first, second = meeting(citizen, at(3), status=HELD), meeting(citizen, at(17), status=HELD)
    ActionItem.create(citizen=citizen, meeting=first, what="Old", owner="mentor")
    ActionItem.create(citizen=citizen, meeting=second, what="Later", owner="mentor", due_date=d(30))
    ActionItem.create(
        citizen=citizen, meeting=second, what="Sooner", owner="citizen", due_date=d(20)
    )
    ActionItem.create(citizen=citizen, meeting=None, what="Loose", owner="mentor")
    # Ordered by due date: 20 Nov before 30 Nov.
    assert [a.what for a in meetings.meeting_detail(second).action_items] == ["Sooner", "Later"]


# --- outcomes --------------------------------------------------------------------------------


def test_no_show_and_other_outcomes(citizen):
    mid = meeting(citizen, at(17))
    meetings.record_no_show(mid)
    assert meetings.meeting_detail(mid).status == NO_SHOW
    meetings.record_no_show(mid)  # again: nothing changes, no error
    meetings.set_status(mid, MeetingStatus.CANCELLED_BY_CITIZEN)
    assert meetings.meeting_detail(mid).status == MeetingStatus.CANCELLED_BY_CITIZEN
    with pytest.raises(DomainError):  # only a planned meeting can be a no-show
        meetings.record_no_show(mid)
    meetings.set_status(mid, "rescheduled")
    assert meetings.meeting_detail(mid).status == MeetingStatus.RESCHEDULED
    with pytest.raises(ValueError):
        meetings.set_status(mid, "vanished")
    with pytest.raises(NotFound):
        meetings.set_status(999, HELD)


def test_quick_no_show_uses_the_planned_meeting_of_that_day(citizen):
    planned = meeting(citizen, at(17, 10), kind=ONE)
    other_kind = meeting(citizen, at(17, 13), kind=THREE)
    # The 1:1 planned at 10:00 on 17 Nov becomes the no-show: no second row.
    assert meetings.quick_no_show(citizen, at(17, 10, 5), ONE) == planned
    assert Meeting.select().count() == 2
    assert meetings.meeting_detail(planned).status == NO_SHOW
    assert meetings.meeting_detail(other_kind).status == PLANNED
    # Nothing planned on 18 Nov: a new no-show meeting, at the time given.
    new = meetings.quick_no_show(citizen, at(18, 9, 30), ONE)
    assert new not in (planned, other_kind)
    detail = meetings.meeting_detail(new)
    assert (detail.starts_at, detail.kind, detail.status) == (at(18, 9, 30), ONE, NO_SHOW)
    with pytest.raises(NotFound):
        meetings.quick_no_show(999, at(18), ONE)


# --- the agenda -----------------------------------------------------------------------------


def test_agenda_is_this_iso_week_and_the_next_planned_only(citizen):
    today = d(18)  # Wednesday: this week is Mon 16 - Sun 22, next week Mon 23 - Sun 29
    other = create_citizen(CitizenIn(name="Bo Berg"))
    archived = create_citizen(CitizenIn(name="Old Case"))
    sunday_before = meeting(citizen, at(15, 12))  # last week: not on the agenda
    monday = meeting(citizen, at(16, 0, 0))  # first minute of the window
    today_later = meeting(other, at(18, 14))
    last_minute = meeting(other, at(29, 23, 59))  # Sunday of next week
    meeting(citizen, at(30, 0, 0))  # Monday after: outside
    meeting(citizen, at(17), status=HELD)  # held: not planned
    meeting(archived, at(19))
    set_archived(archived, True, today=d(1))

    items = meetings.agenda(today)
    assert [i.meeting_id for i in items] == [monday, today_later, last_minute]
    assert [i.week for i in items] == ["this", "this", "next"]
    assert [i.is_past for i in items] == [True, False, False]  # only Monday is before today
    assert [i.citizen_name for i in items] == ["Ali Hassan", "Bo Berg", "Bo Berg"]
    # With the time of day: at 15:00 the 14:00 meeting is over too.
    assert [i.is_past for i in meetings.agenda(today, now=at(18, 15))] == [True, True, False]

    # Not yet recorded: planned and before today, however long ago (Sun 15 and Mon 16).
    late = meetings.unrecorded(today)
    assert [(i.meeting_id, i.week, i.is_past) for i in late] == [
        (sunday_before, "earlier", True),
        (monday, "this", True),
    ]
    meetings.set_status(sunday_before, HELD)
    meetings.record_no_show(monday)
    assert meetings.unrecorded(today) == []


# --- the attendance since the last follow-up ------------------------------------------------


@pytest.fixture
def logged(citizen):
    """Netto Viby from Mon 2 Nov, 3 h every weekday; follow-up held on Mon 2 Nov.

    Period for a meeting on Tue 17 Nov: Tue 3 - Mon 16 Nov =
    Tue 3, Wed 4, Thu 5, Fri 6, Mon 9 .. Fri 13, Mon 16 = 4 + 5 + 1 = 10 weekdays.
    """
    pid = placement(citizen, d(2))
    meeting(citizen, at(2, 13), status=HELD)
    meeting(citizen, at(10), kind=ONE, status=HELD)  # a 1:1 is no follow-up
    meeting(citizen, at(12), status=NO_SHOW)  # a no-show is no follow-up
    log(pid, d(2), Attendance.ABSENT_WITHOUT_NOTICE)  # the follow-up day: outside
    for day in (3, 4, 5, 6, 9, 10, 13, 16):
        log(pid, d(day))
    log(pid, d(11), Attendance.SICK, absence_reason="Migraine")
    log(pid, d(12), worked=2, left_early=True, left_early_reason="Back pain")
    log(pid, d(17), Attendance.SICK, absence_reason="Flu")  # the meeting day: outside
    return pid


def test_previous_follow_up_is_the_last_held_three_party_meeting_strictly_before(citizen, logged):
    assert meetings.previous_follow_up(citizen, d(17)) == d(2)
    assert meetings.previous_follow_up(citizen, d(2)) is None  # strictly before 2 Nov
    assert meetings.previous_follow_up(citizen, d(3)) == d(2)


def test_attendance_since_the_last_follow_up(citizen, logged):
    summary = meetings.attendance_since_last_follow_up(citizen, d(17), today=d(22))
    f = summary.figures
    assert (summary.placement_id, summary.workplace, summary.previous_follow_up) == (
        logged,
        "Netto Viby",
        d(2),
    )
    assert (summary.start, summary.end) == (d(3), d(16))
    # 10 logged: 9 present + 1 sick (11 Nov); 2 Nov and 17 Nov are outside.
    assert (f.days_logged, f.days_present, f.sick_days, f.absent_without_notice) == (10, 9, 1, 0)
    assert f.attendance_rate == pytest.approx(0.9)  # 9 / 10
    # Planned 10 x 3 = 30; worked 8 full days x 3 = 24, + 2 on 12 Nov = 26.
    assert (f.hours_planned, f.hours_worked) == (30, 26)
    text = meetings.prefill_attendance_note(citizen, d(17), today=d(22))
    assert text == (
        "Since the follow-up on 02-11-2026 (03-11-2026 – 16-11-2026) at Netto Viby: "
        "present 9 of 10 logged days (90 %); 26 of 30 planned hours worked. "
        "Sick 1 (Migraine). Left early 1 (Back pain)."
    )


def test_the_period_is_cut_at_today(citizen, logged):
    # Meeting on Tue 24 Nov, but today is Tue 10 Nov: 3 - 10 Nov only
    # (Tue 3 .. Fri 6, Mon 9, Tue 10 = 6 days, all present, 6 x 3 = 18 h).
    text = meetings.prefill_attendance_note(citizen, d(24), today=d(10))
    assert text == (
        "Since the follow-up on 02-11-2026 (03-11-2026 – 10-11-2026) at Netto Viby: "
        "present 6 of 6 logged days (100 %); 18 of 18 planned hours worked."
    )


def test_without_a_follow_up_the_period_starts_with_the_placement(citizen):
    pid = placement(citizen, d(9), workplace="Føtex")
    log(pid, d(9), Attendance.SICK)  # no reason written
    log(pid, d(10), Attendance.SICK, absence_reason="Migraine")
    log(pid, d(11), Attendance.SICK, absence_reason="migraine ")  # same reason
    log(pid, d(12), Attendance.ABSENT_WITH_NOTICE, absence_reason="Dentist")
    log(pid, d(13), planned=2.5, worked=1.5, left_early=True, left_early_reason="Tired")
    # Period 9 - 16 Nov (meeting Tue 17): 5 logged, 1 present (20 %).
    # Planned 4 x 3 + 2.5 = 14.5; worked 1.5. Sick 3: Migraine 2, no reason 1.
    assert meetings.prefill_attendance_note(citizen, d(17), today=d(22)) == (
        "Since the placement started (09-11-2026 – 16-11-2026) at Føtex: present 1 of 5 logged "
        "days (20 %); 1,5 of 14,5 planned hours worked. Sick 3 (Migraine 2, no reason given 1). "
        "Absent with notice 1 (Dentist). Left early 1 (Tired)."
    )


def test_nothing_logged_says_so_and_invents_no_numbers(citizen):
    placement(citizen, d(2))
    meeting(citizen, at(5), status=HELD)
    text = meetings.prefill_attendance_note(citizen, d(17), today=d(22))
    assert text == (
        "Since the follow-up on 05-11-2026 (06-11-2026 – 16-11-2026) at Netto Viby: no days logged."
    )
    assert not any(ch.isdigit() for ch in text.split(":", 1)[1])


def test_no_placement_or_no_day_in_the_period_gives_nothing(citizen):
    assert meetings.attendance_since_last_follow_up(citizen, d(17), today=d(22)) is None
    assert meetings.prefill_attendance_note(citizen, d(17), today=d(22)) == ""
    placement(citizen, d(17))  # starts on the meeting day: no day before it
    assert meetings.attendance_since_last_follow_up(citizen, d(17), today=d(22)) is None


def test_an_ended_placement_overlapping_the_period_is_used(citizen):
    old = placement(citizen, d(2), end=d(6), workplace="Old shop")
    placement(citizen, d(9, 10), end=d(30, 10), workplace="Long gone")  # before the period
    meeting(citizen, at(1), status=HELD)
    log(old, d(5))
    log(old, d(6), Attendance.ABSENT_WITHOUT_NOTICE)
    summary = meetings.attendance_since_last_follow_up(citizen, d(17), today=d(22))
    # Period 2 Nov (placement start, after the 1 Nov follow-up) - 6 Nov (its end).
    assert (summary.placement_id, summary.start, summary.end) == (old, d(2), d(6))
    assert meetings.prefill_attendance_note(citizen, d(17), today=d(22)).endswith(
        "present 1 of 2 logged days (50 %); 3 of 6 planned hours worked. Absent without notice 1."
    )


# --- the next meeting's date ---------------------------------------------------------------------


def test_default_next_meeting_date(citizen):
    # No course: 14 days. Tue 17 Nov + 14 = Tue 1 Dec.
    assert meetings.default_next_meeting_date(citizen, d(17)) == d(1, 12)
    # Thu 19 Nov + 14 = Thu 3 Dec (a weekday, unchanged).
    assert meetings.default_next_meeting_date(citizen, d(19)) == d(3, 12)
    # Sat 21 Nov + 14 = Sat 5 Dec -> Mon 7 Dec.
    assert meetings.default_next_meeting_date(citizen, d(21)) == d(7, 12)

    course = courses.start_course(
        citizen,
        CourseIn(
            referral_date=d(1, 10),
            start_date=d(5, 10),
            planned_end=d(31, 12),
            purpose="flexjob",
            meeting_cadence_days=10,
        ),
    )
    # Running course, every 10 days: Tue 17 Nov + 10 = Fri 27 Nov.
    assert meetings.default_next_meeting_date(citizen, d(17)) == d(27)
    # Wed 18 Nov + 10 = Sat 28 Nov -> Mon 30 Nov; Thu 19 + 10 = Sun 29 -> Mon 30.
    assert meetings.default_next_meeting_date(citizen, d(18)) == d(30)
    assert meetings.default_next_meeting_date(citizen, d(19)) == d(30)
    # An ended course has no say: back to 14 days.
    courses.end_course(course, CourseEndIn(end_date=d(16), outcome="flexjob_granted"))
    assert meetings.default_next_meeting_date(citizen, d(17)) == d(1, 12)


# --- the whole note in one transaction ---------------------------------------------------

NOTE_DAY = datetime(2026, 11, 17, 10, 0)
NEXT_DAY = date(2026, 12, 1)


def note(starts=NOTE_DAY, next_day=NEXT_DAY, decisions="", hours=None, items=(), **meeting_fields):
    return MeetingNoteIn(
        meeting=dict(
            starts_at=starts,
            duration_minutes=90,
            kind=THREE,
            place="Netto Viby",
            attendance_note="Good weeks.",
            decisions=decisions,
            next_meeting_date=next_day,
            participants=[
                {"name": "Ali Hassan", "role": "citizen"},
                {"name": "Bo Jensen", "role": "placement_supervisor"},
            ],
            **meeting_fields,
        ),
        action_items=[dict(what=what, owner=owner, due_date=due) for what, owner, due in items],
        hours_change=hours,
    )


def test_save_note_writes_meeting_participants_items_step_and_next_meeting(citizen):
    pid = placement(citizen, d(2))  # 15 h from 2 Nov
    data = note(
        hours=HoursChangeIn(
            placement_id=pid,
            from_date=d(1, 12),
            hours_per_week="12",
            schedule="3 x 4 h Mon, Wed, Fri",
        ),
        decisions="Keep the quiet room.",
        items=[
            ("Ask about a fixed seat", "Bo Jensen", d(24)),
            ("Book the doctor", "citizen", None),
        ],
    )
    mid = meetings.save_note(citizen, data)

    detail = meetings.meeting_detail(mid)
    assert detail.status == HELD  # a note is about a meeting that took place
    assert detail.attendance_note == "Good weeks."
    assert detail.decisions == (
        "Keep the quiet room.\nHours from 01-12-2026: 12 a week (3 x 4 h Mon, Wed, Fri)"
    )
    assert len(detail.participants) == 2
    assert [(a.what, a.owner, a.due_date) for a in detail.action_items] == [
        ("Ask about a fixed seat", "Bo Jensen", d(24)),
        ("Book the doctor", "citizen", None),
    ]
    assert all(a.citizen_id == citizen for a in ActionItem.select())
    # The step: 15 h from 2 Nov, then 12 h from 1 Dec.
    assert [(s.from_date, s.hours_per_week, s.schedule) for s in placements.hours_steps(pid)] == [
        (d(2), 15, "5 x 3 h Mon-Fri"),
        (d(1, 12), 12, "3 x 4 h Mon, Wed, Fri"),
    ]
    # The next meeting: 1 Dec at 10:00 like this one, 90 minutes, same place and kind.
    following = Meeting.get((Meeting.citizen == citizen) & (Meeting.id != mid))
    assert (
        following.starts_at,
        following.duration_minutes,
        following.kind,
        following.place,
        following.status,
    ) == (at(1, 10, month=12), 90, "three_party", "Netto Viby", "planned")
    assert counts() == (2, 2, 2, 2)


def test_save_note_updates_a_planned_meeting_and_plans_no_second_meeting_on_a_taken_day(citizen):
    mid = meeting(citizen, at(17), place="Old place")
    already = meeting(citizen, at(1, 14, month=12), kind=ONE)  # something on 1 Dec already
    data = note(items=[("Call Eva", "mentor", None)])
    assert meetings.save_note(citizen, data, meeting_id=mid) == mid
    detail = meetings.meeting_detail(mid)
    assert (detail.status, detail.place, detail.decisions) == (HELD, "Netto Viby", "")
    assert Meeting.select().count() == 2  # no meeting added: 1 Dec was taken
    assert meetings.meeting_detail(already).kind == ONE
    # Saving the note again replaces the participants (2, not 4) and adds the new items.
    meetings.save_note(citizen, note(next_day=None), meeting_id=mid)
    assert counts() == (2, 2, 1, 0)
    # Another citizen's meeting is refused.
    other = create_citizen(CitizenIn(name="Bo Berg"))
    with pytest.raises(DomainError):
        meetings.save_note(other, note(), meeting_id=mid)


def test_an_explicit_status_is_kept(citizen):
    mid = meetings.save_note(citizen, note(next_day=None, status="no_show"))
    assert meetings.meeting_detail(mid).status == NO_SHOW


@pytest.mark.parametrize(
    "written,expected",
    [
        # Written already: left as the mentor wrote it.
        ("Hours up to 12 from 01-12-2026.", "Hours up to 12 from 01-12-2026."),
        (
            "hours from 01-12-2026: 12 a week (3 x 4 h mon, wed, fri)",
            "hours from 01-12-2026: 12 a week (3 x 4 h mon, wed, fri)",
        ),
        # The date alone is no decision on hours ("12" inside the date does not count).
        (
            "Talk again 01-12-2026.",
            "Talk again 01-12-2026.\nHours from 01-12-2026: 12 a week (3 x 4 h Mon, Wed, Fri)",
        ),
        ("", "Hours from 01-12-2026: 12 a week (3 x 4 h Mon, Wed, Fri)"),
    ],
)
def test_the_hours_decision_is_added_unless_written(citizen, written, expected):
    pid = placement(citizen, d(2))
    mid = meetings.save_note(
        citizen,
        note(
            decisions=written,
            next_day=None,
            hours=HoursChangeIn(
                placement_id=pid,
                from_date="01-12-2026",
                hours_per_week=12,
                schedule="3 x 4 h Mon, Wed, Fri",
            ),
        ),
    )
    assert meetings.meeting_detail(mid).decisions == expected


@pytest.mark.parametrize("case", ["duplicate_date", "after_the_end", "other_citizen", "gone"])
def test_a_refused_hours_step_writes_nothing_of_the_note(citizen, case):
    pid = placement(citizen, d(2), end=d(30))  # step 15 h from 2 Nov; ends 30 Nov
    existing = meeting(citizen, at(17), place="Before")
    change = {
        "duplicate_date": dict(placement_id=pid, from_date=d(2)),
        "after_the_end": dict(placement_id=pid, from_date=d(1, 12)),
        "other_citizen": dict(
            placement_id=placement(create_citizen(CitizenIn(name="Bo Berg")), d(2)), from_date=d(23)
        ),
        "gone": dict(placement_id=999, from_date=d(23)),
    }[case]
    before = counts()
    for meeting_id in (None, existing):
        data = note(
            hours=HoursChangeIn(hours_per_week=12, **change), items=[("Call Eva", "mentor", None)]
        )
        with pytest.raises(DomainError) as refused:
            meetings.save_note(citizen, data, meeting_id=meeting_id)
        assert str(refused.value)
        assert counts() == before  # no meeting, participant, item, step or next meeting
        assert meetings.meeting_detail(existing).place == "Before"
        assert meetings.meeting_detail(existing).status == PLANNED
    if case == "duplicate_date":
        assert refused.value.field == "from_date"
        assert "02-11-2026" in str(refused.value)


def test_the_note_input_refuses_a_next_meeting_before_this_one():
    with pytest.raises(ValueError):
        note(starts=at(17), next_day=d(16))


def test_next_meeting_on_the_same_day_is_not_doubled(citizen):
    meetings.save_note(citizen, note(starts=at(17), next_day=d(17)))
    assert Meeting.select().count() == 1
    # A week later is free: planned at the same time of day.
    meetings.save_note(citizen, note(starts=at(17, 8, 15), next_day=d(17) + timedelta(days=7)))
    planned = Meeting.get(Meeting.status == "planned")
    assert planned.starts_at == at(24, 8, 15)
