"""Schema 6: moments as integer microseconds, so the file is a quarter smaller.

Every record table's ``created_at`` and ``updated_at`` were ISO texts
("2026-03-02 09:30:00.123456", 26 bytes); schema 6 stores them as integer
microseconds since 1970 (fields.StampField, 8 bytes). The column's declared
type changes, which SQLite can only do by rebuilding the table, so each table
is rebuilt the way schema 5 rebuilt the meetings (storage/migration_early.to_schema_5): its
indexes dropped, the old table renamed aside with legacy_alter_table on (so
the foreign keys of its children keep naming it), the new one made exactly as
a new database makes it, every row copied with its id, the old one dropped.

Schema 6 also added the caseload summary (storage/summary.py): one row per
citizen kept by triggers. Its definition changed at schema 14, whose step
makes it from the tables at the end of an upgrade (a summary made here would
name tables schema 10 makes), so this step leaves it to that one.

The audit log (audit_entry) is left exactly as it is: its rows are hashed
with their ``at`` text, and the chain must keep verifying.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peewee import DateTimeField

from ..fields import to_micros
from ..models import ALL_MODELS, Cover, Handover, MeetingStatusChange
from .migration_v10 import NEW_TABLES as MADE_IN_10
from .rebuild import rebuild_table

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator

STAMPS = ("created_at", "updated_at")
# The tables a later schema made (schema 8's status history): not there yet.
MADE_LATER = (MeetingStatusChange, Handover, Cover, *MADE_IN_10)  # schemas 8, 9 and 10
_OLD_STAMP = DateTimeField()  # how schemas 1-5 read these columns


def stamp_as_micros(value):
    """A stored stamp as integer microseconds; what cannot be read stays as it was."""
    if value is None or isinstance(value, int):
        return value
    moment = _OLD_STAMP.python_value(value)
    if hasattr(moment, "hour") and moment.tzinfo is None:
        return to_micros(moment)
    return value


def _rebuild(database: peewee.SqliteDatabase, model) -> None:
    rebuild_table(
        database,
        model,
        aside_suffix="schema5",
        value=lambda name: f'mentorterm_micros("{name}")' if name in STAMPS else f'"{name}"',
    )


def to_schema_6(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Rebuild every record table with integer ``created_at`` / ``updated_at``
    (the caseload summary is made by schema 14's step)."""
    del migrator  # the step works on the tables directly, as schema 5's did
    database.connection().create_function(
        "mentorterm_micros", 1, stamp_as_micros, deterministic=True
    )
    for model in ALL_MODELS:
        if model not in MADE_LATER:
            _rebuild(database, model)
