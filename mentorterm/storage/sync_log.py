"""A laptop's change log (schema 13, issue 19): SQLite triggers that write a
``change_op`` row for every record written, every field changed and every
record deleted, whoever writes (the domain, a correction, a cascade).

The triggers stand only while the file holds citizens from the team database
(``start``; ``stop`` when all are returned) and stand still while a pull
from the server writes (``sync_state.pulling``), so what the server sent is
never taken for the mentor's own change. An UPDATE logs each changed column
apart, with the value before and after and the row's version before, so a
merge decides field by field. The bookkeeping columns (id, stamps, version,
uid) are not logged: they are not the mentor's words.
"""

from __future__ import annotations

import peewee

from ..models import ALL_MODELS, Draft, db

#: Columns no change of the mentor's is about.
_BOOKKEEPING = {"id", "created_at", "updated_at", "version", "uid"}
_NOW = "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"
_UID = "lower(hex(randomblob(16)))"
_ACTIVE = "(SELECT pulling FROM sync_state WHERE id = 1) = 0"


def logged_models() -> list[type[peewee.Model]]:
    """The record tables whose changes travel (a draft stays on its machine)."""
    return [m for m in ALL_MODELS if m is not Draft]


def logged_columns(model: type[peewee.Model]) -> list[str]:
    return [f.column_name for f in model._meta.sorted_fields if f.name not in _BOOKKEEPING]


def citizen_uid(model: type[peewee.Model], row: str) -> str:
    """SQL for the uid of the citizen a row (``row``: NEW or OLD) is about:
    the row's own citizen, or its parent's; NULL for the provider's own
    records (and for a row deleted with its citizen, whose row is gone)."""
    if model._meta.table_name == "citizen":
        return f"{row}.uid"
    if "citizen" in model._meta.fields:
        return f"(SELECT uid FROM citizen WHERE id = {row}.citizen_id)"
    for field in model._meta.sorted_fields:
        if isinstance(field, peewee.ForeignKeyField) and "citizen" in field.rel_model._meta.fields:
            parent = field.rel_model._meta.table_name
            return (
                f'(SELECT c.uid FROM citizen c JOIN "{parent}" p ON p.citizen_id = c.id '
                f'WHERE p.id = {row}."{field.column_name}")'
            )
    return "NULL"


def _triggers(model: type[peewee.Model]) -> list[tuple[str, str]]:
    table = model._meta.table_name
    head = (
        "INSERT INTO change_op "
        "(uid, table_name, record_uid, citizen_uid, op, field, old, new, base_version, at)"
    )
    new, old = citizen_uid(model, "NEW"), citizen_uid(model, "OLD")
    updates = " ".join(
        f"{head} SELECT {_UID}, '{table}', NEW.uid, {new}, 'update', '{c}', OLD.\"{c}\", "
        f'NEW."{c}", OLD.version, {_NOW} WHERE OLD."{c}" IS NOT NEW."{c}";'
        for c in logged_columns(model)
    )
    made = {
        f"sync_log_{table}_insert": (
            f'AFTER INSERT ON "{table}" WHEN {_ACTIVE} BEGIN {head} VALUES ({_UID}, '
            f"'{table}', NEW.uid, {new}, 'insert', '', NULL, NULL, NULL, {_NOW}); END"
        ),
        f"sync_log_{table}_update": f'AFTER UPDATE ON "{table}" WHEN {_ACTIVE} BEGIN {updates} END',
        f"sync_log_{table}_delete": (
            f'AFTER DELETE ON "{table}" WHEN {_ACTIVE} BEGIN {head} VALUES ({_UID}, '
            f"'{table}', OLD.uid, {old}, 'delete', '', NULL, NULL, OLD.version, {_NOW}); END"
        ),
    }
    return [(name, f'CREATE TRIGGER IF NOT EXISTS "{name}" {body}') for name, body in made.items()]


def start(database: peewee.SqliteDatabase | None = None) -> None:
    """Stand the change log's triggers on every record table (in the caller's transaction)."""
    database = database or db.obj
    for model in logged_models():
        for _name, statement in _triggers(model):
            database.execute_sql(statement)


def stop(database: peewee.SqliteDatabase | None = None) -> None:
    """Take the change log's triggers down (nothing is logged any more)."""
    database = database or db.obj
    for model in logged_models():
        for name, _statement in _triggers(model):
            database.execute_sql(f'DROP TRIGGER IF EXISTS "{name}"')


def is_logging(database: peewee.SqliteDatabase | None = None) -> bool:
    database = database or db.obj
    row = database.execute_sql(
        "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_log_%'"
    ).fetchone()
    return bool(row and row[0])


def set_pulling(on: bool) -> None:
    """Inside a pull's transaction: the triggers stand still while it writes."""
    db.execute_sql("UPDATE sync_state SET pulling = ? WHERE id = 1", (1 if on else 0,))


#: The advisory lock class of a citizen's sync batch (the write lock is 7301).
CITIZEN_LOCK = 7302


def lock_citizens(ids: list[int]) -> None:
    """Inside the merge's transaction on the team database: hold these
    citizens (in id order, so two syncs never wait on each other in a ring)
    until it ends. SQLite's file lock already holds everything."""
    from .engine import is_postgres

    if not is_postgres():
        return
    for cid in sorted(set(ids)):
        db.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)", (CITIZEN_LOCK, int(cid)))


def server_sequence() -> int:
    """The team database's count of changes so far (its audit counter: every
    change is audited, and the counter never goes back, erasures included)."""
    from .engine import is_postgres

    if is_postgres():
        return int(db.execute_sql("SELECT last_id FROM audit_counter").fetchone()[0])
    row = db.execute_sql("SELECT coalesce(max(id), 0) FROM audit_entry").fetchone()
    return int(row[0])
