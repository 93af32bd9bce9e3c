"""Hypothesis strategies for valid interchange documents (as plain JSON dicts)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import strategies as st

from mentorterm.enums import (
    Attendance,
    Author,
    CancelledBy,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    PlacementKind,
    SubGoalStatus,
)
from mentorterm.enums_provider import ContactHow, ContactOutcome, CvState

FIRST = date(2000, 1, 1)
LAST = date(2050, 12, 31)

# Letters a Danish mentor types, plus some punctuation; never only spaces.
_ALPHABET = st.characters(
    codec="utf-8", categories=("L", "N", "P", "Zs"), exclude_characters="\x00"
) | st.sampled_from(list("æøåÆØÅéü -,.'"))
text = st.text(_ALPHABET, max_size=40).map(str.strip)
name = st.text(_ALPHABET, min_size=1, max_size=30).map(str.strip).filter(bool)
days = st.dates(FIRST, LAST - timedelta(days=400))
stamp = st.none() | st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1)).map(
    lambda d: d.isoformat()
)
quarter_hours = st.integers(0, 96).map(lambda q: q / 4)


def enum_value(enum):
    return st.sampled_from([m.value for m in enum])


def _iso(d: date) -> str:
    return d.isoformat()


@st.composite
def course(draw):
    referral = draw(days)
    start = referral + timedelta(days=draw(st.integers(0, 60)))
    end = start + timedelta(days=draw(st.integers(0, 365)))
    ended = draw(st.booleans())
    data = {
        "referral_date": _iso(referral),
        "start_date": _iso(start),
        "planned_end": _iso(end),
        "weekly_hours": draw(st.sampled_from(["", "4-6", "12", "16"])),
        "purpose": draw(enum_value(CoursePurpose)),
        "programme": draw(text),
        "meeting_cadence_days": draw(st.integers(1, 90)),
        "end_date": _iso(start + timedelta(days=draw(st.integers(0, 300)))) if ended else None,
        "outcome": draw(enum_value(CourseOutcome)) if ended else None,
        "end_note": draw(text) if ended else "",
        # Schema 7: the day the end was decided (absent: the end date).
        "end_decided_on": draw(st.none() | days.map(_iso)) if ended else None,
        "created_at": draw(stamp),
        "extensions": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "decided_on": days.map(_iso),
                        "new_end": days.map(_iso),
                        "reason": text,
                    }
                ),
                max_size=2,
            )
        ),
    }
    return data


@st.composite
def sub_goal(draw, n_courses: int):
    status = draw(enum_value(SubGoalStatus))
    scores = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "scored_on": days.map(_iso),
                    "citizen_score": st.integers(1, 10),
                    "what_it_takes": text,
                    "own_actions": text,
                    "help_needed": text,
                    "mentor": st.just("m1"),
                }
            ),
            max_size=4,
            unique_by=lambda s: s["scored_on"],
        )
    )
    return {
        "title": draw(name),
        "description": draw(text),
        "success_criterion": draw(text),
        "area": draw(st.sampled_from(["", "work", "health", "family"])),
        "target_date": draw(st.none() | days.map(_iso)),
        "priority": draw(st.integers(0, 9)),
        "status": status,
        "status_date": None if status == "active" else draw(days.map(_iso)),
        "status_note": draw(text),
        "created_on": draw(st.none() | days.map(_iso)),  # schema 7: its own day
        "course": draw(st.none() | st.integers(0, n_courses - 1)) if n_courses else None,
        "scores": scores,
    }


@st.composite
def logbook_entry(draw, day: date):
    attendance = draw(enum_value(Attendance))
    present = attendance == "present"
    left_early = present and draw(st.booleans())
    return {
        "entry_date": _iso(day),
        "attendance": attendance,
        "hours_planned": draw(quarter_hours.filter(lambda h: h <= 24)),
        "hours_worked": draw(quarter_hours.filter(lambda h: h <= 24)) if present else 0,
        "left_early": left_early,
        "left_early_reason": draw(name) if left_early else "",
        "tasks": draw(text),
        "breaks": draw(text),
        "energy": draw(st.none() | st.integers(1, 10)),
        "pain": draw(st.none() | st.integers(1, 10)),
        "life_after_work": draw(text),
        "notes": draw(text),
        "written_by": draw(enum_value(Author)),
    }


@st.composite
def placement(draw, n_courses: int):
    start = draw(days)
    day_offsets = draw(st.lists(st.integers(0, 120), max_size=6, unique=True))
    step_offsets = draw(st.lists(st.integers(0, 120), max_size=3, unique=True))
    end = draw(st.none() | st.just(_iso(start + timedelta(days=150))))
    return {
        "kind": draw(enum_value(PlacementKind)),
        "workplace": draw(name),
        "supervisor_name": draw(text),
        "supervisor_contact": draw(text),
        "company_consultant": draw(text),
        "start_date": _iso(start),
        "end_date": end,
        "end_decided_on": None if end is None else draw(st.none() | days.map(_iso)),
        "work_functions": draw(text),
        "training_goals": draw(text),
        "accommodations": draw(text),
        "aids": draw(text),
        "support_on_site": draw(text),
        "follow_up_frequency": draw(text),
        "paid_hours_next_discussed": None,
        "end_reason": draw(text),
        "course": draw(st.none() | st.integers(0, n_courses - 1)) if n_courses else None,
        "hours_steps": [
            {
                "from_date": _iso(start + timedelta(days=o)),
                "hours_per_week": draw(st.integers(0, 240).map(lambda q: q / 4)),
                "schedule": draw(text),
            }
            for o in sorted(step_offsets)
        ],
        "logbook": [draw(logbook_entry(start + timedelta(days=o))) for o in sorted(day_offsets)],
    }


@st.composite
def meeting(draw):
    day = draw(days)
    starts = datetime.combine(day, time(draw(st.integers(7, 17)), draw(st.sampled_from([0, 30]))))
    status = draw(enum_value(MeetingStatus))
    return {
        "starts_at": starts.isoformat(),
        "duration_minutes": draw(st.integers(15, 120)),
        "kind": draw(enum_value(MeetingKind)),
        "place": draw(text),
        "status": status,
        # Schema 5: who cancelled (a cancelled meeting only) and the outcome's note.
        "cancelled_by": draw(enum_value(CancelledBy)) if status == "cancelled" else None,
        "outcome_note": draw(text),
        # Schema 7: the status's last change, dated (both or neither).
        **draw(
            st.just({})
            | st.fixed_dictionaries(
                {"status_before": enum_value(MeetingStatus), "status_changed_on": days.map(_iso)}
            )
        ),
        "attendance_note": draw(text),
        "tasks_note": draw(text),
        "motivation_note": draw(text),
        "accommodations_note": draw(text),
        "citizen_view": draw(text),
        "workplace_view": draw(text),
        "notes": draw(text),
        "decisions": draw(text),
        "next_meeting_date": draw(st.none() | st.just(_iso(day + timedelta(days=14)))),
        "mentor": "m1",
        "participants": draw(
            st.lists(
                st.fixed_dictionaries({"name": name, "role": enum_value(ParticipantRole)}),
                max_size=3,
            )
        ),
    }


@st.composite
def citizen(draw):
    courses = draw(st.lists(course(), max_size=2))
    meetings = draw(st.lists(meeting(), max_size=3))
    interpreter = draw(st.booleans())
    wishes = draw(st.lists(name, max_size=3))
    data = {
        "name": draw(name),
        "phone": draw(st.sampled_from(["", "12 34 56 78"])),
        "email": draw(st.sampled_from(["", "borger@example.dk"])),
        "address": draw(text),
        "caseworker_name": draw(text),
        "caseworker_phone": "",
        "caseworker_email": "",
        "jobcenter": draw(text),
        "interpreter_needed": interpreter,
        "interpreter_language": draw(name) if interpreter else "",
        "job_goal": draw(text),
        "job_wish_1": wishes[0] if len(wishes) > 0 else "",
        "job_wish_2": wishes[1] if len(wishes) > 1 else "",
        "job_wish_3": wishes[2] if len(wishes) > 2 else "",
        "accommodations": draw(text),
        "aids": draw(text),
        "parallel_efforts": draw(text),
        "notes": draw(text),
        "archived_on": None,
        "created_at": draw(stamp),
        "mentor": "m1",
        "courses": courses,
        "sub_goals": draw(st.lists(sub_goal(len(courses)), max_size=3)),
        "placements": draw(st.lists(placement(len(courses)), max_size=2)),
        "meetings": meetings,
        "action_items": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "what": name,
                        "owner": name,
                        "due_date": st.none() | days.map(_iso),
                        "done_on": st.none() | days.map(_iso),
                        "created_on": st.none() | days.map(_iso),
                        "meeting": (st.none() | st.integers(0, len(meetings) - 1))
                        if meetings
                        else st.none(),
                    }
                ),
                max_size=3,
            )
        ),
        "review_notes": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "iso_week": st.builds(
                            lambda y, w: f"{y}-W{w:02d}",
                            st.integers(2020, 2030),
                            st.integers(1, 52),
                        ),
                        "decision": text,
                        "mentor": st.just("m1"),
                    }
                ),
                max_size=2,
                unique_by=lambda r: r["iso_week"],
            )
        ),
        "reports": draw(
            st.lists(
                st.builds(
                    lambda start, length, title, summary: {
                        "period_start": _iso(start),
                        "period_end": _iso(start + timedelta(days=length)),
                        "title": title,
                        "summary": summary,
                    },
                    days,
                    st.integers(0, 400),
                    name,
                    text,
                ),
                max_size=2,
            )
        ),
        # Schema 9: handed over between the document's two mentors.
        "handovers": draw(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "handed_on": days.map(_iso),
                        "from_mentor": st.sampled_from([None, "m1", "m2"]),
                        "to_mentor": st.sampled_from(["m1", "m2"]),
                        "note": text,
                    }
                ),
                max_size=2,
            )
        ),
        **draw(job_search()),
    }
    return data


@st.composite
def cover(draw):
    start = draw(days)
    return {
        "mentor": "m2",
        "covered": "m1",
        "starts_on": _iso(start),
        "ends_on": _iso(start + timedelta(days=draw(st.integers(0, 60)))),
        "note": draw(text),
    }


@st.composite
def document(draw, max_citizens: int = 3):
    return {
        "format": "mentorterm",
        "version": 1,
        "scope": "database",
        "mentors": [
            {"key": "m1", "name": draw(name), "email": "", "is_default": True},
            {"key": "m2", "name": "Kollega Dækker", "email": "", "is_default": False},
        ],
        "citizens": draw(st.lists(citizen(), max_size=max_citizens)),
        "covers": draw(st.lists(cover(), max_size=2)),
    }


@st.composite
def job_search(draw):
    """The job search's three lists (schema 10): days after the contact or addition."""

    def contact(on, follow, done, how, outcome, company, note):
        return {
            "company": company,
            "contacted_on": _iso(on),
            "how": how,
            "outcome": outcome,
            "follow_up_on": None if follow is None else _iso(on + timedelta(days=follow)),
            "followed_up_on": None if done is None else _iso(on + timedelta(days=done)),
            "note": note,
        }

    after = st.none() | st.integers(0, 60)
    return {
        "cv_states": draw(
            st.lists(
                st.builds(
                    lambda state, on, note: {"state": state, "noted_on": _iso(on), "note": note},
                    enum_value(CvState),
                    days,
                    text,
                ),
                max_size=2,
            )
        ),
        "job_contacts": draw(
            st.lists(
                st.builds(
                    contact,
                    days,
                    after,
                    after,
                    enum_value(ContactHow),
                    enum_value(ContactOutcome),
                    name,
                    text,
                ),
                max_size=3,
            )
        ),
        "target_companies": draw(
            st.lists(
                st.builds(
                    lambda company, why, position, added, done: {
                        "company": company,
                        "why": why,
                        "position": position,
                        "added_on": _iso(added),
                        "done_on": None if done is None else _iso(added + timedelta(days=done)),
                    },
                    name,
                    text,
                    st.integers(0, 20),
                    days,
                    after,
                ),
                max_size=3,
            )
        ),
    }
