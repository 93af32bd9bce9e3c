"""The persona: An old, archived case: moved to another provider two years ago."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CourseOutcome, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _workday
from ..people import _citizen
from ..plans import TUE_THU_2, Absences, CoursePlan, GoalPlan, Persona, PlacementPlan, Step, Texts


def persona(rng: random.Random, t: date) -> Persona:
    """An old, archived case: moved to another provider two years ago."""
    start = _workday(t - _days(728))
    ended = start + _days(48)
    return Persona(
        citizen=_citizen(
            rng,
            ("J.K.", "P.M.", "R.S."),
            caseworker_name="Ulla Brix",
            jobcenter="Jobcenter Aarhus",
            job_goal="Unclear at referral.",
            notes="Moved to another provider closer to home.",
            archived_on=ended + _days(60),
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=13,
                purpose=CoursePurpose.OTHER,
                weekly_hours="4",
                programme="Job first with mentor",
                end=(
                    ended,
                    CourseOutcome.OTHER_PROVIDER,
                    ("Moved to a provider in Silkeborg after moving house."),
                ),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.TRAINING_GROUND,
                        workplace="Havnens Genbrug (the provider's second-hand shop)",
                        start=_workday(start + _days(14)),
                        end=ended - _days(3),
                        end_reason="Moved house.",
                        supervisor="Lene Dahl",
                        steps=[Step(0, TUE_THU_2)],
                        tasks=("Sorting clothes", "Pricing books"),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Come both days a week for a month",
                        "work",
                        "Four weeks present.",
                        3,
                        4,
                        status=SubGoalStatus.DROPPED,
                        target=ended,
                        status_note="Moved to another provider.",
                        what=("A stable place to live.",),
                        own=("Find a flat.",),
                        help=("Housing adviser.",),
                    ),
                    GoalPlan(
                        "Find a flat with the housing adviser",
                        "practical",
                        "A lease signed.",
                        2,
                        6,
                        status=SubGoalStatus.ACHIEVED,
                        target=ended,
                        after_days=14,
                        status_note="Found a flat in Silkeborg.",
                        what=("Money for the deposit.",),
                        own=("Look at the housing sites daily.",),
                        help=("Housing adviser: deposit loan.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.2,
            kinds=((Attendance.SICK, "Sick"), (Attendance.ABSENT_WITHOUT_NOTICE, "No contact")),
        ),
        texts=Texts(
            tasks=("Sorting works.",),
            accommodations=("None needed.",),
            citizen_views=("'I am moving soon.'",),
        ),
        actions=(("Send the papers to the new provider", "mentor"),),
        review=(),
        book_next=False,
        miss_rate=0.2,
    )
