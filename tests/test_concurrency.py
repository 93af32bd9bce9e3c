"""Two writers on one database, and a backup taken while someone writes.

The children are tests/db_worker.py; each opens the database with
``storage.open_database`` (WAL, busy timeout, IMMEDIATE transactions).
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from mentorterm import storage
from mentorterm.models import db

WORKER = Path(__file__).with_name("db_worker.py")
# The seed may make a plaintext database (a flag of the worker; the app has none).
PLAIN = ("--plaintext",)
PER_WORKER = 300


def _seed(path: Path) -> None:
    subprocess.run([sys.executable, str(WORKER), *PLAIN, "seed", str(path)], check=True, timeout=60)


def _start(*args: str) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = child.stdout.readline()
    if line.strip() != "ready":
        child.kill()
        out, err = child.communicate()
        raise AssertionError(f"worker {args} did not start: {line!r} {out} {err}")
    return child


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_two_processes_read_then_write_without_locked_errors(tmp_path):
    path = tmp_path / "two.db"
    _seed(path)
    workers = [_start("rw", str(path), name, str(PER_WORKER)) for name in ("a", "b")]
    for worker in workers:  # both are open and waiting: start them together
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        assert "Traceback" not in err, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    errors = [e for r in results for e in r["errors"]]
    locked = [e for e in errors if "locked" in e or "busy" in e]
    assert locked == [], f"{len(locked)} 'database is locked' errors, e.g. {locked[0]}"
    assert errors == []
    assert _count(path, "action_item") == 2 * PER_WORKER
    # With the write lock taken at BEGIN, every transaction's count saw all
    # earlier commits and no other: the counts read are 0..599, each once.
    seen = sorted(n for r in results for n in r["seen"])
    assert seen == list(range(2 * PER_WORKER))
    # And the two really ran at the same time (one may have had to wait for
    # the other's lock the whole time, but it was trying while the other ran).
    assert max(r["started"] for r in results) < min(r["ended"] for r in results)


def test_backup_while_another_process_writes(tmp_path):
    path = tmp_path / "live.db"
    _seed(path)
    # Some volume, so the copy takes a moment while the writer goes on.
    conn = sqlite3.connect(path)
    with conn:
        citizen_id = conn.execute("SELECT id FROM citizen").fetchone()[0]
        conn.executemany(
            "INSERT INTO action_item (created_at, updated_at, citizen_id, what, owner, uid) "
            "VALUES ('2026-01-01 00:00:00', '2026-01-01 00:00:00', ?, ?, 'filler', "
            "lower(hex(randomblob(16))))",  # each row its own uid (schema 11)
            [(citizen_id, f"filler {i} " + "x" * 2000) for i in range(3000)],
        )
    conn.close()

    writer = _start("writer", str(path), "w")  # 'ready' once it has made 20 commits
    try:
        before = _count(path, "action_item")
        dest = tmp_path / "backups" / "copy.db"
        dest.parent.mkdir()
        done = subprocess.run(
            [sys.executable, "-m", "mentorterm.cli", "backup", str(dest), "--db", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        after = _count(path, "action_item")
    finally:
        out, err = writer.communicate(timeout=60)  # closes stdin: the writer stops
    assert done.returncode == 0, done.stderr
    assert writer.returncode == 0, err
    assert after > before, "the writer was not writing during the backup"
    assert not Path(str(dest) + ".part").exists()

    conn = sqlite3.connect(f"file:{dest}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        copied = conn.execute("SELECT count(*) FROM action_item").fetchone()[0]
        # Each of the writer's commits adds a meeting and its action item:
        # a consistent copy has both or neither of every pair.
        pairs = conn.execute(
            "SELECT count(*) FROM meeting m LEFT JOIN action_item a ON a.meeting_id = m.id "
            "WHERE m.kind = 'phone' AND (a.id IS NULL OR a.what != m.notes)"
        ).fetchone()[0]
        meetings = conn.execute("SELECT count(*) FROM meeting WHERE kind = 'phone'").fetchone()[0]
        items = conn.execute("SELECT count(*) FROM action_item WHERE owner = 'w'").fetchone()[0]
    finally:
        conn.close()
    assert before <= copied <= after
    assert pairs == 0 and meetings == items

    storage.open_database(dest, create=False)
    try:
        assert storage.schema_version() == storage.SCHEMA_VERSION
        assert db.execute_sql("SELECT count(*) FROM action_item").fetchone()[0] == copied
        assert storage.integrity_problems() == []
    finally:
        storage.close_database()
