"""The audit anchor: the chain's head kept beside the database, so a cut tail shows.

The chain alone (``audit.verify``) cannot see that its last rows were deleted
with ``sqlite_sequence`` lowered to match; the anchor (``<db>.audit-anchor``)
and ``mentorterm audit --verify`` do.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from mentorterm import cli, storage
from mentorterm.domain import audit, erasure, logbook, transfer
from mentorterm.domain.audit import anchor_file
from mentorterm.models import db
from mentorterm.schemas import LogbookEntryIn

from .factories import full_citizen

NAME = "Mette Jørgensen"


def _anchor_file(db_path: Path) -> Path:
    """The anchor beside the database, once the writer thread has put it on disk."""
    audit.flush()  # the anchor is written off the save's path: wait for it
    return Path(str(db_path) + audit.ANCHOR_SUFFIX)


def _anchor(db_path: Path) -> dict:
    return json.loads(_anchor_file(db_path).read_text())


def _some_log(rows: dict | None = None) -> int:
    """Six rows through the domain's own write paths; the citizen's id."""
    rows = rows or full_citizen(NAME)
    cid = rows["citizen"].id
    audit.open_record(cid, "follow-up")
    for day in (5, 6, 9):
        logbook.add_entry(
            rows["placement"].id,
            LogbookEntryIn(
                entry_date=date(2026, 2, day), attendance="present", hours_planned=2, hours_worked=2
            ),
        )
    transfer.export_document(cid)
    audit.open_record(cid, "weekly review")
    assert audit.count() == 6
    audit.flush()  # the anchor at entry 6 on disk, as each test starts from
    return cid


def _raw(db_path: Path, *statements: str) -> None:
    """Statements through plain sqlite3 on the closed file, past the triggers."""
    storage.close_database()
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("DROP TRIGGER audit_entry_no_delete")
        conn.execute("DROP TRIGGER audit_entry_no_update")
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def _cut_tail(db_path: Path, keep: int) -> None:
    _raw(
        db_path,
        f"DELETE FROM audit_entry WHERE id > {keep}",
        f"UPDATE sqlite_sequence SET seq = {keep} WHERE name = 'audit_entry'",
    )


def _cli_verify(db_path: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    status = cli.main(["--db", str(db_path), "audit", "--verify"])
    out = capsys.readouterr()
    storage.close_database()
    return status, out.out + out.err


def test_the_anchor_follows_every_commit_that_appends_rows(database, db_path):
    _some_log()
    anchor = _anchor(db_path)
    head = db.execute_sql("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
    assert (anchor["last_id"], anchor["hash"], anchor["count"]) == (head[0], head[1], 6)
    assert anchor["since_id"] == 1
    mode = stat.S_IMODE(_anchor_file(db_path).stat().st_mode)
    assert mode == 0o600
    # No .part file is left behind.
    assert [p.name for p in db_path.parent.iterdir() if p.name.endswith(".part")] == []


def test_a_rolled_back_transaction_does_not_move_the_anchor(database, db_path):
    cid = _some_log()
    before = _anchor(db_path)
    with pytest.raises(RuntimeError), db.atomic():
        audit.open_record(cid, "follow-up")
        raise RuntimeError("the change failed")
    assert audit.count() == 6
    assert _anchor(db_path) == before
    assert audit.check() == ([], [])


def test_cutting_the_tail_and_lowering_sqlite_sequence_is_detected(database, db_path, capsys):
    """Exactly the audit's attack, with raw sqlite3 on a plaintext file."""
    _some_log()
    _cut_tail(db_path, keep=4)
    storage.open_database(db_path, create=False)
    assert audit.count() == 4
    assert audit.verify() == []  # the chain alone holds: this is what the anchor is for
    problems, _notes = audit.check()
    assert len(problems) == 1
    assert "ends at entry 4" in problems[0] and "entries 5–6" in problems[0]
    status, output = _cli_verify(db_path, capsys)
    assert status == 1
    assert "entries 5–6" in output and "tampered" in output


def test_after_a_cut_the_anchor_is_held_so_new_work_does_not_hide_it(database, db_path):
    cid = _some_log()
    _cut_tail(db_path, keep=4)
    storage.open_database(db_path, create=False)
    held = _anchor(db_path)
    audit.open_record(cid, "follow-up")  # a new row 5, chained to row 4
    audit.open_record(cid, "follow-up")  # and 6: the ids are back where they were
    assert audit.verify() == []
    assert _anchor(db_path) == held
    problems, _notes = audit.check()
    assert len(problems) == 1 and "Entry 6 is not the entry" in problems[0]


def test_a_rewritten_tail_with_a_valid_chain_is_detected(database, db_path):
    _some_log()
    rows = db.execute_sql(
        "SELECT id, at, action, what, record_id, citizen_id, mentor_id, "
        "purpose, detail, prev_hash FROM audit_entry WHERE id = 6"
    ).fetchone()
    fields = dict(
        zip(
            (
                "id",
                "at",
                "action",
                "what",
                "record_id",
                "citizen_id",
                "mentor_id",
                "purpose",
                "detail",
            ),
            rows[:9],
            strict=True,
        )
    )
    fields["purpose"] = "routine"
    forged = audit.digest(rows[9], **fields)
    _raw(db_path, f"UPDATE audit_entry SET purpose = 'routine', hash = '{forged}' WHERE id = 6")
    storage.open_database(db_path, create=False)
    assert audit.verify() == []  # a consistent, rewritten chain
    problems, _notes = audit.check()
    assert len(problems) == 1 and "Entry 6 is not the entry" in problems[0]


def test_a_missing_anchor_is_made_with_a_note_not_an_error(database, db_path, capsys):
    _some_log()
    storage.close_database()
    _anchor_file(db_path).unlink()  # an older database: none kept yet
    status, output = _cli_verify(db_path, capsys)
    assert status == 0
    assert "no audit anchor" in output and "made now at entry 6" in output
    assert "intact" in output
    assert _anchor(db_path)["last_id"] == 6
    # From then on, it holds.
    _cut_tail(db_path, keep=5)
    status, output = _cli_verify(db_path, capsys)
    assert status == 1 and "entry 6 were removed" in output


def test_an_anchor_behind_the_log_is_accepted_and_moved_up(database, db_path):
    """A kill between the commit and the anchor's write leaves it behind: not tampering."""
    cid = _some_log()
    lagging = _anchor_file(db_path).read_bytes()
    audit.open_record(cid, "follow-up")
    audit.open_record(cid, "follow-up")
    _anchor_file(db_path).write_bytes(lagging)
    assert _anchor(db_path)["last_id"] == 6
    assert audit.check() == ([], [])
    assert _anchor(db_path)["last_id"] == 8


def test_an_erasure_after_the_anchor_is_accounted_for(database, db_path):
    """The anchor's last entry may be one an erasure removed: its hash is in the erase row."""
    cid = _some_log()
    before = _anchor_file(db_path).read_bytes()
    erasure.erase_citizen(cid, NAME)
    assert audit.count() == 1  # only the erase row is left
    # The anchor as it stood before the erasure (written by a process killed after it).
    _anchor_file(db_path).write_bytes(before)
    assert audit.check() == ([], [])
    assert _anchor(db_path)["last_id"] == 7 and _anchor(db_path)["count"] == 1


def test_an_unreadable_anchor_is_a_problem(database, db_path):
    _some_log()
    _anchor_file(db_path).write_text("{not json")
    problems, _notes = audit.check()
    assert len(problems) == 1 and "cannot be read" in problems[0]


def test_every_backup_carries_its_own_anchor_and_verifies_against_it(
    database, db_path, tmp_path, capsys
):
    cid = _some_log()
    backup = storage.backup_database(tmp_path / "mentorterm-20261201-120000.db")
    theirs = json.loads(Path(str(backup) + audit.ANCHOR_SUFFIX).read_text())
    assert (theirs["last_id"], theirs["count"]) == (6, 6)
    assert theirs["log"] == _anchor(db_path)["log"]
    assert stat.S_IMODE(Path(str(backup) + audit.ANCHOR_SUFFIX).stat().st_mode) == 0o600
    audit.open_record(cid, "follow-up")
    storage.close_database()
    status, output = _cli_verify(backup, capsys)
    assert status == 0, output
    # The backup's own log, cut, is caught by its own anchor.
    copy = tmp_path / "copy" / "mentorterm.db"
    copy.parent.mkdir()
    shutil.copy(backup, copy)
    shutil.copy(str(backup) + audit.ANCHOR_SUFFIX, str(copy) + audit.ANCHOR_SUFFIX)
    _cut_tail(copy, keep=3)
    status, output = _cli_verify(copy, capsys)
    assert status == 1 and "entries 4–6" in output


def test_a_backup_beside_the_database_catches_a_cut_even_without_the_live_anchor(
    database, db_path, capsys
):
    cid = _some_log()
    storage.backup_database(db_path.parent)  # mentorterm-<stamp>.db beside the database
    audit.open_record(cid, "follow-up")
    storage.close_database()
    live_anchor = _anchor(db_path)
    # Cut below the backup's head, then put back an anchor that matches the cut log.
    _cut_tail(db_path, keep=4)
    storage.open_database(db_path, create=False)
    head = db.execute_sql("SELECT hash FROM audit_entry WHERE id = 4").fetchone()[0]
    _anchor_file(db_path).write_text(
        json.dumps({**live_anchor, "last_id": 4, "hash": head, "count": 4})
    )
    storage.close_database()
    status, output = _cli_verify(db_path, capsys)
    assert status == 1
    assert "the backup mentorterm-" in output and "ends at entry 4" in output


def test_opening_a_database_without_rows_writes_no_anchor(database, db_path):
    assert audit.count() == 0
    assert not _anchor_file(db_path).exists()
    assert audit.check() == ([], [])


def test_on_an_encrypted_database_the_anchor_and_the_backup_anchor_are_kept(
    db_path, tmp_path, monkeypatch
):
    monkeypatch.delenv("MENTORTERM_PLAINTEXT", raising=False)
    passphrase = "bananer i vindueskarmen"
    storage.open_database(db_path, passphrase=passphrase)
    try:
        assert storage.is_encrypted()
        _some_log()
        assert _anchor(db_path)["last_id"] == 6
        # The anchor holds ids and hashes only: nothing of the citizen.
        text = _anchor_file(db_path).read_text()
        assert "Mette" not in text and "Jørgensen" not in text
        backup = storage.backup_database(tmp_path / "backup.db")
        assert json.loads(Path(str(backup) + audit.ANCHOR_SUFFIX).read_text())["last_id"] == 6
        assert audit.check() == ([], [])
    finally:
        storage.close_database()
    storage.open_database(backup, create=False, passphrase=passphrase)
    try:
        assert audit.check() == ([], [])
    finally:
        storage.close_database()


def test_a_folder_that_takes_no_anchor_is_a_note_and_the_work_is_kept(
    database, db_path, monkeypatch
):
    cid = _some_log()
    _anchor_file(db_path).unlink()

    def refuse(path, data):  # a read-only folder (root may write anywhere, so simulated)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(anchor_file, "_write_anchor", refuse)
    audit.open_record(cid, "follow-up")  # committed, though no anchor can be written
    assert audit.count() == 7
    problems, notes = audit.check()
    assert problems == [] and "none could be made" in notes[0] and "Permission" in notes[0]


def test_a_failing_anchor_write_never_undoes_a_commit(database, db_path, monkeypatch):
    cid = _some_log()

    def refuse(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(anchor_file, "_write_anchor", refuse)
    audit.open_record(cid, "follow-up")
    audit.flush()  # the writer has tried, and failed
    assert audit.count() == 7 and audit.verify() == []
    monkeypatch.undo()
    assert _anchor(db_path)["last_id"] == 6  # behind: accepted, and moved up on the next check
    assert audit.check() == ([], [])
    assert _anchor(db_path)["last_id"] == 7


_WRITER = """
import sys
from mentorterm import storage
from mentorterm.domain import audit
storage.open_database(sys.argv[1], create=False)
for _ in range(int(sys.argv[2])):
    audit.open_record(1, "follow-up")
storage.close_database()
"""


def test_two_processes_appending_at_once_leave_an_anchor_the_log_reaches(database, db_path):
    """Anchor writes race (each after its own commit): it may fall behind, never ahead."""
    import os
    import subprocess
    import sys

    _some_log()
    storage.close_database()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    children = [
        subprocess.Popen([sys.executable, "-c", _WRITER, str(db_path), "150"], env=env)
        for _ in range(2)
    ]
    assert [child.wait(timeout=120) for child in children] == [0, 0]
    storage.open_database(db_path, create=False)
    assert audit.count() == 6 + 300
    assert audit.check() == ([], [])
    assert _anchor(db_path)["last_id"] == 306 and _anchor(db_path)["count"] == 306


def test_an_old_database_gets_its_anchor_and_so_does_its_migration_backup(tmp_path, capsys):
    """Schema 4 had the log but no anchor: the upgrade's backup gets one, the database too."""
    fixture = Path(__file__).parent / "fixtures" / "schema_v4.db"
    path = tmp_path / "mentor.db"
    shutil.copy(fixture, path)
    storage.open_database(path)  # backs up schema 4, then migrates
    try:
        (backup,) = [p for p in storage.backups_of(path) if ".schema4-" in p.name]
        theirs = json.loads(Path(str(backup) + audit.ANCHOR_SUFFIX).read_text())
        assert (theirs["last_id"], theirs["count"]) == (10, 8)  # two rows erased
        assert not Path(str(path) + audit.ANCHOR_SUFFIX).exists()  # nothing appended yet
    finally:
        storage.close_database()
    status, output = _cli_verify(path, capsys)
    assert status == 0 and "made now at entry 10" in output
    status, output = _cli_verify(backup, capsys)
    assert status == 0, output
