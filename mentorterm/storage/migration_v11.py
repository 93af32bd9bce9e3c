"""Schema 11: every record's stable identity (issue 19).

- ``uid`` on every table of the models (``BaseModel.uid``, not the audit
  log's): a uuid4's 32 hex digits, the same for the record on a laptop's
  copy, in the team database and in an interchange file. A plain
  ``ADD COLUMN … NOT NULL DEFAULT ''`` rewrites no row and SQLite puts it
  last, where a new database has it too; each existing row is then given its
  own (``lower(hex(randomblob(16)))``), and the unique index is made.
  A new record gets its uid in Python at creation (fields.new_uid: a
  time-ordered version 7 UUID since issue 15, mentorterm/uids.py), so both
  engines agree.
- On PostgreSQL (``team upgrade``) the same, each row's from
  ``gen_random_uuid()`` (``uid_statements_pg``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import ALL_MODELS

if TYPE_CHECKING:
    import peewee
    from playhouse.migrate import SqliteMigrator

#: What fills an existing row's uid, per engine: 32 lowercase hex digits.
SQLITE_UID = "lower(hex(randomblob(16)))"
POSTGRES_UID = "replace(gen_random_uuid()::text, '-', '')"


def _index(table: str) -> str:
    return f'CREATE UNIQUE INDEX IF NOT EXISTS "{table}_uid" ON "{table}" ("uid")'


def uid_indexes() -> list[str]:
    """Each record table's unique index on its uid (both engines), made with a
    new schema and by step 11 (not by peewee: a table an older step of an
    upgrade rebuilds from today's model has the column, its copied rows
    empty until step 11 gives each its own)."""
    return [_index(model._meta.table_name) for model in ALL_MODELS]


def to_schema_11(database: peewee.SqliteDatabase, migrator: SqliteMigrator) -> None:
    """Give every record table its uid column, every row its own uid, the index."""
    del migrator
    for model in ALL_MODELS:
        table = model._meta.table_name
        columns = {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')}
        if "uid" not in columns:
            database.execute_sql(
                f'ALTER TABLE "{table}" ADD COLUMN "uid" VARCHAR(32) NOT NULL DEFAULT \'\''
            )
        # A table rebuilt from today's model by an earlier step of the same
        # upgrade has the column, empty in its copied rows: filled the same.
        database.execute_sql(f'UPDATE "{table}" SET "uid" = {SQLITE_UID} WHERE "uid" = \'\'')
        database.execute_sql(_index(table))


def uid_statements_pg(missing: set[str]) -> list[str]:
    """PostgreSQL: the uid column for each table in ``missing`` (a team
    database before schema 11), every row its own, then the unique index."""
    statements = []
    for model in ALL_MODELS:
        table = model._meta.table_name
        if table in missing:
            statements.append(
                f'ALTER TABLE "{table}" ADD COLUMN "uid" VARCHAR(32) NOT NULL DEFAULT \'\''
            )
        statements.append(f'UPDATE "{table}" SET "uid" = {POSTGRES_UID} WHERE "uid" = \'\'')
        statements.append(_index(table))
    return statements
