"""The persona: Monday absences, two missed meetings in a row, no next meeting, overdue agreements."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CoursePurpose, MeetingKind, MeetingStatus, PlacementKind
from ..days import _days, _workday
from ..people import _citizen, _pick
from ..plans import (
    MON_FRI_2,
    MWF_3,
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
    """Monday absences, two missed meetings in a row, no next meeting, overdue agreements."""
    start = _workday(t - _days(121))
    placement_start = _workday(start + _days(14))
    last_monday = t - _days(t.weekday() or 7)
    persona = Persona(
        citizen=_citizen(
            rng,
            ("Jonas Nielsen", "Mads Christensen", "Patrick L."),
            caseworker_name=_pick(rng, ("Søren Bech", "Nanna Iversen")),
            jobcenter="Jobcenter Aarhus",
            job_goal="An ordinary job as a bike mechanic or in a workshop.",
            job_wish_1="Bike mechanic",
            job_wish_2="Car preparation",
            job_wish_3="Warehouse",
            accommodations="Written plan for the day; short tasks; may take a break outside.",
            parallel_efforts="Outpatient cannabis treatment every Thursday; housing adviser.",
            notes="Homeless since the spring; sleeps at his sister's. Phone often out of credit; "
            "SMS works best.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="9-10",
                programme="Job first with mentor",
                meetings_until=t - _days(30),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Værkstedet (the provider's bike workshop)",
                        start=placement_start,
                        supervisor="Kenneth Friis",
                        supervisor_contact="+45 86 12 40 22",
                        steps=[
                            Step(0, MWF_3),
                            Step(56, MON_FRI_2, "five short days to build a daily rhythm"),
                        ],
                        tasks=(
                            "Repairing punctures",
                            "Adjusting brakes",
                            "Cleaning bikes",
                            "Sorting spare parts",
                            "Sweeping the workshop",
                        ),
                        work_functions="Bike repairs with a colleague; cleaning and sorting.",
                        training_goals="A daily rhythm; coming on Mondays.",
                        accommodations="Plan for the day on the whiteboard; breaks outside.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Come to the workshop every Monday for a month",
                        "work",
                        "Four Mondays in a row present.",
                        3,
                        3,
                        target=t + _days(21),
                        what=("Sleeping at home on Sunday night.", "Less cannabis at weekends."),
                        own=("Set two alarms.", "Stay at his sister's on Sundays."),
                        help=(
                            "Kenneth: call at 9:15 if he is not there.",
                            "Treatment: weekend plan.",
                        ),
                    ),
                    GoalPlan(
                        "Apply for a room with the housing adviser",
                        "practical",
                        "An application sent.",
                        2,
                        4,
                        after_days=28,
                        target=t - _days(5),
                        what=("The papers from the municipality.",),
                        own=("Go to the housing adviser's drop-in.",),
                        help=("Mentor: go with him the first time.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.11,
            mondays=True,
            kinds=(
                (Attendance.ABSENT_WITHOUT_NOTICE, "Did not come, no answer on the phone"),
                (Attendance.ABSENT_WITHOUT_NOTICE, "Overslept"),
                (Attendance.SICK, "Called in sick"),
                (Attendance.ABSENT_WITH_NOTICE, "Meeting about housing"),
            ),
            left_early_reasons=("Had to see the housing adviser", "Restless, went home"),
            body=0.15,
            energy=5,
        ),
        texts=Texts(
            tasks=(
                "Good hands: punctures and brakes alone now.",
                "Works well when he has one bike at a time.",
                "Loses focus in the afternoon; short tasks work.",
            ),
            accommodations=(
                "The whiteboard plan works.",
                "Breaks outside help him stay.",
                "Needs the day's plan before 9:00.",
            ),
            citizen_views=(
                "'I like the bikes. Mondays are just hard.'",
                "'Everything is about the housing right now.'",
                "'I will come, I promise.'",
            ),
            workplace_views=("Kenneth: 'Skilled when he is here; Mondays are a problem.'",),
        ),
        actions=(
            ("Call Kenneth by 9:00 when he cannot come", "citizen"),
            ("Go with him to the housing adviser", "mentor"),
            ("Tell the caseworker about the housing situation", "mentor"),
        ),
        open_actions=[
            ("Bring the doctor's note for the sick days to the workshop", "citizen", t - _days(9)),
            ("Send the housing application with the housing adviser", "citizen", t - _days(4)),
        ],
        extra_meetings=[
            ExtraMeeting(
                _workday(t - _days(20)),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.NO_SHOW,
                "Did not come. Called twice and sent an SMS; no answer.",
                _OFFICE,
            ),
            ExtraMeeting(
                _workday(t - _days(13)),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.CANCELLED_BY_CITIZEN,
                "Cancelled by SMS in the morning: 'ill'. New time to be agreed.",
                _OFFICE,
            ),
        ],
        forced_days={
            last_monday: (
                Attendance.ABSENT_WITHOUT_NOTICE,
                "No show, no answer on the phone. Kenneth sent an SMS.",
            ),
            last_monday - _days(7): (
                Attendance.ABSENT_WITHOUT_NOTICE,
                "Did not come, no answer on the phone",
            ),
        },
        book_next=False,
        miss_rate=0.15,
        attention=True,
        review=(
            (
                "Two missed meetings in a row and Monday absence: visit him at the workshop on "
                "Wednesday; call the caseworker if there is no contact by Friday."
            ),
        ),
    )
    return persona
