"""Soak the write paths, the locking, the backups and the input models at scale.

    python bench/soak.py [--kills 1000] [--transactions 2000] [--examples 10000]
                         [--backups 5] [--seed N] [--only kills,transactions,backup,examples]
                         [--workdir DIR] [--keep]

Four parts, each printing its figures (see bench/README.md, "Soak"):

kills
    A child process (tests/db_worker.py ``app``) writes through the app's
    own domain functions on an ENCRYPTED database: a logbook day
    (``logbook.add_entry``) and a three-party follow-up note with two
    participants and two agreements (``meetings.save_note``), each with its
    audit row, printing each transaction once it has returned. It is killed
    with SIGKILL 50-400 ms after it starts writing, the database is reopened
    with ``storage.open_database`` and checked: integrity_check and the
    foreign keys, every reported commit there (0 lost), nothing half-done (a
    note without its participants, agreements or audit row; a logbook day
    without its audit row or with torn text), at most one unreported
    transaction more, and ``audit.verify()`` holds. Every round continues
    the same file, so later rounds recover after earlier crashes too.
transactions
    Two processes (tests/db_worker.py ``domain``) each run N domain
    transactions (new agreements, every third then marked done) on one
    encrypted database at the same time: 0 errors, every agreement there
    once, one audit row per transaction, the audit chain holds.
backup
    While a child writes through the app's paths, ``storage.backup_database``
    copies the database several times; each backup opens (encrypted, with the
    database's passphrase), passes integrity_check and the audit chain, and
    holds whole commits only. Then the writer is killed, the latest backup is
    restored over the database (the file copied into place, its -wal and
    -shm removed), opened, compared and written to.
examples
    Hypothesis examples over every input model (``schemas.InputModel`` and
    its subclasses, the domain's included) with junk and near-valid values,
    and over the import format: valid documents imported (and exported and
    parsed again), mutated documents, and raw text. A ValidationError,
    DomainError or ImportFailed is the expected refusal; any other exception
    counts as unexpected.

Exit status 0 when every figure is as it must be (0 lost, 0 integrity errors,
0 unexpected exceptions...), 1 otherwise. This is not part of the test suite:
tests/test_soak_short.py runs these functions at tiny counts.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from mentorterm import storage
from mentorterm.domain import audit
from mentorterm.models import db
from tests import db_worker

WORKER = ROOT / "tests" / "db_worker.py"
# Strong enough for any passphrase rule: the soak is about the data, not the key.
PASSPHRASE = "Soak: tre grå heste løber i regnvejr ved Limfjorden"
PARTS = ("kills", "transactions", "backup", "examples")


# --- children ------------------------------------------------------------------------


def _env(passphrase: str) -> dict[str, str]:
    """The children's environment: this checkout's mentorterm, this passphrase."""
    env = dict(os.environ)
    env["MENTORTERM_TEST_PASSPHRASE"] = passphrase
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def seed_database(path: Path, passphrase: str = PASSPHRASE) -> None:
    """A new database with one citizen and a placement (tests/db_worker.py seed)."""
    subprocess.run(
        [sys.executable, str(WORKER), "seed", str(path)],
        env=_env(passphrase),
        check=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    if passphrase and not storage.is_encrypted_file(path):
        raise RuntimeError(f"{path} was not encrypted")


def _start(args: list[str], passphrase: str, stdin=subprocess.DEVNULL) -> subprocess.Popen:
    child = subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        env=_env(passphrase),
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = child.stdout.readline()
    if first.strip() != "ready":
        child.kill()
        out, err = child.communicate()
        raise RuntimeError(f"worker {args[0]} did not start: {first!r} {out} {err[-2000:]}")
    return child


def _kill(child: subprocess.Popen) -> tuple[str, str]:
    """SIGKILL the child; its stdout and its stderr.

    Read through the same file objects as the "ready" line: ``communicate``
    reads the raw pipe and would miss lines that ``readline`` had already
    buffered (the first full run lost the first report lines of 3 rounds so).
    """
    if child.poll() is None:
        os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=60)
    out, err = child.stdout.read(), child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    return out, err


def _ops(out: str) -> list[tuple[str, int]]:
    """The transactions a writer reported: ("log", N) / ("note", N), whole lines only."""
    reported = []
    for line in out.splitlines(keepends=True):
        if line.endswith("\n") and line.split()[0] in ("log", "note"):
            kind, number = line.split()
            reported.append((kind, int(number)))
    return reported


# --- what a database holds after a crash ---------------------------------------------


@dataclass
class State:
    integrity: list[str]
    audit_problems: list[str]
    logs: set[int]  # commit numbers with a whole logbook day
    notes: set[int]  # commit numbers with a whole note
    half_done: list[str]  # what is there only in part

    @property
    def ops(self) -> int:
        """How many transactions in a row are there (log 1, note 1, log 2, ...)."""
        count = 0
        while (count // 2 + 1) in (self.logs if count % 2 == 0 else self.notes):
            count += 1
        return count

    def gaps(self) -> list[str]:
        """Transactions missing before the last one present."""
        ops = self.ops
        extra = sorted(
            {f"log {n}" for n in self.logs if 2 * n - 2 >= ops}
            | {f"note {n}" for n in self.notes if 2 * n - 1 >= ops}
        )
        return extra


def _numbers(sql: str) -> dict[int, tuple]:
    """Rows whose first column is a 'commit N' text, by N."""
    found = {}
    for row in db.execute_sql(sql).fetchall():
        found[int(row[0].split()[1])] = row[1:]
    return found


def inspect(path: Path, passphrase: str = PASSPHRASE) -> State:
    """Reopen the way the app does and look at everything the writer wrote."""
    storage.open_database(path, create=False, passphrase=passphrase or None)
    try:
        integrity = storage.integrity_problems()
        problems = audit.verify()
        half: list[str] = []
        audited = {
            (what, record_id)
            for what, record_id in db.execute_sql(
                "SELECT what, record_id FROM audit_entry WHERE action = 'create'"
            ).fetchall()
        }
        logs = _numbers(
            "SELECT notes, id, length(tasks) FROM logbook_entry WHERE notes LIKE 'commit %'"
        )
        whole_logs = set()
        for number, (entry_id, tasks) in logs.items():
            if tasks != db_worker.soak_tasks_length(number):
                half.append(f"log {number}: the tasks text has {tasks} characters")
            elif ("logbook_entry", entry_id) not in audited:
                half.append(f"log {number}: no audit row")
            else:
                whole_logs.add(number)
        meetings = _numbers(
            "SELECT m.notes, m.id, length(m.tasks_note), "
            "(SELECT count(*) FROM meeting_participant p WHERE p.meeting_id = m.id), "
            "(SELECT count(*) FROM action_item a WHERE a.meeting_id = m.id "
            " AND a.what IN (m.notes || ' a', m.notes || ' b')) "
            "FROM meeting m WHERE m.notes LIKE 'commit %' AND m.kind = 'three_party'"
        )
        whole_notes = set()
        for number, (meeting_id, tasks, people, items) in meetings.items():
            if (tasks, people, items) != (
                db_worker.soak_note_length(number),
                db_worker.SOAK_PARTICIPANTS,
                2,
            ):
                half.append(
                    f"note {number}: {people} participants, {items} agreements, "
                    f"{tasks} characters of notes"
                )
            elif ("meeting", meeting_id) not in audited:
                half.append(f"note {number}: no audit row")
            else:
                whole_notes.add(number)
        # An audit row for a logbook day that is not there is half a commit too.
        entry_ids = {entry_id for entry_id, _tasks in logs.values()}
        for what, record_id in audited:
            if what == "logbook_entry" and record_id not in entry_ids:
                exists = db.execute_sql(
                    "SELECT 1 FROM logbook_entry WHERE id = ?", (record_id,)
                ).fetchone()
                if not exists:
                    half.append(f"audit row for logbook entry {record_id}, which is missing")
    finally:
        storage.close_database()
    return State(
        integrity=integrity,
        audit_problems=problems,
        logs=whole_logs,
        notes=whole_notes,
        half_done=half,
    )


# --- part 1: kill -9 -----------------------------------------------------------------


@dataclass
class KillResult:
    kills: int = 0
    files: int = 0
    largest_file: int = 0  # bytes, with its -wal
    commits: int = 0  # transactions reported durable
    empty_rounds: int = 0  # kills that came before the first commit
    lost: list[str] = field(default_factory=list)
    integrity_errors: list[str] = field(default_factory=list)
    audit_problems: list[str] = field(default_factory=list)
    half_done: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    seed: int = 0

    @property
    def ok(self) -> bool:
        return (
            not (
                self.lost
                or self.integrity_errors
                or self.audit_problems
                or self.half_done
                or self.failures
            )
            and self.kills > 0
        )

    def lines(self) -> list[str]:
        return [
            f"kills: {self.kills} kill -9s on {self.files} encrypted database(s) (largest "
            f"{self.largest_file / 1e6:.1f} MB), {self.commits} commits "
            f"reported (logbook days and notes with participants and agreements), "
            f"{len(self.lost)} lost, {len(self.integrity_errors)} integrity errors, "
            f"{len(self.half_done)} half-done, {len(self.audit_problems)} audit chain problems, "
            f"{len(self.failures)} other failures, {self.empty_rounds} kills before a first "
            f"commit; {self.seconds:.1f} s (seed {self.seed})",
            *[
                f"  {line}"
                for line in (
                    self.lost
                    + self.integrity_errors
                    + self.half_done
                    + self.audit_problems
                    + self.failures
                )[:20]
            ],
        ]


def soak_kills(
    kills: int,
    workdir: Path,
    seed: int,
    passphrase: str = PASSPHRASE,
    per_file: int = 250,
    progress=None,
) -> KillResult:
    """``kills`` rounds of write-and-SIGKILL; a new database every ``per_file`` kills
    (each file grows by some 100 transactions a round)."""
    rng = random.Random(seed)
    result = KillResult(seed=seed)
    started = time.monotonic()
    for kill in range(1, kills + 1):
        if (kill - 1) % per_file == 0:
            path = workdir / f"kills-{(kill - 1) // per_file + 1}.db"
            seed_database(path, passphrase)
            result.files += 1
            present = 0  # transactions in the database after the last round
        number = present // 2 + 1
        child = _start(["app", str(path), str(number)], passphrase)
        try:
            child.wait(timeout=rng.uniform(0.050, 0.400))
        except subprocess.TimeoutExpired:
            pass
        else:
            result.failures.append(
                f"kill {kill}: the writer stopped by itself (status {child.returncode})"
            )
        out, err = _kill(child)
        result.kills += 1
        if err.strip():
            result.failures.append(f"kill {kill}: the writer wrote to stderr: {err[-300:]}")
        reported = _ops(out)
        expected = [
            ("log" if op % 2 == 0 else "note", op // 2 + 1)
            for op in range(present, present + len(reported))
        ]
        if reported != expected:
            result.failures.append(
                f"kill {kill}: reported {reported[:3]}..., expected {expected[:3]}..."
            )
        result.commits += len(reported)
        result.empty_rounds += not reported

        state = inspect(path, passphrase)
        result.integrity_errors += [f"kill {kill}: {line}" for line in state.integrity]
        result.audit_problems += [f"kill {kill}: {line}" for line in state.audit_problems]
        result.half_done += [f"kill {kill}: {line}" for line in state.half_done]
        result.lost += [
            f"kill {kill}: {kind} {n} was reported, is not there"
            for kind, n in reported
            if n not in (state.logs if kind == "log" else state.notes)
        ]
        gaps = state.gaps()
        if gaps:
            result.lost.append(f"kill {kill}: present after a missing transaction: {gaps[:5]}")
        last_reported = present + len(reported)
        if not last_reported <= state.ops <= last_reported + 1:
            result.failures.append(
                f"kill {kill}: {last_reported} transactions reported in all, "
                f"{state.ops} in the database"
            )
        present = state.ops
        result.largest_file = max(
            result.largest_file,
            sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists()),
        )
        if progress and kill % 50 == 0:
            progress(
                f"  ... {kill} kills, {result.commits} commits, {len(result.lost)} lost, "
                f"{len(result.integrity_errors)} integrity errors, "
                f"{len(result.half_done)} half-done, {len(result.audit_problems)} audit "
                f"chain problems, {len(result.failures)} other failures, "
                f"{time.monotonic() - started:.0f} s"
            )
    result.seconds = time.monotonic() - started
    return result


# --- part 2: two processes -----------------------------------------------------------


@dataclass
class TransactionResult:
    processes: int = 2
    per_process: int = 0
    transactions: int = 0
    lost: list[str] = field(default_factory=list)
    integrity_errors: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    audit_problems: list[str] = field(default_factory=list)
    overlapped: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return (
            not (self.lost or self.integrity_errors or self.errors or self.audit_problems)
            and self.overlapped
            and self.transactions > 0
        )

    def lines(self) -> list[str]:
        return [
            f"transactions: {self.processes} processes x {self.per_process} domain "
            f"transactions = {self.transactions} committed, {len(self.lost)} lost, "
            f"{len(self.integrity_errors)} integrity errors, {len(self.errors)} unexpected "
            f"errors, {len(self.audit_problems)} audit chain problems, ran at the same time: "
            f"{'yes' if self.overlapped else 'NO'}; {self.seconds:.1f} s",
            *[
                f"  {line}"
                for line in (self.lost + self.integrity_errors + self.errors + self.audit_problems)[
                    :20
                ]
            ],
        ]


def soak_transactions(
    per_process: int, workdir: Path, passphrase: str = PASSPHRASE
) -> TransactionResult:
    result = TransactionResult(per_process=per_process)
    path = workdir / "two.db"
    seed_database(path, passphrase)
    started = time.monotonic()
    names = ("a", "b")
    workers = [
        _start(["domain", str(path), name, str(per_process)], passphrase, stdin=subprocess.PIPE)
        for name in names
    ]
    for worker in workers:  # both are open and waiting: start them together
        worker.stdin.write("go\n")
        worker.stdin.flush()
    reports = {}
    for name, worker in zip(names, workers):
        # (Only "ready" was read before: the worker waits for "go" after it.)
        out, err = worker.communicate(timeout=max(600, per_process))
        if worker.returncode != 0 or err.strip():
            result.errors.append(f"worker {name}: status {worker.returncode}: {err[-500:]}")
            continue
        reports[name] = json.loads(out.strip().splitlines()[-1])
    result.seconds = time.monotonic() - started
    for name, report in reports.items():
        result.errors += [f"worker {name}: {e}" for e in report["errors"]]
        result.transactions += report["transactions"] - len(report["errors"])
    if len(reports) == 2:
        result.overlapped = max(r["started"] for r in reports.values()) < min(
            r["ended"] for r in reports.values()
        )

    storage.open_database(path, create=False, passphrase=passphrase or None)
    try:
        result.integrity_errors = storage.integrity_problems()
        result.audit_problems = audit.verify()
        items = {
            what: (owner, done_on)
            for what, owner, done_on in db.execute_sql(
                "SELECT what, owner, done_on FROM action_item WHERE owner IN ('a', 'b')"
            )
        }
        created = db.execute_sql(
            "SELECT count(*) FROM audit_entry WHERE what = 'action_item' AND action = 'create'"
        ).fetchone()[0]
        marked = db.execute_sql(
            "SELECT count(*) FROM audit_entry WHERE what = 'action_item' "
            "AND purpose = 'marked done'"
        ).fetchone()[0]
    finally:
        storage.close_database()
    total_items = total_done = 0
    for name, report in reports.items():
        done = set(report["done"])
        total_items += report["agreements"]
        total_done += len(done)
        for index in range(report["agreements"]):
            item = items.get(f"{name}-{index}")
            if item is None:
                result.lost.append(f"agreement {name}-{index} is missing")
            elif (item[1] is not None) != (index in done):
                result.lost.append(
                    f"agreement {name}-{index}: marked done is "
                    f"{item[1] is not None}, should be {index in done}"
                )
    if len(items) != total_items:
        result.lost.append(f"{len(items)} agreements in the database, {total_items} made")
    if (created, marked) != (total_items, total_done):
        result.audit_problems.append(
            f"{created} + {marked} audit rows for {total_items} "
            f"agreements and {total_done} marked done"
        )
    return result


# --- part 3: backup during writes, and restore ---------------------------------------


@dataclass
class BackupResult:
    backups: int = 0
    commits_during: int = 0
    problems: list[str] = field(default_factory=list)
    restored_ops: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems and self.backups > 0

    def lines(self) -> list[str]:
        return [
            f"backup: {self.backups} backups taken while {self.commits_during} commits were "
            f"written, restored the last ({self.restored_ops} transactions) and wrote to it; "
            f"{len(self.problems)} problems; {self.seconds:.1f} s",
            *[f"  {line}" for line in self.problems[:20]],
        ]


def _backup_problems(state: State, label: str) -> list[str]:
    return [
        f"{label}: {line}" for line in state.integrity + state.audit_problems + state.half_done
    ] + (
        [f"{label}: present after a missing transaction: {state.gaps()[:5]}"]
        if state.gaps()
        else []
    )


def soak_backup(backups: int, workdir: Path, passphrase: str = PASSPHRASE) -> BackupResult:
    from mentorterm.domain import logbook
    from mentorterm.schemas import LogbookEntryIn

    result = BackupResult()
    path = workdir / "live.db"
    folder = workdir / "backups"
    folder.mkdir(exist_ok=True)
    seed_database(path, passphrase)
    started = time.monotonic()
    child = _start(["app", str(path), "1"], passphrase)
    taken: list[tuple[Path, int, int]] = []  # backup, transactions before, after
    try:
        time.sleep(0.3)
        storage.open_database(path, create=False, passphrase=passphrase or None)
        try:
            for index in range(backups):
                time.sleep(0.2)
                before = db.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0]
                dest = storage.backup_database(folder / f"backup-{index}.db")
                after = db.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0]
                taken.append((dest, before, after))
        finally:
            storage.close_database()
    finally:
        out, err = _kill(child)
    result.commits_during = len(_ops(out))
    if err.strip():
        result.problems.append(f"the writer wrote to stderr: {err[-300:]}")
    result.backups = len(taken)
    if taken and taken[-1][2] <= taken[0][1]:
        result.problems.append("the writer was not writing during the backups")

    for dest, before, after in taken:
        if passphrase and not storage.is_encrypted_file(dest):
            result.problems.append(f"{dest.name} is not encrypted")
            continue
        state = inspect(dest, passphrase)
        result.problems += _backup_problems(state, dest.name)
        storage.open_database(dest, create=False, passphrase=passphrase or None)
        try:
            rows = db.execute_sql("SELECT count(*) FROM audit_entry").fetchone()[0]
            mode = db.execute_sql("PRAGMA journal_mode").fetchone()[0]
        finally:
            storage.close_database()
        if not before <= rows <= after:
            result.problems.append(
                f"{dest.name}: {rows} audit rows, the database had "
                f"{before}-{after} while it was copied"
            )
        if mode != "wal":  # the app's own pragma on open
            result.problems.append(f"{dest.name}: journal mode {mode} once opened")

    if not taken:
        result.seconds = time.monotonic() - started
        return result
    # Restore: the mentor copies the latest backup into place over the database.
    latest = taken[-1][0]
    backed_up = inspect(latest, passphrase)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.copyfile(latest, path)
    restored = inspect(path, passphrase)
    result.restored_ops = restored.ops
    result.problems += _backup_problems(restored, "restored")
    if (restored.logs, restored.notes) != (backed_up.logs, backed_up.notes):
        result.problems.append("the restored database differs from its backup")
    # ... and goes on working: one more logbook day through the domain.
    storage.open_database(path, create=False, passphrase=passphrase or None)
    try:
        placement_id = db.execute_sql(
            "SELECT id FROM placement WHERE workplace = 'Soak 0'"
        ).fetchone()[0]
        logbook.add_entry(
            placement_id,
            LogbookEntryIn(
                entry_date=date(2049, 12, 31), attendance="present", notes="after the restore"
            ),
        )
        result.problems += [f"after the restore: {p}" for p in storage.integrity_problems()]
        result.problems += [f"after the restore: {p}" for p in audit.verify()]
    finally:
        storage.close_database()
    result.seconds = time.monotonic() - started
    return result


# --- part 4: hypothesis --------------------------------------------------------------


@dataclass
class ExampleResult:
    examples: dict[str, int] = field(default_factory=dict)
    accepted: dict[str, int] = field(default_factory=dict)
    unexpected: list[str] = field(default_factory=list)
    unexpected_count: int = 0
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.examples.values())

    @property
    def ok(self) -> bool:
        return not self.unexpected_count and self.total > 0

    def lines(self) -> list[str]:
        models = sum(n for k, n in self.examples.items() if not k.startswith("import"))
        imports = self.total - models
        kinds = ", ".join(
            f"{k} {n}" for k, n in sorted(self.examples.items()) if k.startswith("import")
        )
        return [
            f"examples: {self.total} hypothesis examples ({models} over "
            f"{sum(1 for k in self.examples if not k.startswith('import'))} input models, "
            f"{imports} over the import format: {kinds}), "
            f"{sum(self.accepted.values())} accepted, {self.unexpected_count} unexpected "
            f"exceptions; {self.seconds:.1f} s",
            *[f"  {line}" for line in self.unexpected[:20]],
        ]


def input_models() -> list[type]:
    """Every input model: InputModel's subclasses in schemas.py and the domain."""
    import importlib
    import pkgutil

    import mentorterm.domain
    from mentorterm import interchange, schemas

    for module in pkgutil.iter_modules(mentorterm.domain.__path__):
        importlib.import_module(f"mentorterm.domain.{module.name}")
    found, todo = [], [schemas.InputModel]
    while todo:
        model = todo.pop()
        for sub in model.__subclasses__():
            if sub not in found and sub.__module__ != interchange.__name__:
                found.append(sub)
                todo.append(sub)
    return sorted(found, key=lambda m: (m.__module__, m.__name__))


def _strategies():
    import enum

    from hypothesis import strategies as st

    from mentorterm import enums

    enum_values = sorted(
        {
            str(m.value)
            for e in vars(enums).values()
            if isinstance(e, type) and issubclass(e, enum.Enum)
            for m in e
        }
    )
    formats = [
        "%d-%m-%Y",
        "%Y-%m-%d",
        "%d.%m.%Y",
        "%d/%m/%y",
        "%d-%m-%Y %H:%M",
        "%Y-%m-%dT%H:%M:%S.%f",
        "%d-%m-%Y %H.%M",
        "%H:%M",
    ]
    moments = st.datetimes(datetime(1990, 1, 1), datetime(2060, 12, 31))
    date_text = st.builds(lambda d, f: d.strftime(f), moments, st.sampled_from(formats))
    odd_text = st.sampled_from(
        [
            "",
            " ",
            "31-02-2026",
            "29-02-2025",
            "00-00-0000",
            "32-13-2026",
            "1e309",
            "nan",
            "inf",
            "-0",
            "3,5",
            "3.5",
            "1.000,5",
            "24,25",
            "٣",
            "½",
            "\x00",
            "\x1b[2J\x1b[31m",
            "\u202e",
            "\ud7ff",
            "a" * 5000,
            "\n" * 300,
            "2026-W53",
            "2025-W53",
            "0000-W00",
            "-1",
            "999999999999999999999",
            "12:60",
            "25:00",
            "x@y",
            "@",
            "a@b.c",
            "true",
        ]
    )
    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.integers(-5, 1000)
        | st.floats(allow_nan=True, allow_infinity=True)
        | st.text(max_size=60)
        | date_text
        | odd_text
        | st.sampled_from(enum_values)
        | st.dates().map(date.isoformat)
        | moments.map(datetime.isoformat)
    )
    junk = st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
        ),
        max_leaves=12,
    )
    return st, junk, scalars


def _plausible(annotation, st, junk, depth: int = 0, tame: bool = False):
    """Values a form could send for a field of this type: typed dates and numbers as
    text (Danish style too), enum values, short and long text. ``tame``: values
    that are mostly valid one by one, so the rules between fields get tried."""
    import enum
    import functools
    import types
    import typing
    from datetime import timedelta

    from pydantic import BaseModel

    from mentorterm.schemas import EARLIEST, LATEST

    origin = typing.get_origin(annotation)
    again = functools.partial(_plausible, st=st, junk=junk, tame=tame)
    if origin is typing.Annotated:
        return again(typing.get_args(annotation)[0], depth=depth)
    if origin in (typing.Union, types.UnionType):
        return st.one_of([again(a, depth=depth) for a in typing.get_args(annotation)])
    if origin is list:
        (inner,) = typing.get_args(annotation) or (typing.Any,)
        return st.lists(again(inner, depth=depth + 1), max_size=3)
    if annotation is type(None):
        return (st.none() | st.none() | st.none()) if tame else (st.none() | st.just(""))
    margin = timedelta(days=0 if tame else 30)
    days = st.dates(EARLIEST - margin, LATEST + margin)
    if tame:
        if annotation is datetime:
            return st.builds(
                lambda d, h, m: f"{d:%d-%m-%Y} {h:02d}:{m:02d}",
                days,
                st.integers(0, 23),
                st.integers(0, 59),
            )
        if annotation is date:
            return days.map(lambda d: f"{d:%d-%m-%Y}") | days
        if annotation is int:
            return st.integers(0, 10)
        if annotation is float:
            return st.integers(0, 32).map(lambda q: q / 4)
        if annotation is str:
            return (
                st.just("")
                | st.just("")
                | st.sampled_from(["Anna", "2026-W07", "x@y.dk"])
                | st.text(st.characters(categories=("L", "N")), min_size=1, max_size=12)
            )
        if annotation is bool:
            return st.just(False) | st.booleans()
    if annotation is datetime:
        return st.builds(
            lambda d, h, m, s: f"{d:%d-%m-%Y} {h:02d}:{m:02d}" + (f":{s:02d}" if s else ""),
            days,
            st.integers(0, 24),
            st.integers(0, 60),
            st.integers(0, 3),
        ) | st.datetimes(datetime(2000, 1, 1), datetime(2050, 12, 31))
    if annotation is date:
        return days.map(lambda d: f"{d:%d-%m-%Y}") | days.map(date.isoformat) | days
    if annotation is bool:
        return st.booleans()
    if annotation is int:
        return st.integers(-2, 1001) | st.integers(-2, 12).map(str)
    if annotation is float:
        return st.integers(-4, 250).map(lambda q: q / 4) | st.integers(-4, 250).map(
            lambda q: f"{q / 4:g}".replace(".", ",")
        )
    if annotation is str:
        return (
            st.text(max_size=30)
            | st.sampled_from(["", "Anna", "  Ib  ", "a" * 201, "2026-W07", "x@y.dk"])
            # Around the 20,000 characters a text field holds.
            | st.integers(19_990, 20_010).map(lambda n: ("ab " * n)[:n])
        )
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return st.sampled_from([m.value for m in annotation]) | st.sampled_from(list(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel) and depth < 3:
        return _model_strategy(annotation, st, junk, depth + 1, tame=tame)
    return st.none() if tame else junk


def _model_strategy(model, st, junk, depth: int = 0, tame: bool | None = None):
    """Dicts for ``model``: half the examples tame (each field left out or a mostly
    valid value), half wild (plausible or junk values, now and then a key the model
    does not know)."""
    if tame is None:
        return _model_strategy(model, st, junk, depth, tame=True) | _model_strategy(
            model, st, junk, depth, tame=False
        )
    fields = sorted(model.model_fields.items())
    if not fields:
        return st.just({})
    parts = {}
    for name, info in fields:
        value = _plausible(info.annotation, st, junk, depth, tame=tame)
        parts[name] = (
            (st.just(_MISSING) | value | value | value)
            if tame
            else (st.just(_MISSING) | value | value | junk)
        )
    extra = st.just({}) if tame else st.dictionaries(st.text(max_size=8), junk, max_size=1)
    return st.builds(
        lambda values, more, wild: {
            **{k: v for k, v in values.items() if v is not _MISSING},
            **(more if wild else {}),
        },
        st.fixed_dictionaries(parts),
        extra,
        st.integers(0, 19).map(lambda n: n == 0),
    )


_MISSING = object()


NESTING_PROBE = "import raw, nesting depth"


def nesting_texts() -> list[tuple[int, str]]:
    """Deeply nested import texts (depth, text): a bare array, and a document with one."""
    start = json.dumps(
        {"format": "mentorterm", "version": 1, "scope": "database", "mentors": [], "citizens": []}
    )[:-1]
    return [
        (depth, text)
        for depth in (1_000, 100_000)
        for text in ("[" * depth + "]" * depth, start + ', "x": ' + "[" * depth + "]" * depth + "}")
    ]


class DoesNotReadBack(Exception):
    """What was accepted (or exported) is refused when read again: a finding, not
    an expected refusal."""


def soak_examples(examples: int, seed: int, progress=None) -> ExampleResult:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed
    from pydantic import ValidationError

    from mentorterm.domain import transfer
    from mentorterm.domain.errors import DomainError
    from mentorterm.schemas import friendly_errors
    from tests import strategies as docs

    st, junk, scalars = _strategies()
    result = ExampleResult()
    expected = (ValidationError, DomainError, transfer.ImportFailed)
    started = time.monotonic()

    def unexpected(where: str, exc: BaseException, example) -> None:
        result.unexpected_count += 1
        if len(result.unexpected) < 50:
            result.unexpected.append(
                f"{where}: {type(exc).__name__}: {str(exc)[:200]} (example {repr(example)[:200]})"
            )

    def run(name: str, strategy, body, count: int) -> None:
        result.examples.setdefault(name, 0)
        result.accepted.setdefault(name, 0)
        target = result.examples[name] + count
        rounds = 0
        while result.examples[name] < target and rounds < 5:

            @settings(
                max_examples=target - result.examples[name],
                database=None,
                deadline=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            @hypothesis_seed(seed + rounds)
            @given(strategy)
            def check(example):
                result.examples[name] += 1
                try:
                    if body(example):
                        result.accepted[name] += 1
                except expected:
                    pass
                except Exception as exc:  # anything else is what the soak looks for
                    unexpected(name, exc, example)

            check()
            rounds += 1

    models = input_models()
    model_share = examples // 2
    import_share = examples - model_share
    per_model = max(1, model_share // len(models))

    def validate(model):
        def body(data):
            try:
                value = model.model_validate(data)
            except ValidationError as exc:
                friendly_errors(exc)  # what a form shows next to the fields
                raise
            # What was accepted must survive a dump and a second reading.
            try:
                model.model_validate(value.model_dump())
            except ValidationError as exc:
                raise DoesNotReadBack(str(exc)) from None
            return True

        return body

    for model in models:
        run(model.__name__, _model_strategy(model, st, junk), validate(model), per_model)
        if progress:
            progress(f"  ... {model.__name__}: {result.examples[model.__name__]} examples")

    storage.open_database(":memory:")
    try:

        def import_text(text: str) -> bool:
            document = transfer.parse_document(text)
            with db.atomic() as transaction:
                try:
                    transfer.import_document(document, now=datetime(2026, 11, 22, 12, 0))
                    # Exported again, the file reads back in.
                    try:
                        transfer.parse_document(transfer.dumps(transfer.export_document()))
                    except transfer.ImportFailed as exc:
                        raise DoesNotReadBack(str(exc)) from None
                finally:
                    transaction.rollback()
            return True

        def mutate(data, rng: random.Random, replacement):
            """Replace, drop or add one value somewhere in the document."""
            node, path = data, []
            while isinstance(node, dict | list) and node and rng.random() < 0.8:
                key = rng.choice(list(node.keys()) if isinstance(node, dict) else range(len(node)))
                path.append((node, key))
                node = node[key]
            if not path:
                return replacement
            parent, key = path[-1]
            action = rng.random()
            if action < 0.2 and isinstance(parent, dict):
                del parent[key]
            elif action < 0.3 and isinstance(parent, dict):
                parent[f"extra_{rng.randrange(99)}"] = replacement
            else:
                parent[key] = replacement
            return data

        valid_share = import_share * 2 // 5
        mutated_share = import_share * 2 // 5
        raw_share = import_share - valid_share - mutated_share
        run(
            "import valid",
            docs.document(max_citizens=2),
            lambda doc: import_text(transfer.dumps(doc)),
            valid_share,
        )
        if progress:
            progress(f"  ... import valid: {result.examples['import valid']} examples")
        run(
            "import mutated",
            st.tuples(docs.document(max_citizens=1), st.randoms(use_true_random=False), junk),
            lambda t: import_text(json.dumps(mutate(*t))),
            mutated_share,
        )
        if progress:
            progress(f"  ... import mutated: {result.examples['import mutated']} examples")
        raw = (
            st.text(max_size=200)
            | junk.map(json.dumps)
            | st.builds(
                lambda body: json.dumps({"format": "mentorterm", "version": 1, **body}),
                st.dictionaries(
                    st.sampled_from(["scope", "mentors", "citizens", "exported_at", "x"]),
                    junk,
                    max_size=4,
                ),
            )
        )
        # Nesting a parser must bound: a reasonable depth inside the generated
        # text, and a few deep ones tried once each (issue 14, item 7).
        nested = st.integers(1, 60).map(lambda n: "[" * n + "]" * n)
        run("import raw", raw | nested, import_text, raw_share)
        for depth, text in nesting_texts():
            result.examples["import raw"] += 1
            try:
                import_text(text)
            except expected:
                pass
            except Exception as exc:
                unexpected(f"{NESTING_PROBE} {depth}", exc, text[:40])
    finally:
        storage.close_database()
    result.seconds = time.monotonic() - started
    return result


# --- the script ----------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--kills", type=int, default=1000, help="kill -9s of a writer (default 1000)"
    )
    parser.add_argument(
        "--transactions",
        type=int,
        default=2000,
        help="domain transactions per process, two processes (default 2000)",
    )
    parser.add_argument(
        "--kills-per-file",
        type=int,
        default=250,
        help="start a new database after this many kills (default 250)",
    )
    parser.add_argument(
        "--backups", type=int, default=5, help="backups taken while a writer writes (default 5)"
    )
    parser.add_argument(
        "--examples", type=int, default=10_000, help="hypothesis examples in all (default 10000)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=time.time_ns() % 1_000_000,
        help="replay a run (the seed is in the first line)",
    )
    parser.add_argument(
        "--only", default=",".join(PARTS), help="comma-separated parts to run: " + ", ".join(PARTS)
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where the databases go (default: a new temporary folder)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    args = parser.parse_args(argv)
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = set(parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="mentorterm-soak-"))
    workdir.mkdir(parents=True, exist_ok=True)

    def say(text: str) -> None:
        print(text, flush=True)

    say(
        f"soak: seed {args.seed}, python {sys.version.split()[0]}, "
        f"sqlite {__import__('sqlite3').sqlite_version}, {os.cpu_count()} cores, {workdir}"
    )
    ok = True
    started = time.monotonic()
    try:
        if "kills" in parts:
            outcome = soak_kills(
                args.kills, workdir, args.seed, per_file=args.kills_per_file, progress=say
            )
            ok &= outcome.ok
            say("\n".join(outcome.lines()))
        if "transactions" in parts:
            outcome = soak_transactions(args.transactions, workdir)
            ok &= outcome.ok
            say("\n".join(outcome.lines()))
        if "backup" in parts:
            outcome = soak_backup(args.backups, workdir)
            ok &= outcome.ok
            say("\n".join(outcome.lines()))
        if "examples" in parts:
            outcome = soak_examples(args.examples, args.seed, progress=say)
            ok &= outcome.ok
            say("\n".join(outcome.lines()))
    finally:
        if not args.keep and args.workdir is None:
            with contextlib.suppress(OSError):
                shutil.rmtree(workdir)
    say(f"soak: {'PASS' if ok else 'FAIL'} in {time.monotonic() - started:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
