"""The persona: Somali interpreter; a sub-goal past its date; no held meeting within the cadence."""

from __future__ import annotations

import random
from datetime import date

from ...enums import (
    Attendance,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    PlacementKind,
    SubGoalStatus,
)
from ..days import _days, _workday
from ..people import _citizen, _pick
from ..plans import (
    MWF_3,
    TUE_THU_3,
    Absences,
    CoursePlan,
    ExtraMeeting,
    GoalPlan,
    Persona,
    PlacementPlan,
    Step,
    Texts,
)
from ..pools import _OFFICE


def persona(rng: random.Random, t: date) -> Persona:
    """Somali interpreter; a sub-goal past its date; no held meeting within the cadence."""
    start = _workday(t - _days(168))
    return Persona(
        citizen=_citizen(
            rng,
            ("Hodan M.", "Ifrah D.", "Sahra O."),
            caseworker_name=_pick(rng, ("Lotte Friis", "Ahmad Rahimi")),
            jobcenter="Jobcenter Odense",
            interpreter_needed=True,
            interpreter_language="Somali",
            job_goal="A cleaning job in the mornings; later the cleaning course (AMU).",
            job_wish_1="Cleaning assistant",
            job_wish_2="Kitchen help (school)",
            accommodations="Interpreter (Somali) at meetings; works 8:30-13:00 because of five "
            "children; no work on Danish lesson days.",
            parallel_efforts="Danish lessons; family counselling (municipality).",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(12),
                start=start,
                weeks=39,
                purpose=CoursePurpose.EDUCATION,
                weekly_hours="6-10",
                programme="Job and Danish",
                meetings_until=t - _days(24),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Rengøringsfirmaet Skinnende, Odense",
                        start=_workday(start + _days(28)),
                        supervisor="Dorte Nygaard",
                        supervisor_contact="+45 66 12 77 31",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        steps=[
                            Step(0, TUE_THU_3),
                            Step(70, MWF_3, "stable; Danish lessons moved to Tue+Thu"),
                        ],
                        tasks=(
                            "Cleaning offices",
                            "Cleaning toilets",
                            "Emptying bins",
                            "Washing floors",
                            "Refilling soap and paper",
                        ),
                        work_functions="Office cleaning in the morning with a team.",
                        training_goals="Learn the cleaning plan; work Danish.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Pass the Danish module 3 test",
                        "language",
                        "The test passed.",
                        3,
                        5,
                        target=t - _days(rng.randint(15, 25)),
                        after_days=14,
                        what=("Time to study at home.",),
                        own=("Study 30 minutes after the kids sleep.",),
                        help=(
                            "Language school: extra lessons.",
                            "Mentor: ask for a new test date.",
                        ),
                    ),
                    GoalPlan(
                        "Take the bus alone to the workplace",
                        "practical",
                        "Two weeks of bus trips alone.",
                        4,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        after_days=28,
                        target=start + _days(80),
                        status_note="Done.",
                        what=("Knowing the route.",),
                        own=("Practise with her daughter.",),
                        help=("Mentor: bus plan on paper.",),
                    ),
                    GoalPlan(
                        "Know the cleaning plan for the whole office",
                        "work",
                        "Cleans the whole office alone with the plan.",
                        3,
                        6,
                        after_days=56,
                        target=t + _days(35),
                        what=("A plan with pictures.",),
                        own=("Walk the plan each morning.",),
                        help=("Dorte: a plan with pictures.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.12,
            kinds=(
                (Attendance.ABSENT_WITH_NOTICE, "Child ill"),
                (Attendance.ABSENT_WITH_NOTICE, "Danish exam"),
                (Attendance.SICK, "Back pain"),
                (Attendance.ABSENT_WITH_NOTICE, "Meeting at the child's school"),
            ),
            body=0.2,
            energy=6,
        ),
        texts=Texts(
            tasks=(
                "Thorough cleaner; the team likes her.",
                "Knows half the office plan by heart.",
                "Fast at toilets and bins; floors with the machine are new.",
            ),
            accommodations=(
                "Hours until 13:00 work with the children.",
                "The interpreter by phone is enough for 1:1 meetings.",
            ),
            citizen_views=(
                "'I like the work and the team.'",
                "'Danish is hard with five children at home.'",
            ),
            workplace_views=("Dorte: 'Reliable; we would like more hours.'",),
        ),
        actions=(
            ("Ask the language school for a new test date", "mentor"),
            ("Book the Somali interpreter", "mentor"),
            ("Bring the child's school letter", "citizen"),
        ),
        open_actions=[("Ask the language school for a new test date", "mentor", t - _days(6))],
        extra_meetings=[
            ExtraMeeting(
                _workday(t - _days(10)),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.RESCHEDULED,
                "Moved: the mentor was ill. New time agreed by phone with the interpreter.",
                _OFFICE,
            ),
            ExtraMeeting(
                _workday(t + _days(rng.randint(2, 4))),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.PLANNED,
                place=_OFFICE,
                hour=(10, 0),
            ),
        ],
        book_next=False,
        attention=True,
        review=(
            (
                "No meeting held for over three weeks (moved when the mentor was ill); the "
                "Danish test goal is past its date: agree a new date at the meeting."
            ),
        ),
        meeting_times=((9, 0), (10, 0)),
    )
