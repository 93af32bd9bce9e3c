"""The connection: the pragmas every one gets, making the database object, errors in a block."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import peewee

from ..models import db
from .errors import StorageError, driver_errors, translate_error
from .paths import describe

# Every connection gets these, in this order.
PRAGMAS = [
    # WAL lets the weekly review read while a note is being saved.
    ("journal_mode", "wal"),
    # synchronous=FULL fsyncs the WAL at every commit: with NORMAL a power cut
    # can lose the last commits, and a lost note is the worst thing this app
    # can do. Writes here are a few small rows a minute, so FULL costs little
    # (see bench/README.md for the figure).
    ("synchronous", "full"),
    ("foreign_keys", 1),
    # Deleted text is overwritten, not left readable in free pages; builds
    # differ in the default, so it is set explicitly.
    ("secure_delete", 1),
    ("cache_size", -16000),  # 16 MB page cache
]


# Seconds a statement waits for another connection's lock before giving up.
BUSY_TIMEOUT = 5

# Prepared statements each connection keeps, by their SQL. sqlcipher3 still
# has pysqlite's old cache, which when full throws out the newest entry: once
# a session has run 100 different statements (its default), every statement
# run for the first time after that is prepared afresh at each use, and a
# logbook save compiles all eight of its statements (the INSERT with its
# triggers) every time, about 0.35 ms of its 1.3. This many is more than a
# session runs (a demo file made from scratch, migrations and all, runs about
# 2,650), at about 2.4 KB a statement. Python's own sqlite3 (an LRU) gets
# the same size, so both engines keep the same statements.
STATEMENT_CACHE = 4096


def _make_database(
    name: str, *, uri: bool = False, passphrase: str | None = None
) -> peewee.SqliteDatabase:
    # IMMEDIATE write transactions take the write lock at BEGIN: two windows
    # on one database then wait for each other (busy timeout) instead of
    # failing with "database is locked" when a read turns into a write.
    if passphrase is not None:
        from playhouse.sqlcipher_ext import SqlCipherDatabase

        # SQLCipher logs to stderr by default, which would garble the screen.
        return SqlCipherDatabase(
            name,
            passphrase=passphrase,
            pragmas=[("cipher_log_level", "NONE"), *PRAGMAS],
            timeout=BUSY_TIMEOUT,
            cached_statements=STATEMENT_CACHE,
            lock_type="IMMEDIATE",
            uri=uri,
        )
    return peewee.SqliteDatabase(
        name,
        pragmas=PRAGMAS,
        timeout=BUSY_TIMEOUT,
        cached_statements=STATEMENT_CACHE,
        lock_type="IMMEDIATE",
        uri=uri,
    )


def is_encrypted(database: peewee.SqliteDatabase | None = None) -> bool:
    """Is the open (or given) database encrypted?"""
    database = database if database is not None else db.obj
    return "passphrase" in getattr(database, "connect_params", {})


@contextlib.contextmanager
def storage_errors(target: str | Path) -> Iterator[None]:
    """Raise StorageError instead of a raw database error inside this block."""
    try:
        yield
    except StorageError:
        raise
    except (peewee.DatabaseError, *driver_errors()) as exc:
        raise translate_error(exc, describe(target)) from exc
    except PermissionError as exc:
        raise translate_error(sqlite3.OperationalError("readonly"), describe(target)) from exc
