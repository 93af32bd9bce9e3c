"""Migrations are all or nothing, and two processes opening one old file do not race."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mentorterm import storage
from mentorterm.models import db

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_V1 = FIXTURES / "schema_v1.db"
FIXTURE_V4 = FIXTURES / "schema_v4.db"


def dump(path: Path) -> tuple[int, list[str]]:
    """The user_version and every row and schema line, read-only."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return version, list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def v1(tmp_path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURE_V1, path)
    return path


def test_a_failure_in_a_later_step_leaves_the_old_version_and_every_row(v1, monkeypatch):
    before = dump(v1)

    def fails_half_way(migrator) -> None:
        db.execute_sql("DELETE FROM meeting_participant")  # some work done, then:
        raise RuntimeError("disk trouble")

    monkeypatch.setitem(storage.MIGRATIONS, 4, fails_half_way)
    with pytest.raises(storage.StorageError) as caught:
        storage.open_database(v1)
    message = str(caught.value)
    assert "still at schema 1" in message and "none of it was kept" in message
    assert "disk trouble" in message
    assert db.obj.is_closed()
    # Steps 2 and 3 ran before step 4 failed: none of them is committed.
    assert dump(v1) == before
    backups = list(v1.parent.glob("old.db.schema1-*.bak"))
    assert len(backups) == 1 and dump(backups[0])[1] == before[1]


def test_a_full_disk_in_the_middle_is_reported_truthfully(v1, monkeypatch):
    before = dump(v1)

    def disk_full(migrator) -> None:
        db.execute_sql("CREATE TABLE filler (x)")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setitem(storage.MIGRATIONS, 3, disk_full)
    with pytest.raises(storage.DiskFull, match="still at schema 1"):
        storage.open_database(v1)
    assert dump(v1) == before


def test_the_upgrade_then_opens_normally(v1):
    storage.open_database(v1)
    try:
        assert storage.schema_version() == storage.SCHEMA_VERSION
        assert storage.integrity_problems() == []
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        storage.close_database()


def test_backup_names_are_unique_per_process_and_call(v1):
    storage.open_database(v1)
    try:
        first = storage.backup_before_migration(db.obj, v1, 1)
        second = storage.backup_before_migration(db.obj, v1, 1)
    finally:
        storage.close_database()
    assert first != second and first.exists() and second.exists()
    import os

    assert str(os.getpid()) in first.name


RACER = """
import sys, time
from mentorterm import storage
start = float(sys.argv[2])
while time.time() < start:
    time.sleep(0.001)
try:
    storage.open_database(sys.argv[1])
    print("ok", storage.schema_version())
except storage.StorageError as exc:
    print("refused", exc)
finally:
    storage.close_database()
"""


@pytest.mark.parametrize("fixture", [FIXTURE_V1, FIXTURE_V4], ids=["from-1", "from-4"])
def test_two_processes_opening_one_old_database(tmp_path, fixture):
    import time

    path = tmp_path / "shared.db"
    shutil.copy(fixture, path)
    start = str(time.time() + 1.5)
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(path), start],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [r.communicate(timeout=120) for r in racers]
    for (out, err), racer in zip(outputs, racers, strict=True):
        assert racer.returncode == 0, err
        assert "duplicate column" not in out + err
        assert out.strip() == f"ok {storage.SCHEMA_VERSION}", (out, err)
    version, _rows = dump(path)
    assert version == storage.SCHEMA_VERSION
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM mentor WHERE is_default").fetchone()[0] == 1
    finally:
        conn.close()
    # One upgrade happened, so one backup (the second process found it done).
    backups = list(tmp_path.glob("shared.db.schema*.bak"))
    assert len(backups) == 1, backups


def test_an_old_file_another_program_is_writing_is_opened_once_it_is_done(tmp_path):
    """SQLite refuses the switch to WAL at once, without its busy wait, while
    another connection holds a write transaction on a rollback-journal file;
    the opening waits for it as for any other write instead of refusing."""
    import threading
    import time

    path = tmp_path / "old.db"
    shutil.copy(FIXTURE_V4, path)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    done = threading.Timer(0.4, lambda: other.execute("COMMIT"))
    done.start()
    started = time.monotonic()
    try:
        storage.open_database(path)
        assert storage.schema_version() == storage.SCHEMA_VERSION
    finally:
        storage.close_database()
        done.join()
        other.close()
    assert time.monotonic() - started >= 0.4


def test_the_committed_fixtures_are_untouched():
    for fixture in (FIXTURE_V1, FIXTURE_V4):
        assert not Path(str(fixture) + "-wal").exists()
    assert hashlib.sha256(FIXTURE_V1.read_bytes()).hexdigest()
