"""What encryption at rest costs: opening, a screen's load, reading the caseload, saving a day.

The demo caseload in a plaintext and in an encrypted (SQLCipher) database,
the same operations on each; medians printed side by side. "a worker's
load" is the caseload read in a thread of its own, as a screen loads its
data (domain/threads.py: a connection of its own, opened and closed).

    python bench/encryption.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mentorterm import storage  # noqa: E402
from mentorterm.demo import generate_demo  # noqa: E402
from mentorterm.domain import caseload, logbook  # noqa: E402
from mentorterm.domain.overview import placements_of  # noqa: E402
from mentorterm.domain.threads import in_own_connection  # noqa: E402
from mentorterm.models import Placement  # noqa: E402

TODAY = date(2026, 11, 22)
PASS = "correct horse battery staple"


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def measure(path: Path, passphrase: str | None) -> dict[str, float]:
    plaintext = passphrase is None
    storage.open_database(path, passphrase=passphrase, plaintext=plaintext)
    generate_demo(seed=1, today=TODAY)
    storage.close_database()

    def open_close() -> None:
        storage.open_database(path, create=False, passphrase=passphrase)
        storage.close_database()

    figures = {"open": median_ms(open_close, 5)}
    storage.open_database(path, create=False, passphrase=passphrase)

    def worker_load() -> None:
        thread = threading.Thread(
            target=in_own_connection, args=(lambda: caseload.caseload(today=TODAY),)
        )
        thread.start()
        thread.join()

    figures["a worker's load"] = median_ms(worker_load, 10)
    figures["caseload"] = median_ms(lambda: caseload.caseload(today=TODAY), 30)
    citizen = Placement.select().first().citizen_id
    pid = placements_of(citizen)[0].id
    day = [TODAY + timedelta(days=400)]

    def add_day() -> None:
        day[0] += timedelta(days=1)
        logbook.add_entry(
            pid,
            logbook.LogbookEntryIn(
                entry_date=day[0], attendance="present", hours_planned=3, hours_worked=3
            ),
        )

    from mentorterm.domain import placements

    placements.update_placement(
        pid, placements.placement_input(pid).model_copy(update={"end_date": None})
    )
    figures["save a day"] = median_ms(add_day, 30)
    storage.close_database()
    return figures


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        plain = measure(Path(folder) / "plain.db", None)
        encrypted = measure(Path(folder) / "encrypted.db", PASS)
    print(f"{'operation':<16} {'plaintext':>10} {'encrypted':>10}")
    for name in plain:
        print(f"{name:<16} {plain[name]:>8.1f}ms {encrypted[name]:>8.1f}ms")


if __name__ == "__main__":
    main()
