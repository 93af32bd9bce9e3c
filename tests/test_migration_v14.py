"""Schema 14 (storage/migration_v14.py): the caseload summary made again with
the logbook's days and the job search's follow-ups (issue 15).

No record changes; the summary of an upgraded file is what filling it afresh
from its rows gives, with the logbook's bits as the entries say; a file that
reached schema 14 by migrating has, word for word, the schema a new one gets
(and the schema 14 fixture's), from a file that had no summary (schema 5) as
from one that had the old one (6-13).
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

import pytest

from mentorterm import storage
from mentorterm.models import ALL_MODELS, LogbookEntry, db
from mentorterm.storage import summary

from .test_caseload_summary import recomputed, stored
from .test_migrations import FIXTURE, _schema, raw_rows

FIXTURE_V5 = FIXTURE.with_name("schema_v5.db")
FIXTURE_V6 = FIXTURE.with_name("schema_v6.db")
FIXTURE_V13 = FIXTURE.with_name("schema_v13.db")
FIXTURE_V14 = FIXTURE.with_name("schema_v14.db")
TABLES = [m._meta.table_name for m in ALL_MODELS]


@pytest.fixture
def closing():
    yield
    storage.close_database()


def expected_days(citizen_id: int) -> tuple:
    """(log_day, log_days, log_present) for a citizen, counted in Python."""
    days = [
        (e.entry_date, e.attendance)
        for e in LogbookEntry.select().where(LogbookEntry.citizen == citizen_id)
    ]
    if not days:
        return (None, None, None)
    last = max(d for d, _ in days)
    window = [(last - d).days for d, _ in days if (last - d).days < 14]
    present = [(last - d).days for d, a in days if (last - d).days < 14 and a == "present"]
    return (
        (last - date(1970, 1, 1)).days,
        sum(1 << i for i in set(window)),
        sum(1 << i for i in set(present)) if present else None,
    )


def test_migration_to_14_keeps_every_record_and_makes_the_summary_from_them(tmp_path, closing):
    path = tmp_path / "v13.db"
    shutil.copy(FIXTURE_V13, path)
    conn = sqlite3.connect(path)
    before = {t: raw_rows(conn, t) for t in TABLES}
    conn.close()
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION == 14
    assert storage.integrity_problems() == []
    rows = stored()
    assert rows == recomputed() and len(rows) == len(before["citizen"])
    names = [d[0] for d in db.execute_sql("SELECT * FROM caseload_summary").description]
    assert summary.is_current(names)
    logged = 0
    for row in rows:
        got = dict(zip(names, row, strict=True))
        assert (got["log_day"], got["log_days"], got["log_present"]) == expected_days(
            got["citizen_id"]
        )
        logged += got["log_days"] is not None
    assert logged >= 1  # the fixture's logbook is in it
    storage.close_database()
    conn = sqlite3.connect(path)
    try:
        for table, rows_before in before.items():
            assert raw_rows(conn, table) == rows_before, table
    finally:
        conn.close()


@pytest.mark.parametrize("fixture", [FIXTURE_V5, FIXTURE_V6, FIXTURE_V13], ids=lambda p: p.stem)
def test_migrated_to_14_is_the_schema_a_new_database_gets(tmp_path, closing, fixture):
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    storage.open_database(path)
    assert stored() == recomputed()
    storage.close_database()
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    assert _schema(path) == _schema(fresh) == _schema(FIXTURE_V14)


def test_the_upgraded_summary_is_kept_by_its_triggers(tmp_path, closing):
    """The new triggers stand after the upgrade: a logbook entry changes the days."""
    from mentorterm.models import Placement

    path = tmp_path / "v13.db"
    shutil.copy(FIXTURE_V13, path)
    storage.open_database(path)
    placement = Placement.select().order_by(Placement.id).first()
    last = (
        LogbookEntry.select()
        .where(LogbookEntry.placement == placement)
        .order_by(LogbookEntry.entry_date.desc())
        .first()
    )
    day = date.fromordinal(last.entry_date.toordinal() + 1) if last else date(2026, 11, 2)
    LogbookEntry.create(
        placement=placement,
        citizen=placement.citizen_id,
        entry_date=day,
        attendance="present",
        hours_planned=4,
        hours_worked=4,
        written_by="mentor",
    )
    got = db.execute_sql(
        "SELECT log_day, log_days, log_present FROM caseload_summary WHERE citizen_id = ?",
        (placement.citizen_id,),
    ).fetchone()
    assert got == expected_days(placement.citizen_id)
    assert got[0] == (day - date(1970, 1, 1)).days and got[1] & 1 and got[2] & 1
    assert stored() == recomputed()
