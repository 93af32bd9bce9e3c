"""Build a large synthetic organisation database for bench/run.py.

    python bench/generate.py [--out bench/bench.db] [--seed 1] [--today 2026-11-22]

The file is created through ``storage.open_database`` so the schema, the
triggers and the pragmas are the real ones. Everything is deterministic for a
given seed and ``--today`` (timestamps included): same arguments, same rows.

Shape (an organisation with 84 mentors):
- 5,000 citizens; the default mentor (id 1, renamed "Bench mentor") owns
  exactly 60 citizens whose latest course is active, plus a few ended and
  archived ones; the other 83 mentors share the rest at random.
- courses (most active, some ended, some citizens with an earlier course,
  extensions where the planned end has passed), 3-6 sub-goals per citizen,
  exactly 50,000 alliance scores,
- placements (current and earlier ones) with hours steps (hours built up
  every few weeks),
- exactly 250,000 logbook entries on each placement's working days (weekdays
  of its schedule), dense in recent weeks, unique per (placement, day),
  inserted in date order like a real logbook fills up,
- exactly 20,000 meetings (past ones with outcomes and notes, one planned
  ahead for every active citizen), participants for three-party, network
  and caseworker meetings, action items, weekly review notes.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import sqlite3
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

from mentorterm import storage
from mentorterm.models import (
    ActionItem,
    AllianceScore,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    Mentor,
    Placement,
    ReviewNote,
    SubGoal,
    db,
)

DEFAULT_OUT = HERE / "bench.db"
DEFAULT_TODAY = date(2026, 11, 22)
BENCH_MENTOR_NAME = "Bench mentor"

N_MENTORS = 84  # the default mentor (the bench mentor) + 83 colleagues
N_CITIZENS = 5_000
BENCH_ACTIVE = 60
BENCH_ENDED = 4
BENCH_ARCHIVED = 2
N_SCORES = 50_000
N_LOGBOOK = 250_000
N_MEETINGS = 20_000

# SQLite >= 3.32 allows 32,766 host parameters per statement.
MAX_PARAMS = 32_000

FIRST = """Anne Mette Lars Jens Ahmed Fatima Sofie Mads Camilla Peter Louise Henrik Maria
Kasper Line Morten Amalie Jonas Nadia Ali Sara Thomas Ida Martin Emma Rasmus Julie Mikkel
Hanne Søren Birgitte Omar Leila Niels Karen Michael Signe Frederik Malene Yusuf Aisha Kim
Tina Jesper Helle Bo Pia Stine Nikolaj Maja Ole Lone Brian Dorthe Hassan Amina Christian""".split()
LAST = """Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen
Jørgensen Petersen Madsen Kristensen Olsen Thomsen Christiansen Poulsen Johansen Møller
Mortensen Karimi Hussein Yilmaz Ali Nowak Holm Lund Dam Bach Kjær Berg Juhl Vestergaard""".split()
JOBCENTRES = """Aarhus Odense Aalborg Esbjerg Vejle Randers Horsens Kolding Silkeborg Herning
Roskilde Næstved Viborg Holstebro Slagelse Svendborg""".split()
LANGUAGES = ["Arabic", "Somali", "Turkish", "Farsi", "Tigrinya", "Ukrainian", "Polish"]
WEEKLY_HOURS = ["4-6", "6-8", "8-10", "10-12", "12", "15", "16", "20", "25"]
PURPOSES = [
    ("ordinary_job", 25),
    ("work_capacity_clarification", 30),
    ("flexjob", 20),
    ("resource_course", 8),
    ("early_retirement", 4),
    ("education", 8),
    ("other", 5),
]
OUTCOMES = [
    ("ordinary_job", 12),
    ("paid_hours", 10),
    ("wage_subsidy", 8),
    ("education", 8),
    ("flexjob_granted", 15),
    ("resource_course", 10),
    ("early_retirement", 4),
    ("other_provider", 6),
    ("absence_sanction", 7),
    ("sick_leave", 12),
    ("other", 8),
]
PROGRAMMES = ["Jobfokus", "Ressourceforløb", "Afklaring", "Virksomhedspraktik", "Flexspor", ""]
AREAS = ["work", "health", "family", "practical", "social", "economy"]
SUBGOAL_TITLES = [
    "Get up at 7 on work days",
    "Work 4 hours without a long break",
    "Take the bus alone",
    "Attend the three-party follow-up",
    "Call in sick before 8",
    "Walk 30 minutes daily",
    "Increase to 12 hours a week",
    "Apply for two jobs a month",
    "Keep the GP appointment",
    "Sort out the budget with the bank",
    "Eat lunch with the team",
    "Learn the till system",
    "Keep a sleep diary",
    "Drive forklift with certificate",
    "Use the pain plan at work",
    "Talk to the supervisor when stressed",
    "Finish the Danish course module",
    "Get the child to school on time",
    "Take medication as prescribed",
    "Write a CV",
]
PLACEMENT_KINDS = [
    ("training_ground", 30),
    ("company_internship", 40),
    ("wage_subsidy", 10),
    ("paid_hours", 8),
    ("hybrid", 5),
    ("flexjob", 5),
    ("ordinary_job", 2),
]
WORKPLACES = """Netto Føtex Bilka Lidl Rema-1000 Kvickly Jysk Bauhaus Silvan Harald-Nyborg
Plantorama Elgiganten Coop-lager Kommunens-materielgård Genbrugspladsen Plejecenter-Solhaven
Børnehuset-Mælkebøtten Kantinen-på-rådhuset Café-Korn Autoværkstedet-Syd Træningsværkstedet
Cykelværkstedet Vaskeriet Gartneriet-Østergaard Lagerhotellet Hotel-Marina Sportscentret
Bibliotekets-café Fitness-World Dagrofa-lager Kirkegården Rengøringsteamet""".split()
TASKS = [
    "Filled shelves in the dairy section",
    "Unpacked deliveries",
    "Cleaned the canteen",
    "Sorted returns",
    "Washed the cars",
    "Watered plants in the greenhouse",
    "Folded towels",
    "Helped at the till with the supervisor",
    "Cut the grass",
    "Repaired two bikes",
    "Prepared salads for lunch",
    "Stacked pallets in the warehouse",
    "Labelled goods",
    "Cleaned rooms on the 2nd floor",
    "Served coffee in the café",
    "Counted stock",
    "Drove the small truck with a colleague",
    "Swept the workshop",
]
BREAKS = [
    "Two short breaks",
    "Lunch with the team",
    "Needed an extra break at 11",
    "Sat alone in the break",
    "Short walk in the break",
]
LIFE_AFTER = [
    "Slept after work",
    "Picked up the kids",
    "Too tired to cook",
    "Went for a walk",
    "Headache in the evening",
    "Good evening, saw a friend",
    "Physiotherapy",
    "Had energy for the shopping",
]
NOTES = [
    "Supervisor was pleased",
    "Late because of the bus",
    "Back pain in the afternoon",
    "New colleague showed me the routine",
    "Stressful day, a lot of customers",
    "Wants to try more hours",
    "Talked about paid hours",
    "Forgot the medication",
    "Felt anxious in the morning but came anyway",
]
LEFT_EARLY = ["Pain", "Headache", "Child sick", "Anxiety", "Doctor's appointment"]
ATTENDANCE = ["present", "sick", "absent_with_notice", "absent_without_notice"]
MEETING_KINDS = [
    ("one_to_one", 55),
    ("three_party", 20),
    ("phone", 10),
    ("caseworker", 7),
    ("network", 4),
    ("walk", 4),
]
PAST_STATUSES = [("held", 80), ("no_show", 7), ("cancelled_by_citizen", 8), ("rescheduled", 5)]
PLACES = ["Office", "Workplace", "Jobcentre", "Phone", "Café", "Walk by the harbour", "Home visit"]
MEETING_NOTES = [
    "Attendance stable; tasks going well.",
    "Talked about sleep and energy.",
    "Supervisor reports good cooperation.",
    "Citizen wants more hours after Christmas.",
    "Pain is the main obstacle; GP contacted.",
    "Agreed to try the early shift.",
    "Discussed the flexjob application and documentation.",
]
ACTIONS = [
    "Send the attendance report to the caseworker",
    "Book the GP appointment",
    "Ask the supervisor about more hours",
    "Find the bus schedule",
    "Fill in the sleep diary",
    "Send the placement agreement",
    "Call the union about the wage subsidy",
    "Prepare for the network meeting",
    "Buy work shoes",
    "Update the CV",
]


def weighted(rng: random.Random, table: list[tuple[str, int]]) -> str:
    values, weights = zip(*table)
    return rng.choices(values, weights)[0]


def weekdays(start: date, end: date, days: tuple[int, ...] = (0, 1, 2, 3, 4)) -> list[date]:
    """The dates from start to end (both included) whose weekday is in ``days``."""
    out: list[date] = []
    day = start
    while day <= end:
        if day.weekday() in days:
            out.append(day)
        day += timedelta(days=1)
    return out


def next_weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def stamp(rng: random.Random, day: date, hour_from: int = 8, hour_to: int = 20) -> datetime:
    """A plausible, deterministic write time on ``day`` (what utcnow would give)."""
    return datetime(
        day.year,
        day.month,
        day.day,
        rng.randrange(hour_from, hour_to),
        rng.randrange(60),
        rng.randrange(60),
        rng.randrange(1, 1_000_000),
    )


def allocate(total: int, weights: list[float], caps: list[int]) -> list[int]:
    """Split ``total`` over the items in proportion to ``weights``, never above ``caps``."""
    counts = [0] * len(weights)
    remaining = total
    open_ = [i for i, (w, c) in enumerate(zip(weights, caps)) if w > 0 and c > 0]
    while remaining > 0 and open_:
        wsum = sum(weights[i] for i in open_)
        raw = {i: remaining * weights[i] / wsum for i in open_}
        added = 0
        for i in open_:
            add = min(int(raw[i]), caps[i] - counts[i])
            counts[i] += add
            added += add
        remaining -= added
        if added == 0:  # what is left is smaller than one per item: largest remainders
            for i in sorted(open_, key=lambda i: (-(raw[i] - int(raw[i])), i)):
                if remaining == 0:
                    break
                counts[i] += 1
                remaining -= 1
        open_ = [i for i in open_ if counts[i] < caps[i]]
    if remaining:
        raise SystemExit(f"cannot place {remaining} more rows: the synthetic data is too small")
    return counts


def insert(model, fields, rows: list[tuple]) -> None:
    """Insert ``rows`` (tuples in ``fields`` order) in one transaction, in chunks."""
    size = max(1, MAX_PARAMS // len(fields))
    with db.atomic():
        for i in range(0, len(rows), size):
            model.insert_many(rows[i : i + size], fields=fields).execute()


def build(seed: int, today: date) -> int:
    rng = random.Random(seed)

    # ---- mentors -----------------------------------------------------------
    created = datetime(2025, 1, 6, 9, 0, 0, 1)
    bench_mentor = storage.ensure_default_mentor()  # made by open_database
    Mentor.update(
        name=BENCH_MENTOR_NAME,
        email="bench.mentor@example.org",
        created_at=created,
        updated_at=created,
    ).where(Mentor.id == bench_mentor.id).execute()
    mentor_rows = []
    for n in range(1, N_MENTORS):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        mentor_rows.append(
            (
                bench_mentor.id + n,
                name,
                f"{name.split()[0].lower()}.{n}@example.org",
                False,
                created,
                created,
            )
        )
    insert(
        Mentor,
        [
            Mentor.id,
            Mentor.name,
            Mentor.email,
            Mentor.is_default,
            Mentor.created_at,
            Mentor.updated_at,
        ],
        mentor_rows,
    )
    other_mentors = [row[0] for row in mentor_rows]

    # ---- who is who ----------------------------------------------------------
    ids = list(range(1, N_CITIZENS + 1))
    bench_ids = rng.sample(ids, BENCH_ACTIVE + BENCH_ENDED + BENCH_ARCHIVED)
    people: dict[int, dict] = {}
    for i, cid in enumerate(bench_ids):
        state = (
            "active"
            if i < BENCH_ACTIVE
            else "ended"
            if i < BENCH_ACTIVE + BENCH_ENDED
            else "archived"
        )
        people[cid] = {"mentor": bench_mentor.id, "state": state}
    for cid in ids:
        if cid not in people:
            r = rng.random()
            state = "active" if r < 0.90 else "ended" if r < 0.97 else "archived"
            people[cid] = {"mentor": rng.choice(other_mentors), "state": state}

    # ---- citizens and courses -------------------------------------------------
    citizen_rows, course_rows, ext_rows = [], [], []
    course_id = ext_id = 0
    for cid in ids:
        p = people[cid]
        p["interpreter"] = rng.random() < 0.08
        p["good"] = rng.random() < 0.7  # a steady attender or a struggling one
        if p["state"] == "active":
            start = today - timedelta(days=rng.randint(20, 365))
        else:
            start = today - timedelta(days=rng.randint(200, 700))
        # an earlier, ended course for some
        courses = []
        if rng.random() < 0.15:
            prev_start = start - timedelta(days=rng.randint(200, 500))
            prev_end = prev_start + timedelta(days=rng.randint(60, 180))
            courses.append((prev_start, prev_end, weighted(rng, OUTCOMES)))
        if p["state"] == "active":
            courses.append((start, None, None))
        else:
            end = min(
                today - timedelta(days=rng.randint(10, 150)),
                start + timedelta(days=rng.randint(90, 400)),
            )
            end = max(end, start + timedelta(days=30))
            courses.append((start, end, weighted(rng, OUTCOMES)))
        p["courses"] = []
        for c_start, c_end, outcome in courses:
            course_id += 1
            weeks = rng.choice([13, 13, 26, 26, 39])
            planned_end = c_start + timedelta(days=weeks * 7 - 1)
            cadence = rng.choice([7, 14, 14, 14, 21, 28])
            made = stamp(rng, c_start - timedelta(days=3))
            course_rows.append(
                (
                    course_id,
                    cid,
                    c_start - timedelta(days=rng.randint(7, 28)),
                    c_start,
                    planned_end,
                    rng.choice(WEEKLY_HOURS),
                    weighted(rng, PURPOSES),
                    rng.choice(PROGRAMMES),
                    cadence,
                    c_end,
                    outcome,
                    "" if c_end is None else "Course ended; summary sent to the caseworker.",
                    made,
                    made if c_end is None else stamp(rng, c_end),
                )
            )
            # extensions: whenever the planned end ran out while still going
            end_now = planned_end
            limit = c_end if c_end is not None else today + timedelta(days=rng.randint(0, 60))
            while end_now < limit or (rng.random() < 0.05 and end_now == planned_end):
                ext_id += 1
                decided = end_now - timedelta(days=rng.randint(7, 21))
                end_now = end_now + timedelta(days=rng.choice([13, 26]) * 7)
                ext_rows.append(
                    (
                        ext_id,
                        course_id,
                        decided,
                        end_now,
                        "Extended to finish the work capacity clarification",
                        stamp(rng, decided),
                        stamp(rng, decided),
                    )
                )
            p["courses"].append(
                {"id": course_id, "start": c_start, "end": c_end, "cadence": cadence}
            )
        first_start = p["courses"][0]["start"]
        last = p["courses"][-1]
        p["span"] = (first_start, last["end"] or today)
        archived_on = None
        if p["state"] == "archived":
            archived_on = last["end"] + timedelta(days=rng.randint(1, 30))
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        made = stamp(rng, first_start - timedelta(days=7))
        citizen_rows.append(
            (
                cid,
                p["mentor"],
                name,
                f"+45 {rng.randrange(20000000, 99999999)}",
                f"{name.split()[0].lower()}{cid}@example.org",
                f"{rng.choice(LAST)}vej {rng.randint(1, 120)}, {rng.choice(JOBCENTRES)}",
                f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                f"+45 {rng.randrange(20000000, 99999999)}",
                f"caseworker{rng.randint(1, 300)}@jobcenter.example.org",
                f"Jobcenter {rng.choice(JOBCENTRES)}",
                p["interpreter"],
                rng.choice(LANGUAGES) if p["interpreter"] else "",
                "A job with fixed hours and few people around",
                rng.choice(WORKPLACES),
                rng.choice(WORKPLACES),
                "",
                "Can't lift more than 10 kg; needs short breaks" if rng.random() < 0.4 else "",
                "Hearing aid" if rng.random() < 0.05 else "",
                "Psychiatric outpatient clinic" if rng.random() < 0.3 else "",
                "Prefers to be called, not texted" if rng.random() < 0.3 else "",
                archived_on,
                made,
                made,
            )
        )
    insert(
        Citizen,
        [
            Citizen.id,
            Citizen.mentor,
            Citizen.name,
            Citizen.phone,
            Citizen.email,
            Citizen.address,
            Citizen.caseworker_name,
            Citizen.caseworker_phone,
            Citizen.caseworker_email,
            Citizen.jobcenter,
            Citizen.interpreter_needed,
            Citizen.interpreter_language,
            Citizen.job_goal,
            Citizen.job_wish_1,
            Citizen.job_wish_2,
            Citizen.job_wish_3,
            Citizen.accommodations,
            Citizen.aids,
            Citizen.parallel_efforts,
            Citizen.notes,
            Citizen.archived_on,
            Citizen.created_at,
            Citizen.updated_at,
        ],
        citizen_rows,
    )
    insert(
        Course,
        [
            Course.id,
            Course.citizen,
            Course.referral_date,
            Course.start_date,
            Course.planned_end,
            Course.weekly_hours,
            Course.purpose,
            Course.programme,
            Course.meeting_cadence_days,
            Course.end_date,
            Course.outcome,
            Course.end_note,
            Course.created_at,
            Course.updated_at,
        ],
        course_rows,
    )
    insert(
        CourseExtension,
        [
            CourseExtension.id,
            CourseExtension.course,
            CourseExtension.decided_on,
            CourseExtension.new_end,
            CourseExtension.reason,
            CourseExtension.created_at,
            CourseExtension.updated_at,
        ],
        ext_rows,
    )
    print(
        f"  citizens, courses, extensions: {len(citizen_rows)}, {len(course_rows)}, "
        f"{len(ext_rows)}",
        flush=True,
    )

    # ---- sub-goals and alliance scores ----------------------------------------
    sub_rows, goals = [], []  # goals: (sub_goal id, citizen id, first day, last day)
    sg_id = 0
    for cid in ids:
        p = people[cid]
        last = p["courses"][-1]
        end = last["end"] or today
        for prio in range(1, rng.randint(3, 6) + 1):
            sg_id += 1
            status = (
                "active"
                if last["end"] is None and rng.random() < 0.75
                else weighted(rng, [("achieved", 5), ("paused", 2), ("dropped", 2)])
            )
            status_date = None if status == "active" else end - timedelta(days=rng.randint(0, 20))
            made = stamp(rng, last["start"])
            sub_rows.append(
                (
                    sg_id,
                    cid,
                    last["id"],
                    rng.choice(SUBGOAL_TITLES),
                    "Agreed at the start conversation",
                    "The citizen says it works 4 weeks in a row",
                    rng.choice(AREAS),
                    last["start"] + timedelta(days=rng.randint(30, 180)),
                    status,
                    status_date,
                    "" if status == "active" else "Reviewed at the follow-up",
                    prio,
                    made,
                    made,
                )
            )
            goals.append((sg_id, cid, last["start"], end))
    insert(
        SubGoal,
        [
            SubGoal.id,
            SubGoal.citizen,
            SubGoal.course,
            SubGoal.title,
            SubGoal.description,
            SubGoal.success_criterion,
            SubGoal.area,
            SubGoal.target_date,
            SubGoal.status,
            SubGoal.status_date,
            SubGoal.status_note,
            SubGoal.priority,
            SubGoal.created_at,
            SubGoal.updated_at,
        ],
        sub_rows,
    )

    weights = [max(7, (last - first).days) for _, _, first, last in goals]
    caps = [(last - first).days + 1 for _, _, first, last in goals]
    counts = allocate(N_SCORES, [w * rng.uniform(0.5, 1.5) for w in weights], caps)
    scores = []
    for (gid, cid, first, last), k in zip(goals, counts):
        days = sorted(rng.sample(range((last - first).days + 1), k))
        level = rng.randint(2, 6)
        for offset in days:
            day = first + timedelta(days=offset)
            level = min(10, max(1, level + rng.choice([-1, 0, 0, 1, 1])))
            scores.append((day, gid, people[cid]["mentor"], level))
    scores.sort(key=lambda s: (s[0], s[1]))  # scored over time, ids in that order
    score_rows = []
    for n, (day, gid, mentor, level) in enumerate(scores, start=1):
        made = stamp(rng, day)
        talk = rng.random() < 0.5
        score_rows.append(
            (
                n,
                gid,
                mentor,
                day,
                level,
                "More structure in the morning" if talk else "",
                "Set two alarms" if talk else "",
                "Supervisor to check in at 10" if talk else "",
                made,
                made,
            )
        )
    insert(
        AllianceScore,
        [
            AllianceScore.id,
            AllianceScore.sub_goal,
            AllianceScore.mentor,
            AllianceScore.scored_on,
            AllianceScore.citizen_score,
            AllianceScore.what_it_takes,
            AllianceScore.own_actions,
            AllianceScore.help_needed,
            AllianceScore.created_at,
            AllianceScore.updated_at,
        ],
        score_rows,
    )
    print(f"  sub-goals, scores: {len(sub_rows)}, {len(score_rows)}", flush=True)

    # ---- placements and hours steps --------------------------------------------
    placement_rows, step_rows = [], []
    placements = []  # (id, citizen, start, last day, steps [(from, hours)], workdays)
    pl_id = st_id = 0
    for cid in ids:
        p = people[cid]
        last = p["courses"][-1]
        spans = []
        if p["state"] == "active":
            if rng.random() < 0.85:
                c_start = last["start"] + timedelta(days=rng.randint(5, 40))
                if c_start < today:
                    if rng.random() < 0.3 and (c_start - last["start"]).days > 25:
                        spans.append(
                            (
                                last["start"] + timedelta(days=5),
                                c_start - timedelta(days=1),
                                last["id"],
                            )
                        )
                    elif rng.random() < 0.3 and (today - c_start).days > 60:
                        # a previous placement ended inside this course
                        mid = c_start + timedelta(days=(today - c_start).days // 2)
                        spans.append((c_start, mid, last["id"]))
                        c_start = mid + timedelta(days=1)
                    spans.append((c_start, None, last["id"]))
        elif rng.random() < 0.7:
            s = last["start"] + timedelta(days=rng.randint(5, 30))
            if s < last["end"]:
                spans.append((s, last["end"], last["id"]))
        for start, end, course in spans:
            pl_id += 1
            kind = weighted(rng, PLACEMENT_KINDS)
            made = stamp(rng, start - timedelta(days=2))
            placement_rows.append(
                (
                    pl_id,
                    cid,
                    course,
                    kind,
                    rng.choice(WORKPLACES).replace("-", " "),
                    f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    f"+45 {rng.randrange(20000000, 99999999)}",
                    f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    "Warehouse and shop floor",
                    "Routine tasks, working with others",
                    "Short breaks every hour",
                    "",
                    "Supervisor checks in daily",
                    "Every 4 weeks",
                    None,
                    "" if end is None else "Placement ended as planned",
                    start,
                    end,
                    made,
                    made,
                )
            )
            # hours built up every 3-6 weeks
            until = min(end or today, today)
            hours = rng.choice([4, 6, 8, 10])
            day = start
            steps = []
            while day <= until:
                st_id += 1
                per_day = rng.choice([2, 3, 4])
                steps.append((day, float(hours)))
                step_rows.append(
                    (
                        st_id,
                        pl_id,
                        day,
                        float(hours),
                        f"{max(1, round(hours / per_day))} days x {per_day} h",
                        stamp(rng, day),
                        stamp(rng, day),
                    )
                )
                day += timedelta(days=rng.randint(21, 42))
                hours = min(37, hours + rng.choice([2, 2, 4, 6]))
            n_days = rng.choice([3, 4, 4, 5, 5])
            workdays = tuple(sorted(rng.sample(range(5), n_days)))
            days = weekdays(start, min(until, today - timedelta(days=1)), workdays)
            placements.append((pl_id, cid, steps, days, n_days))
    insert(
        Placement,
        [
            Placement.id,
            Placement.citizen,
            Placement.course,
            Placement.kind,
            Placement.workplace,
            Placement.supervisor_name,
            Placement.supervisor_contact,
            Placement.company_consultant,
            Placement.work_functions,
            Placement.training_goals,
            Placement.accommodations,
            Placement.aids,
            Placement.support_on_site,
            Placement.follow_up_frequency,
            Placement.paid_hours_next_discussed,
            Placement.end_reason,
            Placement.start_date,
            Placement.end_date,
            Placement.created_at,
            Placement.updated_at,
        ],
        placement_rows,
    )
    insert(
        HoursStep,
        [
            HoursStep.id,
            HoursStep.placement,
            HoursStep.from_date,
            HoursStep.hours_per_week,
            HoursStep.schedule,
            HoursStep.created_at,
            HoursStep.updated_at,
        ],
        step_rows,
    )
    print(f"  placements, hours steps: {len(placement_rows)}, {len(step_rows)}", flush=True)

    # ---- logbook -------------------------------------------------------------
    caps = [len(days) for *_, days, _ in placements]
    total = sum(caps)
    counts = allocate(N_LOGBOOK, [float(c) for c in caps], caps)
    entries = []  # (day, citizen, placement, hours planned)
    for (pid, cid, steps, days, n_days), k in zip(placements, counts):
        if not k:
            continue
        # logged densely in recent weeks (about 9 in 10 work days), not at all
        # before the citizen started writing
        window = days[-min(len(days), math.ceil(k / 0.9)) :]
        for day in sorted(rng.sample(window, k)):
            hours = next(h for d, h in reversed(steps) if d <= day)
            entries.append((day, cid, pid, round(hours / n_days * 2) / 2))
    entries.sort(key=lambda e: (e[0], e[1], e[2]))  # a logbook fills up day by day
    log_rows = []
    for n, (day, cid, pid, planned) in enumerate(entries, start=1):
        good = people[cid]["good"]
        attendance = rng.choices(ATTENDANCE, [90, 5, 3, 2] if good else [62, 18, 10, 10])[0]
        left = attendance == "present" and rng.random() < 0.08
        worked = planned if attendance == "present" else 0.0
        if left:
            worked = round(worked * rng.choice([0.25, 0.5, 0.75]) * 2) / 2
        scored = rng.random() < 0.6
        made = stamp(rng, day, 12, 22)
        log_rows.append(
            (
                n,
                pid,
                cid,
                day,
                attendance,
                planned,
                worked,
                left,
                rng.choice(LEFT_EARLY) if left else "",
                rng.choice(TASKS) if attendance == "present" and rng.random() < 0.75 else "",
                rng.choice(BREAKS) if rng.random() < 0.2 else "",
                rng.randint(2, 9) if scored else None,
                rng.randint(1, 8) if scored else None,
                rng.choice(LIFE_AFTER) if rng.random() < 0.25 else "",
                rng.choice(NOTES) if rng.random() < 0.15 else "",
                rng.choices(["citizen", "mentor", "workplace"], [75, 15, 10])[0],
                made,
                made,
            )
        )
    insert(
        LogbookEntry,
        [
            LogbookEntry.id,
            LogbookEntry.placement,
            LogbookEntry.citizen,
            LogbookEntry.entry_date,
            LogbookEntry.attendance,
            LogbookEntry.hours_planned,
            LogbookEntry.hours_worked,
            LogbookEntry.left_early,
            LogbookEntry.left_early_reason,
            LogbookEntry.tasks,
            LogbookEntry.breaks,
            LogbookEntry.energy,
            LogbookEntry.pain,
            LogbookEntry.life_after_work,
            LogbookEntry.notes,
            LogbookEntry.written_by,
            LogbookEntry.created_at,
            LogbookEntry.updated_at,
        ],
        log_rows,
    )
    print(f"  logbook: {len(log_rows)} (of {total} scheduled work days)", flush=True)

    # ---- meetings, participants ---------------------------------------------------
    meetings = []  # (starts_at, citizen, kind, status)
    future = [cid for cid in ids if people[cid]["state"] == "active"]
    for cid in future:
        cadence = people[cid]["courses"][-1]["cadence"]
        day = next_weekday(today + timedelta(days=rng.randint(1, cadence)))
        meetings.append(
            (
                datetime(day.year, day.month, day.day, rng.randint(9, 14), rng.choice([0, 30])),
                cid,
                weighted(rng, MEETING_KINDS),
                "planned",
            )
        )
    pool = {cid: weekdays(*people[cid]["span"]) for cid in ids}
    pool = {cid: [d for d in days if d < today] for cid, days in pool.items()}
    weights = [len(pool[cid]) / people[cid]["courses"][-1]["cadence"] for cid in ids]
    counts = allocate(N_MEETINGS - len(meetings), weights, [len(pool[cid]) for cid in ids])
    for cid, k in zip(ids, counts):
        for day in rng.sample(pool[cid], k):
            meetings.append(
                (
                    datetime(day.year, day.month, day.day, rng.randint(9, 14), rng.choice([0, 30])),
                    cid,
                    weighted(rng, MEETING_KINDS),
                    weighted(rng, PAST_STATUSES),
                )
            )
    meetings.sort(key=lambda m: (m[0], m[1]))
    meeting_rows, part_rows, held = [], [], {}
    part_id = 0
    for n, (starts, cid, kind, status) in enumerate(meetings, start=1):
        p = people[cid]
        done = status == "held"
        made = stamp(rng, starts.date() - timedelta(days=rng.randint(1, 14)))
        meeting_rows.append(
            (
                n,
                cid,
                p["mentor"],
                starts,
                rng.choice([30, 45, 60, 60, 90]),
                kind,
                rng.choice(PLACES),
                status,
                "Came every day but one" if done and kind == "three_party" else "",
                "Tasks fit; wants variety" if done and kind == "three_party" else "",
                "Motivated" if done and kind == "three_party" else "",
                "Short breaks work" if done and kind == "three_party" else "",
                "Feels better about the mornings" if done else "",
                "Reliable, good with customers" if done and kind == "three_party" else "",
                rng.choice(MEETING_NOTES) if done else "",
                "Continue the present hours for 4 weeks" if done else "",
                (starts.date() + timedelta(days=p["courses"][-1]["cadence"])) if done else None,
                made,
                stamp(rng, starts.date()) if starts.date() < today else made,
            )
        )
        if done:
            held.setdefault(cid, []).append((n, starts.date()))
        if kind in ("three_party", "network", "caseworker"):
            people_there = [("citizen", "citizen"), ("mentor", "mentor")]
            if kind == "three_party":
                people_there.append(("placement_supervisor", "supervisor"))
            else:
                people_there.append(("caseworker", "caseworker"))
            if kind == "network" or rng.random() < 0.2:
                people_there.append(("company_consultant", "consultant"))
            if p["interpreter"]:
                people_there.append(("interpreter", "interpreter"))
            for role, _ in people_there:
                part_id += 1
                part_rows.append(
                    (part_id, n, f"{rng.choice(FIRST)} {rng.choice(LAST)}", role, made, made)
                )
    insert(
        Meeting,
        [
            Meeting.id,
            Meeting.citizen,
            Meeting.mentor,
            Meeting.starts_at,
            Meeting.duration_minutes,
            Meeting.kind,
            Meeting.place,
            Meeting.status,
            Meeting.attendance_note,
            Meeting.tasks_note,
            Meeting.motivation_note,
            Meeting.accommodations_note,
            Meeting.citizen_view,
            Meeting.workplace_view,
            Meeting.notes,
            Meeting.decisions,
            Meeting.next_meeting_date,
            Meeting.created_at,
            Meeting.updated_at,
        ],
        meeting_rows,
    )
    insert(
        MeetingParticipant,
        [
            MeetingParticipant.id,
            MeetingParticipant.meeting,
            MeetingParticipant.name,
            MeetingParticipant.role,
            MeetingParticipant.created_at,
            MeetingParticipant.updated_at,
        ],
        part_rows,
    )
    print(f"  meetings, participants: {len(meeting_rows)}, {len(part_rows)}", flush=True)

    # ---- action items, review notes ----------------------------------------------
    action_rows, review_rows = [], []
    ai_id = rv_id = 0
    monday = today - timedelta(days=today.weekday())
    for cid in ids:
        p = people[cid]
        for _ in range(rng.randint(1, 5)):
            ai_id += 1
            mine = held.get(cid)
            if mine and rng.random() < 0.7:
                meeting_id, day = rng.choice(mine)
            else:
                first, last = p["span"]
                meeting_id = None
                day = first + timedelta(days=rng.randint(0, max(0, (last - first).days)))
            due = day + timedelta(days=rng.randint(3, 21))
            done_on = (
                day + timedelta(days=rng.randint(1, 25))
                if due < today - timedelta(days=7) or p["state"] != "active" or rng.random() < 0.3
                else None
            )
            if done_on is not None and done_on > today:
                done_on = today
            made = stamp(rng, day)
            action_rows.append(
                (
                    ai_id,
                    cid,
                    meeting_id,
                    rng.choice(ACTIONS),
                    rng.choice(["citizen", "mentor", "supervisor"]),
                    due,
                    done_on,
                    made,
                    made,
                )
            )
        if p["state"] == "active":
            for back in range(1, 5):
                week_day = monday - timedelta(weeks=back)
                if week_day < p["span"][0] or rng.random() < 0.3:
                    continue
                rv_id += 1
                year, week, _ = week_day.isocalendar()
                at = stamp(rng, week_day + timedelta(days=4), 9, 15)
                review_rows.append(
                    (
                        rv_id,
                        cid,
                        p["mentor"],
                        f"{year}-W{week:02d}",
                        rng.choice(
                            [
                                "Continue as planned",
                                "Raise hours next month",
                                "Call the caseworker",
                                "Meet more often",
                            ]
                        ),
                        at,
                        at,
                        at,
                    )
                )
    insert(
        ActionItem,
        [
            ActionItem.id,
            ActionItem.citizen,
            ActionItem.meeting,
            ActionItem.what,
            ActionItem.owner,
            ActionItem.due_date,
            ActionItem.done_on,
            ActionItem.created_at,
            ActionItem.updated_at,
        ],
        action_rows,
    )
    insert(
        ReviewNote,
        [
            ReviewNote.id,
            ReviewNote.citizen,
            ReviewNote.mentor,
            ReviewNote.iso_week,
            ReviewNote.decision,
            ReviewNote.reviewed_at,
            ReviewNote.created_at,
            ReviewNote.updated_at,
        ],
        review_rows,
    )
    print(f"  action items, review notes: {len(action_rows)}, {len(review_rows)}", flush=True)

    return bench_mentor.id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=DEFAULT_TODAY,
        help="the day the data ends (default %(default)s)",
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    for suffix in ("", "-wal", "-shm"):
        old = Path(str(out) + suffix)
        if old.exists():
            old.unlink()
    t0 = time.perf_counter()
    print(f"Generating {out} (seed {args.seed}, today {args.today})", flush=True)
    storage.open_database(out)
    try:
        bench_id = build(args.seed, args.today)
        counts = storage.row_counts()
        active = (
            Citizen.select()
            .join(Course)
            .where(
                Citizen.mentor == bench_id, Citizen.archived_on.is_null(), Course.end_date.is_null()
            )
            .count()
        )
    finally:
        storage.close_database()
    # Bulk inserts in id order leave the indexes' pages part-filled; VACUUM
    # packs them as a database that has been compacted once would be, so the
    # size printed (and bench/run.py's) is the data's, not the loader's.
    vacuum = sqlite3.connect(out)
    try:
        vacuum.execute("VACUUM")
    finally:
        vacuum.close()
    elapsed = time.perf_counter() - t0
    print("\nRows:")
    for table, n in counts.items():
        print(f"  {table:20} {n:>9,}")
    print(f"  {'total':20} {sum(counts.values()):>9,}")
    size = os.path.getsize(out)
    print(f"\nBench mentor: id {bench_id} ({active} citizens with an active course)")
    print(f"File: {out} {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)")
    print(f"Generated in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
