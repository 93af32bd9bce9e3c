"""The bench organisation on both engines: SQLite and a local PostgreSQL.

    python bench/team.py --pg postgresql:///mentorterm_bench [--sqlite /tmp/bench.db] [--reps 30]

Builds the bench organisation (bench/generate.py: 5,000 citizens, 84 mentors,
250,000 logbook days, 20,000 meetings) into the team database named by
``--pg`` (created empty by the caller; ``team init`` is run here), and into
the SQLite file ``--sqlite`` unless it exists, then times on each engine:

- one mentor's caseload (the bench mentor's 60 active citizens),
- the weekly review of that mentor's citizens (the team review of 60),
- the whole organisation's review.

Issue 18's targets on PostgreSQL: caseload <= 5 ms, team review of 60 <= 50 ms,
the organisation's review <= 1 s. Figures go in bench/README.md.

PostgreSQL is timed twice: as the administration login of ``--pg`` (a table
owner or superuser: row-level security does not apply) and, as the app runs
for a mentor, as the bench mentor's own login ``bench_mentor`` (made here
with ``team add-mentor`` semantics and tied to the bench mentor), where every
statement goes through the policies (storage/team_access.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from mentorterm import storage  # noqa: E402

TODAY = date(2026, 11, 22)


def timed(fn, reps: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def fmt(ms: list[float]) -> str:
    ms = sorted(ms)
    p90 = ms[int(len(ms) * 0.9) - 1] if len(ms) >= 10 else ms[-1]
    return f"p50 {statistics.median(ms):8.1f} ms   p90 {p90:8.1f} ms   (n={len(ms)})"


def _sequences_past_the_ids() -> None:
    """The generator writes its ids itself; PostgreSQL's sequences then still
    stand at 1, and the next row made the normal way would take a used id."""
    from mentorterm.models import ALL_MODELS, db

    with db.atomic():
        for model in ALL_MODELS:
            table = model._meta.table_name
            if db.execute_sql("SELECT pg_get_serial_sequence(%s, 'id')", (table,)).fetchone()[0]:
                db.execute_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"COALESCE(max(id), 0) + 1, false) FROM {table}"
                )


def build(target: str) -> float:
    import generate

    start = time.perf_counter()
    storage.open_database(target)
    try:
        generate.build(1, TODAY)
        if storage.is_postgres():
            _sequences_past_the_ids()
    finally:
        storage.close_database()
    return time.perf_counter() - start


LOGIN, LOGIN_PASSWORD = "bench_mentor", "bench-mentor-password"


def mentor_login(target: str) -> str:
    """``target`` as the bench mentor's own login (made once, tied to the bench mentor)."""
    from urllib.parse import urlsplit, urlunsplit

    storage.open_database(target)
    try:
        from mentorterm.models import db

        bench = storage.ensure_default_mentor().id
        taken = db.execute_sql(
            "SELECT mentor_id FROM mentor_login WHERE login = %s", (LOGIN,)
        ).fetchone()
        if taken is None:
            made = storage.add_team_mentor(LOGIN, "Bench login", LOGIN_PASSWORD)
            with db.atomic():
                db.execute_sql(
                    "UPDATE mentor_login SET mentor_id = %s WHERE login = %s", (bench, LOGIN)
                )
                db.execute_sql("DELETE FROM mentor WHERE id = %s", (made,))
    finally:
        storage.close_database()
    parts = urlsplit(target)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=f"{LOGIN}@{host}"))


def measure(target: str, reps: int, password: str | None = None) -> dict[str, list[float]]:
    from mentorterm.domain import caseload, review

    storage.open_database(target, passphrase=password)
    try:
        mentor = storage.ensure_default_mentor().id
        thresholds = None  # the defaults, as bench/review.py
        mine = len(caseload.caseload(mentor, TODAY))
        queue_of_60 = review.review_queue(TODAY, mentor, thresholds)
        everyone = len(review.review_queue(TODAY, None, thresholds))
        print(
            f"    bench mentor: {mine} citizens in the caseload, {len(queue_of_60)} in the "
            f"queue; the organisation's queue: {everyone}"
        )
        return {
            "caseload, one mentor": timed(lambda: caseload.caseload(mentor, TODAY), reps),
            "review, one mentor's 60": timed(
                lambda: review.review_queue(TODAY, mentor, thresholds), reps
            ),
            "review, whole organisation": timed(
                lambda: review.review_queue(TODAY, None, thresholds), max(3, reps // 6), 1
            ),
        }
    finally:
        storage.close_database()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", required=True, help="an empty PostgreSQL database's address")
    parser.add_argument("--sqlite", type=Path, default=Path("/tmp/bench-team.db"))
    parser.add_argument("--reps", type=int, default=30)
    parser.add_argument("--skip-build", action="store_true", help="both are already built")
    args = parser.parse_args(argv)
    storage.allow_plaintext_for_tests(True)  # the bench file, like generate.py's
    if not args.skip_build:
        storage.init_team(args.pg)
        print(f"PostgreSQL built in {build(args.pg):.0f} s")
        if not args.sqlite.exists():
            print(f"SQLite built in {build(str(args.sqlite)):.0f} s")
    results = {}
    login = mentor_login(args.pg)
    engines = (
        ("SQLite", str(args.sqlite), None),
        ("PostgreSQL", args.pg, None),
        ("PostgreSQL, mentor login", login, LOGIN_PASSWORD),
    )
    for name, target, password in engines:
        print(name)
        results[name] = measure(target, args.reps, password)
        for what, ms in results[name].items():
            print(f"  {what:28} {fmt(ms)}")
    for name in ("PostgreSQL", "PostgreSQL, mentor login"):
        print(f"\n{name} / SQLite (p50):")
        for what in results["SQLite"]:
            ratio = statistics.median(results[name][what]) / statistics.median(
                results["SQLite"][what]
            )
            print(f"  {what:28} {ratio:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
