"""The demo caseload: deterministic, relative to today, valid, and showing the
situations a mentor meets (DOMAIN.md)."""

from __future__ import annotations

import random
import re
import statistics
import time as clock
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from pathlib import Path

import pytest

from mentorterm import storage
from mentorterm.demo import DemoRefused, generate_demo
from mentorterm.domain.caseload import CourseFilter, caseload
from mentorterm.domain.checks import rule_problems
from mentorterm.domain.transfer import dumps, export_document, import_document, parse_document
from mentorterm.models import (
    ALL_MODELS,
    ActionItem,
    AllianceScore,
    Citizen,
    Course,
    CourseExtension,
    Cover,
    Draft,
    Handover,
    HoursStep,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    Mentor,
    Placement,
    Report,
    ReviewNote,
    SubGoal,
)

# Schema 10's tables the demo does not fill yet (the group sessions it does).

TODAY = date(2026, 11, 22)
OTHER_DAY = date(2031, 3, 3)  # a Monday, years later: everything moves with today
EXPORTED_AT = datetime(2000, 1, 1)
JOB_OUTCOMES = ("ordinary_job", "flexjob_granted")
HAPPENED = ("held", "no_show", "cancelled", "rescheduled")


def _build(path: Path, seed: int, today: date) -> dict[str, int]:
    storage.open_database(path)
    try:
        return generate_demo(seed=seed, today=today)
    finally:
        storage.close_database()


def _snapshot() -> dict[str, list[tuple]]:
    """Every demo row of every table, ids and timestamps included."""
    tables = {}
    for model in ALL_MODELS:
        if model is Mentor:  # made by open_database at the wall-clock time, not by the demo
            continue
        tables[model._meta.table_name] = list(model.select().order_by(model.id).tuples())
    return tables


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory):
    """Demo databases built once for the module: {(seed, today): path}."""
    folder = tmp_path_factory.mktemp("demo")
    files = {}
    for seed, today in ((1, TODAY), (1, OTHER_DAY), (2, TODAY)):
        path = folder / f"demo-{seed}-{today.isoformat()}.db"
        _build(path, seed, today)
        files[(seed, today)] = path
    yield files
    storage.close_database()


CASES = [(1, TODAY), (1, OTHER_DAY), (2, TODAY)]
IDS = ["seed1-2026", "seed1-2031", "seed2-2026"]


@pytest.fixture(params=CASES, ids=IDS)
def demo(request, demo_files):
    """One of the built demo databases, opened for the test; yields its today."""
    storage.open_database(demo_files[request.param])
    yield request.param[1]
    storage.close_database()


@pytest.fixture
def database(tmp_path):
    storage.open_database(tmp_path / "t.db")
    yield
    storage.close_database()


def _effective_end(course: Course) -> date:
    ends = [x.new_end for x in course.extensions]
    return max(ends) if ends else course.planned_end


def _active_courses() -> list[Course]:
    return list(
        Course.select()
        .join(Citizen)
        .where(Course.end_date.is_null() & Citizen.archived_on.is_null())
    )


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _parse_schedule(text: str) -> dict[int, float]:
    """'2 x 2 h Tue+Thu', '5 x 3 h Mon-Fri', 'Tue 3.5 h, Fri 3 h' -> {weekday: hours}."""
    uniform = re.fullmatch(r"(\d+) x ([\d.]+) h (\w{3})(?:-(\w{3})|((?:\+\w{3})*))", text)
    if uniform:
        count, hours, first, last, more = uniform.groups()
        if last:
            days = list(range(_DAYS.index(first), _DAYS.index(last) + 1))
        else:
            days = [_DAYS.index(first)] + [_DAYS.index(d) for d in more.split("+") if d]
        assert len(days) == int(count), text
        return {d: float(hours) for d in days}
    parts = [re.fullmatch(r"(\w{3}) ([\d.]+) h", part.strip()) for part in text.split(",")]
    assert all(parts), text
    return {_DAYS.index(m.group(1)): float(m.group(2)) for m in parts}


# -- the whole run --------------------------------------------------------


def test_fills_an_empty_database_quickly_and_returns_the_counts(database):
    before = storage.row_counts()
    started = clock.process_time()  # CPU: a loaded machine does not fail the test
    counts = generate_demo(seed=1, today=TODAY)
    elapsed = clock.process_time() - started
    after = storage.row_counts()
    assert counts == {table: after[table] - before[table] for table in after}
    assert counts["mentor"] == 0
    assert counts["citizen"] >= 12
    assert counts["logbook_entry"] > 500 and counts["meeting"] > 100
    # Drafts are half-written forms and reports are the mentor's own writing:
    # the demo has none; nor handovers or covers (one mentor, no team).
    alone = (Mentor, Draft, Report, Handover, Cover)
    assert all(counts[m._meta.table_name] > 0 for m in ALL_MODELS if m not in alone)
    # Every record through its domain function (and its audit row) costs about
    # 4.5 s CPU, six times the old row-writer; a logbook day by day was 7.3 s.
    assert elapsed < 6.5, f"the demo took {elapsed:.2f} s CPU"
    # Everything belongs to the default mentor.
    mentor = storage.ensure_default_mentor()
    assert {c.mentor_id for c in Citizen.select()} == {mentor.id}
    assert {m.mentor_id for m in Meeting.select()} == {mentor.id}


def test_same_seed_and_day_give_identical_databases_and_exports(tmp_path):
    exports, snapshots = [], []
    for name in ("a.db", "b.db"):
        storage.open_database(tmp_path / name)
        try:
            generate_demo(seed=7, today=TODAY)
            snapshots.append(_snapshot())
            exports.append(dumps(export_document(now=EXPORTED_AT)))
        finally:
            storage.close_database()
    assert snapshots[0] == snapshots[1]
    assert exports[0] == exports[1]


def test_a_different_seed_gives_different_data(tmp_path):
    snapshots = []
    for seed, name in ((1, "a.db"), (2, "b.db")):
        storage.open_database(tmp_path / name)
        try:
            generate_demo(seed=seed, today=TODAY)
            snapshots.append(_snapshot())
        finally:
            storage.close_database()
    first, second = snapshots
    assert first["citizen"] != second["citizen"]
    assert first["logbook_entry"] != second["logbook_entry"]
    assert first["meeting"] != second["meeting"]


def test_the_global_random_state_and_the_clock_are_not_used(database):
    random.seed(12345)
    state = random.getstate()
    generate_demo(seed=1)  # today defaults to the real date
    assert random.getstate() == state
    assert Citizen.select().count() >= 12


def test_refused_when_the_database_already_has_citizens(database):
    mentor = storage.ensure_default_mentor()
    Citizen.create(mentor=mentor, name="A real citizen")
    before = storage.row_counts()
    with pytest.raises(DemoRefused) as caught:
        generate_demo(seed=1, today=TODAY)
    assert isinstance(caught.value, ValueError)
    assert "citizens" in str(caught.value)
    assert storage.row_counts() == before


def test_refused_the_second_time(database):
    generate_demo(seed=1, today=TODAY)
    before = storage.row_counts()
    with pytest.raises(DemoRefused):
        generate_demo(seed=1, today=TODAY)
    assert storage.row_counts() == before


def test_database_and_domain_rules_hold(demo):
    assert storage.integrity_problems() == []
    assert rule_problems() == []


def test_the_export_imports_into_a_fresh_database(demo_files, tmp_path):
    """The interchange validation (the same input models) accepts every record."""
    storage.open_database(demo_files[(1, TODAY)])
    try:
        text = dumps(export_document(now=EXPORTED_AT))
        counts = storage.row_counts()
    finally:
        storage.close_database()
    storage.open_database(tmp_path / "copy.db")
    try:
        import_document(parse_document(text))
        assert storage.row_counts() == counts
        assert dumps(export_document(now=EXPORTED_AT)) == text
    finally:
        storage.close_database()


def test_everything_is_dated_relative_to_today(demo):
    today = demo
    end_of_today = datetime.combine(today, time.max)
    for model in ALL_MODELS:
        if model is Mentor:
            continue
        for created, updated in model.select(model.created_at, model.updated_at).tuples():
            assert created <= end_of_today, model
            assert updated >= created, model
    first = LogbookEntry.select(LogbookEntry.entry_date).order_by(LogbookEntry.entry_date).first()
    assert today - timedelta(days=3 * 365) <= first.entry_date
    latest = max(m.starts_at for m in Meeting.select())
    assert latest <= datetime.combine(today + timedelta(days=30), time.max)
    assert Course.select().where(Course.start_date > today).count() == 0


# -- the situations DOMAIN.md describes ------------------------------------


def test_at_least_twelve_citizens_with_two_to_four_sub_goals_per_course(demo):
    assert Citizen.select().count() >= 12
    per_course = defaultdict(int)
    for goal in SubGoal.select():
        assert goal.course_id is not None
        per_course[goal.course_id] += 1
    assert set(per_course) == {c.id for c in Course.select()}
    assert all(2 <= n <= 4 for n in per_course.values()), per_course


def test_a_course_extended_twice(demo):
    counts = defaultdict(list)
    for extension in CourseExtension.select().order_by(CourseExtension.decided_on):
        counts[extension.course_id].append(extension)
    twice = [course for course, items in counts.items() if len(items) >= 2]
    assert twice
    for course_id in twice:
        course = Course.get_by_id(course_id)
        ends = [x.new_end for x in counts[course_id]]
        assert ends == sorted(ends) and ends[0] > course.planned_end
        assert course.end_date is None and _effective_end(course) > demo


def test_a_re_referred_citizen_keeps_the_earlier_course(demo):
    today = demo
    found = False
    for citizen in Citizen.select():
        courses = list(citizen.courses.order_by(Course.start_date))
        if len(courses) < 2:
            continue
        old, new = courses[0], courses[-1]
        if old.end_date is None or new.end_date is not None:
            continue
        found = True
        assert old.end_date < new.referral_date
        assert (new.referral_date - old.end_date).days > 180
        assert (today - old.start_date).days > 365
        # The history is whole: the old course's placement, logbook, meetings and goals.
        old_placements = list(old.placements)
        assert old_placements
        assert (
            LogbookEntry.select()
            .where(LogbookEntry.placement.in_([p.id for p in old_placements]))
            .count()
            > 10
        )
        assert (
            Meeting.select()
            .where(
                (Meeting.citizen == citizen)
                & (Meeting.starts_at < old.end_date + timedelta(days=1))
            )
            .count()
            >= 3
        )
        assert old.sub_goals.count() >= 1
    assert found


def _steps_by_placement() -> dict[int, list[float]]:
    steps = defaultdict(list)
    for step in HoursStep.select().order_by(HoursStep.placement, HoursStep.from_date):
        steps[step.placement_id].append(step.hours_per_week)
    return steps


def test_hours_are_escalated_step_by_step(demo):
    escalations = [
        hours
        for hours in _steps_by_placement().values()
        if len(hours) >= 3 and hours == sorted(set(hours))
    ]
    assert escalations
    assert any(hours[0] <= 4 for hours in escalations)


def test_hours_reduced_again_after_health_trouble(demo):
    found = False
    for placement_id, hours in _steps_by_placement().items():
        drops = [i for i in range(1, len(hours)) if hours[i] < hours[i - 1]]
        if not drops or hours[drops[0] - 1] <= hours[0]:
            continue
        found = True
        placement = Placement.get_by_id(placement_id)
        step = list(placement.hours_steps.order_by(HoursStep.from_date))[drops[0]]
        # The decision is recorded at a meeting before the step took effect ...
        decided = Meeting.select().where(
            (Meeting.citizen == placement.citizen)
            & (Meeting.status == "held")
            & (Meeting.starts_at < step.from_date)
            & Meeting.decisions.contains("Hours down")
        )
        assert decided.exists()
        # ... and the logbook shows the health trouble before it.
        window = LogbookEntry.select().where(
            (LogbookEntry.placement == placement)
            & LogbookEntry.entry_date.between(step.from_date - timedelta(days=35), step.from_date)
        )
        assert any(e.attendance == "sick" for e in window)
    assert found


def test_no_shows_and_cancellations_two_in_a_row_without_a_next_meeting(demo):
    today = demo
    found = False
    for course in _active_courses():
        citizen = course.citizen
        past = list(
            citizen.meetings.where(Meeting.starts_at < today)
            .order_by(Meeting.starts_at.desc())
            .limit(2)
        )
        if len(past) == 2 and all(m.status in ("no_show", "cancelled") for m in past):
            found = True
            future = citizen.meetings.where(Meeting.starts_at >= today)
            assert not future.exists()
    assert found
    no_shows = Meeting.select().where(Meeting.status == "no_show").count()
    cancelled = Meeting.select().where(Meeting.status == "cancelled").count()
    assert no_shows >= 1 and cancelled >= 1 and no_shows + cancelled >= 3


def test_rising_absence_in_the_last_two_weeks(demo):
    today = demo
    found = False
    for citizen in Citizen.select():
        entries = list(LogbookEntry.select().where(LogbookEntry.citizen == citizen))
        recent = [e for e in entries if today - timedelta(days=14) < e.entry_date < today]
        before = [
            e
            for e in entries
            if today - timedelta(days=70) < e.entry_date <= today - timedelta(days=14)
        ]
        if len(recent) < 4 or len(before) < 10:
            continue
        recent_rate = sum(e.attendance == "present" for e in recent) / len(recent)
        before_rate = sum(e.attendance == "present" for e in before) / len(before)
        if recent_rate <= 0.5 and before_rate >= 0.75:
            found = True
    assert found


def test_attendance_patterns_always_migraine_and_always_mondays(demo):
    away = defaultdict(list)
    for entry in LogbookEntry.select().where(LogbookEntry.attendance != "present"):
        away[entry.citizen_id].append(entry)
    migraine = [
        c
        for c, items in away.items()
        if len(items) >= 5 and all("migraine" in e.absence_reason.lower() for e in items)
    ]
    mondays = [
        c
        for c, items in away.items()
        if len(items) >= 4 and sum(e.entry_date.weekday() == 0 for e in items) >= 0.7 * len(items)
    ]
    assert migraine and mondays


def test_a_course_ends_in_about_three_weeks(demo):
    today = demo
    soon = [c for c in _active_courses() if 14 <= (_effective_end(c) - today).days <= 28]
    assert soon


def test_aftercare_about_three_months_after_a_job(demo):
    today = demo
    found = False
    for course in Course.select().where(Course.outcome.in_(JOB_OUTCOMES)):
        if 80 <= (today - course.end_date).days <= 100:
            found = True
            follow_up = course.citizen.meetings.where(
                (Meeting.status == "planned") & (Meeting.starts_at < today + timedelta(days=14))
            )
            assert follow_up.exists()
    assert found


def test_interpreters_are_needed_and_present_at_meetings(demo):
    needing = list(Citizen.select().where(Citizen.interpreter_needed))
    assert {c.interpreter_language for c in needing} >= {"Arabic", "Tigrinya", "Somali"}
    for citizen in needing:
        three_party = citizen.meetings.where(
            (Meeting.kind == "three_party") & (Meeting.status == "held")
        )
        assert three_party.exists()
        for meeting in three_party:
            roles = {p.role for p in meeting.participants}
            assert "interpreter" in roles


def test_absence_without_notice_in_the_last_seven_days(demo):
    today = demo
    recent = LogbookEntry.select().where(
        (LogbookEntry.attendance == "absent_without_notice")
        & LogbookEntry.entry_date.between(today - timedelta(days=7), today)
    )
    assert recent.exists()


def test_a_sub_goal_past_its_target_date(demo):
    today = demo
    late = (
        SubGoal.select()
        .join(Course)
        .where(
            (SubGoal.status == "active") & (SubGoal.target_date < today) & Course.end_date.is_null()
        )
    )
    assert late.exists()


def test_action_items_done_open_and_overdue(demo):
    today = demo
    assert ActionItem.select().where(ActionItem.done_on.is_null(False)).count() >= 20
    assert (
        ActionItem.select()
        .where(ActionItem.done_on.is_null() & (ActionItem.due_date >= today))
        .exists()
    )
    assert (
        ActionItem.select()
        .where(ActionItem.done_on.is_null() & (ActionItem.due_date < today))
        .exists()
    )
    for item in ActionItem.select().where(ActionItem.done_on.is_null(False)):
        assert item.done_on < today
        if item.meeting is not None:
            assert item.done_on >= item.meeting.starts_at.date()


def test_a_placement_starts_within_two_weeks(demo):
    today = demo
    starting = list(
        Placement.select().where(
            (Placement.start_date > today) & (Placement.start_date <= today + timedelta(days=14))
        )
    )
    assert starting
    for placement in starting:
        assert not placement.logbook.exists()
        current = Placement.select().where(
            (Placement.citizen == placement.citizen)
            & (Placement.start_date <= today)
            & (Placement.end_date < placement.start_date)
            & (Placement.end_date >= today)
        )
        assert current.exists()  # the transition from one place to the next


def test_meetings_overdue_and_none_booked_show_in_the_caseload(demo):
    today = demo
    rows = caseload(today=today)
    assert len(rows) >= 10
    assert any(r.next_meeting is None for r in rows)
    assert any(r.meeting_overdue and r.next_meeting is None for r in rows)
    assert any(r.meeting_overdue and r.next_meeting is not None for r in rows)
    assert any(r.attendance_rate is not None and r.attendance_rate <= 0.5 for r in rows)
    assert any(r.weeks_left is not None and r.weeks_left <= 4 for r in rows)
    ended = caseload(today=today, courses=CourseFilter.ENDED)
    assert any(r.outcome in JOB_OUTCOMES for r in ended)
    # Most active citizens have their next meeting booked.
    assert sum(r.next_meeting is not None for r in rows) >= 0.75 * len(rows)


# -- the records themselves ----------------------------------------------


def test_logbook_follows_the_hours_steps(demo):
    today = demo
    steps = defaultdict(list)
    for step in HoursStep.select().order_by(HoursStep.from_date):
        assert step.hours_per_week == pytest.approx(sum(_parse_schedule(step.schedule).values()))
        steps[step.placement_id].append(step)
    weeks = defaultdict(float)
    for entry in LogbookEntry.select():
        assert entry.entry_date < today
        current = [s for s in steps[entry.placement_id] if s.from_date <= entry.entry_date][-1]
        schedule = _parse_schedule(current.schedule)
        assert entry.entry_date.weekday() in schedule, (entry.entry_date, current.schedule)
        assert entry.hours_planned == schedule[entry.entry_date.weekday()]
        year, week, _day = entry.entry_date.isocalendar()
        weeks[(entry.placement_id, current.id, year, week)] += entry.hours_planned
        if entry.attendance != "present":
            assert entry.hours_worked == 0 and not entry.left_early
            assert entry.absence_reason
        elif entry.left_early:
            assert entry.left_early_reason
            assert 0 < entry.hours_worked < entry.hours_planned
        else:
            assert entry.hours_worked <= entry.hours_planned
    for (_placement, step_id, _y, _w), hours in weeks.items():
        assert hours <= HoursStep.get_by_id(step_id).hours_per_week + 1e-9


def test_logbook_covers_half_a_year_with_energy_and_pain_sometimes(demo):
    today = demo
    dates = [e.entry_date for e in LogbookEntry.select(LogbookEntry.entry_date)]
    assert (max(dates) - min(dates)).days >= 180
    assert max(dates) >= today - timedelta(days=3)
    # An active citizen with over six months of daily logbook.
    spans = defaultdict(list)
    for course in _active_courses():
        for entry in LogbookEntry.select().where(LogbookEntry.citizen == course.citizen):
            spans[course.citizen_id].append(entry.entry_date)
    assert any((max(d) - min(d)).days >= 180 for d in spans.values())
    entries = LogbookEntry.select().count()
    with_energy = LogbookEntry.select().where(LogbookEntry.energy.is_null(False)).count()
    with_pain = LogbookEntry.select().where(LogbookEntry.pain.is_null(False)).count()
    assert 0.1 * entries < with_energy < 0.9 * entries
    assert 0 < with_pain < with_energy
    assert LogbookEntry.select().where(LogbookEntry.tasks != "").count() > 0.5 * entries


def test_meetings_every_second_week_with_the_five_points(demo):
    today = demo
    assert (
        not Meeting.select()
        .where((Meeting.status == "planned") & (Meeting.starts_at < today))
        .exists()
    )
    assert (
        not Meeting.select()
        .where((Meeting.status != "planned") & (Meeting.starts_at >= today))
        .exists()
    )
    gaps = []
    for course in _active_courses():
        held = [
            m.starts_at.date()
            for m in course.citizen.meetings.where(
                (Meeting.status == "held") & (Meeting.starts_at >= course.start_date)
            ).order_by(Meeting.starts_at)
        ]
        gaps.extend((b - a).days for a, b in pairwise(held))
    assert 11 <= statistics.median(gaps) <= 16
    held = list(Meeting.select().where(Meeting.status == "held"))
    for meeting in held:
        if meeting.next_meeting_date is not None:
            assert meeting.next_meeting_date > meeting.starts_at.date()
        if meeting.kind == "three_party":
            points = (
                meeting.attendance_note,
                meeting.tasks_note,
                meeting.motivation_note,
                meeting.accommodations_note,
                meeting.citizen_view,
                meeting.workplace_view,
                meeting.decisions,
            )
            assert all(points), meeting.starts_at
            roles = {p.role for p in meeting.participants}
            assert {"citizen", "mentor", "placement_supervisor"} <= roles
    assert sum(m.next_meeting_date is not None for m in held) >= 0.9 * len(held)
    assert sum(bool(m.decisions) for m in held) >= 0.95 * len(held)
    assert Meeting.select().where(Meeting.kind == "three_party").count() >= 40
    assert MeetingParticipant.select().where(MeetingParticipant.role == "caseworker").exists()
    assert Meeting.select().where(Meeting.status.not_in(HAPPENED + ("planned",))).count() == 0


def test_three_party_meetings_about_monthly(demo):
    today = demo
    for course in _active_courses():
        placements = course.placements.where(Placement.start_date <= today - timedelta(days=90))
        if not placements.exists():
            continue
        start = min(p.start_date for p in placements)
        three_party = course.citizen.meetings.where(
            (Meeting.kind == "three_party")
            & (Meeting.status == "held")
            & (Meeting.starts_at >= start)
        ).count()
        months = (today - start).days / 30
        assert three_party >= 0.5 * months, course.citizen.name


def test_alliance_scores_show_slow_uneven_progress(demo):
    rising, setbacks = 0, 0
    goals = list(SubGoal.select())
    all_gaps = []
    for goal in goals:
        scores = list(goal.scores.order_by(AllianceScore.scored_on))
        assert scores, goal.title
        values = [s.citizen_score for s in scores]
        assert all(1 <= v <= 10 for v in values)
        assert all(s.what_it_takes and s.own_actions and s.help_needed for s in scores)
        gaps = [(b.scored_on - a.scored_on).days for a, b in pairwise(scores)]
        assert all(gap >= 14 for gap in gaps)
        all_gaps.extend(gaps)
        if len(values) >= 3 and values[-1] > values[0]:
            rising += 1
        if any(b < a for a, b in pairwise(values)):
            setbacks += 1
        if goal.status != "active":
            assert goal.status_date is not None and goal.status_note
        if goal.status == "achieved":
            assert values[-1] >= 6
    assert 14 <= statistics.median(all_gaps) <= 28
    assert rising >= len(goals) / 3
    assert setbacks >= 1
    assert SubGoal.select().where(SubGoal.status == "achieved").count() >= 5


def test_weekly_review_notes_for_past_weeks(demo):
    today = demo
    this_week = today - timedelta(days=today.weekday())
    notes = list(ReviewNote.select())
    assert len({n.iso_week for n in notes}) >= 4
    for note in notes:
        year, week = note.iso_week.split("-W")
        monday = date.fromisocalendar(int(year), int(week), 1)
        assert monday < this_week
        assert note.decision and note.reviewed_at.date() >= monday
        assert note.reviewed_at.date() < this_week


def test_names_and_contacts_are_fictional_and_plausible(demo):
    citizens = list(Citizen.select())
    assert len({c.name for c in citizens}) == len(citizens)
    assert any(re.fullmatch(r"\w+ \w\.", c.name) for c in citizens)  # a pseudonym "Ali H."
    assert {c.jobcenter for c in citizens} >= {"Jobcenter Aarhus", "Jobcenter Odense"}
    for citizen in citizens:
        for address in (citizen.email, citizen.caseworker_email):
            assert address == "" or address.endswith(".example")
        assert citizen.caseworker_name
    assert any("lifting" in c.accommodations for c in citizens)
    archived = [c for c in citizens if c.archived_on is not None]
    assert archived and all(c.archived_on <= demo for c in archived)
