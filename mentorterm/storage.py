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

from . import private
from .i18n import _
from .models import ALL_MODELS, AUDIT_MODELS, Mentor, db, utcnow

if TYPE_CHECKING:
    from playhouse.migrate import SqliteMigrator

#: The schema version this code writes. Each released version is kept as a
#: fixture database in tests/fixtures/ so its migration stays tested.
SCHEMA_VERSION = 5

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
        raise WeakPassphrase(_("An empty passphrase would leave the notes readable to anyone "
                               "who has the laptop. Choose a passphrase."))
    if len(passphrase) < MIN_PASSPHRASE:
        raise WeakPassphrase(_("A passphrase needs at least {n} characters; a few words you "
                               "can remember are best.").format(n=MIN_PASSPHRASE))
    return passphrase


def passphrase_hint(passphrase: str) -> str:
    """A plain-words strength hint while a passphrase is typed."""
    words = len(passphrase.split())
    kinds = sum(any(test(c) for c in passphrase) for test in (
        str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum()))
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
    found = {p for pattern in patterns for p in path.parent.glob(pattern)
             if p.is_file() and p.resolve() != path.resolve()}
    return sorted(found, key=lambda p: p.name)


def latest_backup(path: Path) -> Path | None:
    """The newest of ``backups_of(path)``."""
    return max(backups_of(path), key=lambda p: p.stat().st_mtime, default=None)


def _wrong_passphrase(path: Path, where: str) -> WrongPassphrase:
    backup = latest_backup(path)
    offer = (_(" The latest backup is {backup}.").format(backup=backup) if backup else "")
    return WrongPassphrase(_(
        "{path} could not be opened: either the passphrase is wrong or the file is damaged "
        "(the encryption cannot tell the two apart). Nothing was changed. Try the passphrase "
        "again; if you are sure it is right, restore a backup.{offer}").format(
            path=where, offer=offer))


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


def _make_database(name: str, *, uri: bool = False,
                   passphrase: str | None = None) -> peewee.SqliteDatabase:
    # IMMEDIATE write transactions take the write lock at BEGIN: two windows
    # on one database then wait for each other (busy timeout) instead of
    # failing with "database is locked" when a read turns into a write.
    if passphrase is not None:
        from playhouse.sqlcipher_ext import SqlCipherDatabase

        # SQLCipher logs to stderr by default, which would garble the screen.
        return SqlCipherDatabase(
            name, passphrase=passphrase, pragmas=[("cipher_log_level", "NONE"), *PRAGMAS],
            timeout=BUSY_TIMEOUT, lock_type="IMMEDIATE", uri=uri)
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
            _("There is no database at {path}. Check the path, or start mentorterm to create one.")
            .format(path=path)
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


def open_database(
    target: str | Path,
    *,
    create: bool = True,
    migrate: bool = True,
    passphrase: str | None = None,
    plaintext: bool | None = None,
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
        if path.exists() and not existed and not create:
            raise DatabaseCorrupt(
                _("{path} is an empty file, not a mentorterm database. It was not touched.")
                .format(path=where)
            )
        if existed and is_encrypted_file(path):
            if not passphrase:
                raise PassphraseNeeded(_(
                    "{path} is not a plain database: it is encrypted (its passphrase is "
                    "needed), or it is damaged. Nothing was changed.").format(path=where))
            version, tables = _probe_encrypted(path, where, passphrase)
            encrypt = True
        elif existed:
            # Look before touching: a foreign, damaged or newer file is
            # refused before any pragma could write to it.
            version, tables = _probe(path, where)
            encrypt = False
        else:
            # A passphrase given asks for encryption; the tests' switch only
            # decides when none is given.
            encrypt = (passphrase is not None and not explicit_plain) or not plaintext
            if encrypt:
                if passphrase is None:
                    raise PassphraseNeeded(_("A new database is encrypted: choose a passphrase "
                                             "for {path}.").format(path=where))
                check_new_passphrase(passphrase)
    else:
        existed = False
        encrypt = False
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew(
            _(
                "{path} was made by a newer mentorterm (schema {found}, this one "
                "knows {known}). Update mentorterm; the file was not touched."
            ).format(path=where, found=version, known=SCHEMA_VERSION)
        )
    if version == 0 and tables:
        raise DatabaseCorrupt(
            _("{path} is a SQLite file but not a mentorterm database. It was not touched.")
            .format(path=where)
        )
    if 0 < version < SCHEMA_VERSION and not migrate:
        raise StorageError(
            _("{path} needs an upgrade from schema {old} to {new}.").format(
                path=where, old=version, new=SCHEMA_VERSION
            )
        )
    database = _make_database(str(path) if path is not None else ":memory:",
                              passphrase=passphrase if encrypt else None)
    try:
        # A new database (and its -wal, -shm and migration backup) is created
        # owner-only whatever the caller's umask.
        with storage_errors(target), private.private_umask():
            database.connect()
            db.initialize(database)
            if version == 0:
                _create_schema(database)
            elif version < SCHEMA_VERSION:
                if path is not None:
                    backup_before_migration(database, path, version)
                run_migrations(database, version)
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
    private.make_all_private([path, Path(f"{path}-wal"), Path(f"{path}-shm"),
                              *backups_of(path)])
    with contextlib.suppress(OSError):
        if path.parent.resolve() == default_database_path().parent.resolve():
            private.make_private(path.parent, folder=True)


def needs_passphrase(target: str | Path, passphrase: str | None = None,
                     plaintext: bool | None = None) -> str | None:
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
        raise StorageError(_("This database is not encrypted; 'mentorterm encrypt' "
                             "encrypts it."))
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
        raise DatabaseLocked(_("{path} is open in mentorterm (or was not closed cleanly): "
                               "close mentorterm, open it once and quit, then try again.")
                             .format(path=where))
    version, _tables = _probe(path, where)
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
            counts = {name: source.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                      for (name,) in source.execute(
                          "SELECT name FROM sqlite_master WHERE type = 'table'")}
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
            copied = {name: check.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                      for name in counts}
            copied_version = check.execute("PRAGMA user_version").fetchone()[0]
            check.execute("PRAGMA journal_mode = wal")
        finally:
            check.close()
        if ok != "ok" or copied != counts or copied_version != version:
            raise StorageError(_("The encrypted copy did not match the original; nothing "
                                 "was changed."))
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


def _probe_encrypted(path: Path, where: str, passphrase: str) -> tuple[int, int]:
    """(schema version, number of tables) of an encrypted file, read-only."""
    from sqlcipher3 import dbapi2 as sqlcipher

    try:
        conn = sqlcipher.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute("PRAGMA key = '{}'".format(passphrase.replace("'", "''")))
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlcipher.DatabaseError as exc:
        text = str(exc).lower()
        if "not a database" in text or "malformed" in text:
            raise _wrong_passphrase(path, where) from exc
        raise translate_error(exc, where) from exc
    return version, tables


def _probe(path: Path, where: str) -> tuple[int, int]:
    """(schema version, number of tables) of an existing file, read-only."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise translate_error(exc, where) from exc
    return version, tables


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


def close_database() -> None:
    """Close the bound database, if any (checkpointing the WAL into the file)."""
    database = db.obj
    if database is not None and not database.is_closed():
        database.close()


def _create_schema(database: peewee.SqliteDatabase) -> None:
    with database.atomic():
        database.create_tables(ALL_MODELS + AUDIT_MODELS)
        for statement in TRIGGERS + AUDIT_TRIGGERS:
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
        "AND sql IS NOT NULL").fetchall()
    for (name,) in old_indexes:
        database.execute_sql(f'DROP INDEX "{name}"')
    database.execute_sql("PRAGMA legacy_alter_table = ON")
    try:
        database.execute_sql('ALTER TABLE "meeting" RENAME TO "meeting_schema4"')
    finally:
        database.execute_sql("PRAGMA legacy_alter_table = OFF")
    database.create_tables([Meeting])
    kept = [name for (_cid, name, *_rest)
            in database.execute_sql('PRAGMA table_info("meeting_schema4")').fetchall()]
    columns = ", ".join(f'"{name}"' for name in kept)
    chosen = ", ".join(
        "CASE WHEN status = 'cancelled_by_citizen' THEN 'cancelled' ELSE status END"
        if name == "status" else f'"{name}"' for name in kept)
    database.execute_sql(
        f'INSERT INTO "meeting" ({columns}, "cancelled_by", "outcome_note") '
        f"SELECT {chosen}, CASE WHEN status = 'cancelled_by_citizen' THEN 'citizen' END, '' "
        'FROM "meeting_schema4"')
    database.execute_sql('DROP TABLE "meeting_schema4"')


#: Forward migrations: MIGRATIONS[n] takes a database at schema n-1 to n.
#: Each runs inside ``migrator.migration_context()`` (foreign keys off, one
#: transaction): a table rebuild outside it cascades deletes to child rows.
MIGRATIONS: dict[int, Callable[[SqliteMigrator], None]] = {
    2: _to_schema_2,
    3: _to_schema_3,
    4: _to_schema_4,
    5: _to_schema_5,
}


def run_migrations(database: peewee.SqliteDatabase, from_version: int,
                   to_version: int | None = None,
                   migrations: dict[int, Callable[[SqliteMigrator], None]] | None = None,
                   ) -> None:
    """Apply the migrations after ``from_version`` up to ``to_version``."""
    to_version = SCHEMA_VERSION if to_version is None else to_version
    migrations = MIGRATIONS if migrations is None else migrations
    from playhouse.migrate import SqliteMigrator  # only needed for an upgrade

    migrator = SqliteMigrator(database)
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
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.schema{version}-{stamp}.bak")
    backup_to(database, dest)
    return dest


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


def backup_to(database: peewee.SqliteDatabase, dest: Path) -> None:
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
            database.connection().backup(target)
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
            _("{path} already exists; choose a new name so no earlier backup is overwritten.")
            .format(path=dest)
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
