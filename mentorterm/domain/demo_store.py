"""What the demo asks of storage: one transaction, row counts, the mentor, its own file."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path

from .. import storage
from ..models import AuditEntry, Citizen, db


def transaction() -> AbstractContextManager:
    """All of the demo or none of it (the open database's transaction)."""
    return db.atomic()


def row_counts() -> dict[str, int]:
    """Rows per table of the open database."""
    return storage.row_counts()


def default_mentor() -> tuple[int, str]:
    """The open database's default mentor (made when missing): id and name."""
    mentor = storage.ensure_default_mentor()
    return mentor.id, mentor.name


def has_audit_entry(action: str, what: str) -> bool:
    """Whether the audit log holds a row with this action and kind of record."""
    return (
        AuditEntry.select()
        .where((AuditEntry.action == action) & (AuditEntry.what == what))
        .exists()
    )


def has_citizens() -> bool:
    return Citizen.select().exists()


def file_beside_database(name: str) -> Path:
    """``name`` in the per-user data folder, beside the mentor's database."""
    return storage.default_database_path().with_name(name)


def open_path() -> Path | None:
    """The file of the open database, resolved (None when none is open)."""
    return Path(db.obj.database).resolve() if db.obj is not None else None


def switch_to(path: Path, fill) -> bool:
    """Open ``path`` (plaintext) in place of the open database and call
    ``fill()``; returns what it returns. When ``fill`` raises, the new file is
    closed and the database that was open before is open again."""
    before = db.obj
    storage.open_database(path, plaintext=True)
    try:
        result = fill()
    except BaseException:
        storage.close_database()
        if before is not None:
            db.initialize(before)
        raise
    if before is not None and not before.is_closed():
        before.close()
    return result
