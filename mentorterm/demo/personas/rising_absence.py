"""The persona: Stable for months, then absence rising in the last two weeks."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _workday
from ..people import _citizen, _pick
from ..plans import (
    MON_THU_3,
    MON_THU_25,
    TUE_THU_2,
    TUE_THU_35,
    Absences,
    CoursePlan,
    GoalPlan,
    Persona,
    PlacementPlan,
    Step,
    Texts,
)


def persona(rng: random.Random, t: date) -> Persona:
    """Stable for months, then absence rising in the last two weeks."""
    start = _workday(t - _days(200))
    placement_start = _workday(start + _days(14))
    return Persona(
        citizen=_citizen(
            rng,
            ("Sofie Madsen", "Camilla Frost", "Louise Dam"),
            caseworker_name=_pick(rng, ("Anders Lykke", "Bettina Schou")),
            jobcenter="Jobcenter Aarhus",
            job_goal="Kitchen assistant in a daycare kitchen, 20-25 hours a week.",
            job_wish_1="Kitchen assistant (daycare)",
            job_wish_2="Cleaning assistant",
            job_wish_3="Shop assistant",
            accommodations="Works 9:00-14:30 because of school pick-up; may take calls from "
            "the school; quiet corner for breaks.",
            parallel_efforts="Psychologist (anxiety); her son's school (special class) meets "
            "her monthly.",
            notes="Single mother of a nine-year-old with ADHD; the school calls often.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(12),
                start=start,
                weeks=39,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="10-15",
                programme="Job first with mentor",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Børnehuset Mælkebøtten (kitchen)",
                        start=placement_start,
                        supervisor="Anja Winther",
                        supervisor_contact="+45 87 13 55 02",
                        company_consultant="Rikke Vang (Jobcenter Aarhus)",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(28, TUE_THU_35, "both days stable"),
                            Step(84, MON_THU_25, "four short days fit the school hours"),
                            Step(140, MON_THU_3, "stable for eight weeks"),
                        ],
                        tasks=(
                            "Preparing fruit",
                            "Cooking lunch with Anja",
                            "Washing up",
                            "Cleaning the kitchen",
                            "Ordering goods",
                        ),
                        work_functions="Kitchen help: fruit, lunch for 60 children, washing up.",
                        training_goals="12-15 hours; take responsibility for the fruit round alone.",
                        accommodations="Leaves 14:30; phone on for the school.",
                        paid_hours_next=t + _days(30),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Come on time on the four work days for a month",
                        "work",
                        "A month without late arrivals or missed days.",
                        4,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(120),
                        after_days=28,
                        status_note="Achieved; she was proud.",
                        what=("Mornings with her son going smoothly.",),
                        own=("Prepare breakfast and bag the night before.",),
                        help=("School: picks him up at the gate.",),
                    ),
                    GoalPlan(
                        "Make a plan B for days when the school calls",
                        "family",
                        "A written plan with two people who can help.",
                        3,
                        5,
                        after_days=60,
                        target=t + _days(14),
                        what=("Someone who can step in.",),
                        own=("Ask her mother and a neighbour.",),
                        help=("Mentor: talk to the school about the calls.",),
                    ),
                    GoalPlan(
                        "Take the bus alone to work on anxious days",
                        "health",
                        "Four anxious days handled without staying home.",
                        2,
                        5,
                        after_days=90,
                        what=("Breathing exercises that work.",),
                        own=("Use the exercise from the psychologist at the bus stop.",),
                        help=("Psychologist: practise the bus trip.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.07,
            kinds=(
                (Attendance.ABSENT_WITH_NOTICE, "Son ill"),
                (Attendance.ABSENT_WITH_NOTICE, "Meeting at the school"),
                (Attendance.SICK, "Anxiety, could not leave the flat"),
            ),
            surge_days=14,
            surge_share=0.6,
            left_early_reasons=("The school called; picked up her son", "Panic in the kitchen"),
            body=0.3,
            energy=6,
        ),
        texts=Texts(
            tasks=(
                "Runs the fruit round alone; cooks with Anja.",
                "Good at keeping the kitchen tidy; ordering goods is new.",
                "Fast and careful; wants more responsibility.",
            ),
            accommodations=(
                "Leaving at 14:30 works.",
                "Phone on for the school; calls are fewer than feared.",
                "Quiet corner used on anxious days.",
            ),
            citizen_views=(
                "'I love the kitchen. Home is the hard part.'",
                "'I am tired of always being the one who cancels.'",
                "'It is going well, I think.'",
            ),
            workplace_views=("Anja: 'We want her back on the good track; she is needed here.'",),
        ),
        actions=(
            ("Ask her mother about Tuesday mornings", "citizen"),
            ("Call the school about the number of calls", "mentor"),
            ("Practise the bus trip with the psychologist", "citizen"),
        ),
        review=(
            (
                "Absence rising the last two weeks (anxiety, son ill): home visit this week; "
                "talk to the psychologist with her consent; consider fewer hours for a period."
            ),
        ),
        attention=True,
    )
