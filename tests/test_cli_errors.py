"""The real ``mentorterm`` command against everything that can go wrong.

Each failure must end with a non-zero status and one readable line on stderr
that starts with 'mentorterm:' (no traceback, no exception repr), and must
leave the database file (and its -wal) exactly as it was.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import random
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentorterm import storage
from mentorterm.domain.transfer import import_document, parse_document

from .conftest import PLAIN_CLI

VALID_DOC = {
    "format": "mentorterm",
    "version": 1,
    "scope": "database",
    "mentors": [{"key": "m1", "name": "Me", "is_default": True}],
    "citizens": [
        {
            "name": "Aske Bøgh",
            "mentor": "m1",
            "courses": [
                {
                    "referral_date": "2026-01-05",
                    "start_date": "2026-01-12",
                    "planned_end": "2026-04-12",
                    "purpose": "flexjob",
                    "extensions": [
                        {"decided_on": "2026-04-01", "new_end": "2026-06-01", "reason": "Mere tid"}
                    ],
                }
            ],
            "sub_goals": [
                {
                    "title": "Møde til tiden",
                    "course": 0,
                    "scores": [{"scored_on": "2026-02-01", "citizen_score": 4, "mentor": "m1"}],
                }
            ],
            "placements": [
                {
                    "kind": "company_internship",
                    "workplace": "Bageriet",
                    "start_date": "2026-02-02",
                    "course": 0,
                    "hours_steps": [{"from_date": "2026-02-02", "hours_per_week": 6}],
                    "logbook": [
                        {
                            "entry_date": "2026-02-03",
                            "attendance": "present",
                            "hours_planned": 3,
                            "hours_worked": 3,
                        }
                    ],
                }
            ],
            "meetings": [
                {
                    "starts_at": "2026-02-10 10:00",
                    "kind": "three_party",
                    "mentor": "m1",
                    "participants": [{"name": "Lone", "role": "placement_supervisor"}],
                }
            ],
            "action_items": [{"what": "Ring til Lone", "owner": "mentor", "meeting": 0}],
            "review_notes": [{"iso_week": "2026-W07", "decision": "Fortsæt", "mentor": "m1"}],
        }
    ],
}

# Another citizen with every kind of record, for imports into the populated
# database (it writes to every table, so it meets any damaged page).
OTHER_DOC = copy.deepcopy(VALID_DOC)
OTHER_DOC["citizens"][0]["name"] = "Bo Nielsen"

EMPTY_SHA = hashlib.sha256(b"").hexdigest()


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    """The environment for the command: user folders inside tmp_path."""
    home = tmp_path / "home"
    home.mkdir()
    out = dict(os.environ)
    out.update(
        {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
        }
    )
    out.pop("MENTORTERM_DB", None)
    out.pop("MENTORTERM_LANG", None)
    return out


def run(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, PLAIN_CLI, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


_REPR = re.compile(r"Traceback|\b\w*(Error|Exception)\b|\w+\(.*\)$|<\w+|sqlite3\.|peewee\.|\[Errno")


def assert_refused(
    result: subprocess.CompletedProcess, *phrases: str, stdout_may_hold_output: bool = False
) -> str:
    """A clean failure: status, one readable first line on stderr; returns it."""
    assert result.returncode != 0, result
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    assert "something unexpected" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert lines, "nothing on stderr"
    first = lines[0]
    assert first.startswith("mentorterm: "), first
    text = first[len("mentorterm: ") :]
    # A sentence: several words, ends like one, and no exception repr in it.
    assert len(text.split()) >= 4, first
    assert text.rstrip().endswith((".", ")")), first
    assert not _REPR.search(text), first
    for phrase in phrases:
        assert phrase in first, f"{phrase!r} not in {first!r}"
    if not stdout_may_hold_output:
        assert result.stdout == "", result.stdout
    return first


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(db: Path) -> dict:
    """Hashes of the database and its -wal/-journal, and the folder's names."""
    files = {}
    for suffix in ("", "-wal", "-journal"):
        candidate = Path(str(db) + suffix)
        if candidate.exists():
            files[suffix] = _sha(candidate)
    return {"files": files, "names": sorted(p.name for p in db.parent.iterdir())}


def assert_untouched(before: dict, after: dict, db: Path) -> None:
    for suffix, digest in before["files"].items():
        assert after["files"].get(suffix) == digest, f"{db.name}{suffix} changed"
    for suffix, digest in after["files"].items():
        if suffix not in before["files"]:
            # A read-only look at a WAL-mode file may leave an empty -wal
            # (SQLite cannot remove it from a read-only connection); it holds
            # nothing. Anything else new is a change.
            assert suffix == "-wal" and digest == EMPTY_SHA, f"{db.name}{suffix} appeared"
    new = set(after["names"]) - set(before["names"])
    assert new <= {db.name + "-wal", db.name + "-shm"}, f"new files: {sorted(new)}"


def write_json(path: Path, document) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def template_db(tmp_path_factory) -> Path:
    """A database with one citizen and one of every child record (made once)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    storage.open_database(path)
    try:
        import_document(parse_document(json.dumps(VALID_DOC)))
    finally:
        storage.close_database()
    assert not Path(str(path) + "-wal").exists()
    return path


@pytest.fixture
def work(tmp_path, template_db) -> dict[str, Path]:
    """A copy of the populated database, an import file and a backup target."""
    folder = tmp_path / "work"
    folder.mkdir()
    db = folder / "t.db"
    shutil.copy(template_db, db)
    return {
        "db": db,
        "doc": write_json(tmp_path / "other.json", OTHER_DOC),
        "dest": tmp_path / "backup.db",
    }


def command(name: str, work: dict[str, Path]) -> list[str]:
    return {
        "info": ["info"],
        "check": ["check"],
        "export": ["export"],
        "import": ["import", str(work["doc"])],
        "backup": ["backup", str(work["dest"])],
    }[name]


ALL_COMMANDS = ["info", "check", "export", "import", "backup"]


def refused_and_untouched(env, work, name, *phrases, stdout_may_hold_output=False) -> str:
    db = work["db"]
    before = snapshot(db)
    result = run(env, *command(name, work), "--db", str(db))
    first = assert_refused(
        result, *phrases, stdout_may_hold_output=stdout_may_hold_output or name == "check"
    )
    assert_untouched(before, snapshot(db), db)
    assert not work["dest"].exists()
    assert not Path(str(work["dest"]) + ".part").exists()
    return first


def page_size(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


# --------------------------------------------------------------------------- damaged files


@pytest.mark.parametrize("name", ALL_COMMANDS)
def test_random_bytes_are_refused(env, work, name):
    work["db"].write_bytes(random.Random(7).randbytes(64 * 1024))
    refused_and_untouched(env, work, name, str(work["db"]), "damaged")


@pytest.mark.parametrize("name", ALL_COMMANDS)
def test_flipped_byte_in_page_2_is_refused(env, work, name):
    # Page 2 is the first table's root page; byte 0 is its b-tree page type.
    flip_byte(work["db"], page_size(work["db"]))
    refused_and_untouched(env, work, name, str(work["db"]), "damaged")


def flip_middle_page(db: Path) -> None:
    """Damage the header of the record table root page nearest the middle of the file
    (a record table with rows: every command reads those, not always the bookkeeping
    ones, and an empty table's root is never read when its index finds nothing)."""
    from mentorterm.models import ALL_MODELS

    records = {model._meta.table_name for model in ALL_MODELS}
    conn = sqlite3.connect(db)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    roots = [
        (name, root)
        for name, root in conn.execute(
            "SELECT name, rootpage FROM sqlite_master WHERE type = 'table' AND rootpage > 2"
        ).fetchall()
        if name in records and conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
    ]
    conn.close()
    _table, root = min(roots, key=lambda row: abs(row[1] - pages / 2))
    assert 2 < root < pages
    flip_byte(db, (root - 1) * page_size(db))


@pytest.mark.parametrize("name", ["check", "export", "import", "backup"])
def test_flipped_byte_in_a_middle_page_is_refused(env, work, name):
    flip_middle_page(work["db"])
    first = refused_and_untouched(env, work, name)
    assert "damaged" in first or "problems found" in first or "problem found" in first, first


def test_backup_of_a_damaged_database_names_the_database_not_the_copy(env, work):
    # The database opens (its first pages are fine); the copy's check fails.
    flip_middle_page(work["db"])
    first = refused_and_untouched(env, work, "backup", "damaged")
    assert first.startswith(f"mentorterm: {work['db']} is damaged"), first
    assert str(work["dest"]) not in first


# --------------------------------------------------------------------------- missing, read-only


@pytest.mark.parametrize("name", ["info", "check", "export", "backup"])
def test_missing_database_is_not_created(env, tmp_path, work, name):
    missing = tmp_path / "nowhere" / "t.db"
    result = run(env, *command(name, work), "--db", str(missing))
    assert_refused(result, "There is no database at", str(missing))
    assert not missing.parent.exists()
    assert not work["dest"].exists()


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    try:
        done = subprocess.run(["unshare", "-Urm", "true"], capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


# Runs inside the private mount namespace: the command cases given as JSON,
# in order, each with the database's hash before and after and the folder's
# names after.
_CASES_SCRIPT = r"""
import hashlib, json, os, subprocess, sys
folder, cases, plain_cli = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
db = os.path.join(folder, "t.db")
def sha(p):
    with open(p, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()
out = {"writable": os.access(folder, os.W_OK)}
for name, args in cases.items():
    before = sha(db)
    done = subprocess.run([sys.executable, plain_cli, *args],
                          capture_output=True, text=True, timeout=60)
    out[name] = {"rc": done.returncode, "stdout": done.stdout, "stderr": done.stderr,
                 "same": sha(db) == before, "names": sorted(os.listdir(folder))}
print(json.dumps(out))
"""


def in_private_tmpfs(
    env,
    folder: Path,
    copy_in: dict[str, Path],
    cases: dict[str, list[str]],
    *,
    size: str | None = None,
    read_only: bool = False,
) -> dict:
    """Run CLI cases on a tmpfs mounted over ``folder`` in a private namespace."""
    if not _unshare_works():
        pytest.skip("unshare -Urm is not permitted here")
    folder.mkdir(exist_ok=True)
    q = shlex.quote
    steps = [f"mount -t tmpfs {'-o size=' + size + ' ' if size else ''}none {q(str(folder))}"]
    steps += [f"cp {q(str(src))} {q(str(folder / name))}" for name, src in copy_in.items()]
    if read_only:
        steps.append(f"mount -o remount,ro {q(str(folder))}")
    steps.append(
        "exec "
        + " ".join(
            q(arg)
            for arg in (
                sys.executable,
                "-c",
                _CASES_SCRIPT,
                str(folder),
                json.dumps(cases),
                PLAIN_CLI,
            )
        )
    )
    done = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", "set -e; " + "; ".join(steps)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _completed(result: dict) -> subprocess.CompletedProcess:
    return subprocess.CompletedProcess([], result["rc"], result["stdout"], result["stderr"])


def test_read_only_folder_is_refused_and_untouched(env, tmp_path, work):
    folder = tmp_path / "ro"
    db, doc = str(folder / "t.db"), str(folder / "doc.json")
    outside = tmp_path / "outside-copy.db"
    results = in_private_tmpfs(
        env,
        folder,
        {"t.db": work["db"], "doc.json": work["doc"]},
        {
            "info": ["info", "--db", db],
            "check": ["check", "--db", db],
            "export": ["export", "--db", db],
            "import": ["import", doc, "--db", db],
            "backup-inside": ["backup", str(folder / "copy.db"), "--db", db],
            "backup-outside": ["backup", str(outside), "--db", db],
            "import-new": ["import", doc, "--db", str(folder / "new.db")],
        },
        read_only=True,
    )
    assert results.pop("writable") is False
    for name, result in results.items():
        first = assert_refused(_completed(result), stdout_may_hold_output=name == "check")
        if name == "import-new":
            assert "cannot create a database in" in first, first
        else:
            assert "cannot write to" in first and "read-only" in first, first
        assert result["same"], f"{name} changed the database"
        assert result["names"] == ["doc.json", "t.db"], (name, result["names"])
    assert not outside.exists()


def test_full_disk_is_refused_and_the_database_stays_whole(env, tmp_path, work):
    big = copy.deepcopy(OTHER_DOC)
    template = big["citizens"][0]
    big["citizens"] = [
        {**template, "name": f"Borger {i}", "notes": "æ" * 19_000} for i in range(60)
    ]  # about 2.3 MB
    source = write_json(tmp_path / "big.json", big)
    folder = tmp_path / "small"
    db = str(folder / "t.db")
    # Room for the file, its -shm and a little WAL, but not for a second copy.
    size = work["db"].stat().st_size
    room = size + size // 2 + 64 * 1024
    results = in_private_tmpfs(
        env,
        folder,
        {"t.db": work["db"]},
        {
            "import": ["import", str(source), "--db", db],
            "backup": ["backup", str(folder / "copy.db"), "--db", db],
            "check": ["check", "--db", db],
        },
        size=str(room),
    )
    first = assert_refused(_completed(results["import"]), "disk is full", db, "Nothing was changed")
    assert results["import"]["same"] and results["import"]["names"] == ["t.db"]
    # Full, or an I/O error where SQLite could not grow a file it needed.
    first = assert_refused(_completed(results["backup"]), "copy.db")
    assert "disk is full" in first or "the disk reported an error" in first, first
    assert results["backup"]["names"] == ["t.db"]  # no half-written copy left
    assert results["check"]["rc"] == 0, results["check"]["stderr"]
    assert "no problems found" in results["check"]["stdout"]


# --------------------------------------------------------------------------- locked


_LOCK_HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
"""


def test_locked_database_refuses_a_write_and_changes_nothing(env, work):
    db = work["db"]
    holder = subprocess.Popen(
        [sys.executable, "-c", _LOCK_HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = snapshot(db)
        started = time.monotonic()
        result = run(env, "import", str(work["doc"]), "--db", str(db))
        waited = time.monotonic() - started
        after = snapshot(db)
    finally:
        holder.communicate("release\n", timeout=30)
    assert_refused(result, "busy", str(db), "Nothing was changed")
    assert_untouched(before, after, db)
    # It waited for the lock (the busy timeout) before giving up.
    assert waited >= storage.BUSY_TIMEOUT - 0.5
    # Once the lock is gone, the same command works ("try again in a moment").
    again = run(env, "import", str(work["doc"]), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "Imported 1 citizen," in again.stdout


# --------------------------------------------------------------------------- wrong kind of file


@pytest.mark.parametrize("name", ALL_COMMANDS)
def test_database_from_a_newer_schema_is_refused(env, work, name):
    conn = sqlite3.connect(work["db"])
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    refused_and_untouched(env, work, name, "newer mentorterm", "schema 999")


@pytest.mark.parametrize("name", ALL_COMMANDS)
def test_sqlite_file_that_is_not_a_mentorterm_database_is_refused(env, work, name):
    work["db"].unlink()
    conn = sqlite3.connect(work["db"])
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('æblekage')")
    conn.commit()
    conn.close()
    refused_and_untouched(env, work, name, "not a mentorterm database")


# --------------------------------------------------------------------------- import files


def _bad_scores_doc() -> dict:
    document = copy.deepcopy(VALID_DOC)
    citizen = document["citizens"][0]
    citizen["name"] = "Ny Borger"
    citizen["sub_goals"][0]["scores"][0].update(citizen_score=11, scored_on="2026-13-45")
    citizen["placements"][0]["logbook"][0]["hours_worked"] = 30
    return document


BAD_IMPORTS = {
    "bad-json": ('{"format": "mentorterm", "version": 1,', ["not valid JSON", "Line 1"]),
    "wrong-format": (
        json.dumps({"format": "othertool", "version": 1}),
        ["not a mentorterm export"],
    ),
    "wrong-version": (
        json.dumps({"format": "mentorterm", "version": 2, "citizens": []}),
        ["format version 2", "reads version 1"],
    ),
    "bad-values": (
        json.dumps(_bad_scores_doc(), ensure_ascii=False),
        [
            "3 problems",
            "citizens[0].sub_goals[0].scores[0].citizen_score: A score is a whole number from 1 "
            "to 10 (you wrote 11).",
            "citizens[0].sub_goals[0].scores[0].scored_on: There is no month 13",
            "citizens[0].placements[0].logbook[0].hours_worked:",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_IMPORTS))
def test_malformed_import_file_is_refused_with_every_problem(env, tmp_path, work, case):
    text, expected = BAD_IMPORTS[case]
    source = tmp_path / f"{case}.json"
    source.write_text(text, encoding="utf-8")
    db = work["db"]
    before = snapshot(db)
    result = run(env, "import", str(source), "--db", str(db))
    assert_refused(result, str(source), "was not imported (nothing was changed)")
    for phrase in expected:
        assert phrase in result.stderr, f"{phrase!r} not in {result.stderr}"
    assert_untouched(before, snapshot(db), db)
    # A bad file does not create a database either.
    new = tmp_path / "fresh" / "new.db"
    result = run(env, "import", str(source), "--db", str(new))
    assert_refused(result)
    assert not new.exists() and not new.parent.exists()


def test_import_file_that_is_missing_or_not_text(env, tmp_path, work):
    db = work["db"]
    before = snapshot(db)
    assert_refused(
        run(env, "import", str(tmp_path / "absent.json"), "--db", str(db)), "There is no file"
    )
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage\x80")
    assert_refused(run(env, "import", str(binary), "--db", str(db)), "not a text (UTF-8) file")
    assert_untouched(before, snapshot(db), db)


def test_importing_the_same_file_twice_is_refused_the_second_time(env, tmp_path, work):
    db = work["db"]
    first = run(env, "import", str(work["doc"]), "--db", str(db))
    assert first.returncode == 0, first.stderr
    # Same citizen with the same creation time: the export of that database.
    exported = run(env, "export", "--db", str(db))
    assert exported.returncode == 0, exported.stderr
    source = tmp_path / "exported.json"
    source.write_text(exported.stdout, encoding="utf-8")
    before = snapshot(db)
    result = run(env, "import", str(source), "--db", str(db))
    assert_refused(result, "was not imported (nothing was changed)")
    assert "is already in this database" in result.stderr
    assert_untouched(before, snapshot(db), db)


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "args,phrase",
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["demo", "--today", "2026-99-01"], "'2026-99-01' is not a date"),
        (["info", "--colour"], "unrecognized arguments: --colour"),
        (["import"], "required: FILE"),
    ],
    ids=["unknown-command", "bad-today", "unknown-option", "missing-file"],
)
def test_bad_arguments_are_refused(env, work, args, phrase):
    db = work["db"]
    before = snapshot(db)
    result = run(env, *args, "--db", str(db))
    assert result.returncode == 2
    assert_refused(result, phrase, "(see 'mentorterm --help')")
    assert_untouched(before, snapshot(db), db)


def test_backup_never_overwrites_an_existing_file(env, work):
    dest = work["dest"]
    dest.write_bytes(b"an earlier backup")
    db = work["db"]
    before = snapshot(db)
    result = run(env, "backup", str(dest), "--db", str(db))
    assert_refused(result, "already exists")
    assert dest.read_bytes() == b"an earlier backup"
    assert_untouched(before, snapshot(db), db)


# --------------------------------------------------------------------------- what works


def test_import_then_check_succeeds(env, tmp_path):
    db = tmp_path / "new" / "fresh.db"
    source = write_json(tmp_path / "valid.json", VALID_DOC)
    result = run(env, "import", str(source), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "Imported 1 citizen, 12 records in all" in result.stdout
    result = run(env, "check", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "no problems found" in result.stdout


def _info_lines(result: subprocess.CompletedProcess) -> dict[str, str]:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return {
        k.strip(): v.strip()
        for k, _, v in (line.partition(":") for line in result.stdout.splitlines() if ":" in line)
    }


def test_info_shows_path_and_schema_version_with_db_before_or_after(env, work):
    db = str(work["db"])
    after = _info_lines(run(env, "info", "--db", db))
    before = _info_lines(run(env, "--db", db, "info"))
    assert after == before
    assert after["Database"] == db
    assert after["Schema version"] == str(storage.SCHEMA_VERSION)
    result = run(env, "info", "--db", db)
    assert re.search(r"^\s+citizen\s+1$", result.stdout, re.M), result.stdout


def test_mentorterm_db_variable_is_honoured_and_db_flag_wins(env, tmp_path, work):
    db = str(work["db"])
    env = {**env, "MENTORTERM_DB": db}
    assert _info_lines(run(env, "info"))["Database"] == db
    env["MENTORTERM_DB"] = str(tmp_path / "elsewhere.db")
    assert _info_lines(run(env, "info", "--db", db))["Database"] == db
    assert_refused(run(env, "info"), "There is no database at", str(tmp_path / "elsewhere.db"))


def test_default_database_is_in_the_user_data_folder(env):
    expected = Path(env["XDG_DATA_HOME"]) / "mentorterm" / "mentorterm.db"
    assert_refused(run(env, "info"), "There is no database at", str(expected))
    assert not expected.exists()


def test_an_empty_file_is_not_made_into_a_database_by_a_read_command(tmp_path):
    import subprocess
    import sys

    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for command in (["info"], ["check"], ["export"]):
        argv = [sys.executable, "-m", "mentorterm.cli", *command, "--db", str(empty)]
        done = subprocess.run(argv, capture_output=True, text=True)
        assert done.returncode != 0
        assert done.stderr.startswith("mentorterm:") and "empty file" in done.stderr
        assert empty.read_bytes() == b""
