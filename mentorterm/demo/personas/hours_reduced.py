"""The persona: Stepped up to 15 hours, then down to 7 after a depression relapse; slowly back up."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _workday
from ..people import _citizen, _pick
from ..plans import (
    MON_FRI_2,
    MON_FRI_3,
    MWF_3,
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
    """Stepped up to 15 hours, then down to 7 after a depression relapse; slowly back up."""
    start = _workday(t - _days(240))
    placement_start = _workday(start + _days(14))
    reduction = 160
    dip_from = placement_start + _days(reduction - 30)
    return Persona(
        citizen=_citizen(
            rng,
            ("Kim Sørensen", "Tina Mikkelsen", "Jesper Olsen"),
            caseworker_name=_pick(rng, ("Helle Brandt", "Lise Mølgaard")),
            jobcenter="Jobcenter Odense",
            job_goal="Part-time job in a canteen kitchen; clarify whether a flexjob is right.",
            job_wish_1="Canteen assistant",
            job_wish_2="Dishwasher",
            accommodations="No heavy lifting; sit-down tasks possible; fewer hours in bad periods.",
            parallel_efforts="Psychiatric outpatient clinic every three weeks (depression); GP "
            "about back pain.",
            notes="Has had depressions since the early twenties. Warning signs: stops answering "
            "the phone, sleeps in the afternoon.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.WORK_CAPACITY_CLARIFICATION,
                weekly_hours="4-15",
                programme="Clarification course with mentor support",
                extensions=[
                    (
                        start + _days(174),
                        13,
                        (
                            "Hours were reduced after a depression relapse; the work capacity at "
                            "stable hours is not clarified yet."
                        ),
                    )
                ],
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Plejecenter Egebakken (kitchen)",
                        start=placement_start,
                        supervisor="Gitte Lund",
                        supervisor_contact="+45 63 75 22 10",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(28, TUE_THU_35, "four good weeks"),
                            Step(
                                70, MON_FRI_2, "steady at 7 hours; five short days build a rhythm"
                            ),
                            Step(112, MON_FRI_3, "managing 10 hours well"),
                            Step(
                                reduction,
                                TUE_THU_35,
                                "depression relapse and back pain; the psychiatric clinic advised fewer "
                                "hours",
                            ),
                            Step(212, MWF_3, "slowly back up; three days"),
                        ],
                        tasks=(
                            "Washing up",
                            "Setting tables",
                            "Preparing vegetables",
                            "Serving lunch",
                            "Cleaning the kitchen",
                            "Filling the dishwasher",
                        ),
                        work_functions="Kitchen help: washing up, vegetables, serving lunch to residents.",
                        training_goals="Find stable hours; show which tasks work on low days.",
                        accommodations="No heavy pots; may sit while preparing vegetables.",
                        support_on_site="Gitte is the fixed contact; mentor visits monthly.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Come on the planned days for a month with at most one sick day",
                        "work",
                        "Four weeks, at most one sick day.",
                        4,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(75),
                        status_note="Reached after six weeks.",
                        what=("Going to bed on time.",),
                        own=("Phone off at 22:30.",),
                        help=("Mentor: SMS the evening before the first weeks.",),
                    ),
                    GoalPlan(
                        "Tell Gitte when my back hurts instead of going home without a word",
                        "work",
                        "Three times in a row the workplace knew before leaving.",
                        3,
                        6,
                        after_days=60,
                        target=t + _days(30),
                        what=("Feeling it is allowed.", "Knowing what to say."),
                        own=("Use the sentence we wrote together.",),
                        help=("Gitte: ask during the lunch break how it goes.",),
                    ),
                    GoalPlan(
                        "Take a walk every day, also on days off",
                        "health",
                        "A walk at least six days a week for a month.",
                        3,
                        5,
                        after_days=100,
                        target=t + _days(45),
                        what=("Energy after work.", "Company for the walk."),
                        own=("Walk the dog around the lake.",),
                        help=("Psychiatric clinic: activity plan.",),
                        description="Part of the treatment plan against the depression.",
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.07,
            kinds=(
                (Attendance.SICK, "Back pain"),
                (Attendance.SICK, "Low mood, could not get out of bed"),
                (Attendance.ABSENT_WITH_NOTICE, "Appointment at the psychiatric clinic"),
            ),
            dips=((dip_from, placement_start + _days(reduction + 10), 0.45),),
            left_early_reasons=("Back pain", "Felt low and went home"),
            body=0.5,
            energy=5,
            pain=4,
        ),
        texts=Texts(
            tasks=(
                "Vegetables and setting tables go well; serving is stressful on low days.",
                "Washing up alone works; the lunch rush is too much right now.",
                "Gitte gives one task at a time; that helps.",
            ),
            accommodations=(
                "Sitting while preparing vegetables eases the back.",
                "No heavy pots; colleagues help without a fuss.",
                "Fewer hours have given more energy in the evenings.",
            ),
            citizen_views=(
                "'I was afraid to lose the place when I got ill again.'",
                "'Fewer hours was the right decision.'",
                "'I want to get back to 15 hours, but not too fast.'",
            ),
            workplace_views=("Gitte: 'We would rather have fewer hours that hold.'",),
        ),
        actions=(
            ("Ask the psychiatric clinic for a short statement for the caseworker", "citizen"),
            ("Send the extension request to the caseworker", "mentor"),
            ("Find a chair for the vegetable table", "supervisor"),
            ("Book a GP appointment about the back", "citizen"),
        ),
        review=(
            (
                "Hours back up to 9 a week; watch for signs of the depression. Ask the clinic "
                "for a statement before the course end."
            ),
        ),
    )
