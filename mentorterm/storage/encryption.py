"""Encrypting a plaintext database, and changing the passphrase of an encrypted one."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path

from .. import private
from ..i18n import _
from ..models import db
from . import cipher_key
from .connection import is_encrypted, storage_errors
from .errors import DatabaseCorrupt, DatabaseLocked, DatabaseMissing, StorageError, WrongPassphrase
from .opening import make_files_private
from .passphrase import check_new_passphrase, is_encrypted_file
from .probe import _probe, _refuse_version
from .wal import _look_at_wal


def change_passphrase(old: str, new: str) -> None:
    """Re-encrypt the open database with ``new`` (SQLCipher's rekey)."""
    database = db.obj
    if not is_encrypted(database):
        raise StorageError(_("This database is not encrypted; 'mentorterm encrypt' encrypts it."))
    path = Path(database.database)
    if not cipher_key.same_passphrase(old, database.connect_params.get("passphrase", ""), path):
        raise WrongPassphrase(_("The current passphrase is not right. Nothing was changed."))
    check_new_passphrase(new)
    with storage_errors(database.database):
        database.rekey(new)
        # The connections after this one: the new passphrase's raw key (cipher_key.py).
        database.connect_params["passphrase"] = cipher_key.verified(new, path)


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
