"""The persona: Migraine; clarification toward flexjob, extended twice; hours 2 -> 4 -> 6 -> 7 -> 10."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _workday
from ..people import _citizen, _pick
from ..plans import (
    TUE_THU_2,
    TUE_THU_3,
    TUE_THU_35,
    WED_2,
    Absences,
    CoursePlan,
    GoalPlan,
    Persona,
    PlacementPlan,
    Step,
    Texts,
)


def persona(rng: random.Random, t: date) -> Persona:
    """Migraine; clarification toward flexjob, extended twice; hours 2 -> 4 -> 6 -> 7 -> 10."""
    start = _workday(t - _days(298))
    first_end = start + _days(26 * 7 - 1)
    internship = _workday(start + _days(129))
    return Persona(
        citizen=_citizen(
            rng,
            ("Mette Jørgensen", "Susanne Lund", "Dorthe Bech"),
            caseworker_name=_pick(rng, ("Pia Kjær", "Ulla Brix")),
            jobcenter="Jobcenter Aarhus",
            job_goal="A flexjob of 10-15 hours a week in a bakery or a shop, with a quiet start "
            "to the day.",
            job_wish_1="Bakery assistant",
            job_wish_2="Shop assistant (second-hand)",
            job_wish_3="Kitchen help",
            accommodations="Start after 10:00; quiet room for breaks; may go home if a migraine "
            "starts; no screen work over one hour at a time.",
            aids="Sunglasses and ear defenders; migraine medicine kept at work.",
            parallel_efforts="Neurologist (headache clinic); headache diary; physiotherapy for "
            "the neck.",
            notes="Two earlier work trainings stopped because of absence. Very conscientious on "
            "good days.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.WORK_CAPACITY_CLARIFICATION,
                weekly_hours="4-10",
                programme="Clarification course with mentor support",
                extensions=[
                    (
                        first_end - _days(8),
                        13,
                        (
                            "Work capacity not yet clarified: the neurologist's statement is pending and "
                            "she has only just reached 7 hours."
                        ),
                    ),
                    (
                        first_end + _days(84),
                        13,
                        (
                            "The jobcenter wants a trial at 10 hours in the company internship before the "
                            "flexjob assessment."
                        ),
                    ),
                ],
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Havnens Genbrug (the provider's second-hand shop)",
                        start=start + _days(14),
                        end=internship - _days(3),
                        end_reason="Moved on to a company internship as planned.",
                        supervisor="Lene Dahl",
                        supervisor_contact="+45 86 12 40 17",
                        steps=[
                            Step(0, WED_2),
                            Step(28, TUE_THU_2, "came every Wednesday for four weeks"),
                            Step(70, TUE_THU_3, "two days work well; three hours each day"),
                        ],
                        tasks=(
                            "Sorting clothes",
                            "Pricing books",
                            "Tidying the shelves",
                            "Till with Lene",
                            "Steaming and hanging clothes",
                        ),
                        work_functions="Sorting and pricing donated goods; shop floor; till with "
                        "support.",
                        training_goals="Stable attendance two days a week; find out how the "
                        "migraine reacts to work.",
                        accommodations="Start at 10:00; dim break room.",
                        notes=(
                            "Sorting and pricing go well; the till is still stressful.",
                            "Works alone on sorting now; careful and tidy.",
                            "Short, clear tasks suit her best.",
                        ),
                        views=(
                            "Lene: 'Reliable on the days she comes.'",
                            "Lene would like a call before 9:00 on migraine days.",
                        ),
                    ),
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Bageriet Kornkammeret, Viby J",
                        start=internship,
                        supervisor="Torben Ravn",
                        supervisor_contact="torben@kornkammeret.example",
                        company_consultant="Rikke Vang (Jobcenter Aarhus)",
                        steps=[
                            Step(0, TUE_THU_3),
                            Step(35, TUE_THU_35, "stable for five weeks; half an hour more a day"),
                            Step(
                                133,
                                {1: 3.5, 3: 3.5, 4: 3.0},
                                "trial at 10 hours, asked for by the jobcenter",
                            ),
                        ],
                        tasks=(
                            "Packing bread",
                            "Washing trays",
                            "Filling the bread shelves",
                            "Making sandwiches",
                            "Cleaning the shop",
                            "Baking off rolls",
                        ),
                        work_functions="Packing, filling shelves, simple bake-off, cleaning.",
                        training_goals="Reach 10 hours a week; describe which tasks work on "
                        "migraine days.",
                        accommodations="Starts at 10:00; break room with the light off; may go "
                        "home if a migraine starts.",
                        support_on_site="Mentor visits every other week; Torben is the fixed "
                        "contact.",
                        paid_hours_next=t + _days(42),
                        notes=(
                            "Packing and shelves go well; the oven area is too hot and noisy.",
                            "Can work alone on packing now; sandwiches are next.",
                            "Tasks with a clear start and end suit her best.",
                        ),
                        views=("Torben: 'When she is here, she is one of the best.'",),
                    ),
                ],
                goals=[
                    GoalPlan(
                        "Come on the planned days for four weeks, or call before 9:00 if I cannot",
                        "work",
                        "Four weeks with every day either attended or called in before 9:00.",
                        3,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(90),
                        status_note="Four weeks in a row, and she calls in every time now.",
                        what=(
                            "Knowing it is fine to call in sick.",
                            "A fixed routine the night before.",
                        ),
                        own=(
                            "Set an alarm at 8:30 to decide and call.",
                            "Pack the bag the evening before.",
                        ),
                        help=(
                            "Mentor: remind her by SMS the first weeks.",
                            "Lene: answer the phone in the morning.",
                        ),
                    ),
                    GoalPlan(
                        "Keep a headache diary every day and bring it to the neurologist",
                        "health",
                        "Diary filled in for six weeks and shown at the appointment.",
                        4,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(120),
                        after_days=28,
                        status_note="The neurologist has the diary; new medicine started.",
                        what=("Remembering it on bad days.", "A simple form."),
                        own=("Diary next to the toothbrush.", "Fill it in on the bus home."),
                        help=(
                            "Mentor: made a one-page form.",
                            "GP: referral to the headache clinic.",
                        ),
                    ),
                    GoalPlan(
                        "Work 10 hours a week for six weeks with at most one sick day a week",
                        "work",
                        "Six weeks at 10 hours, logbook shows at most one sick day a week.",
                        3,
                        5,
                        after_days=220,
                        target=t + _days(40),
                        what=("Fewer migraine days.", "Enough rest on the day off."),
                        own=("Rest on Wednesdays.", "Take the medicine at the first sign."),
                        help=(
                            "Torben: keep the quiet break room.",
                            "Mentor: go through the logbook with her every fortnight.",
                        ),
                    ),
                    GoalPlan(
                        "Find out with the caseworker what a flexjob would mean for my finances",
                        "practical",
                        "A written overview of income in a flexjob.",
                        2,
                        6,
                        after_days=250,
                        target=t + _days(25),
                        what=("Understanding the rules.", "Courage to ask."),
                        own=("Write down the questions.", "Bring the budget."),
                        help=(
                            "Caseworker: explain the flexjob rules.",
                            "Mentor: join the meeting.",
                        ),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.13,
            kinds=(
                (Attendance.SICK, "Migraine"),
                (Attendance.SICK, "Migraine since the night"),
                (Attendance.SICK, "Migraine, stayed in bed"),
                (Attendance.SICK, "Migraine with nausea"),
            ),
            left_early=0.07,
            left_early_reasons=("Migraine coming on", "Flickering vision (migraine aura)"),
            body=0.6,
            energy=5,
            pain=4,
        ),
        texts=Texts(
            tasks=(),
            accommodations=(
                "The dark break room helps; uses it most days.",
                "Start at 10:00 works; earlier starts bring migraine.",
                "Ear defenders in noisy tasks; fewer headaches.",
            ),
            citizen_views=(
                "'I can do more than I thought, when my head lets me.'",
                "'The bad days still scare me.'",
                "'It is good that nobody gets angry when I call in sick.'",
            ),
        ),
        actions=(
            ("Send the neurologist's statement to the caseworker", "citizen"),
            ("Ask about a fixed seat away from the oven", "mentor"),
            ("Book the follow-up with the caseworker about the flexjob", "mentor"),
            ("Bring the headache diary to the next meeting", "citizen"),
            ("Check if the break room can stay dark", "supervisor"),
        ),
        review=(
            (
                "10-hour trial going fairly: migraine days but she calls in every time. "
                "Start the work capacity description for the flexjob assessment."
            ),
        ),
        meeting_times=((10, 30), (11, 0), (13, 0)),
    )
