"""Schema 13: laptops offline in sync with the team database (issue 19).

New tables only (models/sync.py): the devices, the citizens out on them,
the conflicts a sync met, the changes already applied, and on a laptop its
sync state and change log. No existing row is touched. The change log's
triggers are not part of the schema: they stand on a laptop only while it
holds citizens from the team (storage/sync_log.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import SYNC_MODELS

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator


def to_schema_13(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Make the sync tables."""
    del migrator
    database.create_tables(SYNC_MODELS, safe=True)
