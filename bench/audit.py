"""What the audit row costs a logbook save: ``add_entry`` with and without it.

    python bench/audit.py [--entries N] [--log-rows N]

A fresh temporary database (plaintext, the app's pragmas: WAL,
synchronous=FULL) with the demo caseload (today 2026-11-29) and an audit log
already ``--log-rows`` long (a few years of use), then ``add_entry`` for
``--entries`` consecutive days on one placement, alternating blocks of 20
with the audit row (as shipped) and without it (``audit.record`` replaced by
a no-op), so both see the same file and the same disk. Each call is one
transaction with its fsync. Then ``verify()`` over the whole log.
Prints medians with min and max.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

from mentorterm import storage  # noqa: E402
from mentorterm.demo import generate_demo  # noqa: E402
from mentorterm.domain import audit, logbook  # noqa: E402
from mentorterm.models import AuditEntry, Citizen, Placement, db  # noqa: E402
from mentorterm.schemas import LogbookEntryIn  # noqa: E402

TODAY = date(2026, 11, 29)


def fill_log(rows: int) -> None:
    """A chained log of ``rows`` rows, written in bulk (open_record of the demo citizens)."""
    citizens = [c for (c,) in Citizen.select(Citizen.id).tuples()]
    last = AuditEntry.select().order_by(AuditEntry.id.desc()).first()  # the demo's row
    first, prev = (last.id + 1, last.hash) if last else (1, audit.GENESIS)
    batch: list[dict] = []
    start = datetime(2023, 1, 2, 8)
    with db.atomic():
        for n in range(first, first + rows):
            row = dict(
                id=n,
                at=start + timedelta(minutes=17 * n),
                action="open_record",
                what="citizen",
                record_id=citizens[n % len(citizens)],
                citizen_id=citizens[n % len(citizens)],
                mentor_id=1,
                purpose="opened the record",
                detail="",
            )
            digest = audit.digest(prev, **row)
            batch.append({**row, "prev_hash": prev, "hash": digest})
            prev = digest
            if len(batch) == 2000:
                AuditEntry.insert_many(batch).execute()
                batch = []
        if batch:
            AuditEntry.insert_many(batch).execute()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=400)
    parser.add_argument("--log-rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        storage.open_database(Path(folder) / "bench.db")
        try:
            generate_demo(seed=1, today=TODAY)
            fill_log(args.log_rows)
            citizen = Citizen.select().first()
            placement = Placement.create(
                citizen=citizen,
                kind="company_internship",
                workplace="Bench",
                start_date=date(2000, 1, 1),
            ).id
            real, noop = audit.record, (lambda *a, **k: 0)
            timings: dict[bool, list[float]] = {True: [], False: []}
            day = date(2000, 1, 1)
            for block in range(args.entries // 20):
                with_row = block % 2 == 0
                audit.record = real if with_row else noop
                for _ in range(20):
                    data = LogbookEntryIn(
                        entry_date=day,
                        attendance="present",
                        hours_planned=4,
                        hours_worked=4,
                        tasks="Opvask",
                    )
                    started = time.perf_counter_ns()
                    logbook.add_entry(placement, data)
                    timings[with_row].append((time.perf_counter_ns() - started) / 1e6)
                    day += timedelta(days=1)
            audit.record = real
            started = time.perf_counter()
            problems = audit.verify()
            verify_s = time.perf_counter() - started
            total = audit.count()
        finally:
            storage.close_database()

    def fmt(values: list[float]) -> str:
        return (
            f"median {statistics.median(values):.2f} ms (min {min(values):.2f}, "
            f"max {max(values):.2f}, n={len(values)})"
        )

    print(f"add_entry with the audit row:    {fmt(timings[True])}")
    print(f"add_entry without the audit row: {fmt(timings[False])}")
    print(
        f"difference of the medians: "
        f"{statistics.median(timings[True]) - statistics.median(timings[False]):+.2f} ms "
        f"(log of {args.log_rows:,} rows before)"
    )
    print(
        f"verify() over {total:,} rows: {verify_s:.2f} s, "
        f"{'intact' if not problems else f'{len(problems)} problem(s)'}"
    )


if __name__ == "__main__":
    main()
