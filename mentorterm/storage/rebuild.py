"""Rebuilding one table in a migration: the model's new CREATE TABLE, every row kept.

SQLite cannot change a column's type or constraints in place, so a migration
renames the old table aside, creates the model's table (with its indexes),
copies the columns the two share and drops the old one, all inside the
migration's transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import peewee


def _as_is(name: str) -> str:
    return f'"{name}"'


def rebuild_table(
    database: peewee.SqliteDatabase,
    model,
    *,
    aside_suffix: str,
    value: Callable[[str], str] = _as_is,
) -> None:
    """Rebuild ``model``'s table; ``value(column)`` is the SQL each kept column is
    copied through (the column itself unless a migration converts it)."""
    table = model._meta.table_name
    aside = f"{table}_{aside_suffix}"
    for (name,) in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table,),
    ).fetchall():
        database.execute_sql(f'DROP INDEX "{name}"')
    database.execute_sql("PRAGMA legacy_alter_table = ON")
    try:
        database.execute_sql(f'ALTER TABLE "{table}" RENAME TO "{aside}"')
    finally:
        database.execute_sql("PRAGMA legacy_alter_table = OFF")
    database.create_tables([model])
    kept = [row[1] for row in database.execute_sql(f'PRAGMA table_info("{aside}")').fetchall()]
    columns = ", ".join(f'"{name}"' for name in kept)
    chosen = ", ".join(value(name) for name in kept)
    database.execute_sql(f'INSERT INTO "{table}" ({columns}) SELECT {chosen} FROM "{aside}"')
    database.execute_sql(f'DROP TABLE "{aside}"')
