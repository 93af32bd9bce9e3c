"""Schema 11 (storage/migration_v11.py): every record's stable identity.

The migration loses and changes no row: every old column keeps its value,
and each row of every record table gets its own uid (32 lowercase hex
digits), unique in its table; the audit log gets none. A database that
reached schema 11 by migrating has, word for word, the schema a new one
gets; the schema 11 fixture opens with what it holds, its given uid kept.
"""

from __future__ import annotations

import re
import shutil
import sqlite3

import peewee
import pytest

from mentorterm import storage
from mentorterm.fields import new_uid
from mentorterm.models import ALL_MODELS, AUDIT_MODELS, Citizen, Mentor, TargetCompany

from .test_migrations import FIXTURE, _schema, raw_rows

FIXTURE_V10 = FIXTURE.with_name("schema_v10.db")
FIXTURE_V11 = FIXTURE.with_name("schema_v11.db")
TABLES = [m._meta.table_name for m in ALL_MODELS]
HEX32 = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def closing():
    yield
    storage.close_database()


def _uids(conn: sqlite3.Connection, table: str) -> list[str]:
    return [u for (u,) in conn.execute(f'SELECT "uid" FROM "{table}" ORDER BY id')]


def test_migration_to_11_keeps_every_row_and_gives_each_its_own_uid(tmp_path, closing):
    path = tmp_path / "v10.db"
    shutil.copy(FIXTURE_V10, path)
    conn = sqlite3.connect(path)
    before = {t: raw_rows(conn, t) for t in TABLES}
    conn.close()
    assert sum(len(r) for r in before.values()) > 20
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION
    assert storage.integrity_problems() == []
    conn = sqlite3.connect(path)
    try:
        for table, rows in before.items():
            assert raw_rows(conn, table) == rows, table
            uids = _uids(conn, table)
            assert all(HEX32.fullmatch(u) for u in uids), table
            assert len(set(uids)) == len(uids) == len(rows), table
        for model in AUDIT_MODELS:
            columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{model._meta.table_name}")')}
            assert "uid" not in columns
    finally:
        conn.close()


def test_migrated_to_11_is_the_schema_a_new_database_gets(tmp_path, closing):
    path = tmp_path / "v10.db"
    shutil.copy(FIXTURE_V10, path)
    storage.open_database(path)
    storage.close_database()
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    assert _schema(path) == _schema(fresh)
    newest = FIXTURE.with_name(f"schema_v{storage.SCHEMA_VERSION}.db")
    assert _schema(path) == _schema(newest)


def test_schema_11_fixture_opens_with_its_given_uid(tmp_path, closing):
    path = tmp_path / "v11.db"
    shutil.copy(FIXTURE_V11, path)
    storage.open_database(path, create=False)
    company = TargetCompany.get(TargetCompany.uid == "0f1e2d3c4b5a69788796a5b4c3d2e1f0")
    assert company.company == "Føtex Viby" and company.citizen.name == "Mette Jørgensen"


def test_a_new_record_gets_its_uid_in_python_and_a_second_alike_is_refused(tmp_path, closing):
    storage.open_database(tmp_path / "new.db")
    mentor = Mentor.create(name="Anna")
    mette = Citizen.create(name="Mette Jørgensen", mentor=mentor)
    assert HEX32.fullmatch(mette.uid)
    assert Citizen.get_by_id(mette.id).uid == mette.uid
    other = Citizen.create(name="Ali Hassan", mentor=mentor)
    assert other.uid != mette.uid
    with pytest.raises(peewee.IntegrityError):
        Citizen.create(name="Kopi", mentor=mentor, uid=mette.uid)


def test_new_uids_are_32_hex_digits_and_differ():
    made = {new_uid() for _ in range(2000)}
    assert len(made) == 2000 and all(HEX32.fullmatch(u) for u in made)
