"""Opening (or creating) the database and binding the models; locking and closing it."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

import peewee

from .. import private
from ..i18n import _
from ..models import db
from . import cipher_key, migrations
from .backup import backup_before_migration
from .connection import BUSY_TIMEOUT, _make_database, storage_errors
from .engine import is_team_target
from .errors import (
    DatabaseCorrupt,
    DatabaseMissing,
    DatabaseReadOnly,
    DiskFull,
    PassphraseNeeded,
    StorageError,
    WrongPassphrase,
    driver_errors,
    translate_error,
)
from .migrations import _exclusive, run_migrations
from .passphrase import check_new_passphrase, is_encrypted_file, plaintext_requested
from .paths import backups_of, default_database_path, describe, target_path
from .probe import _probe, _probe_encrypted, _refuse_version
from .schema import create_schema
from .upkeep import ensure_default_mentor, has_default_mentor
from .wal import _has_wal, _look_at_wal, checkpoint


def _check_file(path: Path, create: bool) -> None:
    if path.exists():
        if path.is_dir():
            raise StorageError(_("{path} is a folder, not a database file.").format(path=path))
        if not os.access(path, os.R_OK):
            raise DatabaseReadOnly(_("mentorterm may not read {path}.").format(path=path))
        return
    if not create:
        raise DatabaseMissing(
            _(
                "There is no database at {path}. Check the path, or start mentorterm to create one."
            ).format(path=path)
        )
    parent = path.parent
    try:
        private.make_folder(parent)
    except OSError as exc:
        raise DatabaseReadOnly(
            _("mentorterm cannot create the folder {folder} for the database: {reason}").format(
                folder=parent, reason=exc.strerror or exc
            )
        ) from exc
    if not os.access(parent, os.W_OK):
        raise DatabaseReadOnly(
            _("mentorterm cannot create a database in {folder}: the folder is read-only.").format(
                folder=parent
            )
        )


def check_openable(path: Path, *, create: bool) -> None:
    """The checks open_database makes on the file before anything else."""
    _check_file(path, create)


def refuse_empty_file(target: str | Path) -> None:
    """An existing empty file is what a truncated database looks like: refused
    (DatabaseCorrupt), never made into a new one. A new database in WAL mode
    is 0 bytes until its first checkpoint, its schema still in the -wal: that
    one is not refused."""
    path = target_path(target)
    if path is not None and path.is_file() and path.stat().st_size == 0 and not _has_wal(path):
        raise DatabaseCorrupt(
            _("{path} is an empty file, not a mentorterm database. It was not touched.").format(
                path=describe(target)
            )
        )


def open_database(
    target: str | Path,
    *,
    create: bool = True,
    migrate: bool = True,
    passphrase: str | None = None,
    plaintext: bool | None = None,
    verify: bool = False,
) -> peewee.SqliteDatabase:
    """Open (or create) the database at ``target`` and bind the models to it.

    ``target`` is a path, ``sqlite:///path`` or ``:memory:``. A new file gets
    the current schema and a default mentor; an older schema is backed up and
    migrated forward; a newer one is refused. Raises StorageError with a
    message for the mentor on any problem, leaving the file as it was.

    A new file is encrypted with ``passphrase`` (SQLCipher) unless
    ``plaintext`` is asked for (the demo; in tests the default follows
    allow_plaintext_for_tests); an existing file is opened the way it was made.
    PassphraseNeeded says a passphrase must be asked for first.

    ``verify`` (every writing command) first checks, read-only, that the
    file is a mentorterm database whose pages and -wal are sound
    (``PRAGMA quick_check``, the expected tables, the -wal's checksums) and
    refuses it untouched otherwise. An existing empty file is always refused:
    it is what a truncated database looks like, and is not made into a new one.
    """
    if is_team_target(target):
        from . import postgres

        return postgres.open_team(str(target), password=passphrase)
    explicit_plain = plaintext is True
    if plaintext is None:
        plaintext = plaintext_requested()
    path = target_path(target)
    where = describe(target)
    version, tables = 0, 0
    if path is not None:
        _check_file(path, create)
        existed = path.exists() and path.stat().st_size > 0
        refuse_empty_file(target)
        if existed:
            _look_at_wal(path, where, refuse=verify)
        if existed and is_encrypted_file(path):
            if not passphrase:
                raise PassphraseNeeded(
                    _(
                        "{path} is not a plain database: it is encrypted (its passphrase is "
                        "needed), or it is damaged. Nothing was changed."
                    ).format(path=where)
                )
            passphrase, version, tables = _probe_keyed(path, where, passphrase, verify)
            encrypt = True
        elif existed:
            # Look before touching: a foreign, damaged or newer file is
            # refused before any pragma could write to it.
            version, tables = _probe(path, where, verify=verify)
            encrypt = False
        else:
            # A passphrase given asks for encryption; the tests' switch only
            # decides when none is given.
            encrypt = (passphrase is not None and not explicit_plain) or not plaintext
            if encrypt:
                if passphrase is None:
                    raise PassphraseNeeded(
                        _("A new database is encrypted: choose a passphrase for {path}.").format(
                            path=where
                        )
                    )
                check_new_passphrase(passphrase)
    else:
        existed = False
        encrypt = False
    _refuse_version(version, tables, where)
    if 0 < version < migrations.SCHEMA_VERSION and not migrate:
        raise StorageError(
            _("{path} needs an upgrade from schema {old} to {new}.").format(
                path=where, old=version, new=migrations.SCHEMA_VERSION
            )
        )
    database = _make_database(
        str(path) if path is not None else ":memory:", passphrase=passphrase if encrypt else None
    )
    try:
        # A new database (and its -wal, -shm and migration backup) is created
        # owner-only whatever the caller's umask.
        with storage_errors(target), private.private_umask():
            _connect_waiting(database)
            db.initialize(database)
            if version != migrations.SCHEMA_VERSION:
                _bring_up_to_date(database, path, where, migrate=migrate)
            if not has_default_mentor():
                ensure_default_mentor()
            if encrypt and path is not None and not existed:
                # The new file has its salt now: the connections after this one
                # get the raw key (cipher_key.py) once it is seen to open it.
                database.connect_params["passphrase"] = cipher_key.verified(passphrase, path)
    except BaseException:
        if not database.is_closed():
            database.close()
        raise
    if path is not None:
        make_files_private(path)
    return database


def _probe_keyed(path: Path, where: str, passphrase: str, verify: bool) -> tuple[str, int, int]:
    """(the key to open ``path`` with, its schema version, its number of tables).

    The key is the raw key derived from ``passphrase`` (cipher_key.py: one
    derivation, for the probe and every connection after it). If that does
    not open the file (made with other settings), the passphrase itself is
    tried, which SQLCipher derives as it always did; wrong both ways is a
    wrong passphrase.
    """
    key = cipher_key.derive(passphrase, path)
    if key is not None:
        with contextlib.suppress(WrongPassphrase):
            return (key, *_probe_encrypted(path, where, key, verify=verify))
    return (passphrase, *_probe_encrypted(path, where, passphrase, verify=verify))


def _connect_waiting(database: peewee.SqliteDatabase) -> None:
    """Connect, waiting up to the busy timeout for another connection's write.

    On a file still in the old rollback journal (one an older mentorterm
    wrote), ``PRAGMA journal_mode = wal`` needs the file to itself, and SQLite
    answers "database is locked" at once, without its busy wait, while
    another program holds a write transaction on it, or while a second window
    opening the same old file converts it in the same instant. So the
    connection is tried again for as long as a statement would wait.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            database.connect()
            return
        except peewee.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            if not database.is_closed():
                database.close()
            time.sleep(0.02)


def make_files_private(path: Path) -> None:
    """Tighten the database, its companions and its backups to 0600 (files an
    older mentorterm made under umask 022); the per-user data folder to 0700.

    A folder the mentor chose with ``--db`` is theirs and is left as it is.
    """
    path = Path(path)
    private.make_all_private([path, Path(f"{path}-wal"), Path(f"{path}-shm"), *backups_of(path)])
    with contextlib.suppress(OSError):
        if path.parent.resolve() == default_database_path().parent.resolve():
            private.make_private(path.parent, folder=True)


def _bring_up_to_date(
    database: peewee.SqliteDatabase, path: Path | None, where: str, *, migrate: bool
) -> None:
    """Create the schema of a new file, or upgrade an old one: all of it in one
    transaction, under the write lock taken *before* the version is read.

    A second process opening the same old file waits here, then reads the
    version the first one committed and has nothing left to do. A failure at
    any step rolls every step back: the file stays at its old version, and
    the message says so.
    """
    # Foreign keys must be off for a table rebuild (else it cascades deletes
    # to child rows), and the pragma is a no-op inside a transaction.
    database.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with _exclusive(database):
            version = database.execute_sql("PRAGMA user_version").fetchone()[0]
            tables = database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()[0]
            _refuse_version(version, tables, where)
            if version == migrations.SCHEMA_VERSION:
                return  # another process did it while this one waited
            if version == 0:
                create_schema(database, migrations.SCHEMA_VERSION)
                return
            if not migrate:
                raise StorageError(
                    _("{path} needs an upgrade from schema {old} to {new}.").format(
                        path=where, old=version, new=migrations.SCHEMA_VERSION
                    )
                )
            backup = backup_before_migration(database, path, version) if path is not None else None
            try:
                run_migrations(database, version)
            except Exception as exc:
                raise _migration_failed(exc, where, version, backup) from exc
    finally:
        database.execute_sql("PRAGMA foreign_keys = ON")


def _migration_failed(
    exc: Exception, where: str, version: int, backup: Path | None
) -> StorageError:
    reason = (
        translate_error(exc, where)
        if isinstance(exc, (peewee.DatabaseError, *driver_errors()))
        else exc
    )
    kept = _(" A copy made before the upgrade is {backup}.").format(backup=backup) if backup else ""
    error_type = DiskFull if isinstance(reason, DiskFull) else StorageError
    return error_type(
        _(
            "The upgrade of {path} from schema {old} to {new} failed, so none of it was kept: "
            "the database is still at schema {old}, with every record as it was.{kept} "
            "The cause: {reason}"
        ).format(path=where, old=version, new=migrations.SCHEMA_VERSION, kept=kept, reason=reason)
    )


def needs_passphrase(
    target: str | Path, passphrase: str | None = None, plaintext: bool | None = None
) -> str | None:
    """What must be asked before ``target`` can open: "unlock" (an encrypted
    file), "create" (a new file will be encrypted), or None."""
    path = target_path(target)
    if path is None or passphrase:
        return None
    if plaintext is None:
        plaintext = plaintext_requested()
    if path.is_file() and path.stat().st_size > 0:
        return "unlock" if is_encrypted_file(path) else None
    return None if plaintext else "create"


#: Called with no arguments before the database is closed or locked: the
#: audit log's anchor writer (domain/audit/anchor_file.py) finishes its file.
CLOSE_HOOKS: list[Callable[[], object]] = []


def _before_closing() -> None:
    for hook in CLOSE_HOOKS:
        hook()


def lock_database() -> None:
    """Close the database and forget its passphrase (the app's lock).

    The closed database no longer reconnects by itself: anything that still
    tries to read gets an InterfaceError (shown as "locked"), not the data.
    """
    database = db.obj
    if database is None:
        return
    _before_closing()
    if not database.is_closed():
        database.close()
    database.autoconnect = False
    params = getattr(database, "connect_params", {})
    for secret in ("passphrase", "password"):  # SQLCipher's key; the team server's
        if secret in params:
            params[secret] = ""


def close_database() -> None:
    """Close the bound database, if any, checkpointing the WAL into the file first."""
    database = db.obj
    if database is not None and not database.is_closed():
        _before_closing()
        checkpoint(database)
        database.close()
