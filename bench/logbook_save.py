"""The app's logbook save against a raw 4 KiB write + fsync in the same folder.

    python bench/logbook_save.py [--saves N] [--plaintext] [--back-to-back] [--profile]

A fresh temporary database made as the app makes it (SQLCipher unless
``--plaintext``; WAL, synchronous=FULL) with the demo caseload (today
2026-11-29), then ``logbook.add_entry`` for ``--saves`` consecutive days on
one placement: the whole save a mentor waits for (the checks, the row, its
audit row, the commit's fsync, the audit anchor moved beside the file). The
saves run on the connection that made the demo (about 2,650 different
statements first), as late in a long session: until 2026-12-08 sqlcipher3's
statement cache then compiled every statement of every save again.
Each save is interleaved with a raw 4 KiB append + ``os.fsync`` to a file
beside the database, so both see the same disk at the same moment. Prints
both medians (with min and max) and their ratio, and the median of the
per-pair ratios. ``--profile`` prints where a save spends its time instead.

Before each pair the previous save's audit anchor is on disk (its writer
thread, ``anchor_file.flush``, outside the timing), as it is when a mentor
saves: days are seconds apart, and the anchor is written in well under one.
``--back-to-back`` leaves that out, as this script did before 2026-12-08:
each pair then overlaps the last save's anchor write (its JSON, its fsync,
the GIL), which the figure counted against both the save and the raw fsync.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mentorterm import storage  # noqa: E402
from mentorterm.demo import generate_demo  # noqa: E402
from mentorterm.domain import audit, logbook  # noqa: E402
from mentorterm.models import Citizen, Placement  # noqa: E402
from mentorterm.schemas import LogbookEntryIn  # noqa: E402

TODAY = date(2026, 11, 29)
PASSPHRASE = "bench logbook save passphrase"


def _entry(day: date) -> LogbookEntryIn:
    return LogbookEntryIn(
        entry_date=day,
        attendance="present",
        hours_planned=4,
        hours_worked=4,
        tasks="Filled shelves",
        energy=6,
        pain=2,
    )


def _placement() -> int:
    citizen = Citizen.select().order_by(Citizen.id).first()
    return Placement.create(
        citizen=citizen, kind="company_internship", workplace="Bench", start_date=date(2000, 1, 1)
    ).id


def measure(
    folder: Path, saves: int, warmup: int = 5, back_to_back: bool = False
) -> tuple[list[float], list[float]]:
    """(save ms, raw fsync ms), alternately, ``saves`` of each after ``warmup``."""
    from mentorterm.domain.audit import anchor_file

    placement = _placement()
    probe = folder / "fsync-probe"
    block = os.urandom(4096)
    fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    save_ms: list[float] = []
    fsync_ms: list[float] = []
    day = date(2000, 1, 1)
    try:
        for i in range(saves + warmup):
            data = _entry(day)
            if not back_to_back:
                anchor_file.flush()  # the last save's anchor on disk, as between a mentor's saves
            t0 = time.perf_counter_ns()
            os.write(fd, block)
            os.fsync(fd)
            t1 = time.perf_counter_ns()
            logbook.add_entry(placement, data)
            t2 = time.perf_counter_ns()
            day += timedelta(days=1)
            if i >= warmup:
                fsync_ms.append((t1 - t0) / 1e6)
                save_ms.append((t2 - t1) / 1e6)
    finally:
        os.close(fd)
        probe.unlink(missing_ok=True)
    return save_ms, fsync_ms


def profile(saves: int) -> None:
    import cProfile
    import pstats

    placement = _placement()
    days = [date(2000, 1, 1) + timedelta(days=i) for i in range(saves)]
    entries = [_entry(day) for day in days]
    profiler = cProfile.Profile()
    profiler.enable()
    for data in entries:
        logbook.add_entry(placement, data)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--plaintext", action="store_true", help="no SQLCipher")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--back-to-back", action="store_true", help="no wait for the last save's anchor write"
    )
    args = parser.parse_args()
    if args.saves < 50:
        parser.error("--saves: at least 50, for a median worth reading")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if args.plaintext:
            storage.open_database(folder / "bench.db", plaintext=True)
        else:
            storage.open_database(folder / "bench.db", passphrase=PASSPHRASE)
        try:
            generate_demo(seed=1, today=TODAY)
            if args.profile:
                profile(args.saves)
                return
            save_ms, fsync_ms = measure(folder, args.saves, back_to_back=args.back_to_back)
            problems = audit.verify()
        finally:
            storage.close_database()

    def fmt(values: list[float]) -> str:
        return (
            f"median {statistics.median(values):.2f} ms "
            f"(min {min(values):.2f}, max {max(values):.2f}, n={len(values)})"
        )

    kind = "plaintext" if args.plaintext else "SQLCipher"
    kind += ", back to back" if args.back_to_back else ""
    ratio = statistics.median(save_ms) / statistics.median(fsync_ms)
    pairs = statistics.median(s / f for s, f in zip(save_ms, fsync_ms, strict=True))
    print(f"logbook.add_entry ({kind}, synchronous=FULL): {fmt(save_ms)}")
    print(f"raw 4 KiB write + fsync, same folder:       {fmt(fsync_ms)}")
    print(f"ratio of the medians: {ratio:.2f}x   median of the per-pair ratios: {pairs:.2f}x")
    print(f"audit chain: {'intact' if not problems else f'{len(problems)} problem(s)'}")


if __name__ == "__main__":
    main()
