"""Schema 13 (storage/migration_v13.py): the sync tables (issue 19).

New tables only: every row of schema 12 is kept as it was, the sync tables
are there and empty, and a database that reached schema 13 by migrating has,
word for word, the schema a new one gets (the schema 13 fixture's too). The
change log's triggers are no part of the schema: they stand only on a
laptop holding citizens from the team database.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from mentorterm import storage
from mentorterm.models import ALL_MODELS, SYNC_MODELS

from .test_migrations import FIXTURE, _schema, raw_rows, without_summary

FIXTURE_V12 = FIXTURE.with_name("schema_v12.db")
FIXTURE_V13 = FIXTURE.with_name("schema_v13.db")
TABLES = [m._meta.table_name for m in ALL_MODELS]


@pytest.fixture
def closing():
    yield
    storage.close_database()


def test_migration_to_13_keeps_every_row_and_makes_the_sync_tables_empty(tmp_path, closing):
    path = tmp_path / "v12.db"
    shutil.copy(FIXTURE_V12, path)
    conn = sqlite3.connect(path)
    before = {t: raw_rows(conn, t) for t in TABLES}
    conn.close()
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION >= 13
    assert storage.integrity_problems() == []
    assert all(model.select().count() == 0 for model in SYNC_MODELS)
    assert storage.sync_is_logging() is False
    conn = sqlite3.connect(path)
    try:
        for table, rows in before.items():
            assert raw_rows(conn, table) == rows, table
    finally:
        conn.close()


def test_migrated_to_13_is_the_schema_a_new_database_gets(tmp_path, closing):
    path = tmp_path / "v12.db"
    shutil.copy(FIXTURE_V12, path)
    storage.open_database(path)
    storage.close_database()
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    assert _schema(path) == _schema(fresh)
    assert without_summary(_schema(path)) == without_summary(_schema(FIXTURE_V13))


def test_a_laptops_change_log_stands_and_goes_with_its_triggers(tmp_path, closing):
    from mentorterm.domain.citizens import create_citizen
    from mentorterm.models import ChangeOp, SyncState, db
    from mentorterm.schemas import CitizenIn

    path = tmp_path / "v13.db"
    shutil.copy(FIXTURE_V13, path)
    storage.open_database(path, create=False)
    with db.atomic():
        SyncState.create(device_uid="d" * 32, device_name="L", team="t", login="a", mentor_uid="")
        storage.sync_log_start()
    create_citizen(CitizenIn(name="Ny Borger"))
    assert [(c.table_name, c.op) for c in ChangeOp.select()] == [("citizen", "insert")]
    storage.sync_log_stop()
    create_citizen(CitizenIn(name="Endnu En"))
    assert ChangeOp.select().count() == 1
