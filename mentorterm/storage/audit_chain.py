"""The audit log's chain in SQL: its tip, appending a row, reading rows back, erasing.

The domain (domain/audit/) decides what a row says and hashes it; this room
holds every statement on ``audit_entry`` that knows the engine: SQLite's
``sqlite_sequence`` (the AUTOINCREMENT counter, so an id is never used twice)
and ``sqlite_master``. The statements are constant strings, so the driver
prepares each once per connection and reuses it on every save.

Functions that take ``execute`` run on any connection (``db.execute_sql``,
or a backup's copy still open in ``backup_to``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee

from ..models import db
from .engine import execute as run
from .engine import is_postgres

Execute = Callable[..., Any]

#: The columns of a row, in this order everywhere below.
COLUMNS = (
    "id",
    "at",
    "action",
    "what",
    "record_id",
    "citizen_id",
    "mentor_id",
    "purpose",
    "detail",
    "prev_hash",
    "hash",
)
_NAMES = ", ".join(COLUMNS)

# One statement, so one snapshot: the counter (the next id is one more, even
# after an erasure removed the last rows), the last row's hash, and the mentor
# at the keyboard (the default one of this per-user database).
_TIP = (
    "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'), "
    "(SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1), "
    "(SELECT id FROM mentor WHERE is_default ORDER BY id LIMIT 1)"
)
# The team database: its counter table (storage/postgres.py) instead of
# sqlite_sequence, read under a lock every appender takes in its transaction
# (PostgreSQL's BEGIN takes no write lock, so two mentors saving at once would
# otherwise both chain onto the same last row).
_PG_LOCK = "SELECT pg_advisory_xact_lock(7301)"  # postgres.WRITE_LOCK, the team's write lock
_PG_TIP = _TIP.replace(
    "(SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry')",
    "(SELECT last_id FROM audit_counter)",
).replace(
    # The mentor behind the login (storage/team_access.py), else the default.
    "(SELECT id FROM mentor WHERE is_default ORDER BY id LIMIT 1)",
    "COALESCE(mentorterm_me(), (SELECT id FROM mentor WHERE is_default ORDER BY id LIMIT 1))",
)
_INSERT = f"INSERT INTO audit_entry ({_NAMES}) VALUES ({', '.join('?' * len(COLUMNS))})"


#: The ``at`` column's conversion (models/audit.py declares it a peewee
#: ``DateTimeField``), as a peewee insert would do it; a field of that type of
#: its own, so the first read logged does not load every model (~10 ms).
_AT = peewee.DateTimeField()


def _at_value(value: Any) -> Any:
    return _AT.db_value(value)


def tip() -> tuple[int, str | None, int | None]:
    """(the id the next row gets, the last row's hash or None, the default mentor's id).

    Call inside the write transaction of the append: it holds the write lock
    from its BEGIN, so no other connection appends between this and ``append``.
    """
    if is_postgres():
        db.execute_sql(_PG_LOCK)
        seq, last_hash, mentor_id = db.execute_sql(_PG_TIP).fetchone()
    else:
        seq, last_hash, mentor_id = db.execute_sql(_TIP).fetchone()
    return (seq or 0) + 1, last_hash, mentor_id


def append(row: dict[str, Any]) -> None:
    """Insert one row (every column of ``COLUMNS``), with the prepared statement."""
    values = [row[name] for name in COLUMNS]
    values[1] = _at_value(values[1])
    run(_INSERT, values)
    if is_postgres():
        run("UPDATE audit_counter SET last_id = ?", (values[0],))


def rows() -> list[tuple]:
    """Every row in id order, as tuples of ``COLUMNS``."""
    return db.execute_sql(f"SELECT {_NAMES} FROM audit_entry ORDER BY id").fetchall()


def last_issued_id() -> int | None:
    """The highest id ever given to a row (the counter), None before the first."""
    if is_postgres():
        row = db.execute_sql("SELECT NULLIF(last_id, 0) FROM audit_counter").fetchone()
    else:
        row = db.execute_sql(
            "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'"
        ).fetchone()
    return None if row is None else row[0]


def citizen_rows(citizen_id: int) -> list[tuple[int, str, str]]:
    """(id, prev_hash, hash) of the citizen's rows an erasure removes (not erase rows)."""
    return run(
        "SELECT id, prev_hash, hash FROM audit_entry "
        "WHERE citizen_id = ? AND action != 'erase' ORDER BY id",
        (citizen_id,),
    ).fetchall()


def remove_citizen_rows(citizen_id: int) -> None:
    """Delete the citizen's rows but the erase rows; the trigger lets them go only
    while the citizen's id is in ``erasure_in_progress`` (inside this call)."""
    run("INSERT INTO erasure_in_progress (citizen_id) VALUES (?)", (citizen_id,))
    run("DELETE FROM audit_entry WHERE citizen_id = ? AND action != 'erase'", (citizen_id,))
    run("DELETE FROM erasure_in_progress WHERE citizen_id = ?", (citizen_id,))


def accesses(citizen_id: int) -> list[tuple]:
    """(at, action, what, purpose, mentor's name, row id, mentor id) of the
    citizen's rows, oldest first."""
    return run(
        "SELECT a.at, a.action, a.what, a.purpose, m.name, a.id, a.mentor_id FROM audit_entry a "
        "LEFT JOIN mentor m ON m.id = a.mentor_id WHERE a.citizen_id = ? ORDER BY a.id",
        (citizen_id,),
    ).fetchall()


# --- the head of the chain, on any connection (the live one, a backup's copy) ---


def has_log(execute: Execute) -> bool:
    """Does this database have the log at all (schema 1-3 had none)?"""
    if is_postgres():
        return bool(execute("SELECT to_regclass('audit_entry')").fetchone()[0])
    return bool(
        execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'"
        ).fetchone()
    )


def head(execute: Execute, since: tuple[int, int] | None = None) -> tuple[int, str, int] | None:
    """(last id, its hash, number of rows) in one statement, so one snapshot.

    ``since`` = (an id, the number of rows up to it, as counted then): the
    rows after it are counted and added, not the whole log on every save,
    unless an erasure came since (it removed rows before it: all are counted).
    """
    if since is None:
        row = execute(
            "SELECT id, hash, (SELECT COUNT(*) FROM audit_entry) FROM audit_entry "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return (int(row[0]), str(row[1]), int(row[2])) if row else None
    after, counted = since
    row = execute(
        "SELECT id, hash, (SELECT COUNT(*) FROM audit_entry WHERE id > ?), "
        "(SELECT COUNT(*) FROM audit_entry WHERE id > ? AND action = 'erase') "
        "FROM audit_entry ORDER BY id DESC LIMIT 1",
        (after, after),
    ).fetchone()
    if row is None:
        return None
    if row[3]:
        return head(execute)
    return int(row[0]), str(row[1]), counted + int(row[2])


def erase_details(execute: Execute, after_id: int) -> list[str]:
    """The ``detail`` (the list of removed rows) of each erase row after ``after_id``."""
    return [
        detail or "[]"
        for (detail,) in execute(
            "SELECT detail FROM audit_entry WHERE action = 'erase' AND id > ?", (after_id,)
        ).fetchall()
    ]


def hash_of(execute: Execute, entry_id: int) -> str | None:
    """The hash of the row ``entry_id`` while it is in the log."""
    row = execute("SELECT hash FROM audit_entry WHERE id = ?", (entry_id,)).fetchone()
    return str(row[0]) if row else None


def max_id(execute: Execute) -> int:
    """The highest id still in the log (0 when empty)."""
    return int(execute("SELECT MAX(id) FROM audit_entry").fetchone()[0] or 0)


def count_up_to(execute: Execute, entry_id: int) -> int:
    """How many rows with an id up to ``entry_id`` are in the log."""
    return int(execute("SELECT COUNT(*) FROM audit_entry WHERE id <= ?", (entry_id,)).fetchone()[0])
