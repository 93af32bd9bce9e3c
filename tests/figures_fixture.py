"""A small provider's year, made by hand, whose every figure is counted in the tests.

Period 2026-01-01 .. 2026-12-31. Six courses; four run in the period:

- K1 (Anna, mentor "Me"): 2025-10-01 .. 2026-03-31, ordinary job, purpose job,
  "Job først"; one extension decided 2026-01-15; hours steps 4 then 10; logbook
  in 2026: present, sick, present (and one day in 2025, outside); a job
  placement from 2026-04-01 still running; aftercare held 2026-07-01.
  26.0 weeks (182 days).
- K2 (Bent, "Me"): 2026-02-01 .. 2026-07-04, education, purpose education,
  "Job først"; an hours step of 2; logbook: without notice, with notice.
  22.0 weeks (154 days). No aftercare, no work.
- K3 (Cira, "Bo Berg"): from 2026-05-01, running, toward flexjob, no programme;
  extensions decided 2026-06-01 and 2026-09-01; a placement without a course
  (found by its first day) with steps 5, 16 and 25 (the last in 2027);
  logbook: present, present.
- K4 (Dan, "Bo Berg", archived): 2026-03-01 .. 2026-06-30, ended for absence,
  purpose job, "Job først"; no placement. 17.4 weeks (122 days).
- K5 (Eva, "Me"): 2025, before the period. K6 (Finn, "Bo Berg"): 2027, after it.
"""

from __future__ import annotations

from datetime import date, datetime

from mentorterm import storage
from mentorterm.models import (
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    Mentor,
    Placement,
)

START, END = date(2026, 1, 1), date(2026, 12, 31)
TODAY = date(2027, 2, 1)


def _course(citizen, start, end=None, outcome=None, purpose="ordinary_job", programme=""):
    return Course.create(
        citizen=citizen,
        referral_date=start,
        start_date=start,
        planned_end=end or date(start.year + 1, start.month, 1),
        purpose=purpose,
        programme=programme,
        end_date=end,
        outcome=outcome,
    )


def _days(placement, *days: tuple[date, str]) -> None:
    for day, attendance in days:
        worked = 2 if attendance == "present" else 0
        LogbookEntry.create(
            placement=placement,
            citizen=placement.citizen_id,
            entry_date=day,
            attendance=attendance,
            hours_planned=2,
            hours_worked=worked,
        )


def build_year() -> dict[str, int]:
    """The rows above; returns the course ids by name (K1 .. K6)."""
    me = storage.ensure_default_mentor()
    bo = Mentor.create(name="Bo Berg")
    anna, bent = Citizen.create(mentor=me, name="Anna"), Citizen.create(mentor=me, name="Bent")
    cira = Citizen.create(mentor=bo, name="Cira")
    dan = Citizen.create(mentor=bo, name="Dan", archived_on=date(2026, 8, 1))
    eva, finn = Citizen.create(mentor=me, name="Eva"), Citizen.create(mentor=bo, name="Finn")
    k1 = _course(anna, date(2025, 10, 1), date(2026, 3, 31), "ordinary_job", programme="Job først")
    k2 = _course(bent, date(2026, 2, 1), date(2026, 7, 4), "education", "education", "Job først")
    k3 = _course(cira, date(2026, 5, 1), purpose="flexjob")
    k4 = _course(
        dan, date(2026, 3, 1), date(2026, 6, 30), "absence_sanction", programme="Job først"
    )
    k5 = _course(eva, date(2025, 1, 1), date(2025, 6, 30), "other")
    k6 = _course(finn, date(2027, 1, 5))
    CourseExtension.create(course=k1, decided_on=date(2026, 1, 15), new_end=date(2026, 3, 31))
    for decided in (date(2026, 6, 1), date(2026, 9, 1)):
        CourseExtension.create(course=k3, decided_on=decided, new_end=date(2027, 6, 1))
    p1 = Placement.create(
        citizen=anna, course=k1, kind="company_internship", workplace="Føtex",
        start_date=date(2025, 11, 1), end_date=date(2026, 3, 31),
    )  # fmt: skip
    HoursStep.create(placement=p1, from_date=date(2025, 11, 1), hours_per_week=4)
    HoursStep.create(placement=p1, from_date=date(2026, 1, 10), hours_per_week=10)
    _days(p1, (date(2025, 12, 30), "present"), (date(2026, 1, 5), "present"),
          (date(2026, 1, 6), "sick"), (date(2026, 1, 7), "present"))  # fmt: skip
    Placement.create(
        citizen=anna, kind="ordinary_job", workplace="Netto", start_date=date(2026, 4, 1)
    )
    Meeting.create(
        citizen=anna, mentor=me, starts_at=datetime(2026, 7, 1, 10), kind="aftercare",
        status="held",
    )  # fmt: skip
    p2 = Placement.create(
        citizen=bent, course=k2, kind="training_ground", workplace="Værkstedet",
        start_date=date(2026, 2, 2),
    )  # fmt: skip
    HoursStep.create(placement=p2, from_date=date(2026, 2, 2), hours_per_week=2)
    _days(p2, (date(2026, 2, 3), "absent_without_notice"), (date(2026, 2, 4), "absent_with_notice"))
    p3 = Placement.create(
        citizen=cira, kind="company_internship", workplace="Rema", start_date=date(2026, 5, 10)
    )
    for day, hours in ((date(2026, 5, 10), 5), (date(2026, 7, 1), 16), (date(2027, 1, 10), 25)):
        HoursStep.create(placement=p3, from_date=day, hours_per_week=hours)
    _days(p3, (date(2026, 5, 11), "present"), (date(2026, 5, 12), "present"))
    courses = (k1, k2, k3, k4, k5, k6)
    return {f"K{n}": c.id for n, c in enumerate(courses, 1)}
