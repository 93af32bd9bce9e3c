"""How long a two-year placement's logbook and statistics take to load.

    python bench/logbook_stats.py

Creates a temporary database with one placement of two years (from Monday
25-11-2024 to 22-11-2026) in two hours steps: 2 x 2 h Tue+Thu for 13 weeks,
then 5 x 3 h Mon-Fri; every scheduled day is logged (about 480 entries, with
sick days, absences and early leaves mixed in). Then times, 50 times:
entries() + period_stats(whole placement) + weekly_series and attendance_calendar
(whole placement) drawn as the statistics screen's charts.
Target: <= 50 ms.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

from mentorterm import storage  # noqa: E402
from mentorterm.domain import logbook, placements  # noqa: E402
from mentorterm.domain import statistics as stats  # noqa: E402
from mentorterm.domain.citizens import create_citizen  # noqa: E402
from mentorterm.domain.overview import placements_of  # noqa: E402
from mentorterm.enums import Attendance  # noqa: E402
from mentorterm.models import db  # noqa: E402
from mentorterm.schemas import CitizenIn, HoursStepIn, PlacementIn  # noqa: E402
from mentorterm.widgets.charts import calendar_grid, hours_chart  # noqa: E402

TODAY = date(2026, 11, 22)
START = date(2024, 11, 25)


def build() -> tuple[int, int, int]:
    """The citizen's id, the placement's id and its number of logbook entries."""
    rng = random.Random(5)
    citizen = create_citizen(CitizenIn(name="Bench Borger"))
    pid = placements.create_placement(
        citizen, PlacementIn(kind="company_internship", workplace="Bench Bakery", start_date=START)
    )
    placements.add_hours_step(
        pid, HoursStepIn(from_date=START, hours_per_week=4, schedule="2 x 2 h Tue+Thu")
    )
    placements.add_hours_step(
        pid, HoursStepIn(from_date=date(2025, 2, 24), hours_per_week=15, schedule="5 x 3 h Mon-Fri")
    )
    count = 0
    # One transaction: the app fsyncs every commit, which is not what is timed here.
    with db.atomic():
        while (draft := logbook.draft_for_next_day(pid, TODAY)) is not None:
            roll = rng.random()
            if roll < 0.15:
                kind = rng.choice(
                    [Attendance.SICK] * 3
                    + [Attendance.ABSENT_WITH_NOTICE, Attendance.ABSENT_WITHOUT_NOTICE]
                )
                draft = draft.model_copy(
                    update=dict(attendance=kind, hours_worked=0, notes="Migraine")
                )
            elif roll < 0.23:
                draft = draft.model_copy(
                    update=dict(
                        hours_worked=draft.hours_planned / 2,
                        left_early=True,
                        left_early_reason=rng.choice(["Migraine", "Back pain", "Too tired"]),
                    )
                )
            else:
                draft = draft.model_copy(update=dict(tasks="Bread, shelves", energy=6))
            logbook.add_entry(pid, draft)
            count += 1
    return citizen, pid, count


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        storage.open_database(Path(folder) / "logbook.db")
        citizen, pid, count = build()
        placement = placements_of(citizen)[0]
        times = []
        for _ in range(50):
            began = time.perf_counter()
            logbook.entries(pid)
            start, end = stats.period_bounds(stats.PeriodChoice.WHOLE_PLACEMENT, placement, TODAY)
            stats.period_stats(pid, start, end, TODAY)
            hours_chart(stats.weekly_series(pid, start, end))
            calendar_grid(stats.attendance_calendar(pid, start, end))
            times.append((time.perf_counter() - began) * 1000)
        storage.close_database()
    median = statistics.median(times)
    verdict = "PASS" if median <= 50 else "FAIL"
    print(
        f"two-year placement, {count} entries: what the logbook and statistics screens "
        f"compute (entries, period_stats, weekly chart, attendance calendar), "
        f"median {median:.1f} ms (min {min(times):.1f}, max {max(times):.1f}, n=50)  "
        f"{verdict} (target <= 50 ms)"
    )


if __name__ == "__main__":
    main()
