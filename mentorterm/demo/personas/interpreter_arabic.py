"""The persona: Arabic interpreter; PTSD; internal training ground with small steps."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _workday
from ..people import _citizen, _pick
from ..plans import (
    MWF_3,
    TUE_THU_2,
    TUE_THU_3,
    Absences,
    CoursePlan,
    GoalPlan,
    Persona,
    PlacementPlan,
    Step,
    Texts,
)


def persona(rng: random.Random, t: date) -> Persona:
    """Arabic interpreter; PTSD; internal training ground with small steps."""
    start = _workday(t - _days(120))
    return Persona(
        citizen=_citizen(
            rng,
            ("Fatima A.", "Amal R.", "Nour K."),
            caseworker_name=_pick(rng, ("Karen Skov", "Mikkel Dahl")),
            jobcenter="Jobcenter Aarhus",
            interpreter_needed=True,
            interpreter_language="Arabic",
            job_goal="A job in a laundry or a sewing workshop; learn workplace Danish.",
            job_wish_1="Seamstress",
            job_wish_2="Laundry assistant",
            job_wish_3="Cleaning assistant",
            accommodations="Interpreter at meetings (Arabic); female supervisor; no loud sudden "
            "noise (PTSD); may step out when she needs to.",
            parallel_efforts="Trauma treatment at the clinic for refugees; Danish lessons twice "
            "a week.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.WORK_CAPACITY_CLARIFICATION,
                weekly_hours="4-9",
                programme="Clarification course with mentor support",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Systuen (the provider's sewing room)",
                        start=_workday(start + _days(14)),
                        supervisor="Jane Krog",
                        supervisor_contact="+45 86 12 40 26",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(42, TUE_THU_3, "she asks for more"),
                            Step(98, MWF_3, "stable; a third day"),
                        ],
                        tasks=(
                            "Sewing curtains",
                            "Mending clothes",
                            "Ironing",
                            "Sorting fabric",
                            "Learning the overlock machine",
                        ),
                        work_functions="Sewing and mending for the provider's shop.",
                        training_goals="Stable attendance; 20 Danish work words; the overlock machine.",
                        accommodations="Female supervisor; quiet machine at the window.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Take the bus alone to the sewing room",
                        "practical",
                        "Two weeks of bus trips alone.",
                        3,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(60),
                        status_note="Takes the bus alone now.",
                        what=("Knowing the route.",),
                        own=("Practise the route on Sunday.",),
                        help=("Mentor: ride along twice.",),
                    ),
                    GoalPlan(
                        "Learn the Danish words for 20 tools and tasks at work",
                        "language",
                        "Can name 20 tools and tasks to Jane.",
                        2,
                        6,
                        after_days=28,
                        target=t + _days(30),
                        what=("Practice every day.",),
                        own=("Word cards in the handbag.",),
                        help=("Jane: names things while working.", "Language school: work words."),
                    ),
                    GoalPlan(
                        "Tell Jane when the noise is too much",
                        "health",
                        "Says it herself three times.",
                        2,
                        5,
                        after_days=56,
                        what=("Trust in Jane.",),
                        own=("Use the card with the sentence.",),
                        help=("Trauma clinic: practise it.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.1,
            kinds=(
                (Attendance.SICK, "Headache after a bad night (nightmares)"),
                (Attendance.ABSENT_WITH_NOTICE, "Trauma treatment"),
                (Attendance.ABSENT_WITH_NOTICE, "Danish lesson moved"),
            ),
            left_early_reasons=("Loud noise; had to leave",),
            body=0.35,
            energy=5,
        ),
        texts=Texts(
            tasks=(
                "Skilled at sewing; learning the overlock machine.",
                "Mending goes fast; Danish words at work are growing.",
                "Works carefully and alone on curtains.",
            ),
            accommodations=(
                "Quiet machine by the window works.",
                "Steps out a few times a week; comes back by herself.",
                "Jane warns before loud work.",
            ),
            citizen_views=(
                "'I feel safe in the sewing room.'",
                "'I want to speak Danish at work.'",
                "'Some nights are still bad.'",
            ),
            workplace_views=("Jane: 'Very skilled with the machines.'",),
        ),
        actions=(
            ("Book the interpreter for the three-party meeting", "mentor"),
            ("Bring the word cards", "citizen"),
            ("Ask the language school about work Danish", "mentor"),
        ),
        review=("Steady; interpreter booked for the next three-party meeting.",),
    )
