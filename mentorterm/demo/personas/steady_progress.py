"""The persona: Sober two years; internship plus paid hours, steady escalation to 20 hours."""

from __future__ import annotations

import random
from datetime import date

from ...enums import Attendance, CoursePurpose, PlacementKind, SubGoalStatus
from ..days import _days, _workday
from ..jobsearch import Contact, JobSearchPlan, Target
from ..people import _citizen, _pick
from ..plans import (
    MON_FRI_2,
    MON_FRI_3,
    MON_FRI_4,
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
    """Sober two years; internship plus paid hours, steady escalation to 20 hours."""
    start = _workday(t - _days(250))
    return Persona(
        citizen=_citizen(
            rng,
            ("Anne Pedersen", "Maria Laursen", "Julie Bak"),
            caseworker_name=_pick(rng, ("Rune Kjær", "Helle Brandt")),
            jobcenter="Jobcenter Odense",
            job_goal="A permanent job in a supermarket, 25-30 hours a week.",
            job_wish_1="Shop assistant",
            job_wish_2="Bakery shop assistant",
            job_wish_3="Warehouse",
            accommodations="Does not sell alcohol at the till for now (her own wish); fixed "
            "shifts.",
            parallel_efforts="Alcohol treatment centre: follow-up monthly (sober two years).",
        ),
        courses=[
            CoursePlan(
                referral=start - _days(14),
                start=start,
                weeks=26,
                purpose=CoursePurpose.ORDINARY_JOB,
                weekly_hours="4-20",
                programme="Job first with mentor",
                extensions=[
                    (
                        start + _days(170),
                        16,
                        (
                            "Paid hours started; the shop wants to see her at 20 hours before a "
                            "wage subsidy."
                        ),
                    )
                ],
                placements=[
                    PlacementPlan(
                        kind=PlacementKind.HYBRID,
                        workplace="Købmanden på Hjørnet, Odense C",
                        start=_workday(start + _days(14)),
                        supervisor="Ib Clausen",
                        supervisor_contact="+45 66 13 42 42",
                        company_consultant="Ole Munk (Jobcenter Odense)",
                        steps=[
                            Step(0, TUE_THU_2),
                            Step(21, TUE_THU_35, "three good weeks"),
                            Step(63, MON_FRI_2, "ready for every weekday"),
                            Step(112, MON_FRI_3, "stable; paid hours discussed"),
                            Step(168, MON_FRI_4, "16 internship hours + 4 paid hours"),
                        ],
                        tasks=(
                            "Filling shelves",
                            "Bake-off",
                            "Till (no alcohol)",
                            "Cleaning",
                            "Receiving goods",
                            "Fruit and vegetables",
                        ),
                        work_functions="Shelves, bake-off, till without alcohol, receiving goods.",
                        training_goals="20 hours with paid hours; a wage subsidy job after the course.",
                        paid_hours_next=t + _days(10),
                    )
                ],
                goals=[
                    GoalPlan(
                        "Serve customers at the till alone",
                        "work",
                        "A whole shift at the till alone.",
                        3,
                        8,
                        status=SubGoalStatus.ACHIEVED,
                        target=start + _days(120),
                        status_note="Runs the till alone.",
                        what=("Knowing the till.",),
                        own=("Practise quiet hours.",),
                        help=("Ib: stand by the first shifts.",),
                    ),
                    GoalPlan(
                        "Work 20 hours a week for six weeks",
                        "work",
                        "Six weeks at 20 hours.",
                        5,
                        8,
                        after_days=160,
                        target=t + _days(20),
                        what=("Energy for five days.",),
                        own=("Sleep and meals on time.",),
                        help=("Ib: the same shifts each week.",),
                    ),
                    GoalPlan(
                        "Pay the debt collector the agreed amount every month",
                        "practical",
                        "Six payments on time.",
                        3,
                        7,
                        after_days=42,
                        status=SubGoalStatus.PAUSED,
                        target=t + _days(60),
                        status_note="Paused until the debt advice meeting.",
                        what=("A budget.",),
                        own=("Pay on the day the money comes.",),
                        help=("Debt advice (volunteers).",),
                    ),
                ],
            )
        ],
        absences=Absences(
            rate=0.04,
            kinds=(
                (Attendance.SICK, "Cold"),
                (Attendance.ABSENT_WITH_NOTICE, "Treatment centre appointment"),
            ),
            body=0.3,
            energy=7,
        ),
        texts=Texts(
            tasks=(
                "Runs the till and the bake-off alone.",
                ("Ib gives her the morning delivery now."),
                "Works fast; wants more responsibility.",
            ),
            accommodations=(
                "No alcohol at the till works; colleagues take over.",
                "Fixed shifts help her plan.",
            ),
            citizen_views=(
                "'I have not felt this normal for years.'",
                "'The paid hours mean a lot.'",
            ),
            workplace_views=("Ib: 'We want to keep her.'",),
        ),
        actions=(
            ("Ask the caseworker about a wage subsidy", "mentor"),
            ("Bring the budget", "citizen"),
            ("Plan next month's shifts", "supervisor"),
        ),
        review=("Going well; ask the caseworker about a wage subsidy from the new year.",),
        miss_rate=0.03,
        job_search=JobSearchPlan(
            cv=[
                (start + _days(20), "being_written", "Had not touched it since 2015"),
                (start + _days(48), "up_to_date", "With her placement and a photo"),
            ],
            contacts=[
                Contact("Netto Vestergade", t - _days(60), "application", "no"),
                Contact(
                    "Rema 1000 Tarup",
                    t - _days(40),
                    "cv_handed_in",
                    "interview",
                    follow_up=t - _days(30),
                    followed_up=t - _days(29),
                    note="Interview with the store manager; she went alone",
                ),
                Contact(
                    "Lidl Dalum",
                    t - _days(16),
                    "application",
                    follow_up=t - _days(6),  # overdue: nobody has asked yet
                    note="Part-time shop assistant, 25 hours",
                ),
            ],
            targets=[
                Target("Føtex Odense C", t - _days(30), "Bakery counter; 20 min by bus"),
                Target("Coop 365 Bolbro", t - _days(30), "Near home"),
                Target("Rema 1000 Tarup", t - _days(45), "Handed her CV in", done=t - _days(40)),
            ],
        ),
    )
