"""The persona: Chronic pain; clarification course ending in about three weeks."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _workday
from ..people import _citizen, _pick
from ..plans import (
    MWF_3,
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
    """Chronic pain; clarification course ending in about three weeks."""
    start = _workday(t - _days(160))
    return Persona(
        citizen=_citizen(
            rng,
            ("Henrik Poulsen", "Bo Andersen", "Torben Krogh"),
            caseworker_name=_pick(rng, ("Lise Mølgaard", "Jens Aagaard")),
            jobcenter="Jobcenter Odense",
            job_goal="Clarify work capacity: flexjob as caretaker's assistant, or early "
            "retirement.",
            job_wish_1="Caretaker's assistant",
            job_wish_2="Groundskeeper",
            accommodations="No work above shoulder height; may sit down when needed; at most "
            "three hours a day.",
            aids="Grab tool; electric cart for moving things.",
            parallel_efforts="Pain clinic (back and shoulder); GP monthly.",
            notes="Worked 30 years as a bricklayer. Proud; finds it hard to accept limits.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(15),
                start=start,
                weeks=26,
                purpose=CoursePurpose.WORK_CAPACITY_CLARIFICATION,
                weekly_hours="6-10",
                programme="Clarification course with mentor support",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Boligforeningen Østparken (caretakers)",
                        start=_workday(start + _days(14)),
                        supervisor="Per Damgaard",
                        supervisor_contact="+45 66 14 80 90",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        steps=[
                            Step(0, TUE_THU_3),
                            Step(56, MWF_3, "six hours hold; spread over three days"),
                        ],
                        tasks=(
                            "Picking up litter",
                            "Sweeping stairs",
                            "Changing light bulbs (low)",
                            "Watering plants",
                            "Checking the playground",
                        ),
                        work_functions="Caretaker help: outdoor areas, stairs, small tasks.",
                        training_goals="Describe which tasks and how many hours the body allows.",
                        accommodations="No work above shoulders; may sit; max 3 hours a day.",
                        aids="Grab tool; electric cart.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Work 9 hours a week for eight weeks and log the pain every day",
                        "work",
                        "Eight weeks of logbook with pain noted.",
                        4,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=t - _days(10),
                        after_days=56,
                        status_note="Done: the logbook is the basis for the description.",
                        what=("Remembering to log.",),
                        own=("Log in the van after work.",),
                        help=("Per: a quiet corner to write.",),
                    ),
                    GoalPlan(
                        "Find the tasks I can do without pain rising above 6",
                        "health",
                        "A list of tasks with the pain they cause.",
                        3,
                        6,
                        after_days=28,
                        target=t + _days(10),
                        what=("Honesty about the pain.",),
                        own=("Stop before it gets too bad.",),
                        help=("Pain clinic: pacing advice.", "Mentor: make the list with him."),
                    ),
                    GoalPlan(
                        "Prepare for the meeting with the jobcenter about the next step",
                        "practical",
                        "Knows the options and what he wants to say.",
                        2,
                        5,
                        after_days=120,
                        target=t + _days(14),
                        what=("Knowing the options.",),
                        own=("Write down his questions.",),
                        help=("Mentor: explain flexjob and early retirement.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.09,
            kinds=(
                (Attendance.SICK, "Back pain"),
                (Attendance.SICK, "Shoulder pain, bad night"),
                (Attendance.ABSENT_WITH_NOTICE, "Pain clinic"),
            ),
            left_early=0.1,
            left_early_reasons=("Pain in the shoulder", "Back locked"),
            body=0.7,
            energy=5,
            pain=5,
        ),
        texts=Texts(
            tasks=(
                "Outdoor rounds work; stairs make the back worse.",
                "Best at small repairs sitting down.",
                "Manages three hours; the fourth always costs the next day.",
            ),
            accommodations=(
                "The electric cart saves his back.",
                "Sitting breaks are used without shame now.",
                "Per plans the low tasks for him.",
            ),
            citizen_views=(
                "'I want to work, but my body says no.'",
                "'It is good to be useful again.'",
                "'I am afraid of the meeting at the jobcenter.'",
            ),
            workplace_views=("Per: 'Great experience; we plan around the pain.'",),
        ),
        actions=(
            ("Ask the pain clinic for a statement", "citizen"),
            ("Book the transition meeting with the caseworker", "mentor"),
            ("List the tasks that work", "supervisor"),
        ),
        open_actions=[
            (
                "Write the final description of work capacity for the caseworker",
                "mentor",
                t + _days(12),
            )
        ],
        review=(
            (
                "Course ends in three weeks: final description to the caseworker; book the "
                "transition meeting with the jobcenter."
            ),
        ),
        attention=True,
    )
