"""Storage, the one face: opening the database, schema versions and migrations, backups.

This is the only package that connects to a database. Everything above it
(domain functions, screens, the CLI) works through the models once
``open_database`` has bound them, and through the functions named here; what
is particular to the engine (SQLite/SQLCipher for one mentor, PostgreSQL for a team) stays inside. The rooms:
errors, paths, passphrase, connection, probe, wal, schema, migrations,
backup, encryption, opening, upkeep, audit_chain, invariants, records, rows,
engine (which engine, one SQL dialect for both), postgres (the team database).

The face is lazy: each name loads its room on first use, so the first
frame loads only the rooms opening a database needs (not the migrations,
the team database, the bundle or every model).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import utcnow  # noqa: F401
from .backup import BACKUP_HOOKS, backup_before_migration, backup_database, backup_to
from .connection import BUSY_TIMEOUT, PRAGMAS, is_encrypted, storage_errors
from .engine import execute, is_postgres, is_team_target
from .errors import (
    DatabaseCorrupt,
    DatabaseLocked,
    DatabaseMissing,
    DatabaseReadOnly,
    DatabaseTooNew,
    DiskFull,
    PassphraseNeeded,
    PasswordNeeded,
    StorageError,
    WeakPassphrase,
    WrongPassphrase,
    driver_errors,
    translate_error,
)
from .migrations import MIGRATION_WAIT, MIGRATIONS, SCHEMA_VERSION, run_migrations
from .opening import (
    CLOSE_HOOKS,
    check_openable,
    close_database,
    lock_database,
    make_files_private,
    needs_passphrase,
    open_database,
    refuse_empty_file,
)
from .passphrase import (
    MIN_PASSPHRASE,
    PLAINTEXT_HEADER,
    allow_plaintext_for_tests,
    check_new_passphrase,
    is_encrypted_file,
    passphrase_hint,
    plaintext_requested,
)
from .paths import (
    APP_NAME,
    ENV_VAR,
    backups_of,
    default_database_path,
    describe,
    label,
    latest_backup,
    resolve_target,
    target_path,
)
from .probe import CORE_TABLES
from .schema import AUDIT_TRIGGERS, TRIGGERS, create_schema
from .upkeep import (
    active_mentor_ids,
    database_file,
    ensure_default_mentor,
    has_audit_mark,
    has_draft,
    integrity_problems,
    is_duplicate,
    row_counts,
    schema_version,
    writable_citizen_ids,
)
from .wal import (
    checkpoint,
    compact,
    keep_damaged_wal,
    kept_copies_of,
    kept_wal_copies,
    wal_path,
    wal_problems,
)

if TYPE_CHECKING:  # loaded on first use (__getattr__)
    from .bundle import BundleError, read_bundle, write_bundle
    from .encryption import change_passphrase, encrypt_database
    from .pg_address import kept_target, login_of
    from .postgres import (
        add_team_mentor,
        deactivate_team_mentor,
        init_team,
        team_mentor_id,
        team_mentor_of,
        try_team_login,
        upgrade_team,
    )
    from .records import citizen_ids, plain_rows, rows_by_parent
    from .rows import insert_row, row_by_id
    from .sync_log import is_logging as sync_is_logging
    from .sync_log import lock_citizens as sync_lock_citizens
    from .sync_log import server_sequence as sync_server_sequence
    from .sync_log import set_pulling as sync_set_pulling
    from .sync_log import start as sync_log_start
    from .sync_log import stop as sync_log_stop

#: The names of the rooms the first frame does without, and their room.
_LATER: dict[str, str] = {
    "BundleError": "bundle",
    "read_bundle": "bundle",
    "write_bundle": "bundle",
    "change_passphrase": "encryption",
    "encrypt_database": "encryption",
    "kept_target": "pg_address",
    "login_of": "pg_address",
    "add_team_mentor": "postgres",
    "deactivate_team_mentor": "postgres",
    "init_team": "postgres",
    "team_mentor_id": "postgres",
    "team_mentor_of": "postgres",
    "try_team_login": "postgres",
    "upgrade_team": "postgres",
    "citizen_ids": "records",
    "plain_rows": "records",
    "rows_by_parent": "records",
    "insert_row": "rows",
    "row_by_id": "rows",
    "sync_is_logging": "sync_log",
    "sync_lock_citizens": "sync_log",
    "sync_server_sequence": "sync_log",
    "sync_set_pulling": "sync_log",
    "sync_log_start": "sync_log",
    "sync_log_stop": "sync_log",
}

_ORIGINAL = {
    "sync_is_logging": "is_logging",
    "sync_lock_citizens": "lock_citizens",
    "sync_server_sequence": "server_sequence",
    "sync_set_pulling": "set_pulling",
    "sync_log_start": "start",
    "sync_log_stop": "stop",
}


def __getattr__(name: str):
    """A name of a room loaded on first use (PEP 562), then kept here."""
    room = _LATER.get(name)
    if room is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if room == "bundle":
        from . import bundle as module
    elif room == "encryption":
        from . import encryption as module
    elif room == "pg_address":
        from . import pg_address as module
    elif room == "postgres":
        from . import postgres as module
    elif room == "records":
        from . import records as module
    elif room == "rows":
        from . import rows as module
    else:
        from . import sync_log as module
    value = getattr(module, _ORIGINAL.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LATER))


__all__ = [
    "BundleError",
    "read_bundle",
    "write_bundle",
    "sync_is_logging",
    "team_mentor_id",
    "kept_target",
    "login_of",
    "sync_lock_citizens",
    "sync_set_pulling",
    "sync_server_sequence",
    "sync_log_start",
    "sync_log_stop",
    "active_mentor_ids",
    "writable_citizen_ids",
    "APP_NAME",
    "AUDIT_TRIGGERS",
    "BACKUP_HOOKS",
    "BUSY_TIMEOUT",
    "CLOSE_HOOKS",
    "CORE_TABLES",
    "DatabaseCorrupt",
    "DatabaseLocked",
    "DatabaseMissing",
    "DatabaseReadOnly",
    "DatabaseTooNew",
    "DiskFull",
    "ENV_VAR",
    "MIGRATIONS",
    "MIGRATION_WAIT",
    "MIN_PASSPHRASE",
    "PLAINTEXT_HEADER",
    "PRAGMAS",
    "PassphraseNeeded",
    "PasswordNeeded",
    "SCHEMA_VERSION",
    "StorageError",
    "TRIGGERS",
    "WeakPassphrase",
    "WrongPassphrase",
    "allow_plaintext_for_tests",
    "backup_before_migration",
    "backup_database",
    "backup_to",
    "backups_of",
    "change_passphrase",
    "check_new_passphrase",
    "check_openable",
    "citizen_ids",
    "checkpoint",
    "close_database",
    "compact",
    "create_schema",
    "database_file",
    "default_database_path",
    "describe",
    "label",
    "driver_errors",
    "encrypt_database",
    "ensure_default_mentor",
    "has_audit_mark",
    "has_draft",
    "insert_row",
    "integrity_problems",
    "is_duplicate",
    "is_encrypted",
    "is_encrypted_file",
    "keep_damaged_wal",
    "execute",
    "is_postgres",
    "is_team_target",
    "init_team",
    "add_team_mentor",
    "deactivate_team_mentor",
    "team_mentor_of",
    "try_team_login",
    "upgrade_team",
    "kept_copies_of",
    "kept_wal_copies",
    "latest_backup",
    "lock_database",
    "make_files_private",
    "needs_passphrase",
    "open_database",
    "passphrase_hint",
    "plain_rows",
    "plaintext_requested",
    "refuse_empty_file",
    "resolve_target",
    "row_by_id",
    "row_counts",
    "rows_by_parent",
    "run_migrations",
    "schema_version",
    "storage_errors",
    "target_path",
    "translate_error",
    "utcnow",
    "wal_path",
    "wal_problems",
]
