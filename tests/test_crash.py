"""kill -9 in the middle of writing: no committed note lost, nothing half-done.

A child process (tests/db_worker.py crash) opens the database with the real
settings (WAL, synchronous=FULL) and commits transactions that each write a
logbook entry, a meeting and an update of the citizen, printing each commit's
number once ``commit`` has returned. The test kills it with SIGKILL at a
random moment 50-400 ms after it reports that it is writing, reopens the
database with ``storage.open_database`` and checks it. Each round continues
the same database, so later rounds also recover after earlier crashes.

MENTORTERM_CRASH_KILLS sets the number of kills (default 30);
MENTORTERM_CRASH_SEED replays a run (the seed is in the summary line).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentorterm import storage
from mentorterm.models import db

WORKER = Path(__file__).with_name("db_worker.py")
# The seed may make a plaintext database (a flag of the worker; the app has none).
PLAIN = ("--plaintext",)
KILLS = int(os.environ.get("MENTORTERM_CRASH_KILLS", "30"))


def _tags(sql: str) -> set[int]:
    """Commit numbers in the 'commit N' notes that ``sql`` selects."""
    return {int(text.split()[1]) for (text,) in db.execute_sql(sql).fetchall()}


def _inspect(path: Path) -> dict:
    """Reopen after a crash the way the app does, and look at everything."""
    storage.open_database(
        str(path), create=False, passphrase=os.environ.get("MENTORTERM_TEST_PASSPHRASE") or None
    )
    try:
        integrity = [line for (line,) in db.execute_sql("PRAGMA integrity_check").fetchall()]
        broken_links = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        logbook = _tags("SELECT notes FROM logbook_entry WHERE notes LIKE 'commit %'")
        meetings = _tags("SELECT notes FROM meeting WHERE notes LIKE 'commit %'")
        (citizen_notes,) = db.execute_sql(
            "SELECT notes FROM citizen ORDER BY id LIMIT 1"
        ).fetchone()
    finally:
        storage.close_database()
    return {
        "integrity": integrity,
        "broken_links": broken_links,
        "logbook": logbook,
        "meetings": meetings,
        "citizen_notes": citizen_notes,
    }


def _run_and_kill(path: Path, start: int, delay: float) -> tuple[list[int], str]:
    """Start a writer at commit ``start``, SIGKILL it ``delay`` s after 'ready'.

    Returns the commit numbers it reported and its stderr.
    """
    child = subprocess.Popen(
        [sys.executable, str(WORKER), "crash", str(path), str(start)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first = child.stdout.readline()
        if first.strip() != "ready":
            child.kill()
            child.wait()
            pytest.fail(f"the writer did not start: {first!r} {child.stderr.read()}")
        try:
            child.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(child.pid, signal.SIGKILL)
        else:
            pytest.fail(
                f"the writer stopped by itself (status {child.returncode}): {child.stderr.read()}"
            )
        child.wait()
        assert child.returncode == -signal.SIGKILL
        out = child.stdout.read()
        err = child.stderr.read()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    # Only whole lines count: a number is reported once its line is out.
    reported = [int(line) for line in out.splitlines(keepends=True) if line.endswith("\n")]
    return reported, err


@pytest.mark.parametrize(
    "passphrase", ["", "correct horse battery staple"], ids=["plaintext", "encrypted"]
)
def test_kill_9_loses_no_commit_and_leaves_nothing_half_done(tmp_path, monkeypatch, passphrase):
    monkeypatch.setenv("MENTORTERM_TEST_PASSPHRASE", passphrase)
    seed = int(os.environ.get("MENTORTERM_CRASH_SEED", str(time.time_ns() % 1_000_000)))
    rng = random.Random(seed)
    path = tmp_path / "crash.db"
    subprocess.run([sys.executable, str(WORKER), *PLAIN, "seed", str(path)], check=True)
    assert storage.is_encrypted_file(path) == bool(passphrase)

    started = time.monotonic()
    commits = 0
    lost: set[int] = set()
    half_done: set[int] = set()
    integrity_errors: list[str] = []
    failures: list[str] = []
    next_number = 1
    for kill in range(1, KILLS + 1):
        delay = rng.uniform(0.050, 0.400)
        reported, err = _run_and_kill(path, next_number, delay)
        if err:
            failures.append(f"kill {kill}: the writer wrote to stderr: {err[-500:]}")
        commits += len(reported)

        state = _inspect(path)
        if state["integrity"] != ["ok"]:
            integrity_errors += [f"kill {kill}: {line}" for line in state["integrity"]]
        if state["broken_links"]:
            integrity_errors += [f"kill {kill}: broken link {row}" for row in state["broken_links"]]
        both = state["logbook"] & state["meetings"]
        half = state["logbook"] ^ state["meetings"]
        half_done |= half
        last_present = max(both, default=0)
        # Every reported commit is there, and so is every earlier one ...
        lost |= set(range(1, (reported[-1] if reported else 0) + 1)) - both
        lost |= set(range(1, last_present + 1)) - both
        # ... and at most one more: committed, then killed before printing.
        last_reported = reported[-1] if reported else next_number - 1
        if not last_reported <= last_present <= last_reported + 1:
            failures.append(
                f"kill {kill}: last reported commit {last_reported}, "
                f"last in the database {last_present}"
            )
        if last_present and state["citizen_notes"] != f"commit {last_present}":
            failures.append(
                f"kill {kill}: the citizen's update says {state['citizen_notes']!r}, "
                f"the last whole commit is {last_present}"
            )
        next_number = max(state["logbook"] | state["meetings"], default=0) + 1

    seconds = time.monotonic() - started
    print(
        f"\ncrash test: {KILLS} kills, {commits} commits, {len(lost)} lost, "
        f"{len(integrity_errors)} integrity errors, {len(half_done)} half-done, "
        f"{seconds:.1f} s (seed {seed})"
    )
    assert not lost, f"lost commits: {sorted(lost)[:20]} (seed {seed})"
    assert not integrity_errors, integrity_errors[:20]
    assert not half_done, f"half-done transactions: {sorted(half_done)[:20]} (seed {seed})"
    assert not failures, failures[:20]
    # The kills must land while commits are being made, or nothing was tested.
    assert commits >= KILLS, f"only {commits} commits in {KILLS} runs"
