"""Every writing command checks the file first and refuses a damaged, foreign or
empty one with its bytes untouched."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mentorterm import storage
from mentorterm.models import Citizen

PASSPHRASE = "correct horse battery staple"


def run(*argv: str, env_plain: bool = True) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ)
    if not env_plain:
        env.pop("MENTORTERM_PLAINTEXT", None)
    return subprocess.run(
        [sys.executable, "-m", "mentorterm.cli", *argv],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def files(path: Path) -> tuple[bytes, bytes]:
    """The database's bytes and its -wal's (b"" when none). A read-only look
    may leave an empty -wal and a -shm index beside a WAL database: neither
    holds data."""
    wal = Path(str(path) + "-wal")
    return path.read_bytes(), wal.read_bytes() if wal.exists() else b""


def made(path: Path, passphrase: str | None = None) -> Path:
    """A mentorterm database of many pages, closed (so checkpointed)."""
    storage.open_database(path, passphrase=passphrase)
    mentor = storage.ensure_default_mentor()
    for i in range(60):
        Citizen.create(name=f"Citizen {i}", mentor=mentor, notes="x" * 2000)
    storage.close_database()
    return path


def damage_a_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = 4096
    middle = (len(data) // page // 2) * page
    data[middle : middle + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


@pytest.fixture
def export_file(tmp_path) -> Path:
    source = made(tmp_path / "source.db")
    out = tmp_path / "export.json"
    done = run("export", "--db", str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture
def passfile(tmp_path) -> Path:
    f = tmp_path / "pass.txt"
    f.write_text(PASSPHRASE + "\n")
    return f


def test_import_into_a_plain_database_with_a_damaged_page_is_refused(tmp_path, export_file):
    path = made(tmp_path / "damaged.db")
    damage_a_page(path)
    before = files(path)
    done = run("import", str(export_file), "--db", str(path))
    assert done.returncode == 1
    assert done.stderr.startswith("mentorterm:") and "damaged" in done.stderr
    assert "not touched" in done.stderr and "Traceback" not in done.stderr
    assert files(path) == before


def test_import_into_an_encrypted_database_with_a_damaged_page_is_refused(
    tmp_path, export_file, passfile
):
    path = made(tmp_path / "secret.db", passphrase=PASSPHRASE)
    assert storage.is_encrypted_file(path)
    damage_a_page(path)
    before = files(path)
    done = run(
        "import",
        str(export_file),
        "--db",
        str(path),
        "--passphrase-file",
        str(passfile),
        env_plain=False,
    )
    assert done.returncode == 1, done.stdout
    assert "damaged" in done.stderr and "Traceback" not in done.stderr
    assert files(path) == before


def test_import_onto_an_empty_file_is_refused_not_reused(tmp_path, export_file):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    done = run("import", str(export_file), "--db", str(empty))
    assert done.returncode == 1 and "empty file" in done.stderr
    assert empty.read_bytes() == b""
    assert not Path(str(empty) + "-wal").exists()


@pytest.mark.parametrize("command", [["demo", "--plaintext"], ["backup", "BACKUP"]])
def test_other_writing_commands_refuse_an_empty_file(tmp_path, command):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    argv = [str(tmp_path / "b.db") if a == "BACKUP" else a for a in command]
    done = run(*argv, "--db", str(empty))
    assert done.returncode == 1 and "empty file" in done.stderr
    assert empty.read_bytes() == b""


def foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    return path


def test_encrypt_of_a_foreign_sqlite_file_is_refused(tmp_path, passfile):
    path = foreign(tmp_path / "invoices.db")
    before = files(path)
    done = run("encrypt", "--db", str(path), "--passphrase-file", str(passfile))
    assert done.returncode == 1 and "not a mentorterm database" in done.stderr
    assert files(path) == before
    assert list(tmp_path.glob("invoices.db*")) == [path]


def test_encrypt_of_a_foreign_file_with_a_user_version_is_refused(tmp_path, passfile):
    path = foreign(tmp_path / "other.db")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    before = files(path)
    done = run("encrypt", "--db", str(path), "--passphrase-file", str(passfile))
    assert done.returncode == 1 and "not a mentorterm database" in done.stderr
    assert files(path) == before


def test_encrypt_of_a_damaged_database_is_refused(tmp_path, passfile):
    path = made(tmp_path / "damaged.db")
    damage_a_page(path)
    before = files(path)
    done = run("encrypt", "--db", str(path), "--passphrase-file", str(passfile))
    assert done.returncode == 1 and "damaged" in done.stderr
    assert files(path) == before


def test_import_into_a_foreign_file_is_refused(tmp_path, export_file):
    path = foreign(tmp_path / "invoices.db")
    before = files(path)
    done = run("import", str(export_file), "--db", str(path))
    assert done.returncode == 1 and "not a mentorterm database" in done.stderr
    assert files(path) == before


def test_a_sound_database_still_takes_an_import_and_a_backup(tmp_path, export_file):
    path = made(tmp_path / "sound.db")
    done = run("import", str(export_file), "--db", str(path))
    assert done.returncode == 1 or done.returncode == 0  # duplicates may be refused
    assert "damaged" not in done.stderr and "not a mentorterm" not in done.stderr
    backup = run("backup", str(tmp_path / "copy.db"), "--db", str(path))
    assert backup.returncode == 0, backup.stderr


def test_open_database_verify_refuses_a_damaged_page_in_process(tmp_path):
    path = made(tmp_path / "damaged.db")
    damage_a_page(path)
    before = files(path)
    with pytest.raises(storage.DatabaseCorrupt, match="damaged"):
        storage.open_database(path, verify=True)
    assert files(path) == before
