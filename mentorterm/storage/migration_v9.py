"""Schema 9: every record's version, and the team's handovers and covers (issue 18).

- ``version`` on every table of the models (``BaseModel.version``): one more at
  each change saved, so a save over a change made meanwhile is refused
  (models/versions.py). A plain ``ADD COLUMN … NOT NULL DEFAULT 1`` rewrites no
  row (quick on a logbook of hundreds of thousands of days), and SQLite puts
  it last among the columns, where a new database has it too.
  A table an earlier step of the same upgrade rebuilt from today's model
  has it already.
- ``handover`` and ``cover`` (models/team.py), new and empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import ALL_MODELS, Cover, Handover
from .migration_v10 import NEW_TABLES as MADE_IN_10

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator

NEW_TABLES = (Handover, Cover)


def to_schema_9(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Add the version column to each table of schema 8, then the two new tables."""
    del migrator
    for model in ALL_MODELS:
        if model in NEW_TABLES or model in MADE_IN_10:
            continue
        table = model._meta.table_name
        columns = {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')}
        if "version" in columns:
            # Rebuilt from today's model by an earlier step of this same
            # upgrade (schemas 5 to 8 rebuild tables): it has the column already.
            continue
        database.execute_sql(
            f'ALTER TABLE "{table}" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1'
        )
    database.create_tables(list(NEW_TABLES))
