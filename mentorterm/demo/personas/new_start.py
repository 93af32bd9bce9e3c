"""The persona: Just started: social anxiety, one short day a week."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _workday
from ..jobsearch import Contact, JobSearchPlan, Target
from ..people import _citizen, _pick
from ..plans import WED_2, Absences, CoursePlan, GoalPlan, Persona, PlacementPlan, Step, Texts


def persona(rng: random.Random, t: date) -> Persona:
    """Just started: social anxiety, one short day a week."""
    start = _workday(t - _days(21))
    return Persona(
        citizen=_citizen(
            rng,
            ("Emil Thomsen", "Nikolaj Hansen", "Sebastian K."),
            caseworker_name=_pick(rng, ("Anders Lykke", "Bettina Schou")),
            jobcenter="Jobcenter Aarhus",
            job_goal="Find out which kind of work suits him: IT support or a warehouse.",
            job_wish_1="IT support",
            job_wish_2="Warehouse",
            accommodations="Social anxiety: meet in a quiet room; small groups; headphones "
            "allowed.",
            parallel_efforts="Psychiatry (social anxiety); medication started last month.",
            notes="Has hardly left home for two years. Came to the first meeting with his mother.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(11),
                start=start,
                weeks=13,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="2-6",
                programme="Job first with mentor",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="IT-værkstedet (the provider's computer repair)",
                        start=_workday(start + _days(8)),
                        supervisor="Morten Kjeldsen",
                        supervisor_contact="+45 86 12 40 35",
                        steps=[Step(0, WED_2)],
                        tasks=("Wiping hard disks", "Testing laptops", "Cleaning keyboards"),
                        work_functions="Testing and cleaning used computers.",
                        training_goals="Come every Wednesday; talk to Morten.",
                        accommodations="Own desk in the corner; headphones allowed.",
                    )
                ],
                goals=[
                    GoalPlan(
                        "Meet Morten and get the tasks in the workshop explained",
                        "work",
                        "Has met Morten and tried one task.",
                        3,
                        7,
                        after_days=0,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(10),
                        status_note="Met Morten and tested two laptops.",
                        what=("Knowing who he will meet.",),
                        own=("Look at photos of the workshop.",),
                        help=("Mentor: come along the first time.",),
                    ),
                    GoalPlan(
                        "Come to the workshop every Wednesday for a month",
                        "work",
                        "Four Wednesdays present.",
                        3,
                        3,
                        after_days=7,
                        target=t + _days(21),
                        what=("Getting out of the door.",),
                        own=(("Leave at the same time each Wednesday."),),
                        help=("Mentor: SMS on Tuesday evenings.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.15,
            kinds=((Attendance.ABSENT_WITH_NOTICE, "Too anxious; called in"),),
            body=0.5,
            energy=4,
        ),
        texts=Texts(
            tasks=("Testing laptops suits him; works alone in the corner.",),
            accommodations=("The corner desk and headphones make it possible.",),
            citizen_views=("'It was less scary than I thought.'",),
            workplace_views=("Morten: 'Quiet and precise.'",),
        ),
        actions=(
            ("Send the SMS on Tuesday evening", "mentor"),
            ("Bring the medicine plan", "citizen"),
        ),
        review=("New citizen: first weeks go fine; keep one day a week for now.",),
        miss_rate=0.0,
        job_search=JobSearchPlan(
            cv=[(start + _days(10), "none", "Needs help one-to-one: IT and Danish")],
            contacts=[
                Contact(
                    "Elgiganten Lager",
                    t - _days(3),
                    "visit",
                    follow_up=t + _days(7),
                    note="Visited the warehouse with the mentor",
                )
            ],
            targets=[
                Target("Komplett IT-support", t - _days(3), "IT support, his first wish"),
                Target("PostNord Terminal", t - _days(3), "Warehouse, night shifts possible"),
                # One of the register's workplaces: its screen lists him (matched by name).
                Target("NordLager, Odense SØ", t - _days(3), "Warehouse; they take trainees"),
            ],
        ),
    )
