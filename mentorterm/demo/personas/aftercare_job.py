"""The persona: Hired about three months ago; aftercare follow-up coming up."""

from __future__ import annotations

import random
from datetime import date

from ...enums import (
    AftercareSituation,
    Attendance,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    PlacementKind,
    SubGoalStatus,
)
from ..days import _days, _dmy, _workday
from ..people import _citizen, _pick
from ..plans import (
    MON_FRI_3,
    MON_FRI_4,
    MON_FRI_5,
    MON_THU_3,
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


def persona(rng: random.Random, t: date) -> Persona:
    """Hired about three months ago; aftercare follow-up coming up."""
    start = _workday(t - _days(266))
    ended = t - _days(rng.randint(88, 92))
    internship = _workday(start + _days(70))
    return Persona(
        citizen=_citizen(
            rng,
            ("Lars Kristensen", "Michael Berg", "Rasmus Holm"),
            caseworker_name=_pick(rng, ("Jens Aagaard", "Mette Lindholm")),
            jobcenter="Jobcenter Odense",
            job_goal="An ordinary job as a warehouse worker.",
            job_wish_1="Warehouse worker",
            job_wish_2="Postal worker",
            accommodations="Written instructions for new tasks.",
            notes="Long-term unemployed for six years after a divorce and drinking; sober four "
            "years.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="10-20",
                programme="Job first with mentor",
                end=(
                    ended,
                    CourseOutcome.ORDINARY_JOB,
                    (
                        f"Hired 25 hours a week as warehouse worker at NordLager, Odense SØ, from "
                        f"{_dmy(ended + _days(1))}. Aftercare about three months in."
                    ),
                ),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Kantinen (the provider's canteen)",
                        start=start + _days(7),
                        end=internship - _days(3),
                        supervisor="Bent Hjort",
                        supervisor_contact="+45 86 12 40 30",
                        end_reason="Ready for a company internship.",
                        steps=[Step(0, TUE_THU_3), Step(28, MWF_3, "on time every day")],
                        tasks=("Washing up", "Preparing salads", "Serving lunch"),
                        notes=("Washing up and salads alone; calm in the lunch rush.",),
                        views=("Bent: 'Ready for a real workplace.'",),
                    ),
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="NordLager, Odense SØ",
                        start=internship,
                        end=ended - _days(1),
                        supervisor="Kasper Juul",
                        supervisor_contact="+45 66 11 09 09",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        end_reason="Hired by the company.",
                        steps=[
                            Step(0, MON_THU_3),
                            Step(42, MON_FRI_3, "steady; ready for more"),
                            Step(84, MON_FRI_4, "paid hours are on the table at 20 hours"),
                        ],
                        tasks=("Receiving goods", "Picking orders", "Packing", "Stock counting"),
                        work_functions="Receiving and picking; truck training later.",
                        notes=(
                            "Learns fast; picking and packing alone.",
                            "Reliable; now counts stock too.",
                        ),
                        views=("Kasper: 'We would like to hire him.'",),
                    ),
                    PlacementPlan(
                        kind=PlacementKind.ORDINARY_JOB,
                        workplace="NordLager, Odense SØ",
                        start=ended + _days(1),
                        supervisor="Kasper Juul",
                        logbook=False,
                        steps=[Step(0, MON_FRI_5)],
                        follow_up="Aftercare after one and three months",
                        work_functions="Warehouse worker, 25 hours a week.",
                    ),
                ],
                goals=[
                    GoalPlan(
                        "Come to the canteen on time three days a week for a month",
                        "work",
                        "A month on time.",
                        5,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(60),
                        status_note="Easily reached.",
                        what=("A steady morning routine.",),
                        own=("Bike to work.",),
                        help=("Mentor: nothing needed beyond follow-up.",),
                    ),
                    GoalPlan(
                        "Work 20 hours a week for a month",
                        "work",
                        "Four weeks at 20 hours.",
                        4,
                        9,
                        status=SubGoalStatus.ACHIEVED,
                        after_days=80,
                        target=ended,
                        status_note="Reached; hired shortly after.",
                        what=("Stamina.",),
                        own=("Early nights.",),
                        help=("Kasper: the same team every day.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.04,
            kinds=((Attendance.SICK, "Cold"), (Attendance.ABSENT_WITH_NOTICE, "Dentist")),
            body=0.2,
            energy=7,
        ),
        texts=Texts(
            tasks=(),
            accommodations=(
                "Written instructions only needed for new tasks.",
                "No special needs at the moment.",
            ),
            citizen_views=("'I want a payslip again.'", "'It feels like a real job.'"),
        ),
        actions=(
            ("Ask the company consultant about warehouse internships", "mentor"),
            ("Update the CV with the latest tasks", "citizen"),
            ("Practise the job interview", "citizen"),
        ),
        extra_meetings=[
            ExtraMeeting(
                _workday(ended + _days(32)),
                MeetingKind.AFTERCARE,
                MeetingStatus.HELD,
                "Aftercare call, one month in the job: likes the team; tired in the "
                "evenings but manages. No problems with the contract.",
                "Phone",
                hour=(16, 0),
                duration=20,
                decisions="Aftercare follow-up about three months in.",
                aftercare_situation=AftercareSituation.SAME_JOB,
            ),
            ExtraMeeting(
                _workday(t + _days(rng.randint(2, 6))),
                MeetingKind.ONE_TO_ONE,
                MeetingStatus.PLANNED,
                place="Café near NordLager",
                hour=(15, 30),
            ),
        ],
        book_next=False,
        review=("Aftercare: follow-up about three months in the job is booked.",),
    )
