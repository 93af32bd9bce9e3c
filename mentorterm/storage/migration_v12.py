"""Schema 12: where the citizen stands at aftercare (issue 20, the year's figures).

- ``meeting.aftercare_situation`` (``Meeting.aftercare_situation``): a held
  aftercare follow-up records where the citizen stands (in the same job, in
  education, back on benefits …; ``enums.AftercareSituation``), NULL when not
  recorded. A plain ``ADD COLUMN`` (nullable, its CHECK) rewrites no row;
  SQLite puts it last, where a new database has it too (``fields.added_later``).
  A meeting table an earlier step of the same upgrade rebuilt from today's
  model has it already.
- On PostgreSQL ``team upgrade`` adds it as any missing column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Meeting

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator

#: The columns schema 12 added, by table.
ADDED = {"meeting": (Meeting.aftercare_situation,)}


def to_schema_12(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Give the meeting table its aftercare situation (every row NULL)."""
    from playhouse.migrate import migrate

    for table, fields in ADDED.items():
        have = {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')}
        missing = [f for f in fields if f.column_name not in have]
        migrate(*(migrator.add_column(table, f.column_name, f) for f in missing))
