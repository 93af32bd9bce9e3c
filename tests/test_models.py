"""Invariants the database keeps whoever writes to it."""

from __future__ import annotations

import time
from datetime import date

import peewee
import pytest

from mentorterm import storage
from mentorterm.domain.checks import rule_problems
from mentorterm.models import (
    ALL_MODELS,
    AllianceScore,
    Citizen,
    Course,
    LogbookEntry,
    Mentor,
    Placement,
    SubGoal,
    db,
)

from .factories import full_citizen

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def pragma(name):
    return db.execute_sql(f"PRAGMA {name}").fetchone()[0]


@pytest.mark.sqlite_only
def test_connection_settings_are_the_durable_ones(database):
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("secure_delete") == 1
    assert pragma("user_version") == storage.SCHEMA_VERSION


def test_a_new_database_has_one_default_mentor_and_no_problems(database):
    assert [m.is_default for m in Mentor.select()] == [True]
    full_citizen()
    assert storage.integrity_problems() == []
    assert rule_problems() == []


@pytest.mark.parametrize("score", [0, 11, -3])
def test_scores_off_the_scale_cannot_be_stored(database, score):
    rows = full_citizen()
    with pytest.raises(peewee.IntegrityError):
        AllianceScore.create(sub_goal=rows["goal"], scored_on=date(2026, 3, 1), citizen_score=score)


def test_the_mentor_part_is_derived_never_stored(database):
    rows = full_citizen()
    assert rows["score"].mentor_score == 7
    columns = {c.name for c in db.get_columns("alliance_score")}
    assert "mentor_score" not in columns


def test_one_score_per_sub_goal_per_day(database):
    rows = full_citizen()
    with pytest.raises(peewee.IntegrityError):
        AllianceScore.create(sub_goal=rows["goal"], scored_on=date(2026, 2, 1), citizen_score=5)


def test_one_logbook_entry_per_placement_per_day(database):
    rows = full_citizen()
    with pytest.raises(peewee.IntegrityError):
        LogbookEntry.create(
            placement=rows["placement"],
            citizen=rows["citizen"],
            entry_date=date(2026, 2, 3),
            attendance="sick",
        )


def test_a_logbook_entry_cannot_belong_to_another_citizens_placement(database):
    rows = full_citizen()
    other = Citizen.create(mentor=rows["mentor"], name="Ali H.")
    with pytest.raises(peewee.IntegrityError, match="differs"):
        LogbookEntry.create(
            placement=rows["placement"],
            citizen=other,
            entry_date=date(2026, 2, 5),
            attendance="present",
        )
    with pytest.raises(peewee.IntegrityError, match="differs"):
        LogbookEntry.update(citizen=other).where(LogbookEntry.id == rows["entry"].id).execute()


@pytest.mark.parametrize(
    "model,field,value",
    [
        (Course, "purpose", "holiday"),
        (Placement, "kind", "volunteer"),
        (LogbookEntry, "attendance", "late"),
        (SubGoal, "status", "forgotten"),
    ],
)
def test_values_outside_the_fixed_lists_cannot_be_stored(database, model, field, value):
    rows = full_citizen()
    row = {
        Course: rows["course"],
        Placement: rows["placement"],
        LogbookEntry: rows["entry"],
        SubGoal: rows["goal"],
    }[model]
    with pytest.raises(peewee.IntegrityError):
        model.update({field: value}).where(model.id == row.id).execute()


def test_an_ended_course_has_both_end_date_and_outcome(database):
    rows = full_citizen()
    with pytest.raises(peewee.IntegrityError):
        Course.update(end_date=date(2026, 5, 1)).where(Course.id == rows["course"].id).execute()
    Course.update(end_date=date(2026, 5, 1), outcome="flexjob_granted").where(
        Course.id == rows["course"].id
    ).execute()
    with pytest.raises(peewee.IntegrityError):
        Course.update(end_date=date(2025, 5, 1)).where(Course.id == rows["course"].id).execute()


def test_deleting_a_citizen_deletes_every_record_about_them(database):
    keep = full_citizen("Bliver")
    gone = full_citizen("Slettes")
    before = storage.row_counts()
    gone["citizen"].delete_instance()
    after = storage.row_counts()
    for model in ALL_MODELS:
        table = model._meta.table_name
        expected = before[table] if model is Mentor else before[table] // 2
        assert after[table] == expected, table
    assert Citizen.get_by_id(keep["citizen"].id).name == "Bliver"
    assert storage.integrity_problems() == []


def test_a_mentor_with_citizens_cannot_be_deleted(database):
    rows = full_citizen()
    with pytest.raises(peewee.IntegrityError):
        rows["mentor"].delete_instance()


def test_deleting_a_course_keeps_its_sub_goals_and_placements(database):
    rows = full_citizen()
    rows["course"].delete_instance()
    assert SubGoal.get_by_id(rows["goal"].id).course is None
    assert Placement.get_by_id(rows["placement"].id).course is None


def test_saving_a_change_moves_updated_at_not_created_at(database):
    rows = full_citizen()
    citizen = Citizen.get_by_id(rows["citizen"].id)
    created, updated = citizen.created_at, citizen.updated_at
    time.sleep(0.002)
    citizen.notes = "Ny note"
    citizen.save()
    again = Citizen.get_by_id(citizen.id)
    assert again.created_at == created
    assert again.updated_at > updated


def test_check_finds_broken_domain_rules(database):
    rows = full_citizen()
    # Written behind the app's back: a logbook day before the placement started,
    # and work recorded on a sick day.
    LogbookEntry.create(
        placement=rows["placement"],
        citizen=rows["citizen"],
        entry_date=date(2026, 1, 20),
        attendance="sick",
        hours_worked=3,
    )
    problems = rule_problems()
    assert any("outside its placement's dates" in p for p in problems)
    assert any("work on a day of absence" in p for p in problems)
