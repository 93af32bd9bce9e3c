"""How long the weekly review's signals take: one mentor's 60 citizens, and all 5,000.

    python bench/review.py [--db bench/bench.db] [--as-of 2026-11-22] [--reps 30]

Uses the bench database of bench/generate.py (generated first if the file is
missing, about half a minute). Its default mentor, the "Bench mentor", owns
exactly 60 citizens with an active course (plus 4 ended, 2 archived): that is
"one mentor's 60 active citizens", measured inside the full 5,000-citizen
file (the harder case: a per-user database of the same 60 is smaller). The
organisation-wide figure is ``review_queue(as_of)`` over every mentor.

Each figure is the median of ``--reps`` runs (after 3 untimed warm-ups) of
``review_queue`` with the default thresholds: every signal for every citizen
in scope, the queue built and sorted. Then each of the queue's statements
alone (fetchall), and any full table scan in their query plans.
Targets (issue 7): one mentor <= 50 ms, all citizens <= 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

from generate import BENCH_MENTOR_NAME, DEFAULT_OUT, DEFAULT_TODAY

from mentorterm import storage
from mentorterm.domain.review import review_queue, review_sql
from mentorterm.models import Mentor, db

TARGET_ONE_MENTOR_MS = 50.0
TARGET_ALL_MS = 1000.0
STATEMENTS = (
    "citizens (scalar facts)",
    "sub-goals",
    "action items",
    "placement transitions",
    "hours steps",
    "week's decisions",
)


def timed(fn, reps: int, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(reps):
        start = time.perf_counter_ns()
        fn()
        out.append((time.perf_counter_ns() - start) / 1e6)
    return out


def fmt(ms: list[float]) -> str:
    return (
        f"median {statistics.median(ms):8.2f} ms  (min {min(ms):.2f}, max {max(ms):.2f}, "
        f"n={len(ms)})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--as-of", type=date.fromisoformat, default=DEFAULT_TODAY)
    parser.add_argument("--reps", type=int, default=30)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: generating it (bench/generate.py) ...", flush=True)
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                "--out",
                str(args.db),
                "--today",
                args.as_of.isoformat(),
            ],
            check=True,
        )
    storage.open_database(args.db, create=False)
    results = []
    try:
        mentor = Mentor.get(Mentor.name == BENCH_MENTOR_NAME).id
        as_of = args.as_of
        print(f"Weekly review as of {as_of} on {args.db}")
        for label, mentor_id, reps, target in (
            ("one mentor (the bench mentor)", mentor, args.reps, TARGET_ONE_MENTOR_MS),
            ("all mentors", None, max(5, args.reps // 3), TARGET_ALL_MS),
        ):
            queue = review_queue(as_of, mentor_id)
            signals = sum(len(item.signals) for item in queue)
            ms = timed(lambda: review_queue(as_of, mentor_id), reps)
            scope = db.execute_sql(
                review_sql(as_of, mentor_id)[0][0].replace(
                    "SELECT c.id, c.name,", "SELECT count(*) FROM (SELECT c.id,", 1
                )
                + ")",
                review_sql(as_of, mentor_id)[0][1],
            ).fetchone()[0]
            print(f"\n{label}: {scope} citizens read, {len(queue)} in the queue, {signals} signals")
            print(f"  review_queue                     {fmt(ms)}")
            for name, (sql, params) in zip(STATEMENTS, review_sql(as_of, mentor_id)):
                alone = timed(lambda: db.execute_sql(sql, params).fetchall(), reps)
                print(f"    {name:<29}  {fmt(alone)}")
            median = statistics.median(ms)
            results.append((f"review_queue, {label}", median, target))
        scans = []
        for name, (sql, params) in zip(STATEMENTS, review_sql(as_of, mentor)):
            for row in db.execute_sql("EXPLAIN QUERY PLAN " + sql, params).fetchall():
                if row[-1].startswith("SCAN") and "TEMP B-TREE" not in row[-1]:
                    scans.append(f"{name}: {row[-1]}")
        print("\nfull scans in the one-mentor statements: " + ("; ".join(scans) or "none"))
    finally:
        storage.close_database()
    print("\nTargets")
    for what, median, target in results:
        verdict = "PASS" if median <= target else "FAIL"
        print(f"  {verdict}  {what}: median {median:.1f} ms (target <= {target:.0f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
