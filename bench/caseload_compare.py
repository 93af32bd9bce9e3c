"""The org-wide caseload of two versions of domain/caseload.py, interleaved.

    git show main:mentorterm/domain/caseload.py > /tmp/caseload_before.py
    python bench/caseload_compare.py --before /tmp/caseload_before.py [--db bench/bench.db] [--reps 40]

Both versions read the same open bench database in the same process, one call
of each in turn, so the machine's load falls on both alike. First checks that
both give the same rows; then prints, for all citizens and for the active
ones, the medians (and minimums) of the whole ``caseload()`` call and of its
statement alone (``fetchall``), and the ratio after / before. ``--freeze``
freezes the heap first (``gc.freeze``), as the installed command does.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mentorterm import storage  # noqa: E402
from mentorterm.domain import caseload as after  # noqa: E402

TODAY = date(2026, 11, 22)


def load_before(path: Path):
    spec = importlib.util.spec_from_file_location("mentorterm.domain._caseload_before", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--db", type=Path, default=Path(__file__).with_name("bench.db"))
    parser.add_argument("--reps", type=int, default=40)
    parser.add_argument("--freeze", action="store_true")
    args = parser.parse_args()
    storage.allow_plaintext_for_tests()
    storage.open_database(args.db)
    before = load_before(args.before)
    if args.freeze:
        gc.freeze()
    median = statistics.median
    try:
        for name in ("all", "active"):
            old = before.caseload(None, TODAY, before.CourseFilter(name))
            new = after.caseload(None, TODAY, after.CourseFilter(name))
            assert [tuple(r) for r in old] == [tuple(r) for r in new], f"{name}: rows differ"
            runs: dict[str, list[float]] = {"old": [], "new": [], "old sql": [], "new sql": []}
            for _ in range(args.reps):
                for label, module in (("old", before), ("new", after)):
                    courses = module.CourseFilter(name)
                    runs[label].append(timed(lambda: module.caseload(None, TODAY, courses)))
                    sql, params = module.caseload_sql(None, TODAY, courses)
                    runs[f"{label} sql"].append(
                        timed(lambda: storage.execute(sql, params).fetchall())
                    )
            figures = {k: f"{median(v):.1f} (min {min(v):.1f})" for k, v in runs.items()}
            print(
                f"{name:6} {len(new)} rows: caseload() before {figures['old']}, "
                f"after {figures['new']} ms, after/before {median(runs['new']) / median(runs['old']):.2f}; "
                f"statement alone before {figures['old sql']}, after {figures['new sql']} ms"
            )
    finally:
        storage.close_database()
    print("load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
