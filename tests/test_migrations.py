"""Schema versions: old databases keep every row; migrations lose nothing.

tests/fixtures/schema_v1.db is a database as schema version 1 wrote it
(made once by tests/fixtures/make_fixture_v1.py and committed). Tests only
ever open copies of it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import peewee
import pytest
from playhouse.migrate import migrate

from mentorterm import storage
from mentorterm.models import (
    AllianceScore,
    Citizen,
    Course,
    LogbookEntry,
    Meeting,
    Placement,
    db,
)
from mentorterm.storage import summary
from mentorterm.storage.migration_v6 import MADE_LATER, STAMPS, stamp_as_micros

FIXTURE = Path(__file__).parent / "fixtures" / "schema_v1.db"
FIXTURE_V2 = FIXTURE.with_name("schema_v2.db")
FIXTURE_V3 = FIXTURE.with_name("schema_v3.db")
FIXTURE_V4 = FIXTURE.with_name("schema_v4.db")
FIXTURE_V5 = FIXTURE.with_name("schema_v5.db")
FIXTURE_V6 = FIXTURE.with_name("schema_v6.db")

# What make_fixture_v1.py put in, written out so a changed fixture is noticed.
FIXTURE_COUNTS = {
    "mentor": 2,
    "citizen": 2,
    "course": 3,
    "course_extension": 2,
    "sub_goal": 2,
    "alliance_score": 3,
    "placement": 2,
    "hours_step": 3,
    "logbook_entry": 4,
    "meeting": 3,
    "meeting_participant": 3,
    "action_item": 2,
    "review_note": 2,
}

# Schema 10's tables (the provider's own work), empty in any migrated database.
SCHEMA_10_TABLES = {
    "workplace": 0,
    "group_series": 0,
    "group_session": 0,
    "session_participant": 0,
    "cv_status": 0,
    "job_contact": 0,
    "target_company": 0,
}

# Tables later schemas added, empty in a migrated schema 1 database.
ADDED_LATER = {
    "draft": 0,
    "report": 0,
    "meeting_status_change": 0,
    "handover": 0,
    "cover": 0,
    **SCHEMA_10_TABLES,
}

CHILDREN_OF_PLACEMENT = ("hours_step", "logbook_entry")

# Every trigger of schema 5: the logbook's (schema 1) and the audit log's (4).
TRIGGERS_V5 = {
    "logbook_entry_citizen_insert",
    "logbook_entry_citizen_update",
    "audit_entry_no_update",
    "audit_entry_no_delete",
}
# ... and of the current schema: those and the caseload summary's (6).
SUMMARY_TRIGGERS = {
    re.search(r'TRIGGER IF NOT EXISTS "(\w+)"', t).group(1) for t in summary.TRIGGERS
}
ALL_TRIGGERS = TRIGGERS_V5 | SUMMARY_TRIGGERS


@pytest.fixture(scope="module", autouse=True)
def fixture_stays_as_committed():
    """No test may change the committed fixture."""
    before = hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    yield
    assert hashlib.sha256(FIXTURE.read_bytes()).hexdigest() == before
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(str(FIXTURE) + suffix).exists()


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    path = tmp_path / "mentor.db"
    shutil.copy(FIXTURE, path)
    return path


@pytest.fixture
def closing():
    yield
    storage.close_database()


def raw_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in FIXTURE_COUNTS
        }
    finally:
        conn.close()


#: Columns compared by their own tests: schema 11's uid (random per row;
#: test_migration_v11) and schema 12's aftercare situation (NULL on every
#: migrated row; test_migration_v12).
_LATER = ("uid", "aftercare_situation")


def _without_uid(cursor) -> list[tuple]:
    """The rows without the columns of ``_LATER``."""
    kept = [i for i, d in enumerate(cursor.description) if d[0] not in _LATER]
    return [tuple(row[i] for i in kept) for row in cursor.fetchall()]


def rows(table: str) -> list[tuple]:
    return _without_uid(db.execute_sql(f'SELECT * FROM "{table}" ORDER BY id'))


def raw_rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    """A table's rows as an older schema holds them, with the stamps as schema 6
    stores them (integer microseconds), to compare with the rows after an upgrade."""
    cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY id')
    names = [d[0] for d in cursor.description if d[0] not in _LATER]
    stamps = [i for i, name in enumerate(names) if name in STAMPS]
    return [
        tuple(stamp_as_micros(v) if i in stamps else v for i, v in enumerate(row))
        for row in _without_uid(cursor)
    ]


def rows_as_before(before: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Each table's rows now, cut to the columns they had before (schema 5 added
    two columns to meeting at the end)."""
    return {t: [r[: len(old[0])] if old else r for r in rows(t)] for t, old in before.items()}


def columns(table: str) -> dict[str, dict]:
    return {
        name: {"type": kind, "notnull": notnull}
        for _cid, name, kind, notnull, _default, _pk in db.execute_sql(
            f'PRAGMA table_info("{table}")'
        ).fetchall()
    }


def triggers() -> set[str]:
    return {
        name
        for (name,) in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
    }


def user_version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


# Fake migrations. Each takes a SqliteMigrator, as MIGRATIONS' steps do.


def rebuild_placement(migrator) -> None:
    """Add a column and drop a NOT NULL: SQLite rebuilds the table for the latter."""
    migrate(
        migrator.add_column("placement", "room", peewee.CharField(default="")),
        migrator.drop_not_null("placement", "workplace"),
    )


def rebuild_logbook_entry(migrator) -> None:
    migrate(migrator.drop_not_null("logbook_entry", "tasks"))


# --------------------------------------------------------------------------- the fixture


def test_fixture_is_a_complete_schema_1_database(v1_copy):
    assert user_version(v1_copy) == 1
    assert raw_counts(v1_copy) == FIXTURE_COUNTS
    conn = sqlite3.connect(f"file:{v1_copy}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_current_code_opens_a_schema_1_database_with_every_row(v1_copy, closing):
    storage.open_database(v1_copy, create=False)
    assert storage.schema_version() == storage.SCHEMA_VERSION
    assert storage.row_counts() == {**FIXTURE_COUNTS, **ADDED_LATER}
    assert storage.integrity_problems() == []
    assert triggers() == ALL_TRIGGERS

    mette = Citizen.get(Citizen.name == "Mette Jørgensen")
    assert mette.mentor.is_default and mette.interpreter_language == "Arabisk"
    assert mette.created_at == datetime(2026, 3, 2, 9, 30)
    ended = Course.get((Course.citizen == mette) & Course.end_date.is_null(False))
    assert (ended.end_date, ended.outcome) == (date(2025, 12, 15), "other_provider")
    assert [s.citizen_score for s in AllianceScore.select().order_by(AllianceScore.scored_on)] == [
        3,
        6,
        8,
    ]
    assert AllianceScore.get(AllianceScore.citizen_score == 3).mentor_score == 7
    early = LogbookEntry.get(LogbookEntry.left_early == True)
    assert (early.hours_worked, early.left_early_reason) == (1.25, "Hovedpine")
    assert early.placement.workplace == "Kantinen på Havnen"
    assert Meeting.get(Meeting.kind == "three_party").starts_at == datetime(2026, 2, 17, 10, 0)
    assert Citizen.get(Citizen.name == "Ali Hassan").archived_on == date(2026, 1, 31)
    # Schema 1 was migrated: days away have no reason yet; the original was backed up.
    assert {e.absence_reason for e in LogbookEntry.select()} == {""}
    backups = list(v1_copy.parent.glob(f"{v1_copy.name}.schema1-*.bak"))
    assert len(backups) == 1 and raw_counts(backups[0]) == FIXTURE_COUNTS

    # The cascades the fixture was made for still hold after opening.
    ali = Citizen.get(Citizen.name == "Ali Hassan")
    with db.atomic():
        ali.delete_instance()
    counts = storage.row_counts()
    assert counts["placement"] == 1 and counts["logbook_entry"] == 3
    assert counts["hours_step"] == 2 and counts["meeting"] == 2


def test_database_from_a_newer_schema_is_refused_untouched(v1_copy):
    conn = sqlite3.connect(v1_copy)
    conn.execute(f"PRAGMA user_version = {storage.SCHEMA_VERSION + 1}")
    conn.close()
    before = v1_copy.read_bytes()
    with pytest.raises(storage.DatabaseTooNew, match="newer mentorterm"):
        storage.open_database(v1_copy)
    assert v1_copy.read_bytes() == before
    wal = Path(str(v1_copy) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert list(v1_copy.parent.glob("*.bak")) == []


# --------------------------------------------------------------------------- the machinery


def test_migration_that_rebuilds_placement_keeps_its_children(v1_copy, closing):
    database = storage.open_database(v1_copy, create=False)
    placements = rows("placement")
    children = {table: rows(table) for table in CHILDREN_OF_PLACEMENT}
    assert all(children.values())
    version = storage.SCHEMA_VERSION

    storage.run_migrations(
        database, version, version + 1, migrations={version + 1: rebuild_placement}
    )

    assert storage.schema_version() == version + 1
    assert {t: rows(t) for t in CHILDREN_OF_PLACEMENT} == children
    # Every placement row is there, now with the new column at its default.
    assert rows("placement") == [row + ("",) for row in placements]
    assert columns("placement")["workplace"]["notnull"] == 0
    assert storage.row_counts() == {**FIXTURE_COUNTS, **ADDED_LATER}
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert storage.integrity_problems() == []
    # The trigger on logbook_entry that reads placement is back and works.
    assert triggers() == ALL_TRIGGERS
    ali = Citizen.get(Citizen.name == "Ali Hassan")
    her_placement = Placement.get(Placement.workplace == "Kantinen på Havnen")
    with pytest.raises(peewee.IntegrityError, match="differs from placement citizen"):
        with db.atomic():
            db.execute_sql(
                "INSERT INTO logbook_entry (created_at, updated_at, placement_id, citizen_id, "
                "entry_date, attendance, hours_planned, hours_worked, left_early, "
                "left_early_reason, tasks, breaks, life_after_work, notes, written_by) "
                "VALUES ('2026-03-01', '2026-03-01', ?, ?, '2026-03-01', 'present', 0, 0, 0, "
                "'', '', '', '', '', 'citizen')",
                (her_placement.id, ali.id),
            )
    # The children's foreign keys point at the new table: cascades still work.
    with db.atomic():
        db.execute_sql("DELETE FROM placement WHERE id = ?", (her_placement.id,))
    left = storage.row_counts()
    assert (left["hours_step"], left["logbook_entry"]) == (1, 1)
    assert storage.integrity_problems() == []


def test_migration_that_rebuilds_logbook_entry_keeps_its_triggers(v1_copy, closing):
    database = storage.open_database(v1_copy, create=False)
    before = rows("logbook_entry")
    version = storage.SCHEMA_VERSION
    storage.run_migrations(
        database, version, version + 1, migrations={version + 1: rebuild_logbook_entry}
    )
    assert rows("logbook_entry") == before
    assert columns("logbook_entry")["tasks"]["notnull"] == 0
    assert triggers() == ALL_TRIGGERS
    entry = LogbookEntry.get(LogbookEntry.left_early == True)
    other = Citizen.get(Citizen.id != entry.citizen_id)
    with pytest.raises(peewee.IntegrityError, match="differs from placement citizen"):
        with db.atomic():
            LogbookEntry.update(citizen=other).where(LogbookEntry.id == entry.id).execute()


def test_failed_migration_changes_nothing(v1_copy, closing):
    database = storage.open_database(v1_copy, create=False)
    placement_sql = db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE name = 'placement'"
    ).fetchone()
    everything = {table: rows(table) for table in FIXTURE_COUNTS}

    def half_then_fail(migrator) -> None:
        rebuild_placement(migrator)
        db.execute_sql("DELETE FROM hours_step")
        raise RuntimeError("step failed half-way")

    version = storage.SCHEMA_VERSION
    with pytest.raises(RuntimeError, match="half-way"):
        storage.run_migrations(
            database, version, version + 1, migrations={version + 1: half_then_fail}
        )
    assert storage.schema_version() == version
    assert {table: rows(table) for table in FIXTURE_COUNTS} == everything
    assert (
        db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'placement'").fetchone()
        == placement_sql
    )
    assert triggers() == ALL_TRIGGERS
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


# --------------------------------------------------------------------------- through open_database


def test_open_database_backs_up_before_migrating(v1_copy, closing, monkeypatch):
    newer = storage.SCHEMA_VERSION + 1
    monkeypatch.setattr(storage.migrations, "SCHEMA_VERSION", newer)
    monkeypatch.setattr(
        storage.migrations, "MIGRATIONS", {**storage.MIGRATIONS, newer: rebuild_placement}
    )
    children = raw_counts(v1_copy)

    storage.open_database(v1_copy)

    assert storage.schema_version() == newer
    assert storage.row_counts() == {**FIXTURE_COUNTS, **ADDED_LATER}
    assert raw_counts(v1_copy) == children
    assert "room" in columns("placement")
    assert storage.integrity_problems() == []
    storage.close_database()

    backups = sorted(v1_copy.parent.glob(f"{v1_copy.name}.schema*"))
    assert len(backups) == 1, backups
    backup = backups[0]
    # Named by time and process id: two processes never share a name.
    assert re.fullmatch(
        rf"{re.escape(v1_copy.name)}\.schema1-\d{{8}}-\d{{6}}-\d+\.bak", backup.name
    )
    assert not list(v1_copy.parent.glob("*.part"))
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        room = [c for c in conn.execute("PRAGMA table_info(placement)") if c[1] == "room"]
        assert room == []
    finally:
        conn.close()
    assert user_version(backup) == 1
    assert raw_counts(backup) == FIXTURE_COUNTS


def test_failed_migration_on_open_keeps_database_and_backup(v1_copy, monkeypatch):
    def broken(migrator) -> None:
        rebuild_placement(migrator)
        db.execute_sql("UPDATE no_such_table SET x = 1")

    monkeypatch.setattr(storage.migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(storage.migrations, "MIGRATIONS", {2: broken})
    with pytest.raises(storage.StorageError):
        storage.open_database(v1_copy)
    assert db.obj.is_closed()
    assert user_version(v1_copy) == 1
    assert raw_counts(v1_copy) == FIXTURE_COUNTS
    conn = sqlite3.connect(f"file:{v1_copy}?mode=ro", uri=True)
    try:
        assert [c for c in conn.execute("PRAGMA table_info(placement)") if c[1] == "room"] == []
    finally:
        conn.close()
    backups = list(v1_copy.parent.glob(f"{v1_copy.name}.schema1-*.bak"))
    assert len(backups) == 1 and raw_counts(backups[0]) == FIXTURE_COUNTS


# The columns schema 7 added (migration_v7), as a CREATE TABLE statement writes them.
SCHEMA_7_COLUMNS = re.compile(
    r', "(?:status_before|status_changed_on|booked_on|end_decided_on|created_on)" [A-Z]+(?:\(\d+\))?'
    r"(?: CHECK \((?:[^()]|\([^()]*\))*\))?"
)


# Schema 12's column (migration_v12), as a CREATE TABLE statement writes it.
SCHEMA_12_COLUMNS = re.compile(
    r', "aftercare_situation" VARCHAR\(30\) CHECK \((?:[^()]|\([^()]*\))*\)'
)


def without_summary(schema: list[tuple]) -> list[tuple]:
    """The schema without the caseload summary and its triggers: derived data,
    made by schema 14's step as of today's definition (schemas 6-13 had the
    one before), so a file stopped before 14 has none and an older fixture
    the old one."""
    return [
        row
        for row in schema
        if row[1] != "caseload_summary" and not row[1].startswith("caseload_summary_")
    ]


def without_schema_7(schema: list[tuple]) -> list[tuple]:
    """The schema without schema 7's columns: the steps to schemas 5 and 6
    rebuild tables from today's models, so a file stopped there has them; nor
    schema 9's version column, which those rebuilds give every table, nor
    schema 10's placement link (and its index), nor schema 11's uid, nor
    schema 12's aftercare situation (step 5 rebuilds the meetings)."""
    version = ', "version" INTEGER NOT NULL DEFAULT 1'
    uid = ", \"uid\" VARCHAR(32) NOT NULL DEFAULT ''"
    return [
        (
            k,
            n,
            t,
            _without_schema_10(
                SCHEMA_12_COLUMNS.sub("", SCHEMA_7_COLUMNS.sub("", sql))
                .replace(version, "")
                .replace(uid, "")
            ),
        )
        if sql
        else (k, n, t, sql)
        for k, n, t, sql in schema
        if n != "placement_workplace_id"  # schema 10's link's index
        and not n.endswith("_uid")  # schema 11's
    ]


def _without_schema_10(sql: str) -> str:
    """Nor schema 10's link of a placement to the workplace register."""
    return sql.replace(', "workplace_id" INTEGER', "").replace(
        ', FOREIGN KEY ("workplace_id") REFERENCES "workplace" ("id") ON DELETE SET NULL', ""
    )


def _schema_as_of_5(path: Path) -> list[tuple]:
    """The schema with the stamps typed as schemas 1-5 typed them. The steps to
    schemas 2 and 3 make their new tables (draft, report) from today's models,
    so a file stopped half-way has INTEGER stamps there (step 6 rebuilds them)
    and today's last column, the version (step 9 leaves it there)."""
    stamps = '"created_at" INTEGER NOT NULL, "updated_at" INTEGER NOT NULL'
    old = '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL'
    version = ', "version" INTEGER NOT NULL DEFAULT 1'
    return without_schema_7(
        [
            (k, n, t, sql.replace(stamps, old).replace(version, "") if sql else sql)
            for k, n, t, sql in _schema(path)
        ]
    )


def _schema(path: Path) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return sorted(
            con.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            ).fetchall()
        )
    finally:
        con.close()


def test_the_current_schema_is_the_released_one_or_the_version_was_bumped(tmp_path, v1_copy):
    """Changing the models without a new SCHEMA_VERSION (and its migration and
    fixture) would leave mentors' existing databases on a different schema."""
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    if storage.SCHEMA_VERSION == user_version(v1_copy):
        assert _schema(fresh) == _schema(v1_copy)
    else:  # a newer schema must ship its own fixture
        newest = FIXTURE.with_name(f"schema_v{storage.SCHEMA_VERSION}.db")
        assert newest.exists(), f"add {newest.name} for schema {storage.SCHEMA_VERSION}"
        assert _schema(fresh) == _schema(newest)


# --------------------------------------------------------------------------- schema 2


def test_schema_1_migrated_to_2_is_the_schema_a_new_database_gets(tmp_path, v1_copy):
    """The same tables, columns, indexes and triggers, word for word, whichever way
    a database reached schema 2."""
    storage.open_database(v1_copy)
    storage.close_database()
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    assert _schema(v1_copy) == _schema(fresh)


def test_schema_2_fixture_opens_with_reasons_and_drafts(tmp_path, closing):
    path = tmp_path / "v2.db"
    shutil.copy(FIXTURE_V2, path)
    storage.open_database(path, create=False)
    assert storage.row_counts() == {**FIXTURE_COUNTS, **ADDED_LATER, "draft": 1}
    sick = LogbookEntry.get(LogbookEntry.attendance == "sick")
    assert (sick.absence_reason, sick.notes) == ("Migræne", "Ringede kl. 7")
    # Deleting the citizen deletes the half-written note too.
    from mentorterm.models import Draft

    with db.atomic():
        Draft.get().citizen.delete_instance()
    assert Draft.select().count() == 0
    # Opened by schema 3 code: migrated, and the schema 2 file backed up first.
    assert [b.name.split("-")[0] for b in tmp_path.glob("*.bak")] == ["v2.db.schema2"]


def test_migration_to_2_rewrites_no_logbook_row(v1_copy, closing):
    """ADD COLUMN with a default: the rows keep their ids and every value."""
    conn = sqlite3.connect(v1_copy)
    before = raw_rows(conn, "logbook_entry")
    conn.close()
    storage.open_database(v1_copy)
    after = rows("logbook_entry")
    # absence_reason (schema 2), then the version (schema 9), both last.
    assert [row[:-2] for row in after] == before
    assert [row[-2:] for row in after] == [("", 1)] * len(before)


# --------------------------------------------------------------------------- schema 3


@pytest.mark.parametrize("fixture", [FIXTURE, FIXTURE_V2], ids=["from-1", "from-2"])
def test_migrated_to_3_is_the_schema_3_fixture(tmp_path, fixture):
    """Schema 1 and schema 2 files stopped at schema 3 have the same tables,
    columns, indexes and triggers, word for word, as schema 3 wrote them."""
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    database = peewee.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    database.connect()
    db.initialize(database)
    try:
        storage.run_migrations(database, user_version(path), 3)
    finally:
        database.close()
    assert user_version(path) == 3
    assert _schema_as_of_5(path) == _schema(FIXTURE_V3)


def test_migration_to_3_keeps_every_row_of_schema_2(tmp_path, closing):
    path = tmp_path / "v2.db"
    shutil.copy(FIXTURE_V2, path)
    conn = sqlite3.connect(path)
    before = {t: raw_rows(conn, t) for t in (*FIXTURE_COUNTS, "draft")}
    conn.close()
    storage.open_database(path)
    assert rows_as_before(before) == before
    assert storage.row_counts()["report"] == 0


def test_schema_3_fixture_opens_with_its_report(tmp_path, closing):
    from mentorterm.models import Report

    path = tmp_path / "v3.db"
    shutil.copy(FIXTURE_V3, path)
    storage.open_database(path, create=False)
    assert storage.row_counts() == {
        **FIXTURE_COUNTS,
        "draft": 1,
        "report": 1,
        "meeting_status_change": 0,
        "handover": 0,
        "cover": 0,
        **SCHEMA_10_TABLES,
    }
    report = Report.get()
    assert (report.period_start, report.period_end) == (date(2026, 1, 12), date(2026, 3, 1))
    assert report.still_open == "Tåler hun flere dage i træk?"
    assert report.created_at == datetime(2026, 3, 2, 9, 30)
    # Opened by schema 4 code: migrated, and the schema 3 file backed up first.
    assert [b.name.split("-")[0] for b in tmp_path.glob("*.bak")] == ["v3.db.schema3"]
    # Deleting the citizen deletes the saved report too.
    with db.atomic():
        report.citizen.delete_instance()
    assert Report.select().count() == 0


# --------------------------------------------------------------------------- schema 4


@pytest.mark.parametrize(
    "fixture", [FIXTURE, FIXTURE_V2, FIXTURE_V3], ids=["from-1", "from-2", "from-3"]
)
def test_migrated_to_4_is_the_schema_4_fixture(tmp_path, fixture):
    """Schema 1, 2 and 3 files stopped at schema 4 have the same tables, columns,
    indexes and triggers, word for word, as schema 4 wrote them."""
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    database = peewee.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    database.connect()
    db.initialize(database)
    try:
        storage.run_migrations(database, user_version(path), 4)
        assert {
            name
            for (name,) in database.execute_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            ).fetchall()
        } == TRIGGERS_V5
    finally:
        database.close()
    assert user_version(path) == 4
    assert _schema_as_of_5(path) == _schema(FIXTURE_V4)


def test_migration_to_4_keeps_every_row_of_schema_3_and_starts_an_empty_log(tmp_path, closing):
    from mentorterm.domain import audit

    path = tmp_path / "v3.db"
    shutil.copy(FIXTURE_V3, path)
    conn = sqlite3.connect(path)
    before = {t: raw_rows(conn, t) for t in (*FIXTURE_COUNTS, "draft", "report")}
    conn.close()
    storage.open_database(path)
    assert rows_as_before(before) == before
    assert audit.entries() == [] and audit.verify() == []
    # The log starts working at once, chained from the first row.
    audit.open_record(Citizen.get(Citizen.name == "Ali Hassan").id)
    assert audit.count() == 1 and audit.verify() == []


def test_schema_4_fixture_opens_with_its_audit_log(tmp_path, closing):
    from mentorterm.domain import audit

    path = tmp_path / "v4.db"
    shutil.copy(FIXTURE_V4, path)
    storage.open_database(path, create=False)
    assert storage.row_counts() == {
        **FIXTURE_COUNTS,
        "draft": 1,
        "report": 1,
        "meeting_status_change": 0,
        "handover": 0,
        "cover": 0,
        **SCHEMA_10_TABLES,
    }
    # Opened by schema 5 code: migrated, and the schema 4 file backed up first.
    assert [b.name.split("-")[0] for b in tmp_path.glob("*.bak")] == ["v4.db.schema4"]
    log = audit.entries()
    # Ten written, two of them (citizen 99's) removed by the erase entry.
    assert [e.id for e in log] == [1, 3, 5, 6, 7, 8, 9, 10]
    assert [e.action.value for e in log] == [
        "create",
        "create",
        "open_record",
        "update",
        "export",
        "erase",
        "unlock",
        "open_record",
    ]
    assert log[0].at == datetime(2026, 3, 2, 9, 30)
    assert audit.verify() == []
    # Still append-only after the copy.
    with pytest.raises(peewee.IntegrityError, match="cannot be changed"):
        with db.atomic():
            db.execute_sql("UPDATE audit_entry SET purpose = 'x' WHERE id = 1")
    # Erasing Mette now: her rows go, the chain still holds across both gaps.
    from mentorterm.domain.erasure import erase_citizen

    erase_citizen(Citizen.get(Citizen.name == "Mette Jørgensen").id, "Mette Jørgensen")
    assert [e.id for e in audit.entries()] == [3, 7, 8, 9, 10, 11]
    assert audit.verify() == []


# --------------------------------------------------------------------------- schema 5


@pytest.mark.parametrize(
    "fixture",
    [FIXTURE, FIXTURE_V2, FIXTURE_V3, FIXTURE_V4],
    ids=["from-1", "from-2", "from-3", "from-4"],
)
def test_migrated_to_5_is_the_schema_5_fixture(tmp_path, fixture):
    """Every older file stopped at schema 5 has the same tables, columns, indexes
    and triggers, word for word, as schema 5 wrote them."""
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    database = peewee.SqliteDatabase(str(path), pragmas={"foreign_keys": 1})
    database.connect()
    db.initialize(database)
    try:
        storage.run_migrations(database, user_version(path), 5)
    finally:
        database.close()
    assert user_version(path) == 5
    assert _schema_as_of_5(path) == _schema(FIXTURE_V5)


def test_migration_to_5_keeps_every_meeting_and_names_who_cancelled(tmp_path, closing):
    """The meeting table is rebuilt: every row keeps its id and values, the
    participants and agreements keep their meeting, and an old cancellation
    becomes "cancelled" by the citizen (all schema 4 could record)."""
    from mentorterm.domain import audit
    from mentorterm.models import ActionItem, MeetingParticipant

    path = tmp_path / "v4.db"
    shutil.copy(FIXTURE_V4, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meeting SET status = 'cancelled_by_citizen' WHERE id = 2")
    conn.commit()
    before = {t: raw_rows(conn, t) for t in (*FIXTURE_COUNTS, "draft", "report")}
    conn.close()
    storage.open_database(path)
    assert [b.name.split("-")[0] for b in tmp_path.glob("*.bak")] == ["v4.db.schema4"]
    after = rows_as_before(before)  # schema 7 added columns at the end
    # and schemas 7, 8 and 9 four to meeting (status_before, status_changed_on, booked_on, version)
    after["meeting"] = [r[:-4] for r in rows("meeting")]
    assert {t: v for t, v in after.items() if t != "meeting"} == {
        t: v for t, v in before.items() if t != "meeting"
    }
    # The old columns in their old order, then cancelled_by and outcome_note.
    old_meetings = [list(r) for r in before["meeting"]]
    old_meetings[1][9] = "cancelled"  # the status column
    assert [list(r[:-2]) for r in after["meeting"]] == old_meetings
    assert [r[-2:] for r in after["meeting"]] == [(None, ""), ("citizen", ""), (None, "")]
    cancelled = Meeting.get_by_id(2)
    assert (cancelled.status, cancelled.cancelled_by) == ("cancelled", "citizen")
    assert MeetingParticipant.select().where(MeetingParticipant.meeting == 1).count() == 3
    assert ActionItem.select().where(ActionItem.meeting == 1).count() == 1
    assert audit.verify() == []
    # The new CHECKs hold: a new kind is allowed, an unknown "who" is not.
    with db.atomic():
        Meeting.create(
            citizen=cancelled.citizen,
            starts_at=datetime(2026, 4, 1, 9, 0),
            kind="aftercare",
            status="cancelled",
            cancelled_by="workplace",
        )
    with pytest.raises(peewee.IntegrityError):
        with db.atomic():
            db.execute_sql("UPDATE meeting SET cancelled_by = 'neighbour' WHERE id = 2")
    with pytest.raises(peewee.IntegrityError):
        with db.atomic():
            db.execute_sql("UPDATE meeting SET status = 'cancelled_by_citizen' WHERE id = 2")
    # Deleting the citizen still deletes the meetings and their participants.
    with db.atomic():
        Citizen.get(Citizen.name == "Mette Jørgensen").delete_instance()
    assert MeetingParticipant.select().count() == 0


def test_schema_5_fixture_opens_with_who_cancelled_and_the_new_kinds(tmp_path, closing):
    from mentorterm.enums import CancelledBy, MeetingKind, MeetingStatus

    path = tmp_path / "v5.db"
    shutil.copy(FIXTURE_V5, path)
    storage.open_database(path, create=False)
    # Opened by schema 6 code: migrated, and the schema 5 file backed up first.
    assert [b.name.split("-")[0] for b in tmp_path.glob("*.bak")] == ["v5.db.schema5"]
    assert storage.row_counts() == {
        **FIXTURE_COUNTS,
        "meeting": 6,
        "draft": 1,
        "report": 1,
        "meeting_status_change": 0,
        "handover": 0,
        "cover": 0,
        **SCHEMA_10_TABLES,
    }
    cancelled = Meeting.get(Meeting.status == MeetingStatus.CANCELLED)
    assert (cancelled.cancelled_by, cancelled.outcome_note) == (CancelledBy.WORKPLACE, "Lone syg")
    no_show = Meeting.get(Meeting.status == MeetingStatus.NO_SHOW)
    assert no_show.outcome_note == "Tog ikke telefonen"
    assert Meeting.get(Meeting.kind == MeetingKind.AFTERCARE).place == "Telefon"


# --------------------------------------------------------------------------- schema 6


@pytest.mark.parametrize(
    "fixture",
    [FIXTURE, FIXTURE_V2, FIXTURE_V3, FIXTURE_V4, FIXTURE_V5, FIXTURE_V6],
    ids=["from-1", "from-2", "from-3", "from-4", "from-5", "from-6"],
)
def test_migrated_to_6_is_the_schema_a_new_database_gets(tmp_path, fixture):
    """Every older file reaches the current schema with the same tables, columns,
    indexes and triggers, word for word, as a new database and the newest
    fixture; stopped at 6, it is the schema 6 fixture (but for schema 7's columns)."""
    path = tmp_path / "old.db"
    shutil.copy(fixture, path)
    stopped = tmp_path / "stopped.db"
    shutil.copy(fixture, stopped)
    storage.open_database(path)
    assert storage.schema_version() == storage.SCHEMA_VERSION
    assert storage.integrity_problems() == []
    assert triggers() == ALL_TRIGGERS
    storage.close_database()
    fresh = tmp_path / "fresh.db"
    storage.open_database(fresh)
    storage.close_database()
    assert _schema(path) == _schema(fresh)
    assert _schema(path) == _schema(FIXTURE.with_name(f"schema_v{storage.SCHEMA_VERSION}.db"))
    database = peewee.SqliteDatabase(str(stopped), pragmas={"foreign_keys": 1})
    database.connect()
    db.initialize(database)
    try:
        storage.run_migrations(database, user_version(stopped), 6)
    finally:
        database.close()
    assert without_summary(without_schema_7(_schema(stopped))) == without_summary(
        without_schema_7(_schema(FIXTURE_V6))
    )


def test_migration_to_6_keeps_every_row_and_every_moment(tmp_path, closing):
    """Every table is rebuilt: each row keeps its id and values, each stamp the
    same moment to the microsecond (now an integer), the audit log its chain."""
    from mentorterm.domain import audit
    from mentorterm.models import ALL_MODELS, Draft, Report

    path = tmp_path / "v5.db"
    shutil.copy(FIXTURE_V5, path)
    conn = sqlite3.connect(path)
    # A stamp to the microsecond, and one as a hand-written statement puts it.
    conn.execute("UPDATE citizen SET updated_at = '2026-03-05 14:01:02.000042' WHERE id = 1")
    conn.execute("UPDATE report SET created_at = '2026-03-01'")
    conn.commit()
    tables = [m._meta.table_name for m in ALL_MODELS if m not in MADE_LATER]
    text = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in tables}
    before = {t: raw_rows(conn, t) for t in tables}
    audit_before = conn.execute("SELECT * FROM audit_entry ORDER BY id").fetchall()
    conn.close()
    storage.open_database(path)
    after = rows_as_before(before)  # schema 7's columns come last
    assert after == before
    assert after != text  # the stamps did change form
    types = db.execute_sql(
        "SELECT DISTINCT typeof(created_at), typeof(updated_at) FROM logbook_entry"
    ).fetchall()
    assert types == [("integer", "integer")]
    assert Citizen.get_by_id(1).updated_at == datetime(2026, 3, 5, 14, 1, 2, 42)
    assert Citizen.get_by_id(1).created_at == datetime(2026, 3, 2, 9, 30)
    assert Report.get().created_at == datetime(2026, 3, 1)
    assert Draft.get().citizen.name == "Mette Jørgensen"
    # The audit log is not touched: the same rows, the same texts, the chain holds.
    assert db.execute_sql("SELECT * FROM audit_entry ORDER BY id").fetchall() == audit_before
    assert audit.verify() == []
    assert triggers() == ALL_TRIGGERS
    assert storage.integrity_problems() == []
    # The logbook's guard against a wrong citizen still works on the new table.
    entry = LogbookEntry.get(LogbookEntry.left_early == True)
    other = Citizen.get(Citizen.id != entry.citizen_id)
    with pytest.raises(peewee.IntegrityError, match="differs from placement citizen"):
        with db.atomic():
            LogbookEntry.update(citizen=other).where(LogbookEntry.id == entry.id).execute()
    # The children's foreign keys point at the rebuilt tables: cascades still work.
    with db.atomic():
        Citizen.get(Citizen.name == "Mette Jørgensen").delete_instance()
    left = storage.row_counts()
    assert (left["logbook_entry"], left["draft"], left["report"]) == (1, 0, 0)
    assert storage.integrity_problems() == []


def test_schema_6_fixture_opens_with_its_moments_to_the_microsecond(tmp_path, closing):
    from mentorterm.models import SubGoal

    path = tmp_path / "v6.db"
    shutil.copy(FIXTURE_V6, path)
    storage.open_database(path, create=False)  # upgraded to schema 7 on the way
    counts = {**FIXTURE_COUNTS, "meeting": 6, "draft": 1, "report": 1, "meeting_status_change": 0}
    counts |= {"handover": 0, "cover": 0, **SCHEMA_10_TABLES}
    assert storage.row_counts() == {**counts, "logbook_entry": 5, "sub_goal": 3}
    corrected = LogbookEntry.get(LogbookEntry.entry_date == date(2026, 3, 13))
    assert corrected.created_at == datetime(2026, 3, 13, 7, 45, 12, 345678)
    assert corrected.updated_at == datetime(2026, 3, 14, 16, 5, 0, 1)
    assert (corrected.hours_planned, corrected.hours_worked) == (3.5, 3.25)
    goal = SubGoal.get(SubGoal.title == "Handle ind efter arbejde")
    assert goal.created_at == datetime(2027, 1, 1)
    # Saving a change moves updated_at on, and it reads back exactly.
    corrected.notes = "Rettet"
    corrected.save()
    again = LogbookEntry.get_by_id(corrected.id)
    assert again.updated_at == corrected.updated_at > datetime(2026, 3, 14, 16, 5, 0, 1)
    assert again.created_at == datetime(2026, 3, 13, 7, 45, 12, 345678)
