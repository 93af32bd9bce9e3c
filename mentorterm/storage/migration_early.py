"""The first steps: schemas 2 to 5 (drafts and absence reasons, reports, the
audit log, the meetings' cancellations). Later steps have a module each
(migration_v6 ... migration_v13); storage/migrations.py runs them all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .schema import AUDIT_TRIGGERS

if TYPE_CHECKING:
    from playhouse.migrate import SqliteMigrator


def to_schema_2(migrator: SqliteMigrator) -> None:
    """Logbook days get the reason for an absence; forms get drafts."""
    from ..models import Draft

    # A plain ADD COLUMN (NOT NULL with a DEFAULT) rewrites no rows: quick
    # on a logbook of hundreds of thousands of days.
    migrator.database.execute_sql(
        """ALTER TABLE "logbook_entry" ADD COLUMN "absence_reason" TEXT NOT NULL DEFAULT ''"""
    )
    migrator.database.create_tables([Draft])


def to_schema_3(migrator: SqliteMigrator) -> None:
    """Saved progression reports (the mentor's judgement texts and the period)."""
    from ..models import Report

    migrator.database.create_tables([Report])


def to_schema_4(migrator: SqliteMigrator) -> None:
    """The audit log (append-only, hash-chained) and its erasure marker."""
    from ..models import AUDIT_MODELS

    migrator.database.create_tables(AUDIT_MODELS)
    for statement in AUDIT_TRIGGERS:
        migrator.database.execute_sql(statement)


def to_schema_5(migrator: SqliteMigrator) -> None:
    """Meetings: who cancelled and why (a no-show's note), two new kinds.

    The kind and status CHECKs change, which SQLite can only do by rebuilding
    the table: the old one is renamed aside (legacy_alter_table keeps the
    participants' and action items' foreign keys naming "meeting"), the new
    one made exactly as a new database makes it, the rows copied with their
    ids, and the old one dropped. Every old cancellation was recorded as
    "cancelled_by_citizen": it becomes "cancelled" by the citizen.
    """
    from ..models import Meeting

    database = migrator.database
    old_indexes = database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meeting' "
        "AND sql IS NOT NULL"
    ).fetchall()
    for (name,) in old_indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    database.execute_sql("PRAGMA legacy_alter_table = ON")
    try:
        database.execute_sql('ALTER TABLE "meeting" RENAME TO "meeting_schema4"')
    finally:
        database.execute_sql("PRAGMA legacy_alter_table = OFF")
    database.create_tables([Meeting])
    kept = [
        name
        for (_cid, name, *_rest) in database.execute_sql(
            'PRAGMA table_info("meeting_schema4")'
        ).fetchall()
    ]
    columns = ", ".join(f'"{name}"' for name in kept)
    chosen = ", ".join(
        "CASE WHEN status = 'cancelled_by_citizen' THEN 'cancelled' ELSE status END"
        if name == "status"
        else f'"{name}"'
        for name in kept
    )
    database.execute_sql(
        f'INSERT INTO "meeting" ({columns}, "cancelled_by", "outcome_note") '
        f"SELECT {chosen}, CASE WHEN status = 'cancelled_by_citizen' THEN 'citizen' END, '' "
        'FROM "meeting_schema4"'
    )
    database.execute_sql('DROP TABLE "meeting_schema4"')
