"""The app's session with its database: open, lock, checkpoint, close, and what the start asks.

app.py reaches storage only through here. Every call looks its storage function
up on the ``storage`` module at call time, so a test that patches
``storage.<name>`` is seen here too. The errors the app catches are storage's
own, re-exported under the same names.
"""

from __future__ import annotations

from pathlib import Path

from .. import storage
from ..storage import StorageError, WrongPassphrase

__all__ = [
    "StorageError",
    "WrongPassphrase",
    "check_openable",
    "checkpoint",
    "close",
    "damaged_wal_copies",
    "label",
    "my_mentor_on_a_team",
    "has_drafts",
    "is_demo",
    "is_encrypted",
    "lock",
    "needs_passphrase",
    "open",
    "target_path",
]

# What demo.generate_demo's one audit row says (demo._DEMO_AUDIT; a test holds
# the two equal). Asked here so the start need not import the demo builder and
# its pydantic schemas.
DEMO_MARK = ("import", "demo")


def open(target: str | Path, *, passphrase: str | None = None, plaintext: bool | None = None):  # noqa: A001
    """Open (creating it if new) and bind the database; storage.StorageError when it cannot."""
    return storage.open_database(target, passphrase=passphrase, plaintext=plaintext)


def close() -> None:
    """Close the database (the -wal is checkpointed)."""
    storage.close_database()


def lock() -> None:
    """Close the database and forget its key (the app's lock)."""
    storage.lock_database()


def checkpoint() -> bool:
    """Move every saved change from the -wal into the database file."""
    return storage.checkpoint()


def is_encrypted() -> bool:
    """True when the open database is encrypted."""
    return storage.is_encrypted()


def target_path(target: str | Path) -> Path | None:
    """The file behind ``target``; None for an in-memory database."""
    return storage.target_path(target)


def my_mentor_on_a_team() -> int | None:
    """On the team database, the id of the mentor at the keyboard (the caseload
    starts with their citizens); None on a mentor's own database, where every
    citizen is theirs."""
    if not storage.is_postgres():
        return None
    return storage.ensure_default_mentor().id


def label(target: str | Path) -> str:
    """How the title bar names the database: its file's name, the team
    database's "name · server", or ":memory:"."""
    return storage.label(target)


def needs_passphrase(target: str | Path, passphrase: str | None) -> str | None:
    """ "create" or "unlock" when the app must ask for a passphrase first, else None."""
    return storage.needs_passphrase(target, passphrase)


def check_openable(path: Path, *, create: bool) -> None:
    """Refuse now (StorageError) what could not be opened after the passphrase."""
    storage.check_openable(path, create=create)


def damaged_wal_copies() -> list[Path]:
    """Copies kept, this process, of the open database's -wal files that could
    not be read back ([] for an in-memory database or none open)."""
    from ..models import db

    name = getattr(db.obj, "database", None)
    if not name or name == ":memory:":
        return []
    return storage.kept_copies_of(Path(name))


def has_drafts() -> bool:
    """Whether any kept draft exists: one indexed query, so the start imports the
    drafts machinery (and the meetings screen) only when there is one to offer."""
    return storage.has_draft()


def is_demo() -> bool:
    """True when the open database holds the fictional demo caseload."""
    action, what = DEMO_MARK
    return storage.has_audit_mark(action, what)
