"""Schema 14: the caseload summary counts the logbook's days and the job search's follow-ups (issue 15).

The summary (storage/summary.py) gains the day of each citizen's latest
logbook entry, the days logged and present in the 14 days up to it (as bits)
and the earliest job-search follow-up not yet done, kept by new triggers on
``logbook_entry`` and ``job_contact``: the org-wide caseload no longer looks
up every citizen's logbook and job contacts for the attendance and the
follow-ups past their day.

The summary is derived data, so the step drops it and its triggers and makes
them again from this program's definition, filled from the tables (a few
seconds for a provider's 5,000 citizens). It is the one step that makes the
summary (schema 6's made the first one): a database that reaches schema 14
by an upgrade has it exactly as a new one does. No record is touched.

On PostgreSQL ``team upgrade`` makes the summary again the same way when its
columns are not this definition's (storage/team_upgrade.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import summary

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator


def make_summary_again(database: peewee.Database) -> None:
    """Drop the caseload summary and its triggers; make and fill it anew (SQLite)."""
    for (name,) in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'caseload\\_summary\\_%' ESCAPE '\\'"
    ).fetchall():
        database.execute_sql(f'DROP TRIGGER "{name}"')
    database.execute_sql('DROP TABLE IF EXISTS "caseload_summary"')
    for statement in summary.STATEMENTS + summary.FILL:
        database.execute_sql(statement)


def to_schema_14(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Make the caseload summary again with its logbook and follow-up columns."""
    del migrator
    make_summary_again(database)
