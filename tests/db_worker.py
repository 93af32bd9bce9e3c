"""Child processes for the crash and concurrency tests (run as a script).

    python tests/db_worker.py [--plaintext] seed DB  # a new database, one citizen + placement
    python tests/db_worker.py crash   DB START       # commit forever, print each number
    python tests/db_worker.py rw      DB NAME COUNT  # read-then-write transactions
    python tests/db_worker.py writer  DB NAME        # write pairs until stdin closes
    python tests/db_worker.py app     DB START       # the app's write paths forever
    python tests/db_worker.py domain  DB NAME COUNT  # domain transactions (agreements)

Every mode opens the database with ``storage.open_database`` (the real
pragmas: WAL, synchronous=FULL, IMMEDIATE transactions, busy timeout) and
prints ``ready`` once it is open. The database must already hold a citizen
with a placement (``seed``). ``--plaintext`` lets ``seed`` make an unencrypted
database (the app itself has no such switch; see storage.allow_plaintext_for_tests).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import peewee

# The checkout's mentorterm (this file's parent folder), not an installed one.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mentorterm import storage  # noqa: E402
from mentorterm.models import (  # noqa: E402
    ActionItem,
    Citizen,
    LogbookEntry,
    Meeting,
    Placement,
    db,
)

# The crash test runs once more on an encrypted database: the workers then
# open it with this passphrase (a test-only variable; the app never reads it).
PASSPHRASE = os.environ.get("MENTORTERM_TEST_PASSPHRASE") or None

BASE_DAY = date(2000, 1, 1)
BASE_TIME = datetime(2026, 1, 1, 8, 0)


def seed_database(path: str | Path) -> None:
    """A fresh database with one citizen and one placement (in this process)."""
    storage.open_database(str(path), passphrase=PASSPHRASE)
    try:
        mentor = storage.ensure_default_mentor()
        with db.atomic():
            citizen = Citizen.create(mentor=mentor, name="Crash Test")
            Placement.create(
                citizen=citizen, kind="training_ground", workplace="Værkstedet", start_date=BASE_DAY
            )
    finally:
        storage.close_database()


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def crash(path: str, start: int) -> None:
    storage.open_database(path, create=False, passphrase=PASSPHRASE)
    citizen = Citizen.select().order_by(Citizen.id).first()
    placement = Placement.select().where(Placement.citizen == citizen).first()
    _say("ready")
    number = start
    while True:
        tag = f"commit {number}"
        with db.atomic():
            # Three changes in one transaction: a logbook day (through the
            # trigger), a meeting in another table, and an update of the
            # citizen. Sizes vary so some commits span several pages.
            LogbookEntry.create(
                placement=placement,
                citizen=citizen,
                attendance="present",
                entry_date=BASE_DAY + timedelta(days=number),
                notes=tag,
                tasks="x" * ((number % 7) * 3000),
            )
            Meeting.create(
                citizen=citizen,
                kind="one_to_one",
                notes=tag,
                starts_at=BASE_TIME + timedelta(minutes=number),
            )
            Citizen.update(notes=tag).where(Citizen.id == citizen.id).execute()
        _say(str(number))
        number += 1


def read_then_write(path: str, name: str, count: int) -> None:
    storage.open_database(path, create=False, passphrase=PASSPHRASE)
    citizen = Citizen.select().order_by(Citizen.id).first()
    _say("ready")
    sys.stdin.readline()  # "go": both workers start together
    started = time.monotonic()
    seen: list[int] = []
    errors: list[str] = []
    for index in range(count):
        try:
            with db.atomic():
                before = ActionItem.select().count()
                ActionItem.create(citizen=citizen, what=f"{name}-{index}", owner=name)
            seen.append(before)
        except peewee.OperationalError as exc:
            errors.append(str(exc))
    ended = time.monotonic()
    storage.close_database()
    _say(json.dumps({"seen": seen, "errors": errors, "started": started, "ended": ended}))


def writer(path: str, name: str) -> None:
    storage.open_database(path, create=False, passphrase=PASSPHRASE)
    citizen = Citizen.select().order_by(Citizen.id).first()
    stop = threading.Event()

    def watch_stdin() -> None:
        sys.stdin.read()  # returns when the parent closes our stdin
        stop.set()

    threading.Thread(target=watch_stdin, daemon=True).start()
    written = 0
    while not stop.is_set():
        tag = f"{name}-{written}"
        with db.atomic():
            meeting = Meeting.create(
                citizen=citizen,
                kind="phone",
                notes=tag,
                starts_at=BASE_TIME + timedelta(minutes=written),
            )
            ActionItem.create(citizen=citizen, meeting=meeting, what=tag, owner=name)
        written += 1
        if written == 20:
            _say("ready")  # writing is under way
    storage.close_database()
    _say(json.dumps({"written": written}))


# --- through the app's own write paths (bench/soak.py) ------------------------------

# A placement's logbook holds one entry a day inside the dates the app accepts
# (2000-2050): after this many days the writer goes on in a new placement.
DAYS_PER_PLACEMENT = 18_000
SOAK_PARTICIPANTS = 2  # the citizen and the supervisor


def soak_tasks_length(number: int) -> int:
    """The logbook day's tasks text: sizes vary so some commits span several pages."""
    return (number % 7) * 1500


def soak_note_length(number: int) -> int:
    """The note's "tasks and work capacity" text."""
    return (number % 5) * 1000


def _soak_placement(citizen_id: int, number: int) -> int:
    """The placement that holds commit ``number``'s logbook day (made when needed)."""
    from mentorterm.domain.placements import create_placement
    from mentorterm.schemas import PlacementIn

    workplace = f"Soak {number // DAYS_PER_PLACEMENT}"
    found = Placement.get_or_none(
        (Placement.citizen == citizen_id) & (Placement.workplace == workplace)
    )
    if found is not None:
        return found.id
    return create_placement(
        citizen_id, PlacementIn(kind="training_ground", workplace=workplace, start_date=BASE_DAY)
    )


def soak_day(number: int) -> date:
    return BASE_DAY + timedelta(days=number % DAYS_PER_PLACEMENT)


def app_writes(path: str, start: int) -> None:
    """Commit forever through the domain, as the screens do; print each commit.

    Commit ``N`` is two transactions, each reported once it has returned:
    ``log N`` -- a logbook day (``logbook.add_entry``: the entry and its
    audit row), and ``note N`` -- a three-party follow-up note
    (``meetings.save_note``: the meeting, its participants, two agreements
    and the note's audit row). Every text says ``commit N``.
    """
    from mentorterm.domain import logbook, meetings
    from mentorterm.schemas import ActionItemIn, LogbookEntryIn, MeetingIn, ParticipantIn

    storage.open_database(path, create=False, passphrase=PASSPHRASE)
    citizen_id = Citizen.select(Citizen.id).order_by(Citizen.id).scalar()
    placement_id = _soak_placement(citizen_id, start)
    # Killed between its two transactions, a commit has its logbook day but no
    # note yet: the next writer begins with that note.
    skip_log = LogbookEntry.select().where(LogbookEntry.notes == f"commit {start}").exists()
    _say("ready")
    number = start
    while True:
        if number % DAYS_PER_PLACEMENT == 0:
            placement_id = _soak_placement(citizen_id, number)
        tag = f"commit {number}"
        if skip_log:
            skip_log = False
        else:
            logbook.add_entry(
                placement_id,
                LogbookEntryIn(
                    entry_date=soak_day(number),
                    attendance="present",
                    hours_planned=4,
                    hours_worked=3.5,
                    energy=number % 10 + 1,
                    notes=tag,
                    tasks="x" * soak_tasks_length(number),
                ),
            )
            _say(f"log {number}")
        meetings.save_note(
            citizen_id,
            meetings.MeetingNoteIn(
                meeting=MeetingIn(
                    starts_at=BASE_TIME + timedelta(minutes=number),
                    kind="three_party",
                    notes=tag,
                    tasks_note="y" * soak_note_length(number),
                    participants=[
                        ParticipantIn(name="Crash Test", role="citizen"),
                        ParticipantIn(name="Supervisor", role="placement_supervisor"),
                    ],
                ),
                action_items=[
                    ActionItemIn(what=f"{tag} a", owner="Crash Test"),
                    ActionItemIn(what=f"{tag} b", owner="Supervisor"),
                ],
            ),
        )
        _say(f"note {number}")
        number += 1


def domain_transactions(path: str, name: str, count: int) -> None:
    """``count`` transactions through the domain: new agreements (each with its
    audit row), every third then marked done in a transaction of its own."""
    from mentorterm.domain import action_items
    from mentorterm.schemas import ActionItemIn

    storage.open_database(path, create=False, passphrase=PASSPHRASE)
    citizen_id = Citizen.select(Citizen.id).order_by(Citizen.id).scalar()
    _say("ready")
    sys.stdin.readline()  # "go": both workers start together
    started = time.monotonic()
    done: list[int] = []
    errors: list[str] = []
    transactions = 0
    index = 0
    while transactions < count:
        try:
            item_id = action_items.add_action_item(
                citizen_id, ActionItemIn(what=f"{name}-{index}", owner=name)
            )
            transactions += 1
            if index % 3 == 0 and transactions < count:
                action_items.mark_done(item_id, BASE_DAY, today=BASE_DAY)
                transactions += 1
                done.append(index)
        except Exception as exc:  # every error counts: none is expected
            errors.append(f"{type(exc).__name__}: {exc}")
            transactions += 1
        index += 1
    ended = time.monotonic()
    storage.close_database()
    _say(
        json.dumps(
            {
                "agreements": index,
                "done": done,
                "errors": errors,
                "transactions": transactions,
                "started": started,
                "ended": ended,
            }
        )
    )


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--plaintext":
        storage.allow_plaintext_for_tests()
        argv = argv[1:]
    mode, path, *rest = argv
    if mode == "seed":
        seed_database(path)
    elif mode == "crash":
        crash(path, int(rest[0]))
    elif mode == "rw":
        read_then_write(path, rest[0], int(rest[1]))
    elif mode == "writer":
        writer(path, rest[0])
    elif mode == "app":
        app_writes(path, int(rest[0]))
    elif mode == "domain":
        domain_transactions(path, rest[0], int(rest[1]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
