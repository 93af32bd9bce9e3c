"""What erasing one citizen costs on the demo data: the checkpoint, and VACUUM.

    python bench/erasure.py [--runs N]

For each run: a fresh temporary database with ``generate_demo`` (today
2026-11-29), then ``erase_citizen`` of the citizen with the most logbook
days (one transaction + ``wal_checkpoint(TRUNCATE)``), and on a second copy
the same with ``vacuum=True``. Prints medians and the file sizes.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from mentorterm import storage as _storage  # noqa: E402

# The data, not the cipher (see encryption.py): new databases here are plaintext.
_storage.allow_plaintext_for_tests()

from peewee import fn  # noqa: E402

from mentorterm import storage  # noqa: E402
from mentorterm.demo import generate_demo  # noqa: E402
from mentorterm.domain.erasure import erase_citizen  # noqa: E402
from mentorterm.models import Citizen, LogbookEntry  # noqa: E402

TODAY = date(2026, 11, 29)


def erase_once(path: Path, vacuum: bool) -> tuple[float, int]:
    storage.open_database(path)
    try:
        citizen_id = (
            LogbookEntry.select(LogbookEntry.citizen)
            .group_by(LogbookEntry.citizen)
            .order_by(fn.COUNT(LogbookEntry.id).desc())
            .scalar()
        )
        name = Citizen.get_by_id(citizen_id).name
        result = erase_citizen(citizen_id, name, vacuum=vacuum)
    finally:
        storage.close_database()
    return result.seconds * 1000, result.rows_deleted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder) / "demo.db"
        storage.open_database(base)
        generate_demo(seed=1, today=TODAY)
        storage.close_database()
        size = base.stat().st_size
        plain, vacuumed, rows, after = [], [], 0, 0
        for run in range(args.runs):
            for vacuum, times in ((False, plain), (True, vacuumed)):
                copy = Path(folder) / f"run{run}-{vacuum}.db"
                shutil.copy(base, copy)
                ms, rows = erase_once(copy, vacuum)
                times.append(ms)
                if vacuum:
                    after = copy.stat().st_size
    print(
        f"erase the largest demo citizen ({rows} rows) from a {size // 1024} KiB database: "
        f"transaction + checkpoint median {statistics.median(plain):.1f} ms "
        f"(min {min(plain):.1f}, max {max(plain):.1f}); with VACUUM "
        f"{statistics.median(vacuumed):.1f} ms (min {min(vacuumed):.1f}, "
        f"max {max(vacuumed):.1f}; file {after // 1024} KiB after), n={args.runs}"
    )


if __name__ == "__main__":
    main()
