"""Schema 10 (storage/migration_v10.py): the provider's own work — the
workplace register, group sessions with a roll call, the job search.

The migration loses and changes no row: every old column keeps its value,
the placement's new workplace link starts empty, and the new tables start
empty. A database that reached schema 10 by migrating has, word for word,
the schema a new one gets; the schema 10 fixture opens with what it holds.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime

import pytest

from mentorterm import storage
from mentorterm.models import (
    ALL_MODELS,
    Citizen,
    CvStatus,
    GroupSession,
    JobContact,
    Placement,
    TargetCompany,
    Workplace,
)
from mentorterm.storage.migration_v10 import NEW_TABLES

from .test_migrations import FIXTURE, _schema, raw_rows

FIXTURE_V9 = FIXTURE.with_name("schema_v9.db")
FIXTURE_V10 = FIXTURE.with_name("schema_v10.db")
OLD_TABLES = [m._meta.table_name for m in ALL_MODELS if m not in NEW_TABLES]


@pytest.fixture
def closing():
    yield
    storage.close_database()


def test_migration_to_10_keeps_every_row_and_links_no_placement(tmp_path, closing):
    path = tmp_path / "v9.db"
    shutil.copy(FIXTURE_V9, path)
    conn = sqlite3.connect(path)
    before = {t: raw_rows(conn, t) for t in OLD_TABLES}
    conn.close()
    assert len(before["placement"]) >= 1
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION
    assert storage.integrity_problems() == []
    conn = sqlite3.connect(path)
    try:
        for table, rows in before.items():
            after = raw_rows(conn, table)
            if table == "placement":  # the link stands before the version, empty
                assert {row[-2] for row in after} == {None}
                after = [row[:-2] + row[-1:] for row in after]
            assert after == rows, table
    finally:
        conn.close()
    for model in NEW_TABLES:
        assert model.select().count() == 0, model
    assert Placement.select().where(Placement.site.is_null(False)).count() == 0


def test_migrated_to_10_is_the_schema_a_new_database_gets(tmp_path, closing):
    path = tmp_path / "v9.db"
    shutil.copy(FIXTURE_V9, path)
    storage.open_database(path)
    storage.close_database()
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    assert _schema(path) == _schema(fresh)


def test_schema_10_fixture_opens_with_its_workplace_session_and_job_search(tmp_path, closing):
    path = tmp_path / "v10.db"
    shutil.copy(FIXTURE_V10, path)
    storage.open_database(path, create=False)
    (placement,) = Placement.select().where(Placement.site.is_null(False))
    assert placement.site.supervisor_name == "Lone Berg"
    assert [p.workplace_id for p in Workplace.get().placements] == [placement.workplace_id]
    (session,) = GroupSession.select()
    assert session.starts_at == datetime(2026, 8, 3, 9, 30)
    assert session.series.weekdays == "1,3"
    calls = {p.citizen_id: (p.attendance, p.hours) for p in session.participants}
    assert sorted(calls.values(), key=str) == [("left_for_conversation", 1.0), ("present", None)]
    mette = Citizen.get(Citizen.name == "Mette Jørgensen")
    states = [c.state for c in CvStatus.select().where(CvStatus.citizen == mette)]
    assert sorted(states) == ["being_written", "up_to_date"]
    (contact,) = JobContact.select()
    assert contact.follow_up_on == date(2026, 8, 25) and contact.outcome == "waiting"
    assert TargetCompany.get().company == "Bilka Tilst"


def test_a_roll_call_outside_the_list_is_refused_by_the_database(tmp_path, closing):
    import peewee

    path = tmp_path / "v10.db"
    shutil.copy(FIXTURE_V10, path)
    storage.open_database(path, create=False)
    (participant,) = [p for p in GroupSession.get().participants if p.attendance == "present"]
    participant.attendance = "asleep"
    with pytest.raises(peewee.IntegrityError):
        participant.save()
