"""The errors storage raises, in words a mentor can act on, and the drivers' own."""

from __future__ import annotations

import sqlite3

import peewee

from ..i18n import _


class StorageError(Exception):
    """A problem with the database file, in words a mentor can act on."""


class DatabaseMissing(StorageError):
    pass


class DatabaseCorrupt(StorageError):
    pass


class DatabaseLocked(StorageError):
    pass


class DatabaseReadOnly(StorageError):
    pass


class DatabaseTooNew(StorageError):
    pass


class DiskFull(StorageError):
    pass


class PassphraseNeeded(StorageError):
    """The database is (or will be) encrypted and no passphrase was given."""


class WrongPassphrase(StorageError):
    """SQLCipher could not read the file: a wrong passphrase, or a damaged file."""


class PasswordNeeded(WrongPassphrase):
    """The team database's server wants a password and none was found."""


class WeakPassphrase(StorageError):
    """A new passphrase that must not be used (empty, or too short)."""


def driver_errors() -> tuple[type[BaseException], ...]:
    """The DB-API errors of the drivers (SQLite, SQLCipher, PostgreSQL's psycopg)."""
    found: list[type[BaseException]] = [sqlite3.DatabaseError]
    try:
        from sqlcipher3 import dbapi2 as sqlcipher

        found.append(sqlcipher.DatabaseError)
    except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
        pass
    import sys

    psycopg = sys.modules.get("psycopg")  # only once a team database was opened
    if psycopg is not None:
        found.append(psycopg.Error)
    return tuple(found)


def translate_error(exc: BaseException, where: str) -> StorageError:
    """Turn a SQLite/peewee error into a StorageError a mentor can read."""
    # After some errors (disk full, I/O error) SQLite rolls the transaction
    # back itself; the ROLLBACK that follows then fails with "no transaction
    # is active", which would hide the real cause further down the chain.
    while "no transaction is active" in str(exc).lower() and isinstance(
        exc.__context__, (peewee.DatabaseError, *driver_errors())
    ):
        exc = exc.__context__
    text = str(exc).lower()
    if "row-level security" in text or "permission denied" in text:
        return StorageError(
            _(
                "This is not yours to change in the team database {path}: the citizen "
                "belongs to a colleague (or the record is one only the team lead may "
                "change). Nothing was changed; ask the citizen's mentor or your team lead."
            ).format(path=where)
        )
    if "deadlock detected" in text or "could not serialize" in text:
        return DatabaseLocked(
            _(
                "A colleague saved in the team database {path} at the same moment. "
                "Nothing of yours was saved; save again."
            ).format(path=where)
        )
    if "locked" in text or "busy" in text:
        return DatabaseLocked(
            _(
                "The database {path} is busy: another program or another mentorterm "
                "window is writing to it. Nothing was changed; try again in a moment."
            ).format(path=where)
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return DatabaseCorrupt(
            _(
                "{path} is damaged or is not a mentorterm database. Nothing was changed. "
                "Restore your latest backup, or ask for help before you try anything else."
            ).format(path=where)
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseReadOnly(
            _(
                "mentorterm cannot write to {path} (the file or its folder is read-only, "
                "or the folder is missing). Nothing was changed."
            ).format(path=where)
        )
    if "i/o error" in text:
        return StorageError(
            _(
                "mentorterm could not read or write {path}: the disk reported an error "
                "(it may be full, failing or disconnected). Nothing was changed."
            ).format(path=where)
        )
    if "disk is full" in text or "database or disk is full" in text:
        return DiskFull(
            _("The disk is full: {path} could not be saved. Nothing was changed.").format(
                path=where
            )
        )
    return StorageError(
        _("The database {path} could not be used: {reason}").format(path=where, reason=exc)
    )
