"""Erasing a citizen for good: every row, and every byte of their text in the file.

Deleting the citizen row cascades to everything about them (courses, scores,
logbook, meetings, drafts, saved reports...). ``secure_delete`` (storage/connection.py)
makes SQLite overwrite the deleted cells and pages with zeros, but in WAL
mode the old page images stay in the -wal file until a checkpoint copies the
pages back and the WAL is truncated: ``scrub`` does that after the
transaction. Backups made earlier are copies this cannot reach; the
confirmation names the ones beside the database (``backups_on_disk``).
"""

from __future__ import annotations

import time
from pathlib import Path

from .. import storage
from ..i18n import N_, _
from ..models import Citizen, db
from .errors import DomainError, NotFound
from .views import View


class ErasureResult(View):
    citizen_name: str
    rows_deleted: int  # the citizen and every record linked to them
    wal_cleared: bool  # False: another connection kept the WAL busy; erased, bytes pending
    seconds: float


def delete_rows(citizen_id: int, count: bool = True, purpose: str = N_("erased")) -> int:
    """Delete the citizen and (by ON DELETE CASCADE) everything linked.

    Returns the rows removed (0 unless ``count``: counting reads every
    table twice). Call inside a transaction; NotFound when the citizen is gone.
    Their audit-log rows go too, and one erase row (``purpose``) accounts for
    them (``audit.erase_trail``); the audit rows are not in the count.
    """
    from .audit import erase_trail

    if Citizen.get_or_none(Citizen.id == citizen_id) is None:
        raise NotFound(_("This citizen no longer exists (erased in another window?)."))
    before = sum(storage.row_counts().values()) if count else 0
    erase_trail(citizen_id, purpose=purpose)
    Citizen.delete().where(Citizen.id == citizen_id).execute()
    return before - sum(storage.row_counts().values()) if count else 0


def scrub(vacuum: bool = False) -> bool:
    """Move every committed page into the database file and empty the WAL.

    True when the WAL was emptied; False when another connection was reading
    (its snapshot still needs the old pages): the next checkpoint clears
    them. ``vacuum`` also rebuilds the file (not needed with secure_delete:
    see bench/README.md for what it costs).
    """
    return storage.compact(vacuum)


def erase_citizen(citizen_id: int, typed_name: str, *, vacuum: bool = False) -> ErasureResult:
    """Erase a citizen and everything about them, once their name is typed.

    The typed name must match the citizen's (spaces at the ends ignored), or
    nothing happens. All rows go in one transaction; then the WAL is
    checkpointed and truncated so no byte of their text stays in the
    database's files (the -wal held the old page images).
    """
    started = time.perf_counter()
    with db.atomic():
        citizen = Citizen.get_or_none(Citizen.id == citizen_id)
        if citizen is None:
            raise NotFound(_("This citizen no longer exists (erased in another window?)."))
        if typed_name.strip() != citizen.name.strip():
            raise DomainError(_("The name does not match; nothing was erased."), field="name")
        name = citizen.name
        rows = delete_rows(citizen_id)
    cleared = scrub(vacuum)
    return ErasureResult(
        citizen_name=name,
        rows_deleted=rows,
        wal_cleared=cleared,
        seconds=round(time.perf_counter() - started, 4),
    )


def backups_on_disk(db_path: str | Path) -> list[Path]:
    """Backups lying beside the database file (``storage.backups_of``); the
    confirmation should say that backups elsewhere cannot be found."""
    return storage.backups_of(Path(db_path))


def database_path() -> Path | None:
    """The file of the open database (None for an in-memory one), to look for backups."""
    return storage.database_file()
