"""How long a one-year progression report takes to render to PDF.

    python bench/report_pdf.py [--runs N]

Creates a temporary database with one citizen and a year of records: a
course (extended once), two placements one after the other with six hours
steps, every scheduled day of the year in the logbook (sick days, absences,
early leaves), five sub-goals scored every second week, and all five of the
mentor's texts written. Then times ``progression_report`` for the year +
``render_pdf``, after 2 untimed warm-up runs. Target: <= 1 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

from mentorterm import storage  # noqa: E402
from mentorterm.domain import reports  # noqa: E402
from mentorterm.models import (  # noqa: E402
    AllianceScore,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Placement,
    SubGoal,
    db,
)
from mentorterm.schemas import ReportTextsIn  # noqa: E402

TODAY = date(2026, 11, 29)
START = TODAY - timedelta(days=364)
TEXT = (
    "Mette møder stabilt om formiddagen og tager selv initiativ til opgaverne. "
    "Hun har brug for faste rammer – “en ting ad gangen” – og en rolig start. "
) * 3


def fill() -> int:
    rng = random.Random(1)
    me = storage.ensure_default_mentor()
    c = Citizen.create(
        mentor=me, name="Mette Jørgensen", accommodations="Ingen tunge løft", aids="Høreværn"
    )
    course = Course.create(
        citizen=c,
        referral_date=START - timedelta(days=14),
        start_date=START,
        planned_end=START + timedelta(weeks=26),
        weekly_hours="12",
        purpose="work_capacity_clarification",
    )
    CourseExtension.create(
        course=course,
        decided_on=START + timedelta(weeks=24),
        new_end=START + timedelta(weeks=60),
        reason="Mere afklaring",
    )
    first = Placement.create(
        citizen=c,
        course=course,
        kind="training_ground",
        workplace="Værkstedet",
        start_date=START,
        end_date=START + timedelta(weeks=26) - timedelta(days=1),
        end_reason="Klar til virksomhedspraktik",
        accommodations="Starter efter kl. 10",
    )
    second = Placement.create(
        citizen=c,
        course=course,
        kind="company_internship",
        workplace="Kantinen på Havnen",
        start_date=START + timedelta(weeks=26),
        accommodations="Fast plads; må gå ved overbelastning",
    )
    steps = [
        (first, 0, 4),
        (first, 8, 7),
        (first, 16, 10),
        (second, 26, 10),
        (second, 36, 12),
        (second, 46, 15),
    ]
    for placement, week, hours in steps:
        HoursStep.create(
            placement=placement,
            from_date=START + timedelta(weeks=week),
            hours_per_week=hours,
            schedule="Mon-Fri",
        )
    day = START
    rows = []
    while day <= TODAY:
        if day.weekday() < 5:
            placement = first if day <= first.end_date else second
            roll = rng.random()
            attendance = (
                "sick"
                if roll < 0.06
                else "absent_with_notice"
                if roll < 0.09
                else "absent_without_notice"
                if roll < 0.1
                else "present"
            )
            early = attendance == "present" and rng.random() < 0.05
            rows.append(
                dict(
                    placement=placement,
                    citizen=c,
                    entry_date=day,
                    attendance=attendance,
                    hours_planned=2.5,
                    hours_worked=0 if attendance != "present" else (1.5 if early else 2.5),
                    left_early=early,
                    left_early_reason="Hovedpine" if early else "",
                    absence_reason=rng.choice(["Migræne", "Forkølelse", ""])
                    if attendance != "present"
                    else "",
                    tasks="Opvask",
                    notes="Privat note",
                )
            )
        day += timedelta(days=1)
    with db.atomic():
        for i in range(0, len(rows), 200):
            LogbookEntry.insert_many(rows[i : i + 200]).execute()
    for n in range(5):
        goal = SubGoal.create(
            citizen=c,
            course=course,
            title=f"Delmål {n + 1}: møde til tiden",
            success_criterion="Fire uger i træk",
            priority=n + 1,
        )
        score = 2 + n % 3
        for week in range(0, 52, 2):
            score = max(1, min(10, score + rng.choice([-1, 0, 1, 1])))
            AllianceScore.create(
                sub_goal=goal,
                mentor=me,
                citizen_score=score,
                scored_on=START + timedelta(weeks=week, days=n),
            )
    return c.id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    texts = ReportTextsIn(
        title="Statusbeskrivelse",
        resources_observed=TEXT,
        clarified=TEXT,
        still_open=TEXT,
        recommended_next_steps=TEXT,
        summary=TEXT,
    )
    with tempfile.TemporaryDirectory() as folder:
        storage.open_database(Path(folder) / "report.db")
        citizen = fill()
        entries = LogbookEntry.select().count()
        times, pages, size = [], 0, 0
        for run in range(args.runs + 2):
            started = time.perf_counter()
            report = reports.progression_report(citizen, START, TODAY, TODAY, texts)
            data = reports.render_pdf(report)
            elapsed = (time.perf_counter() - started) * 1000
            if run >= 2:
                times.append(elapsed)
            pages, size = data.count(b"/Type /Page\n"), len(data)
        storage.close_database()
    median = statistics.median(times)
    verdict = "PASS" if median <= 1000 else "FAIL"
    print(
        f"one-year progression report ({entries} logbook days, 5 sub-goals x 26 scores) "
        f"to PDF: median {median:.0f} ms (min {min(times):.0f}, max {max(times):.0f}, "
        f"n={len(times)}; {pages} pages, {size // 1024} KiB)  {verdict} (target <= 1 s)"
    )


if __name__ == "__main__":
    main()
