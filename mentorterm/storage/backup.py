"""Backups: a verified copy through SQLite's online backup, keyed like the original."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import peewee

from .. import private
from ..i18n import _
from ..models import db
from .cipher_key import key_sql, read_only
from .connection import BUSY_TIMEOUT, is_encrypted
from .errors import DatabaseCorrupt, DatabaseReadOnly, StorageError, driver_errors, translate_error
from .paths import describe


def backup_before_migration(database: peewee.SqliteDatabase, path: Path, version: int) -> Path:
    """The copy made before an upgrade: named by time and process, so two
    processes (or two upgrades in one second) never write one name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    base = f"{path.name}.schema{version}-{stamp}-{os.getpid()}"
    dest = path.with_name(f"{base}.bak")
    number = 1
    while dest.exists() or dest.with_name(dest.name + ".part").exists():
        number += 1
        dest = path.with_name(f"{base}-{number}.bak")
    # The upgrade holds the write lock from before the version was read, and
    # SQLite's backup cannot read through a connection that holds it
    # (SQLITE_LOCKED, retried for ever): a second, read-only connection copies
    # the committed state, which WAL lets it read meanwhile.
    source = _reader(database, path)
    try:
        backup_to(database, dest, source=source)
    finally:
        source.close()
    return dest


def _reader(database: peewee.SqliteDatabase, path: Path):
    """A read-only connection of its own to ``database``'s file, keyed like it."""
    if not is_encrypted(database):
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    return read_only(path, database.connect_params["passphrase"])


def _backup_target(database: peewee.SqliteDatabase, path: Path):
    """A connection to the new backup file: keyed like the database when it is
    encrypted, so a backup is never less protected than the original."""
    if not is_encrypted(database):
        return sqlite3.connect(str(path))
    from sqlcipher3 import dbapi2 as sqlcipher

    passphrase = database.connect_params["passphrase"]
    if not passphrase:
        raise StorageError(_("The database is locked: unlock it before a backup."))
    target = sqlcipher.connect(str(path))
    target.execute("PRAGMA cipher_log_level = NONE")
    # The database's own key: its passphrase, or the raw key with its salt
    # (cipher_key.py), which gives the copy the same salt, so the passphrase
    # opens the backup as it opens the database.
    target.execute(key_sql(passphrase))
    return target


#: Called as ``hook(copy, dest)`` with the verified copy still open, before it
#: is renamed to ``dest``: domain/audit.py gives every backup its audit anchor.
BACKUP_HOOKS: list[Callable[[object, Path], None]] = []


def backup_to(database: peewee.SqliteDatabase, dest: Path, *, source=None) -> None:
    """Copy the live database to ``dest`` with SQLite's online backup API.

    The copy is consistent even while another connection writes; it is
    written next to ``dest`` first and renamed into place, so a failed backup
    never leaves a half-written file under the final name.
    """
    dest = Path(dest)
    tmp = dest.with_name(dest.name + ".part")
    try:
        # An empty owner-only file, never through a planted symlink; SQLite
        # takes a 0-byte file as a new database (and gives its journal the
        # same mode).
        os.close(private.create_exclusive(tmp))
        target = _backup_target(database, tmp)
        try:
            (source or database.connection()).backup(target)
            target.execute("PRAGMA journal_mode=delete")
            ok = target.execute("PRAGMA integrity_check").fetchone()[0]
            if ok == "ok":
                for hook in BACKUP_HOOKS:
                    hook(target, dest)
        finally:
            target.close()
        if ok != "ok":
            raise StorageError(_("The backup could not be verified; nothing was written."))
    except BaseException:
        # The copy of a WAL database starts out in WAL mode, so a failure can
        # leave its -wal and -shm too: remove them all.
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(str(tmp) + suffix).unlink(missing_ok=True)
        raise
    os.replace(tmp, dest)


def backup_database(dest: str | Path) -> Path:
    """Back up the open database to ``dest`` (a file, or a folder to put it in)."""
    from .engine import is_postgres

    if is_postgres():
        raise StorageError(
            _(
                "A team database is backed up on its server (by the team lead, with "
                "PostgreSQL's own tools such as pg_dump). 'mentorterm export' writes its "
                "records to a file. Nothing was written."
            )
        )
    dest = Path(dest).expanduser()
    if dest.is_dir():
        dest = dest / f"mentorterm-{datetime.now().strftime('%Y%m%d-%H%M%S')}.db"
    if dest.exists():
        raise StorageError(
            _(
                "{path} already exists; choose a new name so no earlier backup is overwritten."
            ).format(path=dest)
        )
    if not dest.parent.exists():
        raise StorageError(_("The folder {folder} does not exist.").format(folder=dest.parent))
    if not os.access(dest.parent, os.W_OK):
        raise DatabaseReadOnly(
            _("The folder {folder} is read-only; the backup was not made.").format(
                folder=dest.parent
            )
        )
    try:
        backup_to(db.obj, dest)
    except (*driver_errors(), OSError) as exc:
        (dest.with_name(dest.name + ".part")).unlink(missing_ok=True)
        error = translate_error(exc, str(dest))
        if isinstance(error, DatabaseCorrupt):
            # The copy is page for page: a damaged copy means a damaged
            # database, and the message must name that file, not the backup.
            error = translate_error(exc, describe(db.obj.database))
        raise error from exc
    return dest
