"""The persona: Tigrinya interpreter; moves from the canteen to a restaurant within two weeks."""

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
from ..days import _days, _dmy, _workday
from ..people import _citizen, _pick
from ..plans import (
    TUE_THU_4,
    TUE_THU_35,
    Absences,
    CoursePlan,
    ExtraMeeting,
    GoalPlan,
    Persona,
    PlacementPlan,
    Step,
    Texts,
)


def persona(rng: random.Random, t: date) -> Persona:
    """Tigrinya interpreter; moves from the canteen to a restaurant within two weeks."""
    start = _workday(t - _days(100))
    next_start = _workday(t + _days(rng.randint(8, 12)))
    return Persona(
        citizen=_citizen(
            rng,
            ("Yonas T.", "Semhar G.", "Filmon A."),
            caseworker_name=_pick(rng, ("Mikkel Brandt", "Sara Kähler")),
            jobcenter="Jobcenter Aarhus",
            interpreter_needed=True,
            interpreter_language="Tigrinya",
            job_goal="A job as a kitchen assistant in a restaurant.",
            job_wish_1="Kitchen assistant",
            job_wish_2="Dishwasher",
            job_wish_3="Warehouse",
            accommodations="Interpreter at three-party meetings (Tigrinya); tasks written with "
            "pictures.",
            parallel_efforts="Danish lessons (module 2) three mornings a week.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(12),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="7-12",
                programme="Job first with mentor",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Kantinen (the provider's canteen)",
                        start=_workday(start + _days(14)),
                        end=next_start - _days(3),
                        end_reason="Moves on to a company internship at Restaurant Skovbrynet.",
                        supervisor="Bent Hjort",
                        supervisor_contact="+45 86 12 40 30",
                        steps=[
                            Step(0, TUE_THU_35),
                            Step(56, {1: 3.5, 3: 3.5, 4: 3.0}, "stable at 7 hours; add Friday"),
                        ],
                        tasks=(
                            "Washing up",
                            "Cutting vegetables",
                            "Serving lunch",
                            "Cleaning the kitchen",
                            "Baking bread",
                        ),
                        work_functions="Canteen kitchen: preparation, serving and washing up.",
                        training_goals="Kitchen routines and hygiene rules; kitchen Danish.",
                    ),
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Restaurant Skovbrynet (kitchen)",
                        start=next_start,
                        supervisor="Camilla Ørum",
                        supervisor_contact="+45 86 27 11 40",
                        company_consultant="Rikke Vang (Jobcenter Aarhus)",
                        steps=[Step(0, TUE_THU_4)],
                        work_functions="Preparation and washing up in a restaurant kitchen.",
                        training_goals="Learn a busy kitchen; 12 hours within two months.",
                        accommodations="Start low; tasks with pictures the first weeks.",
                        support_on_site="Mentor comes along on the first day.",
                        paid_hours_next=next_start + _days(56),
                    ),
                ],
                goals=[
                    GoalPlan(
                        "Learn the hygiene rules of the kitchen",
                        "work",
                        "Can show Bent the rules without help.",
                        4,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(70),
                        status_note="Passed Bent's hygiene check.",
                        what=("Pictures of the rules.",),
                        own=("Photos on the phone.",),
                        help=("Bent: show and explain.",),
                    ),
                    GoalPlan(
                        "Be ready for the first day at the restaurant",
                        "work",
                        "Knows the way, the time and who to ask for.",
                        3,
                        6,
                        after_days=70,
                        target=next_start,
                        what=("Knowing what will happen.",),
                        own=("Ride the route once.",),
                        help=(
                            "Mentor: come along on the first day.",
                            "Interpreter at the start-up meeting.",
                        ),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.05,
            kinds=(
                (Attendance.ABSENT_WITH_NOTICE, "Danish test"),
                (Attendance.SICK, "Fever"),
                (Attendance.ABSENT_WITH_NOTICE, "Appointment at the municipality"),
            ),
            body=0.25,
            energy=7,
        ),
        texts=Texts(
            tasks=(
                "Fast and careful in the kitchen; ready for a real kitchen.",
                "Handles washing up and vegetables alone.",
                "Learns new dishes by watching once.",
            ),
            accommodations=(
                "Pictures of the tasks on the wall help.",
                "Needs the interpreter only for agreements now.",
            ),
            citizen_views=(
                "'I want to work in a restaurant.'",
                "'I am nervous about the new place.'",
            ),
            workplace_views=("Bent: 'Ready for a restaurant kitchen.'",),
        ),
        actions=(
            ("Book the Tigrinya interpreter for the start-up meeting", "mentor"),
            ("Ride the bus route to the restaurant", "citizen"),
            ("Send the internship agreement to the caseworker", "mentor"),
        ),
        extra_meetings=[
            ExtraMeeting(
                next_start,
                MeetingKind.THREE_PARTY,
                MeetingStatus.PLANNED,
                place="Restaurant Skovbrynet",
                hour=(10, 0),
                duration=60,
                with_supervisor=True,
            ),
        ],
        review=(
            (
                f"Transition to Restaurant Skovbrynet on {_dmy(next_start)}: mentor goes along "
                "on the first day; interpreter booked for the start-up meeting."
            ),
        ),
        attention=True,
    )
