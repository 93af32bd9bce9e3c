"""The persona: Arthritis; flexjob granted about three months ago after an extended course."""

from __future__ import annotations

import random
from datetime import date

from ...enums import (
    Attendance,
    CourseOutcome,
    CoursePurpose,
    MeetingKind,
    MeetingStatus,
    PlacementKind,
    SubGoalStatus,
)
from ..days import _days, _workday
from ..people import _citizen, _pick
from ..plans import (
    MON_THU_3,
    MWF_3,
    TUE_THU_2,
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
    """Arthritis; flexjob granted about three months ago after an extended course."""
    start = _workday(t - _days(318))
    ended = t - _days(rng.randint(93, 97))
    return Persona(
        citizen=_citizen(
            rng,
            ("Birgitte Holm", "Hanne Vestergaard", "Lone Skov"),
            caseworker_name=_pick(rng, ("Maja Thorsen", "Peter Riis")),
            jobcenter="Jobcenter Aarhus",
            job_goal="Flexjob as a receptionist or office help, about 12 hours a week.",
            job_wish_1="Receptionist",
            job_wish_2="Office help",
            accommodations="Short days; no phone queue; fixed desk; may stand and walk.",
            aids="Ergonomic keyboard and mouse; height-adjustable desk.",
            parallel_efforts="Rheumatologist (arthritis) every third month.",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.FLEXJOB,
                weekly_hours="4-12",
                programme="Clarification course with mentor support",
                extensions=[
                    (
                        start + _days(172),
                        13,
                        "The rehabilitation team meets after the trial at 12 hours.",
                    )
                ],
                end=(
                    ended,
                    CourseOutcome.FLEXJOB_GRANTED,
                    (
                        "The rehabilitation team granted a flexjob; 12 hours a week at Tandlægerne i "
                        "Kongensgade from two weeks after the course."
                    ),
                ),
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.COMPANY_INTERNSHIP,
                        workplace="Tandlægerne i Kongensgade (reception)",
                        start=_workday(start + _days(18)),
                        end=ended,
                        end_reason="Course ended with a flexjob at the same place.",
                        supervisor="Charlotte Bundgaard",
                        supervisor_contact="reception@tandkongensgade.example",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(42, TUE_THU_3, "the hands hold"),
                            Step(98, MWF_3, "three days work better for the joints"),
                            Step(
                                160, MON_THU_3, "trial at 12 hours before the rehabilitation team"
                            ),
                        ],
                        tasks=(
                            "Booking appointments",
                            "Welcoming patients",
                            "Scanning papers",
                            "Filing",
                            "Answering e-mails",
                        ),
                        aids="Ergonomic keyboard and mouse.",
                    ),
                    PlacementPlan(
                        kind=PlacementKind.FLEXJOB,
                        workplace="Tandlægerne i Kongensgade (reception)",
                        start=ended + _days(14),
                        supervisor="Charlotte Bundgaard",
                        logbook=False,
                        steps=[Step(0, MON_THU_3)],
                        follow_up="Aftercare after one and three months",
                    ),
                ],
                goals=[
                    GoalPlan(
                        "Work 12 hours a week for four weeks before the rehabilitation team meets",
                        "work",
                        "Four weeks at 12 hours in the logbook.",
                        3,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        after_days=150,
                        target=ended - _days(14),
                        status_note="Done; the logbook went to the rehabilitation team.",
                        what=("Stable hands.",),
                        own=("Exercises for the hands each morning.",),
                        help=("Charlotte: short tasks at the keyboard.",),
                    ),
                    GoalPlan(
                        "Answer the phone at the reception for an hour without help",
                        "work",
                        "Three times an hour alone at the phone.",
                        2,
                        7,
                        status=SubGoalStatus.ACHIEVED,
                        after_days=60,
                        target=start + _days(200),
                        status_note="Reached; the phone queue stays off.",
                        what=("Knowing the booking system.",),
                        own=("Practise with a colleague.",),
                        help=("Charlotte: a cheat sheet.",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.09,
            kinds=(
                (Attendance.SICK, "Arthritis flare-up, swollen hands"),
                (Attendance.ABSENT_WITH_NOTICE, "Rheumatologist"),
            ),
            left_early_reasons=("Pain in the hands",),
            body=0.6,
            energy=6,
            pain=4,
        ),
        texts=Texts(
            tasks=(
                "Booking and welcoming go well; long typing hurts.",
                "Good with the patients; needs breaks from the keyboard.",
            ),
            accommodations=("The ergonomic keyboard helps.", "Standing up every half hour."),
            citizen_views=("'I am useful again.'", "'The flare-ups scare me.'"),
            workplace_views=("Charlotte: 'The patients love her.'",),
        ),
        actions=(
            ("Send the logbook summary to the caseworker", "mentor"),
            ("Ask the rheumatologist for a statement", "citizen"),
        ),
        extra_meetings=[
            ExtraMeeting(
                _workday(ended + _days(45)),
                MeetingKind.PHONE,
                MeetingStatus.HELD,
                "Aftercare call, one month in the flexjob: happy; the hands are "
                "better with fixed days.",
                "Phone",
                hour=(15, 0),
                duration=20,
                decisions="Aftercare follow-up about three months in.",
            ),
            ExtraMeeting(
                _workday(t + _days(rng.randint(1, 5))),
                MeetingKind.THREE_PARTY,
                MeetingStatus.PLANNED,
                place="Tandlægerne i Kongensgade",
                hour=(13, 30),
                duration=45,
                with_supervisor=True,
            ),
        ],
        book_next=False,
        review=("Aftercare: three-month follow-up at the workplace is booked.",),
    )
