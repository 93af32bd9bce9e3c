"""Looking at an existing file read-only before opening it: version, tables, soundness."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..i18n import _
from . import migrations
from .cipher_key import read_only
from .connection import BUSY_TIMEOUT
from .errors import DatabaseCorrupt, DatabaseTooNew, WrongPassphrase, translate_error
from .paths import latest_backup


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


def _refuse_version(version: int, tables: int, where: str) -> None:
    """A newer schema, or a SQLite file that is not ours, is refused untouched."""
    if version > migrations.SCHEMA_VERSION:
        raise DatabaseTooNew(
            _(
                "{path} was made by a newer mentorterm (schema {found}, this one "
                "knows {known}). Update mentorterm; the file was not touched."
            ).format(path=where, found=version, known=migrations.SCHEMA_VERSION)
        )
    if version == 0 and tables:
        raise DatabaseCorrupt(
            _("{path} is a SQLite file but not a mentorterm database. It was not touched.").format(
                path=where
            )
        )


#: Tables every mentorterm database has had since schema 1.
CORE_TABLES = frozenset({"mentor", "citizen", "course", "placement", "logbook_entry", "meeting"})


def _look_inside(conn, path: Path, where: str, verify: bool) -> tuple[int, int]:
    """(schema version, number of schema objects); with ``verify``, also that
    the file is a sound mentorterm database (else DatabaseCorrupt)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if not verify or version > migrations.SCHEMA_VERSION:
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
    """(schema version, number of tables) of an encrypted file, read-only;
    ``passphrase`` may be the raw key (cipher_key.py)."""
    from sqlcipher3 import dbapi2 as sqlcipher

    try:
        conn = read_only(path, passphrase)
        try:
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
