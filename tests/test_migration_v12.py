"""Schema 12 (storage/migration_v12.py): where the citizen stands at aftercare.

The migration loses and changes no row: every old column keeps its value and
every meeting's ``aftercare_situation`` is NULL (not recorded). A database
that reached schema 12 by migrating has, word for word, the schema a new one
gets; the schema 12 fixture opens with its recorded situation, and the
column's CHECK refuses a value outside the fixed list on either path.
"""

from __future__ import annotations

import shutil
import sqlite3

import peewee
import pytest

from mentorterm import storage
from mentorterm.enums import AftercareSituation
from mentorterm.models import ALL_MODELS, SYNC_MODELS, Citizen, Meeting

from .test_migrations import FIXTURE, _schema, raw_rows, without_summary

FIXTURE_V11 = FIXTURE.with_name("schema_v11.db")
FIXTURE_V12 = FIXTURE.with_name("schema_v12.db")
TABLES = [m._meta.table_name for m in ALL_MODELS]


def _without_schema_13(schema: list[tuple]) -> list[tuple]:
    """The schema without what schema 13 added (the sync tables, new tables only)."""
    added = {m._meta.table_name for m in SYNC_MODELS}
    return [row for row in schema if row[2] not in added]


@pytest.fixture
def closing():
    yield
    storage.close_database()


def test_migration_to_12_keeps_every_row_and_records_no_situation(tmp_path, closing):
    path = tmp_path / "v11.db"
    shutil.copy(FIXTURE_V11, path)
    conn = sqlite3.connect(path)
    before = {t: raw_rows(conn, t) for t in TABLES}
    uids = {t: conn.execute(f'SELECT uid FROM "{t}" ORDER BY id').fetchall() for t in TABLES}
    conn.close()
    assert len(before["meeting"]) >= 3
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION  # through 12
    assert storage.integrity_problems() == []
    conn = sqlite3.connect(path)
    try:
        for table, rows in before.items():
            assert raw_rows(conn, table) == rows, table
            assert conn.execute(f'SELECT uid FROM "{table}" ORDER BY id').fetchall() == uids[table]
        columns = [r[1] for r in conn.execute('PRAGMA table_info("meeting")')]
        assert columns[-1] == "aftercare_situation"  # last, where a new database has it
        situations = conn.execute('SELECT aftercare_situation FROM "meeting"').fetchall()
        assert situations == [(None,)] * len(before["meeting"])
    finally:
        conn.close()


def test_migrated_to_12_is_the_schema_a_new_database_gets(tmp_path, closing):
    path = tmp_path / "v11.db"
    shutil.copy(FIXTURE_V11, path)
    storage.open_database(path)
    storage.close_database()
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    assert _schema(path) == _schema(fresh)
    assert without_summary(_without_schema_13(_schema(path))) == without_summary(
        _schema(FIXTURE_V12)
    )


def test_schema_12_fixture_opens_with_its_recorded_situation(tmp_path, closing):
    path = tmp_path / "v12.db"
    shutil.copy(FIXTURE_V12, path)
    storage.open_database(path, create=False)
    held = Meeting.get(Meeting.aftercare_situation.is_null(False))
    assert held.citizen.name == "Mette Jørgensen"
    assert (held.kind, held.status) == ("aftercare", "held")
    assert AftercareSituation(held.aftercare_situation) == AftercareSituation.EDUCATION


@pytest.mark.parametrize("source", ["migrated", "fresh"])
def test_the_column_refuses_a_situation_outside_the_list(tmp_path, closing, source):
    path = tmp_path / "db.db"
    if source == "migrated":
        shutil.copy(FIXTURE_V11, path)
    storage.open_database(path)
    mette = Citizen.select().first()
    with pytest.raises(peewee.IntegrityError):
        Meeting.create(
            citizen=mette,
            starts_at="2026-12-07 10:00:00",
            kind="aftercare",
            status="held",
            aftercare_situation="on_holiday",
        )
