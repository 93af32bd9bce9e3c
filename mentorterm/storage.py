"""Opening the database, schema versions and migrations, backups.

This is the only module that connects to a database. Everything above it
(domain functions, screens, the CLI) works through the models once
``open_database`` has bound them.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

import peewee

from . import private, summary
from .i18n import _, ngettext
from .migration_v6 import to_schema_6
from .models import ALL_MODELS, AUDIT_MODELS, Mentor, db, utcnow

if TYPE_CHECKING:
    from playhouse.migrate import SqliteMigrator

#: The schema version this code writes. Each released version is kept as a
#: fixture database in tests/fixtures/ so its migration stays tested.
SCHEMA_VERSION = 6

APP_NAME = "mentorterm"
ENV_VAR = "MENTORTERM_DB"
# New databases are encrypted (SQLCipher). A plaintext one is made only when
# the caller says so (``plaintext=True``: the demo's own file, ``demo
# --plaintext``), or in the test suite through allow_plaintext_for_tests().
# No environment variable can turn encryption off: one left set in a shell
# would silently leave the real caseload unencrypted.
_plaintext_for_tests = False
# A plaintext SQLite file starts with this; an encrypted one looks random.
PLAINTEXT_HEADER = b"SQLite format 3\x00"
MIN_PASSPHRASE = 8

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


class WeakPassphrase(StorageError):
    """A new passphrase that must not be used (empty, or too short)."""


def driver_errors() -> tuple[type[BaseException], ...]:
    """The DB-API errors of both drivers (plain SQLite and SQLCipher)."""
    try:
        from sqlcipher3 import dbapi2 as sqlcipher
    except ImportError:  # pragma: no cover - sqlcipher3 is a dependency
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, sqlcipher.DatabaseError)


def allow_plaintext_for_tests(allowed: bool = True) -> None:
    """Let new databases be plaintext without ``plaintext=True`` (tests only).

    The test suite calls this (tests/conftest.py, the worker scripts' flag);
    nothing the app or the command line does reaches it.
    """
    global _plaintext_for_tests
    _plaintext_for_tests = allowed


def plaintext_requested() -> bool:
    """True only in tests that allowed plaintext databases (never in real use)."""
    return _plaintext_for_tests


def is_encrypted_file(path: Path) -> bool:
    """True for an existing, non-empty file that is not plaintext SQLite."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(PLAINTEXT_HEADER))
    except OSError:
        return False
    return bool(head) and head != PLAINTEXT_HEADER


def check_new_passphrase(passphrase: str | None) -> str:
    """Refuse a passphrase that would not protect anything.

    An empty key makes SQLCipher write a *plaintext* file without a word, so
    it is refused here, before anything is created.
    """
    if passphrase is None or not passphrase.strip():
        raise WeakPassphrase(
            _(
                "An empty passphrase would leave the notes readable to anyone "
                "who has the laptop. Choose a passphrase."
            )
        )
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(
            _(
                "A passphrase needs at least {n} characters; a few words you can remember are best."
            ).format(n=MIN_PASSPHRASE)
        )
    return passphrase


def passphrase_hint(passphrase: str) -> str:
    """A plain-words strength hint while a passphrase is typed."""
    words = len(passphrase.split())
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    if len(passphrase) < MIN_PASSPHRASE:
        return _("Too short: at least {n} characters.").format(n=MIN_PASSPHRASE)
    if len(passphrase) >= 20 and (words >= 4 or kinds >= 3):
        return _("Strong.")
    if len(passphrase) >= 14 and (words >= 3 or kinds >= 2):
        return _("Good. Four words or more make it stronger.")
    return _("Weak: use three or four words, e.g. a sentence only you would say.")


def backups_of(path: Path) -> list[Path]:
    """The backups lying beside the database at ``path``, by name.

    The copies made before a schema upgrade or encryption
    (``<name>.schema<N>-<stamp>.bak``, ``<name>.plaintext-<stamp>.bak``), other
    ``<name>…bak`` files, and ``mentorterm backup FOLDER`` copies
    (``mentorterm-<stamp>.db``) in the same folder. Another database's backups
    in a shared folder are not copies of these records; backups elsewhere (a
    USB stick) cannot be found.
    """
    import glob

    path = Path(path).expanduser()
    if not path.parent.is_dir():
        return []
    patterns = (f"{glob.escape(path.name)}*.bak", "mentorterm-*.db")
    found = {
        p
        for pattern in patterns
        for p in path.parent.glob(pattern)
        if p.is_file() and p.resolve() != path.resolve()
    }
    return sorted(found, key=lambda p: p.name)


def latest_backup(path: Path) -> Path | None:
    """The newest of ``backups_of(path)``."""
    return max(backups_of(path), key=lambda p: p.stat().st_mtime, default=None)


def _wrong_passphrase(path: Path, where: str) -> WrongPassphrase:
    backup = latest_backup(path)
    offer = _(" The latest backup is {backup}.").format(backup=backup) if backup else ""
    return WrongPassphrase(
        _(
            "{path} could not be opened: either the passphrase is wrong or the file is damaged "
            "(the encryption cannot tell the two apart). Nothing was changed. Try the passphrase "
            "again; if you are sure it is right, restore a backup.{offer}"
        ).format(path=where, offer=offer)
    )


def default_database_path() -> Path:
    """The per-user database file (platformdirs' user data dir)."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "mentorterm.db"


def resolve_target(flag: str | None, environ: dict[str, str] | None = None) -> str:
    """Which database to open: ``--db``, else ``$MENTORTERM_DB``, else the default."""
    environ = os.environ if environ is None else environ
    if flag:
        return flag
    if environ.get(ENV_VAR):
        return environ[ENV_VAR]
    return str(default_database_path())


def target_path(target: str | Path) -> Path | None:
    """The file behind a target (a path or ``sqlite:///path``); None for memory."""
    text = str(target)
    if text == ":memory:":
        return None
    if "://" in text:
        url = urlparse(text)
        if url.scheme in ("sqlite", "file"):
            return Path(unquote(url.path))
        raise StorageError(
            _("Only SQLite databases are supported so far (got a '{scheme}' address).").format(
                scheme=url.scheme
            )
        )
    return Path(text).expanduser()


def describe(target: str | Path) -> str:
    path = target_path(target)
    return ":memory:" if path is None else str(path)


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
            lock_type="IMMEDIATE",
            uri=uri,
        )
    return peewee.SqliteDatabase(
        name,
        pragmas=PRAGMAS,
        timeout=BUSY_TIMEOUT,
        lock_type="IMMEDIATE",
        uri=uri,
    )


def is_encrypted(database: peewee.SqliteDatabase | None = None) -> bool:
    """Is the open (or given) database encrypted?"""
    database = database if database is not None else db.obj
    return "passphrase" in getattr(database, "connect_params", {})


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
            version, tables = _probe_encrypted(path, where, passphrase, verify=verify)
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
    if 0 < version < SCHEMA_VERSION and not migrate:
        raise StorageError(
            _("{path} needs an upgrade from schema {old} to {new}.").format(
                path=where, old=version, new=SCHEMA_VERSION
            )
        )
    database = _make_database(
        str(path) if path is not None else ":memory:", passphrase=passphrase if encrypt else None
    )
    try:
        # A new database (and its -wal, -shm and migration backup) is created
        # owner-only whatever the caller's umask.
        with storage_errors(target), private.private_umask():
            database.connect()
            db.initialize(database)
            if version != SCHEMA_VERSION:
                _bring_up_to_date(database, path, where, migrate=migrate)
            ensure_default_mentor()
    except BaseException:
        if not database.is_closed():
            database.close()
        raise
    if path is not None:
        make_files_private(path)
    return database


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


def _refuse_version(version: int, tables: int, where: str) -> None:
    """A newer schema, or a SQLite file that is not ours, is refused untouched."""
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            _(
                "{path} was made by a newer mentorterm (schema {found}, this one "
                "knows {known}). Update mentorterm; the file was not touched."
            ).format(path=where, found=version, known=SCHEMA_VERSION)
        )
    if version == 0 and tables:
        raise DatabaseCorrupt(
            _("{path} is a SQLite file but not a mentorterm database. It was not touched.").format(
                path=where
            )
        )


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
            if version == SCHEMA_VERSION:
                return  # another process did it while this one waited
            if version == 0:
                _create_schema(database)
                return
            if not migrate:
                raise StorageError(
                    _("{path} needs an upgrade from schema {old} to {new}.").format(
                        path=where, old=version, new=SCHEMA_VERSION
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
        ).format(path=where, old=version, new=SCHEMA_VERSION, kept=kept, reason=reason)
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


def change_passphrase(old: str, new: str) -> None:
    """Re-encrypt the open database with ``new`` (SQLCipher's rekey)."""
    database = db.obj
    if not is_encrypted(database):
        raise StorageError(_("This database is not encrypted; 'mentorterm encrypt' encrypts it."))
    if old != database.connect_params.get("passphrase"):
        raise WrongPassphrase(_("The current passphrase is not right. Nothing was changed."))
    check_new_passphrase(new)
    with storage_errors(database.database):
        database.rekey(new)


def encrypt_database(path: Path, passphrase: str) -> tuple[Path, Path]:
    """Make an encrypted copy of the plaintext database at ``path`` and put it in
    its place. Returns (the encrypted database, the plaintext original kept).

    The copy is written beside the file, checked (integrity, every table's
    row count, the schema version) and only then swapped in; the original is
    renamed, not deleted: the mentor decides when it goes (an SSD cannot be
    overwritten reliably, so only deleting it and the backups counts).
    """
    from sqlcipher3 import dbapi2 as sqlcipher

    check_new_passphrase(passphrase)
    where = str(path)
    if not path.is_file():
        raise DatabaseMissing(_("There is no database at {path}.").format(path=where))
    if is_encrypted_file(path):
        raise StorageError(_("{path} is encrypted already.").format(path=where))
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise DatabaseLocked(
            _(
                "{path} is open in mentorterm (or was not closed cleanly): "
                "close mentorterm, open it once and quit, then try again."
            ).format(path=where)
        )
    # Only a sound mentorterm database is converted: a foreign or damaged
    # SQLite file is refused as it is.
    _look_at_wal(path, where, refuse=True)
    version, tables = _probe(path, where, verify=True)
    _refuse_version(version, tables, where)
    if version == 0:
        raise DatabaseCorrupt(
            _("{path} is a SQLite file but not a mentorterm database. It was not touched.").format(
                path=where
            )
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    tmp = path.with_name(path.name + ".encrypting")
    kept = path.with_name(f"{path.name}.plaintext-{stamp}.bak")
    key = passphrase.replace("'", "''")
    tmp.unlink(missing_ok=True)
    try:
        # The copy starts as an empty owner-only file that is not a symlink.
        os.close(private.create_exclusive(tmp))
        source = sqlcipher.connect(str(path))
        try:
            source.execute("PRAGMA cipher_log_level = NONE")
            counts = {
                name: source.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            source.execute(f"ATTACH DATABASE ? AS encrypted KEY '{key}'", (str(tmp),))
            source.execute("SELECT sqlcipher_export('encrypted')")
            source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            source.execute("DETACH DATABASE encrypted")
        finally:
            source.close()
        check = sqlcipher.connect(str(tmp))
        try:
            check.execute("PRAGMA cipher_log_level = NONE")
            check.execute(f"PRAGMA key = '{key}'")
            ok = check.execute("PRAGMA integrity_check").fetchone()[0]
            copied = {
                name: check.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                for name in counts
            }
            copied_version = check.execute("PRAGMA user_version").fetchone()[0]
            check.execute("PRAGMA journal_mode = wal")
        finally:
            check.close()
        if ok != "ok" or copied != counts or copied_version != version:
            raise StorageError(
                _("The encrypted copy did not match the original; nothing was changed.")
            )
        os.replace(path, kept)
        private.make_private(kept)
        os.replace(tmp, path)
        make_files_private(path)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                Path(str(tmp) + suffix).unlink(missing_ok=True)
        raise
    return path, kept


#: Tables every mentorterm database has had since schema 1.
CORE_TABLES = frozenset({"mentor", "citizen", "course", "placement", "logbook_entry", "meeting"})


def _look_inside(conn, path: Path, where: str, verify: bool) -> tuple[int, int]:
    """(schema version, number of schema objects); with ``verify``, also that
    the file is a sound mentorterm database (else DatabaseCorrupt)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if not verify or version > SCHEMA_VERSION:
        return version, tables
    names = {
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if version == 0 and not tables:
        return version, tables  # a database with nothing in it yet
    if version == 0 or not CORE_TABLES <= names:
        raise DatabaseCorrupt(
            _("{path} is a SQLite file but not a mentorterm database. It was not touched.").format(
                path=where
            )
        )
    problems = [line for (line,) in conn.execute("PRAGMA quick_check").fetchall() if line != "ok"]
    if problems:
        raise _damaged(path, where)
    return version, tables


def _damaged(path: Path, where: str) -> DatabaseCorrupt:
    backup = latest_backup(path)
    offer = _(" The latest backup is {backup}.").format(backup=backup) if backup else ""
    return DatabaseCorrupt(
        _(
            "{path} is damaged (its integrity check failed), so nothing was written to it: the "
            "file was not touched. Run 'mentorterm check' to see what is damaged, and restore "
            "a backup.{offer}"
        ).format(path=where, offer=offer)
    )


def _probe_encrypted(
    path: Path, where: str, passphrase: str, verify: bool = False
) -> tuple[int, int]:
    """(schema version, number of tables) of an encrypted file, read-only."""
    from sqlcipher3 import dbapi2 as sqlcipher

    try:
        conn = sqlcipher.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("PRAGMA key = '{}'".format(passphrase.replace("'", "''")))
            try:
                conn.execute("PRAGMA user_version").fetchone()
            except sqlcipher.DatabaseError as exc:
                text = str(exc).lower()
                if "not a database" in text or "malformed" in text:
                    raise _wrong_passphrase(path, where) from exc
                raise
            try:
                return _look_inside(conn, path, where, verify)
            except sqlcipher.DatabaseError as exc:
                # The key opened the first page: a page that fails its check
                # later is damage, not a wrong passphrase.
                text = str(exc).lower()
                if "not a database" in text or "malformed" in text or "corrupt" in text:
                    raise _damaged(path, where) from exc
                raise
        finally:
            conn.close()
    except sqlcipher.DatabaseError as exc:
        raise translate_error(exc, where) from exc


def _probe(path: Path, where: str, verify: bool = False) -> tuple[int, int]:
    """(schema version, number of tables) of an existing file, read-only."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            return _look_inside(conn, path, where, verify)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if verify and "malformed" in str(exc).lower():
            raise _damaged(path, where) from exc
        raise translate_error(exc, where) from exc


# --- the -wal file ---------------------------------------------------------------
#
# Format (sqlite.org/fileformat2.html#walformat): a 32-byte header (magic,
# version, page size, checkpoint sequence, two salts, a checksum of the first
# 24 bytes), then frames of a 24-byte header (page number, the database size
# after a commit or 0, the two salts, a running checksum) and one page. SQLite
# replays frames up to the first whose salts or checksum do not match and
# silently drops the rest: a flipped byte in one frame loses every commit
# after it. SQLCipher encrypts the page images only, the headers and
# checksums are plain, so the same check works on an encrypted database.

WAL_MAGIC = (0x377F0682, 0x377F0683)


def _wal_checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    import struct

    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_path(path: Path) -> Path:
    return Path(str(path) + "-wal")


def _has_wal(path: Path) -> bool:
    wal = wal_path(path)
    return wal.is_file() and wal.stat().st_size > 0


def wal_problems(path: Path) -> list[str]:
    """What SQLite would silently drop from the -wal beside ``path``: frames
    after a damaged one that belong to saved changes. [] when sound (or none)."""
    import struct

    wal = wal_path(Path(path))
    try:
        data = wal.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        return [
            _("The -wal file {wal} could not be read: {reason}").format(
                wal=wal, reason=exc.strerror or exc
            )
        ]
    if len(data) < 32:
        return []
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:32])
    frame = 24 + page_size
    frames = (len(data) - 32) // frame if page_size else 0
    big = bool(magic & 1)
    if (
        magic not in WAL_MAGIC
        or not 512 <= page_size <= 65536
        or _wal_checksum(data[:24], big) != (c1, c2)
    ):
        if frames and any(data[32:]):
            return [
                _(
                    "The header of the -wal file {wal} is damaged: SQLite ignores all of "
                    "it, so the changes saved in it since the last checkpoint are lost "
                    "unless a backup has them."
                ).format(wal=wal)
            ]
        return []
    s0, s1 = c1, c2
    broken_at = None
    lost = 0
    for index in range(frames):
        start = 32 + index * frame
        head = data[start : start + 24]
        _page, size_after, f1, f2, k1, k2 = struct.unpack(">6I", head)
        ours = (f1, f2) == (salt1, salt2)
        if broken_at is None:
            if ours:
                s0, s1 = _wal_checksum(head[:8] + data[start + 24 : start + frame], big, s0, s1)
                if (s0, s1) == (k1, k2):
                    continue
            broken_at = index
        if ours and size_after:
            lost += 1  # a commit SQLite will not replay
    if broken_at is None or not lost:
        # The end of this generation's frames (older ones follow), or an
        # interrupted write that was never committed: nothing saved is lost.
        return []
    return [
        ngettext(
            "The -wal file {wal} is damaged at frame {frame}: {count} saved change after it "
            "cannot be read back and is lost unless a backup has it.",
            "The -wal file {wal} is damaged at frame {frame}: {count} saved changes after it "
            "cannot be read back and are lost unless a backup has them.",
            lost,
        ).format(wal=wal, frame=broken_at + 1, count=lost)
    ]


def keep_damaged_wal(path: Path) -> Path:
    """A copy of the -wal as it is, before opening the database replays and
    removes it: the frames SQLite drops stay for someone to recover."""
    import shutil

    wal = wal_path(path)
    info = wal.stat()
    seen = (str(wal.resolve()), info.st_size, info.st_mtime_ns)
    if seen in kept_wal_copies:
        return kept_wal_copies[seen]
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = Path(path).with_name(f"{Path(path).name}-wal.damaged-{stamp}-{os.getpid()}.bak")
    shutil.copy2(wal, dest)
    with contextlib.suppress(OSError):
        os.chmod(dest, 0o600)
    kept_wal_copies[seen] = dest
    return dest


#: The copies of damaged -wal files kept in this process, by (file, size, mtime).
kept_wal_copies: dict[tuple[str, int, int], Path] = {}


def _look_at_wal(path: Path, where: str, *, refuse: bool) -> None:
    problems = wal_problems(path)
    if not problems:
        return
    if refuse:
        raise DatabaseCorrupt(
            _(
                "{path} was not touched: {problem} Run 'mentorterm check' to keep a copy of the "
                "-wal file and see what else is wrong."
            ).format(path=where, problem=problems[0])
        )
    keep_damaged_wal(path)


def check_openable(path: Path, *, create: bool) -> None:
    """The checks open_database makes on the file before anything else."""
    _check_file(path, create)


def lock_database() -> None:
    """Close the database and forget its passphrase (the app's lock).

    The closed database no longer reconnects by itself: anything that still
    tries to read gets an InterfaceError (shown as "locked"), not the data.
    """
    database = db.obj
    if database is None:
        return
    if not database.is_closed():
        database.close()
    database.autoconnect = False
    params = getattr(database, "connect_params", {})
    if "passphrase" in params:
        params["passphrase"] = ""


def checkpoint(database: peewee.SqliteDatabase | None = None) -> bool:
    """Copy every committed change from the -wal into the database file and
    empty the -wal (TRUNCATE), so saved work does not live only in the -wal.
    False when another connection kept it from finishing (it is tried again)."""
    database = database if database is not None else db.obj
    if database is None or database.is_closed() or database.in_transaction():
        return False
    try:
        row = database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except (peewee.DatabaseError, *driver_errors()):
        return False
    return bool(row) and row[0] == 0


def close_database() -> None:
    """Close the bound database, if any, checkpointing the WAL into the file first."""
    database = db.obj
    if database is not None and not database.is_closed():
        checkpoint(database)
        database.close()


def _create_schema(database: peewee.SqliteDatabase) -> None:
    with database.atomic():
        database.create_tables(ALL_MODELS + AUDIT_MODELS)
        for statement in TRIGGERS + AUDIT_TRIGGERS + summary.STATEMENTS:
            database.execute_sql(statement)
        database.execute_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")


# Invariants SQLite keeps for us, whoever writes.
TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS logbook_entry_citizen_insert
       BEFORE INSERT ON logbook_entry
       WHEN NEW.citizen_id IS NOT (SELECT citizen_id FROM placement WHERE id = NEW.placement_id)
       BEGIN SELECT RAISE(ABORT, 'logbook entry citizen differs from placement citizen'); END""",
    """CREATE TRIGGER IF NOT EXISTS logbook_entry_citizen_update
       BEFORE UPDATE OF citizen_id, placement_id ON logbook_entry
       WHEN NEW.citizen_id IS NOT (SELECT citizen_id FROM placement WHERE id = NEW.placement_id)
       BEGIN SELECT RAISE(ABORT, 'logbook entry citizen differs from placement citizen'); END""",
]

# The audit log is append-only: no row is ever changed, and a row goes only
# while its citizen is being erased (erasure_in_progress holds their id for
# that transaction; domain/audit.py). Erase rows themselves stay for good.
AUDIT_TRIGGERS = [
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_update
       BEFORE UPDATE ON audit_entry
       BEGIN SELECT RAISE(ABORT, 'audit log entries cannot be changed'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete
       BEFORE DELETE ON audit_entry
       WHEN OLD.action = 'erase' OR OLD.citizen_id IS NULL
            OR OLD.citizen_id NOT IN (SELECT citizen_id FROM erasure_in_progress)
       BEGIN SELECT RAISE(ABORT, 'audit log entries go only when their citizen is erased'); END""",
]


def _to_schema_2(migrator: SqliteMigrator) -> None:
    """Logbook days get the reason for an absence; forms get drafts."""
    from .models import Draft

    # A plain ADD COLUMN (NOT NULL with a DEFAULT) rewrites no rows: quick
    # on a logbook of hundreds of thousands of days.
    migrator.database.execute_sql(
        """ALTER TABLE "logbook_entry" ADD COLUMN "absence_reason" TEXT NOT NULL DEFAULT ''"""
    )
    migrator.database.create_tables([Draft])


def _to_schema_3(migrator: SqliteMigrator) -> None:
    """Saved progression reports (the mentor's judgement texts and the period)."""
    from .models import Report

    migrator.database.create_tables([Report])


def _to_schema_4(migrator: SqliteMigrator) -> None:
    """The audit log (append-only, hash-chained) and its erasure marker."""
    migrator.database.create_tables(AUDIT_MODELS)
    for statement in AUDIT_TRIGGERS:
        migrator.database.execute_sql(statement)


def _to_schema_5(migrator: SqliteMigrator) -> None:
    """Meetings: who cancelled and why (a no-show's note), two new kinds.

    The kind and status CHECKs change, which SQLite can only do by rebuilding
    the table: the old one is renamed aside (legacy_alter_table keeps the
    participants' and action items' foreign keys naming "meeting"), the new
    one made exactly as a new database makes it, the rows copied with their
    ids, and the old one dropped. Every old cancellation was recorded as
    "cancelled_by_citizen": it becomes "cancelled" by the citizen.
    """
    from .models import Meeting

    database = migrator.database
    old_indexes = database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'meeting' "
        "AND sql IS NOT NULL"
    ).fetchall()
    for (name,) in old_indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    database.execute_sql("PRAGMA legacy_alter_table = ON")
    try:
        database.execute_sql('ALTER TABLE "meeting" RENAME TO "meeting_schema4"')
    finally:
        database.execute_sql("PRAGMA legacy_alter_table = OFF")
    database.create_tables([Meeting])
    kept = [
        name
        for (_cid, name, *_rest) in database.execute_sql(
            'PRAGMA table_info("meeting_schema4")'
        ).fetchall()
    ]
    columns = ", ".join(f'"{name}"' for name in kept)
    chosen = ", ".join(
        "CASE WHEN status = 'cancelled_by_citizen' THEN 'cancelled' ELSE status END"
        if name == "status"
        else f'"{name}"'
        for name in kept
    )
    database.execute_sql(
        f'INSERT INTO "meeting" ({columns}, "cancelled_by", "outcome_note") '
        f"SELECT {chosen}, CASE WHEN status = 'cancelled_by_citizen' THEN 'citizen' END, '' "
        'FROM "meeting_schema4"'
    )
    database.execute_sql('DROP TABLE "meeting_schema4"')


#: Forward migrations: MIGRATIONS[n] takes a database at schema n-1 to n.
#: Each runs inside ``migrator.migration_context()`` (foreign keys off, one
#: transaction): a table rebuild outside it cascades deletes to child rows.
MIGRATIONS: dict[int, Callable[[SqliteMigrator], None]] = {
    2: _to_schema_2,
    3: _to_schema_3,
    4: _to_schema_4,
    5: _to_schema_5,
    6: lambda migrator: to_schema_6(migrator.database, migrator),
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
    uri = f"file:{path}?mode=ro"
    if not is_encrypted(database):
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
    from sqlcipher3 import dbapi2 as sqlcipher

    conn = sqlcipher.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(
        "PRAGMA key = '{}'".format(database.connect_params["passphrase"].replace("'", "''"))
    )
    return conn


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
    target.execute("PRAGMA key = '{}'".format(passphrase.replace("'", "''")))
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


def ensure_default_mentor() -> Mentor:
    """The mentor a per-user database's records belong to (created once)."""
    mentor = Mentor.get_or_none(Mentor.is_default == True)
    if mentor is None:
        with db.atomic():
            mentor = Mentor.create(name=_("Me"), is_default=True)
    return mentor


def schema_version() -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def row_counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in ALL_MODELS}


def integrity_problems() -> list[str]:
    """SQLite's own checks: page integrity and dangling foreign keys."""
    problems: list[str] = []
    for (line,) in db.execute_sql("PRAGMA integrity_check").fetchall():
        if line != "ok":
            problems.append(_("Integrity: {detail}").format(detail=line))
    for table, rowid, parent, _fk in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        problems.append(
            _("Broken link: {table} row {rowid} points to a missing {parent} row.").format(
                table=table, rowid=rowid, parent=parent
            )
        )
    return problems


__all__ = [
    "SCHEMA_VERSION",
    "StorageError",
    "backup_database",
    "close_database",
    "default_database_path",
    "open_database",
    "resolve_target",
    "utcnow",
]
