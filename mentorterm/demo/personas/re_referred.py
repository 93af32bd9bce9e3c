"""The persona: Referred again: an earlier course ended in sick leave; the new one builds on it."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CourseOutcome, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _dmy, _workday
from ..people import _citizen, _pick
from ..plans import (
    MON_FRI_3,
    MON_THU_3,
    MWF_3,
    TUE_THU_2,
    Absences,
    CoursePlan,
    GoalPlan,
    Persona,
    PlacementPlan,
    Step,
    Texts,
)


def persona(rng: random.Random, t: date) -> Persona:
    """Referred again: an earlier course ended in sick leave; the new one builds on it."""
    old_start = _workday(t - _days(868))
    old_end = old_start + _days(rng.randint(105, 115))
    start = _workday(t - _days(151))
    return Persona(
        citizen=_citizen(
            rng,
            ("Ali H.", "Omar S.", "Bilal K."),
            caseworker_name=_pick(rng, ("Martin Holt", "Jakob Lerche")),
            jobcenter="Jobcenter Aarhus",
            job_goal="An ordinary job in a warehouse, later a forklift licence.",
            job_wish_1="Warehouse worker",
            job_wish_2="Driver's assistant",
            job_wish_3="Recycling station",
            accommodations="No lifting over 15 kg since the back operation; may change position "
            "every hour.",
            parallel_efforts="Physiotherapy once a week.",
            notes=f"Referred again in {start.year}. Earlier course from {_dmy(old_start)}: "
            "stopped for back surgery. Learned then: mornings work best, and he wants "
            "the tasks on paper.",
        ),
        courses=[
            CoursePlan(
                referral=old_start - _days(12),
                start=old_start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="4-10",
                programme="Job first with mentor",
                end=(
                    old_end,
                    CourseOutcome.SICK_LEAVE,
                    (
                        "Back surgery; on sick leave for an unknown period. The jobcenter will "
                        "refer him again when he is ready."
                    ),
                ),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Værkstedet (the provider's bike workshop)",
                        start=old_start + _days(14),
                        end=old_end - _days(2),
                        end_reason="Stopped: back pain, surgery planned.",
                        supervisor="Kenneth Friis",
                        supervisor_contact="+45 86 12 40 22",
                        steps=[Step(0, TUE_THU_2), Step(28, MWF_3, "four good weeks")],
                        tasks=(
                            "Repairing bikes",
                            "Changing tyres",
                            "Cleaning the workshop",
                            "Sorting spare parts",
                        ),
                        work_functions="Simple bike repairs; keeping the workshop tidy.",
                        training_goals="Mornings on time; see which tasks the back allows.",
                        notes=(
                            "Good with tyres and punctures; bending hurts the back.",
                            "Likes the workshop; the written task list helps.",
                        ),
                        views=("Kenneth: 'Good hands, and always on time.'",),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Meet at 9:00 on workshop days for a month",
                        "work",
                        "A month with no late arrivals.",
                        4,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=old_start + _days(60),
                        status_note="On time for a month.",
                        what=("A bus that fits.",),
                        own=("Leave home at 8:15.",),
                        help=("Mentor: found the bus route with him.",),
                    ),
                    GoalPlan(
                        "Try a company internship in a warehouse",
                        "work",
                        "A warehouse internship agreed and started.",
                        3,
                        3,
                        status=SubGoalStatus.DROPPED,
                        target=old_start + _days(150),
                        after_days=42,
                        status_note="Course ended because of sick leave.",
                        what=("A back that holds.",),
                        own=("Keep up the exercises.",),
                        help=("Company consultant: find a warehouse.",),
                    ),
                ],
            ),
            CoursePlan(
                referral=start - _days(12),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="10-15",
                programme="Job first with mentor",
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Lagerhotellet Brabrand",
                        start=_workday(start + _days(21)),
                        supervisor="Dennis Mortensen",
                        supervisor_contact="+45 70 20 31 55",
                        company_consultant="Rikke Vang (Jobcenter Aarhus)",
                        steps=[
                            Step(0, MWF_3),
                            Step(42, MON_THU_3, "nine hours are stable and the back holds"),
                            Step(91, MON_FRI_3, "steady for seven weeks; five short days"),
                        ],
                        tasks=(
                            "Picking orders with a scanner",
                            "Packing parcels",
                            "Counting stock",
                            "Sweeping the loading area",
                            "Labelling pallets",
                        ),
                        work_functions="Picking, packing and counting stock; no lifting over 15 "
                        "kg.",
                        training_goals="15 hours a week; show the company he can be hired.",
                        accommodations="No lifting over 15 kg; change position every hour.",
                        paid_hours_next=t + _days(14),
                        notes=(
                            "Picking with the scanner goes fast now; avoids the heavy shelves.",
                            "Counting stock is the best task for the back.",
                            "Dennis lets him plan the packing table himself.",
                        ),
                        views=("Dennis: 'If it goes on like this we will talk about paid hours.'",),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Work 15 hours a week with back pain below 5 for a month",
                        "work",
                        "Logbook shows 15 hours and pain below 5 for four weeks.",
                        4,
                        7,
                        target=t + _days(20),
                        what=("The exercises every day.", "Changing tasks during the day."),
                        own=("Exercises every morning.", "Say when he needs another task."),
                        help=(
                            "Dennis: mix picking and counting.",
                            "Physiotherapist: a work programme.",
                        ),
                    ),
                    GoalPlan(
                        "Get a forklift licence before the course ends",
                        "education",
                        "Licence course booked and passed.",
                        3,
                        6,
                        target=t + _days(25),
                        after_days=42,
                        what=("Money for the course.", "Reading the theory in Danish."),
                        own=("Read the theory book with his brother.",),
                        help=("Caseworker: approve the course.", "Mentor: find a course date."),
                    ),
                    GoalPlan(
                        "Write a CV and apply for two warehouse jobs a month",
                        "work",
                        "CV done; two applications a month.",
                        2,
                        6,
                        after_days=56,
                        what=("A CV that explains the gap.",),
                        own=("Look at the job sites on Sundays.",),
                        help=("Mentor: help write the CV.",),
                    ),
                ],
            ),
        ],
        absences=Absences(
            rate=0.07,
            kinds=(
                (Attendance.SICK, "Back pain"),
                (Attendance.ABSENT_WITH_NOTICE, "Physiotherapy"),
                (Attendance.ABSENT_WITH_NOTICE, "Meeting at the jobcenter"),
            ),
            left_early_reasons=("Back pain", "Stiff back after the pallets"),
            body=0.35,
            energy=6,
            pain=3,
        ),
        texts=Texts(
            tasks=(),
            accommodations=(
                "Heavy lifting is left to colleagues without a fuss.",
                "Changing position every hour works; pain stays around 3.",
                "Written task list each morning helps.",
            ),
            citizen_views=(
                "'I want a real job this time.'",
                "'My back should not decide everything.'",
                "'Monday mornings are hard after the weekend.'",
            ),
        ),
        actions=(
            ("Ask the caseworker about paying for the forklift course", "mentor"),
            ("Bring the physiotherapist's programme", "citizen"),
            ("Look at paid hours after the course", "supervisor"),
            ("Send two applications", "citizen"),
        ),
        review=(
            (
                "Course ends in about a month: ask the company about paid hours; forklift "
                "course with the caseworker."
            ),
        ),
        meeting_times=((9, 0), (9, 30), (10, 0)),
    )
