"""Measure the bench database made by bench/generate.py and print the figures.

    python bench/run.py [--db bench/bench.db] [--today 2026-11-22] [--reps 50]

Prints, for each measurement, the median and the min-max over repeated runs,
and PASS/FAIL against the targets. This is a script that prints figures, not
a test: nothing here fails a build.

The logbook commit measurement inserts rows into the database and deletes
them again at the end (in one transaction), so the file stays as generated
apart from free pages.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

import peewee
from generate import BENCH_MENTOR_NAME, DEFAULT_OUT, DEFAULT_TODAY

from mentorterm import storage
from mentorterm.domain.caseload import CourseFilter, caseload, caseload_sql
from mentorterm.domain.overview import citizen_overview, logbook_of, meetings_of
from mentorterm.domain.transfer import export_document
from mentorterm.models import (
    ActionItem,
    AllianceScore,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    Mentor,
    Placement,
    ReviewNote,
    SubGoal,
    db,
)

# Targets: (label, limit); times in milliseconds.
TARGET_ONE_MENTOR_MS = 2.0
TARGET_ALL_MS = 30.0
TARGET_RECORD_MS = 5.0
TARGET_COMMIT_RATIO = 3.0
TARGET_DB_MB = 50.0


# ---------------------------------------------------------------------------
# One citizen's full record, three ways:
# - the domain's own loader of everything about one citizen:
#   mentorterm.domain.transfer.export_document(citizen_id=...) (the export:
#   one query per table, rows turned into plain dicts);
# - what the citizen screen loads: overview.citizen_overview + logbook_of
#   (limit 1000, as the screen asks) + meetings_of;
# - a plain Peewee load written here (one query per table filtered by the
#   citizen, children through their parent, rows as model instances), and the
#   same statements through a bare sqlite3 cursor, to separate what SQLite
#   costs from what the ORM costs.
# ---------------------------------------------------------------------------


def record_queries(cid: int) -> dict[str, peewee.Query]:
    return {
        "citizen": Citizen.select().where(Citizen.id == cid),
        "courses": Course.select().where(Course.citizen == cid).order_by(Course.start_date),
        "extensions": (
            CourseExtension.select()
            .join(Course)
            .where(Course.citizen == cid)
            .order_by(CourseExtension.new_end)
        ),
        "sub_goals": (
            SubGoal.select()
            .where(SubGoal.citizen == cid)
            .order_by(SubGoal.status, SubGoal.priority)
        ),
        "scores": (
            AllianceScore.select()
            .join(SubGoal)
            .where(SubGoal.citizen == cid)
            .order_by(AllianceScore.sub_goal, AllianceScore.scored_on)
        ),
        "placements": (
            Placement.select().where(Placement.citizen == cid).order_by(Placement.start_date)
        ),
        "hours_steps": (
            HoursStep.select()
            .join(Placement)
            .where(Placement.citizen == cid)
            .order_by(HoursStep.placement, HoursStep.from_date)
        ),
        "logbook": (
            LogbookEntry.select()
            .where(LogbookEntry.citizen == cid)
            .order_by(LogbookEntry.entry_date)
        ),
        "meetings": Meeting.select().where(Meeting.citizen == cid).order_by(Meeting.starts_at),
        "participants": (
            MeetingParticipant.select()
            .join(Meeting)
            .where(Meeting.citizen == cid)
            .order_by(MeetingParticipant.meeting)
        ),
        "action_items": (
            ActionItem.select()
            .where(ActionItem.citizen == cid)
            .order_by(ActionItem.done_on, ActionItem.due_date)
        ),
        "review_notes": (
            ReviewNote.select().where(ReviewNote.citizen == cid).order_by(ReviewNote.iso_week)
        ),
    }


def load_record(cid: int) -> dict[str, list]:
    """Everything about one citizen, as lists of model instances (12 queries)."""
    return {name: list(query) for name, query in record_queries(cid).items()}


# ---------------------------------------------------------------------------


def timed(fn, reps: int, warmup: int = 3) -> list[float]:
    """Milliseconds of ``fn()`` over ``reps`` runs, after ``warmup`` untimed ones."""
    for _ in range(warmup):
        fn()
    gc.collect()
    out = []
    for _ in range(reps):
        t0 = time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - t0) / 1e6)
    return out


def fmt(ms: list[float]) -> str:
    return (
        f"median {statistics.median(ms):8.3f} ms   (min {min(ms):.3f}, max {max(ms):.3f}, "
        f"n={len(ms)})"
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def evict(path: Path) -> None:
    """Ask the kernel to drop the file's cached pages (a colder open)."""
    if not path.exists():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def machine() -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        fs = subprocess.run(
            ["df", "--output=fstype", str(HERE)], capture_output=True, text=True, check=False
        ).stdout.split()[-1]
    except (OSError, IndexError):
        fs = "?"
    return [
        f"date      {date.today().isoformat()}",
        f"machine   {os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {cpu}",
        f"os        {platform.platform()}, filesystem {fs}",
        f"python    {platform.python_version()}, sqlite {sqlite3.sqlite_version}, "
        f"peewee {peewee.__version__}",
    ]


def size_mb(path: Path) -> float:
    total = path.stat().st_size
    wal = Path(str(path) + "-wal")
    if wal.exists():
        total += wal.stat().st_size
    return total / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=DEFAULT_TODAY,
        help="the 'today' the data was generated for (default %(default)s)",
    )
    parser.add_argument("--reps", type=int, default=50, help="repetitions of fast things")
    args = parser.parse_args(argv)
    path: Path = args.db
    today: date = args.today
    reps: int = args.reps
    if not path.exists():
        print(f"{path} does not exist: run python bench/generate.py first", file=sys.stderr)
        return 2

    results: list[tuple[str, str, bool]] = []  # (what, figure, pass)
    print("\n".join(machine()))
    print(f"database  {path}, today = {today}\n")

    # -- size ----------------------------------------------------------------
    mb = size_mb(path)
    print(f"Database size: {mb:.1f} MB ({mb * 1e6 / 2**20:.1f} MiB)")
    results.append(
        ("database size", f"{mb:.1f} MB (target <= {TARGET_DB_MB:.0f} MB)", mb <= TARGET_DB_MB)
    )

    # -- open --------------------------------------------------------------------
    def open_close():
        storage.open_database(path)
        storage.close_database()

    warm = timed(open_close, reps)

    cold = []
    for _ in range(min(reps, 20)):
        evict(path)
        t0 = time.perf_counter_ns()
        open_close()
        cold.append((time.perf_counter_ns() - t0) / 1e6)
    print("\nOpen + close (storage.open_database, close_database)")
    print(f"  file cached         {fmt(warm)}")
    print(f"  file evicted first  {fmt(cold)}   (posix_fadvise DONTNEED before each open)")

    storage.open_database(path)
    try:
        bench = Mentor.get_or_none(Mentor.name == BENCH_MENTOR_NAME)
        if bench is None:
            print(f"no mentor named {BENCH_MENTOR_NAME!r}: not a bench database", file=sys.stderr)
            return 2
        mentor_id = bench.id

        # -- caseload ----------------------------------------------------------------
        print(f"\nCaseload (bench mentor id {mentor_id})")
        n_one = len(caseload(mentor_id, today))
        one = timed(lambda: caseload(mentor_id, today), reps)
        print(f"  one mentor, active  ({n_one:>4} rows)  {fmt(one)}")
        results.append(
            (
                f"caseload, one mentor ({n_one} rows)",
                f"{statistics.median(one):.2f} ms (target <= {TARGET_ONE_MENTOR_MS} ms)",
                statistics.median(one) <= TARGET_ONE_MENTOR_MS,
            )
        )
        all_reps = max(10, reps // 2)
        for flt in (CourseFilter.ALL, CourseFilter.ACTIVE):
            n = len(caseload(None, today, flt))
            ms = timed(lambda: caseload(None, today, flt), all_reps, warmup=2)
            print(f"  all mentors, {flt.value:6} ({n:>4} rows)  {fmt(ms)}")
            if flt is CourseFilter.ALL:
                results.append(
                    (
                        f"caseload, all citizens ({n} rows)",
                        f"{statistics.median(ms):.2f} ms (target <= {TARGET_ALL_MS:.0f} ms)",
                        statistics.median(ms) <= TARGET_ALL_MS,
                    )
                )
        # the SQL alone, without building CaseloadRow objects
        sql, params = caseload_sql(mentor_id, today)
        raw = timed(lambda: db.execute_sql(sql, params).fetchall(), reps)
        print(f"  one mentor, SQL only (fetchall)   {fmt(raw)}")
        sql_all, params_all = caseload_sql(None, today, CourseFilter.ALL)
        raw_all = timed(lambda: db.execute_sql(sql_all, params_all).fetchall(), all_reps, 2)
        print(f"  all, SQL only (fetchall)          {fmt(raw_all)}")

        # -- one citizen's full record ----------------------------------------------------
        mine = [
            c.id
            for c in Citizen.select(Citizen.id)
            .join(Course)
            .where(
                Citizen.mentor == mentor_id,
                Citizen.archived_on.is_null(),
                Course.end_date.is_null(),
            )
        ]
        sizes = sorted((sum(len(v) for v in load_record(cid).values()), cid) for cid in mine)
        print("\nOne citizen's full record")
        for label, (rows, cid) in (("median-size", sizes[len(sizes) // 2]), ("largest", sizes[-1])):
            counts = {k: len(v) for k, v in load_record(cid).items()}
            print(f"  {label} of the bench mentor's active citizens: citizen {cid}, {rows} rows")
            print("      " + ", ".join(f"{k} {v}" for k, v in counts.items()))
            export_ms = timed(lambda: export_document(citizen_id=cid), reps)
            screen_ms = timed(
                lambda: (
                    citizen_overview(cid, today),
                    logbook_of(cid, limit=1000),
                    meetings_of(cid),
                ),
                reps,
            )
            model_ms = timed(lambda: load_record(cid), reps)
            statements = [q.sql() for q in record_queries(cid).values()]
            conn = db.connection()
            raw_ms = timed(lambda: [conn.execute(q, p).fetchall() for q, p in statements], reps)
            print(f"    domain export_document(citizen_id)      {fmt(export_ms)}")
            print(f"    citizen screen (overview+logbook+meet.) {fmt(screen_ms)}")
            print(f"    12 Peewee queries, model instances      {fmt(model_ms)}")
            print(f"    same 12 statements, bare sqlite3 cursor {fmt(raw_ms)}")
            if label == "largest":
                results.append(
                    (
                        f"full record, largest of the bench mentor's ({rows} rows), "
                        "domain export_document",
                        f"{statistics.median(export_ms):.2f} ms "
                        f"(target <= {TARGET_RECORD_MS:.0f} ms)",
                        statistics.median(export_ms) <= TARGET_RECORD_MS,
                    )
                )
        scans = []
        for name, query in record_queries(sizes[-1][1]).items():
            q_sql, q_params = query.sql()
            for row in db.execute_sql("EXPLAIN QUERY PLAN " + q_sql, q_params).fetchall():
                if row[-1].startswith("SCAN") and "TEMP B-TREE" not in row[-1]:
                    scans.append(f"{name}: {row[-1]}")
        print("  full scans in the record queries: " + ("; ".join(scans) if scans else "none"))

        # -- EXPLAIN QUERY PLAN of the caseload ----------------------------------------------
        print("\nEXPLAIN QUERY PLAN, caseload for one mentor (active courses):")
        depth: dict[int, int] = {0: -1}
        for node, parent, _unused, detail in db.execute_sql(
            "EXPLAIN QUERY PLAN " + sql, params
        ).fetchall():
            depth[node] = depth.get(parent, -1) + 1
            print("  " + "  " * depth[node] + detail)

        # -- one logbook commit vs a raw 4 KiB write + fsync -----------------------------------
        commit_reps = max(reps, 200)
        commit_ms, fsync_ms, frames = commit_bench(path, mentor_id, commit_reps)
        normal_ms, _, _ = commit_bench(path, mentor_id, commit_reps, synchronous="normal")
        ratio = statistics.median(commit_ms) / statistics.median(fsync_ms)
        pair = statistics.median(c / f for c, f in zip(commit_ms, fsync_ms))
        print("\nOne logbook entry committed (LogbookEntry.create in db.atomic(), WAL)")
        print(f"  synchronous=FULL (the app)       {fmt(commit_ms)}")
        print(f"  raw 4 KiB append+fsync, same dir {fmt(fsync_ms)}   (interleaved with the above)")
        print(f"  synchronous=NORMAL (no fsync)    {fmt(normal_ms)}   (CPU + write(), for scale)")
        print(
            f"  ratio of medians {ratio:.2f}x, median of paired ratios {pair:.2f}x; "
            f"WAL grew by {frames:.1f} pages per commit"
        )
        results.append(
            (
                "logbook commit vs raw fsync",
                f"{ratio:.2f}x ({statistics.median(commit_ms):.2f} ms vs "
                f"{statistics.median(fsync_ms):.2f} ms; "
                f"target <= {TARGET_COMMIT_RATIO:.0f}x)",
                ratio <= TARGET_COMMIT_RATIO,
            )
        )
    finally:
        storage.close_database()

    print("\nTargets")
    for what, figure, ok in results:
        print(f"  {verdict(ok)}  {what}: {figure}")
    return 0


def commit_bench(
    path: Path, mentor_id: int, reps: int, synchronous: str = "full", warmup: int = 3
) -> tuple[list[float], list[float], float]:
    """Time one committed LogbookEntry insert and one raw 4 KiB write+fsync, alternately.

    Returns (commit ms, raw fsync ms, WAL pages written per commit). The
    entries go on one of the bench mentor's current placements, on dates far
    after the data (the unique (placement, day) never clashes), and are
    deleted again afterwards. The raw file lives next to the database (same
    disk, same filesystem) and grows by 4 KiB per fsync, as the WAL grows.
    ``synchronous`` other than the app's FULL is for scale only.
    """
    placement = (
        Placement.select()
        .join(Citizen)
        .where(Citizen.mentor == mentor_id, Placement.end_date.is_null())
        .order_by(Placement.id)
        .first()
    )
    first_day = date(2099, 1, 1)
    probe = path.with_name(path.name + ".fsync-probe")
    block = os.urandom(4096)
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    wal = Path(str(path) + "-wal")
    commit_ms: list[float] = []
    fsync_ms: list[float] = []
    inserted: list[int] = []
    app_setting = dict(storage.PRAGMAS)["synchronous"]
    try:
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute_sql(f"PRAGMA synchronous = {synchronous}")
        # WAL pages per commit, from the WAL's growth over the first commits
        # (before the automatic checkpoint at 1000 pages restarts the WAL)
        wal_before = wal_after = 0
        counted = min(reps, 100)
        for i in range(reps + warmup):
            if i == warmup:
                wal_before = wal.stat().st_size if wal.exists() else 0
            if i == warmup + counted:
                wal_after = wal.stat().st_size if wal.exists() else 0
            t0 = time.perf_counter_ns()
            os.write(fd, block)
            os.fsync(fd)
            t1 = time.perf_counter_ns()
            with db.atomic():
                entry = LogbookEntry.create(
                    placement=placement.id,
                    citizen=placement.citizen_id,
                    entry_date=first_day + timedelta(days=i),
                    attendance="present",
                    hours_planned=4,
                    hours_worked=4,
                    tasks="Filled shelves",
                    energy=6,
                    pain=2,
                )
            t2 = time.perf_counter_ns()
            inserted.append(entry.id)
            if i >= warmup:
                fsync_ms.append((t1 - t0) / 1e6)
                commit_ms.append((t2 - t1) / 1e6)
        if reps == counted:
            wal_after = wal.stat().st_size if wal.exists() else 0
        frames = (wal_after - wal_before) / (4096 + 24) / counted
    finally:
        os.close(fd)
        probe.unlink(missing_ok=True)
        db.execute_sql(f"PRAGMA synchronous = {app_setting}")
        with db.atomic():
            LogbookEntry.delete().where(LogbookEntry.id.in_(inserted)).execute()
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return commit_ms, fsync_ms, frames


if __name__ == "__main__":
    raise SystemExit(main())
