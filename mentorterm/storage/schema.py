"""A new database's schema: the tables and the triggers SQLite keeps for us."""

from __future__ import annotations

import peewee

from .. import models
from . import summary


def create_schema(database: peewee.SqliteDatabase, version: int) -> None:
    """Every table and trigger of a new database, marked as schema ``version``."""
    from .migration_v11 import uid_indexes  # with the models: only for a new file

    with database.atomic():
        database.create_tables(models.ALL_MODELS + models.AUDIT_MODELS + models.SYNC_MODELS)
        for statement in TRIGGERS + AUDIT_TRIGGERS + summary.STATEMENTS + uid_indexes():
            database.execute_sql(statement)
        database.execute_sql(f"PRAGMA user_version = {int(version)}")


# Invariants SQLite keeps for us, whoever writes.
TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS logbook_entry_citizen_insert
       BEFORE INSERT ON logbook_entry
       WHEN NEW.citizen_id IS NOT (SELECT citizen_id FROM placement WHERE id = NEW.placement_id)
       BEGIN SELECT RAISE(ABORT, 'logbook entry citizen differs from placement citizen'); END""",
    """CREATE TRIGGER IF NOT EXISTS logbook_entry_citizen_update
       BEFORE UPDATE OF citizen_id, placement_id ON logbook_entry
       WHEN NEW.citizen_id IS NOT (SELECT citizen_id FROM placement WHERE id = NEW.placement_id)
       BEGIN SELECT RAISE(ABORT, 'logbook entry citizen differs from placement citizen'); END""",
]


# The audit log is append-only: no row is ever changed, and a row goes only
# while its citizen is being erased (erasure_in_progress holds their id for
# that transaction; domain/audit.py). Erase rows themselves stay for good.
AUDIT_TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_update
       BEFORE UPDATE ON audit_entry
       BEGIN SELECT RAISE(ABORT, 'audit log entries cannot be changed'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete
       BEFORE DELETE ON audit_entry
       WHEN OLD.action = 'erase' OR OLD.citizen_id IS NULL
            OR OLD.citizen_id NOT IN (SELECT citizen_id FROM erasure_in_progress)
       BEGIN SELECT RAISE(ABORT, 'audit log entries go only when their citizen is erased'); END""",
]
