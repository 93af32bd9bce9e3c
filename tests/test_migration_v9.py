"""Schema 9 (storage/migration_v9.py): every record's version, handovers and covers.

The migration loses and changes no row: every old column keeps its value, each
row starts at version 1, and the two new tables start empty. A database that
reached schema 9 by migrating has, word for word, the schema a new one gets.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from mentorterm import storage
from mentorterm.models import ALL_MODELS, Citizen, Cover, Handover
from mentorterm.storage.migration_v9 import NEW_TABLES
from mentorterm.storage.migration_v10 import NEW_TABLES as MADE_IN_10

from .test_migrations import FIXTURE, _schema, raw_rows

FIXTURE_V8 = FIXTURE.with_name("schema_v8.db")
FIXTURE_V9 = FIXTURE.with_name("schema_v9.db")
OLD_TABLES = [m._meta.table_name for m in ALL_MODELS if m not in NEW_TABLES and m not in MADE_IN_10]


@pytest.fixture
def closing():
    yield
    storage.close_database()


def test_migration_to_9_keeps_every_row_at_version_1(tmp_path, closing):
    path = tmp_path / "v8.db"
    shutil.copy(FIXTURE_V8, path)
    conn = sqlite3.connect(path)
    before = {t: raw_rows(conn, t) for t in OLD_TABLES}
    conn.close()
    assert sum(len(rows) for rows in before.values()) > 20
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION  # through 9
    assert storage.integrity_problems() == []
    conn = sqlite3.connect(path)
    try:
        for table, rows in before.items():
            after = raw_rows(conn, table)
            # The old columns as they were, the version last and 1 on every row
            # (schema 10 puts the placement's workplace link before it, empty).
            if table == "placement":
                assert {row[-2] for row in after} == {None}
                after = [row[:-2] + row[-1:] for row in after]
            assert [row[:-1] for row in after] == rows, table
            assert {row[-1] for row in after} <= {1}, table
    finally:
        conn.close()
    assert Handover.select().count() == Cover.select().count() == 0


def test_migrated_to_9_is_the_schema_a_new_database_gets(tmp_path, closing):
    path = tmp_path / "v8.db"
    shutil.copy(FIXTURE_V8, path)
    storage.open_database(path)
    storage.close_database()
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    assert _schema(path) == _schema(fresh)


def test_schema_9_fixture_opens_with_its_versions_handover_and_cover(tmp_path, closing):
    path = tmp_path / "v9.db"
    shutil.copy(FIXTURE_V9, path)
    storage.open_database(path, create=False)
    mette = Citizen.get(Citizen.name == "Mette Jørgensen")
    assert mette.version == 4
    (handover,) = Handover.select()
    assert handover.to_mentor.name == "Birthe Holm" == mette.mentor.name
    assert handover.note.startswith("Mette likes")
    (cover,) = Cover.select()
    assert (cover.starts_on, cover.ends_on) == (date(2026, 7, 6), date(2026, 7, 10))
