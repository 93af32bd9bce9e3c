"""Schema versions and the steps between them, run in one transaction."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import peewee

from ..i18n import _
from .connection import BUSY_TIMEOUT
from .errors import DatabaseCorrupt
from .migration_early import to_schema_2, to_schema_3, to_schema_4, to_schema_5

if TYPE_CHECKING:
    from playhouse.migrate import SqliteMigrator


#: The schema version this code writes. Each released version is kept as a
#: fixture database in tests/fixtures/ so its migration stays tested.
SCHEMA_VERSION = 14


#: Seconds a second process opening an old database waits for the first one's
#: upgrade to finish (a large logbook takes a while to rebuild).
MIGRATION_WAIT = 300


@contextlib.contextmanager
def _exclusive(database: peewee.SqliteDatabase) -> Iterator[None]:
    """One write transaction holding the database's write lock from its BEGIN,
    with a long wait for another process's upgrade."""
    database.execute_sql(f"PRAGMA busy_timeout = {MIGRATION_WAIT * 1000}")
    try:
        with database.atomic(lock_type="EXCLUSIVE"):
            yield
    finally:
        database.execute_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT * 1000}")


def _later_step(version: int) -> Callable[[SqliteMigrator], None]:
    """Step ``version`` (6 and later), its module loaded only for an upgrade."""

    def step(migrator: SqliteMigrator) -> None:
        from . import (  # noqa: F401  (each named below by its version)
            migration_v6,
            migration_v7,
            migration_v8,
            migration_v9,
            migration_v10,
            migration_v11,
            migration_v12,
            migration_v13,
            migration_v14,
        )

        module = locals()[f"migration_v{version}"]
        getattr(module, f"to_schema_{version}")(migrator.database, migrator)

    return step


#: Forward migrations: MIGRATIONS[n] takes a database at schema n-1 to n.
#: Each runs inside ``migrator.migration_context()`` (foreign keys off, one
#: transaction): a table rebuild outside it cascades deletes to child rows.
MIGRATIONS: dict[int, Callable[[SqliteMigrator], None]] = {
    2: to_schema_2,
    3: to_schema_3,
    4: to_schema_4,
    5: to_schema_5,
    **{version: _later_step(version) for version in range(6, SCHEMA_VERSION + 1)},
}


def run_migrations(
    database: peewee.SqliteDatabase,
    from_version: int,
    to_version: int | None = None,
    migrations: dict[int, Callable[[SqliteMigrator], None]] | None = None,
) -> None:
    """Apply the migrations after ``from_version`` up to ``to_version``."""
    to_version = SCHEMA_VERSION if to_version is None else to_version
    migrations = MIGRATIONS if migrations is None else migrations
    from playhouse.migrate import SqliteMigrator  # only needed for an upgrade

    migrator = SqliteMigrator(database)
    # Every step in one transaction (SQLite's DDL is transactional, table
    # rebuilds included): a failure or a full disk at any step leaves the
    # file at from_version, not half-way. Foreign keys go off outside it.
    fks = database.execute_sql("PRAGMA foreign_keys").fetchone()[0]
    if fks:
        database.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with database.atomic():
            _run_steps(database, migrator, migrations, from_version, to_version)
    finally:
        if fks:
            database.execute_sql("PRAGMA foreign_keys = ON")


def _run_steps(
    database: peewee.SqliteDatabase,
    migrator: SqliteMigrator,
    migrations: dict[int, Callable[[SqliteMigrator], None]],
    from_version: int,
    to_version: int,
) -> None:
    for version in range(from_version + 1, to_version + 1):
        step = migrations[version]
        with migrator.migration_context():
            # A table rebuild (new table, copy, drop, rename) drops the
            # triggers on the rebuilt table, and SQLite refuses the rename
            # while a trigger on another table names the dropped one
            # ("error in trigger ...: no such table"). So the triggers are set
            # aside for the step and put back after it, unless the step made
            # its own trigger of that name (SQLite's 12-step ALTER procedure).
            triggers = database.execute_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
            ).fetchall()
            for name, _sql in triggers:
                database.execute_sql(f'DROP TRIGGER "{name}"')
            step(migrator)
            for name, sql in triggers:
                exists = database.execute_sql(
                    "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)
                ).fetchone()
                if not exists:
                    database.execute_sql(sql)
            database.execute_sql(f"PRAGMA user_version = {version}")
        problems = database.execute_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise DatabaseCorrupt(
                _("The upgrade to schema {version} left broken links; restore the backup.").format(
                    version=version
                )
            )
