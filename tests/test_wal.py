"""The -wal: checkpointed at close and when idle; 'mentorterm check' finds damaged frames."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mentorterm import storage
from mentorterm.models import Citizen


def run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mentorterm.cli", *argv], capture_output=True, text=True, timeout=120
    )


def crashed_copy(tmp_path: Path, writes: int = 6) -> Path:
    """A database whose last commits live only in its -wal (as after kill -9):
    written with checkpoints off, then copied with the -wal while still open."""
    source = tmp_path / "live.db"
    storage.open_database(source)
    storage.close_database()
    conn = sqlite3.connect(source)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for i in range(writes):
        conn.execute("UPDATE mentor SET name = ? WHERE is_default", (f"name {i}",))
        conn.commit()
    dest = tmp_path / "crashed.db"
    shutil.copy(source, dest)
    shutil.copy(Path(str(source) + "-wal"), Path(str(dest) + "-wal"))
    conn.close()
    return dest


def test_close_checkpoints_so_nothing_lives_only_in_the_wal(db_path):
    storage.open_database(db_path)
    Citizen.create(name="A B", mentor=storage.ensure_default_mentor())
    wal = storage.wal_path(db_path)
    assert wal.exists() and wal.stat().st_size > 0
    # A second connection keeps SQLite from removing the -wal at close.
    other = sqlite3.connect(db_path)
    other.execute("SELECT 1 FROM citizen").fetchall()
    try:
        storage.close_database()
        assert wal.stat().st_size == 0  # TRUNCATE: every page is in the file
    finally:
        other.close()


def test_checkpoint_when_idle_empties_the_wal(database, db_path):
    Citizen.create(name="A B", mentor=storage.ensure_default_mentor())
    assert storage.wal_path(db_path).stat().st_size > 0
    assert storage.checkpoint() is True
    assert storage.wal_path(db_path).stat().st_size == 0


def test_a_sound_wal_has_no_problems(tmp_path):
    path = crashed_copy(tmp_path)
    assert storage.wal_problems(path) == []
    done = run("check", "--db", str(path))
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("where", ["page", "salt"])
def test_a_flipped_byte_in_a_wal_frame_is_reported_by_check(tmp_path, where):
    path = crashed_copy(tmp_path)
    wal = storage.wal_path(path)
    data = bytearray(wal.read_bytes())
    page_size = int.from_bytes(data[8:12], "big")
    frame = 24 + page_size
    second = 32 + frame  # the second frame of six commits
    data[second + (24 + 100 if where == "page" else 10)] ^= 0x40
    wal.write_bytes(bytes(data))
    problems = storage.wal_problems(path)
    assert len(problems) == 1 and "damaged at frame 2" in problems[0]
    done = run("check", "--db", str(path))
    assert done.returncode == 1
    assert "damaged at frame 2" in done.stdout and "saved changes" in done.stdout
    kept = list(tmp_path.glob("crashed.db-wal.damaged-*.bak"))
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
    assert str(kept[0]) in done.stdout


def test_a_commit_frame_cut_off_by_a_kill_is_no_lost_change(tmp_path):
    """SQLite writes a frame's header and its page in two writes; kill -9
    between them leaves a last commit frame whose page is old bytes. That
    commit never finished (nothing reported it saved): no problem to report,
    no copy kept, no notice in the app (seen in tests/test_crash.py's runs)."""
    path = crashed_copy(tmp_path)
    wal = storage.wal_path(path)
    data = bytearray(wal.read_bytes())
    page_size = int.from_bytes(data[8:12], "big")
    frame = 24 + page_size
    last = 32 + ((len(data) - 32) // frame - 1) * frame
    data[last + 24 :] = bytes(page_size)  # the header is there, the page is not
    wal.write_bytes(bytes(data))
    assert storage.wal_problems(path) == []
    # The same cut in the middle: the commits after it were saved and are lost.
    data = bytearray(wal.read_bytes())
    data[32 + frame + 24 : 32 + 2 * frame] = bytes(page_size)
    wal.write_bytes(bytes(data))
    assert "damaged at frame 2" in storage.wal_problems(path)[0]


def test_a_damaged_wal_is_refused_by_a_writing_command_untouched(tmp_path):
    path = crashed_copy(tmp_path)
    wal = storage.wal_path(path)
    data = bytearray(wal.read_bytes())
    data[32 + 24 + 50] ^= 0xFF
    wal.write_bytes(bytes(data))
    before = path.read_bytes(), wal.read_bytes()
    export = tmp_path / "in.json"
    export.write_text(run("export", "--db", str(tmp_path / "live.db")).stdout)
    done = run("import", str(export), "--db", str(path))
    assert done.returncode == 1 and "damaged at frame 1" in done.stderr
    assert (path.read_bytes(), wal.read_bytes()) == before


def test_the_wal_check_works_on_an_encrypted_database(tmp_path):
    from sqlcipher3 import dbapi2 as sqlcipher

    path = tmp_path / "secret.db"
    conn = sqlcipher.connect(str(path))
    conn.execute("PRAGMA key = 'correct horse battery'")
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    for i in range(4):
        conn.execute("INSERT INTO t VALUES (?)", (i,))
        conn.commit()
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    shutil.copy(storage.wal_path(path), storage.wal_path(copy))
    conn.close()
    assert storage.wal_problems(copy) == []
    wal = storage.wal_path(copy)
    data = bytearray(wal.read_bytes())
    frame = 24 + int.from_bytes(data[8:12], "big")
    data[32 + frame + 200] ^= 1
    wal.write_bytes(bytes(data))
    assert "damaged at frame 2" in storage.wal_problems(copy)[0]


def test_opening_for_work_keeps_a_copy_of_a_damaged_wal_first(tmp_path):
    path = crashed_copy(tmp_path)
    wal = storage.wal_path(path)
    data = bytearray(wal.read_bytes())
    data[32 + 24 + 50] ^= 0xFF
    wal.write_bytes(bytes(data))
    storage.kept_wal_copies.clear()
    storage.open_database(path)
    try:
        kept = list(storage.kept_wal_copies.values())
        assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
    finally:
        storage.close_database()
        storage.kept_wal_copies.clear()


async def test_the_app_tells_the_mentor_when_the_wal_was_damaged(tmp_path):
    from mentorterm.app import make_app

    path = crashed_copy(tmp_path)
    wal = storage.wal_path(path)
    data = bytearray(wal.read_bytes())
    data[32 + 24 + 50] ^= 0xFF
    wal.write_bytes(bytes(data))
    storage.kept_wal_copies.clear()
    app = make_app(path)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert any("could not be read back" in m for m in messages), messages
    finally:
        storage.close_database()
        storage.kept_wal_copies.clear()


async def test_the_notice_is_for_the_database_the_app_opened_only(tmp_path):
    """A copy kept of one database's damaged -wal (earlier in the process)
    is not announced when the app opens another database."""
    from mentorterm.app import make_app

    folder = tmp_path / "a"
    folder.mkdir()
    damaged = crashed_copy(folder)
    wal = storage.wal_path(damaged)
    data = bytearray(wal.read_bytes())
    data[32 + 24 + 50] ^= 0xFF
    wal.write_bytes(bytes(data))
    storage.open_database(damaged)
    storage.close_database()
    assert storage.kept_wal_copies  # this process kept a copy of a's -wal
    other = tmp_path / "other.db"
    app = make_app(other)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert not any("could not be read back" in m for m in messages), messages
    finally:
        storage.close_database()


def test_a_wal_another_window_is_writing_is_not_called_damaged(tmp_path, monkeypatch):
    """A -wal read while another window writes it can be torn (a frame's
    header new, its page not yet): read again, it is whole, so nothing is
    reported; the same bytes damaged at both reads still are."""
    from mentorterm.storage import wal as wal_room

    path = crashed_copy(tmp_path)
    wal = storage.wal_path(path)
    whole = wal.read_bytes()
    torn = bytearray(whole)
    page_size = int.from_bytes(torn[8:12], "big")
    torn[32 + 24 + page_size + 24 + 100] ^= 0x40  # the second frame's page, not yet written
    wal.write_bytes(bytes(torn))
    pauses = []

    def writer_finishes(seconds):  # the other window's write lands between the reads
        pauses.append(seconds)
        wal.write_bytes(whole)

    monkeypatch.setattr(wal_room.time, "sleep", writer_finishes)
    assert storage.wal_problems(path) == []
    assert pauses == [wal_room.WAL_REREAD_PAUSE]

    monkeypatch.setattr(wal_room.time, "sleep", pauses.append)
    wal.write_bytes(bytes(torn))
    assert "damaged at frame 2" in storage.wal_problems(path)[0]
