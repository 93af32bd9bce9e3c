"""Writing the log: one row per operation, chained by hash to the row before it."""

from __future__ import annotations

import contextlib
import hashlib
import json
from datetime import datetime
from typing import TYPE_CHECKING

from ... import models
from ...enums import AuditAction
from ...i18n import N_
from ...models import db, utcnow
from ...storage import audit_chain
from .anchor import _after_commit

if TYPE_CHECKING:
    from .entry_view import AuditView

#: The ``prev_hash`` of the first row.
GENESIS = "0" * 64


def _stamp(at: datetime | str) -> str:
    """The time as hashed: ISO with microseconds, whichever way it was stored."""
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    return at.isoformat(timespec="microseconds")


def digest(
    prev_hash: str,
    *,
    id: int,
    at: datetime | str,
    action: str,
    what: str,
    record_id: int | None,
    citizen_id: int | None,
    mentor_id: int | None,
    purpose: str,
    detail: str,
) -> str:
    """The hash of a row: SHA-256 of the previous hash and the row's canonical JSON."""
    body = json.dumps(
        {
            "id": id,
            "at": _stamp(at),
            "action": str(action),
            "what": what,
            "record_id": record_id,
            "citizen_id": citizen_id,
            "mentor_id": mentor_id,
            "purpose": purpose,
            "detail": detail,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _append(
    action: AuditAction,
    what: str,
    citizen_id: int | None,
    record_id: int | None,
    purpose: str,
    detail: str,
    now: datetime | None,
) -> int:
    # Inside a write transaction (IMMEDIATE: the write lock is held from
    # BEGIN), so no other connection can append between this read and the insert.
    # The tip is read again on every append (one statement, with the mentor):
    # another window or process may have appended since this one last did.
    entry_id, prev, mentor_id = audit_chain.tip()
    row = dict(
        id=entry_id,
        at=now or utcnow(),
        action=AuditAction(action).value,
        what=what,
        record_id=record_id,
        citizen_id=citizen_id,
        mentor_id=mentor_id,
        purpose=purpose,
        detail=detail,
    )
    prev = prev or GENESIS
    audit_chain.append({**row, "prev_hash": prev, "hash": digest(prev, **row)})
    # Once the rows are committed, the anchor beside the file moves to the new head
    # (in peewee's manual-commit mode there is no hook: it catches up next time).
    if _after_commit not in db.obj._state.commit_callbacks:
        with contextlib.suppress(ValueError):
            db.after_commit(_after_commit)
    return row["id"]


def record(
    action: AuditAction | str,
    what: str,
    *,
    citizen_id: int | None = None,
    record_id: int | None = None,
    purpose: str = "",
    detail: str = "",
    now: datetime | None = None,
) -> int:
    """Append one row for an operation; returns its id.

    Call it inside the ``db.atomic()`` of the change it records, so the row
    and the change are committed (or rolled back) together; outside a
    transaction it opens its own. ``what`` is the kind of record
    ("meeting", "logbook_entry"...), ``purpose`` a few words on why. Never
    pass a name or note text: rows outlive the records.
    """
    if db.in_transaction():
        return _append(AuditAction(action), what, citizen_id, record_id, purpose, detail, now)
    with db.atomic():
        return _append(AuditAction(action), what, citizen_id, record_id, purpose, detail, now)


def erase_trail(citizen_id: int, purpose: str = N_("erased"), now: datetime | None = None) -> int:
    """Remove the citizen's rows and leave the one ``erase`` row that accounts for them.

    Call inside the erasing transaction, before or after the records go. The
    erase row is written first (chained to the current last row, which may be
    one of the citizen's), listing [id, prev_hash, hash] of every row it
    removes; then the rows go, the trigger allowing it only while the
    citizen's id is in ``erasure_in_progress``. Earlier erase rows stay.
    """
    removed = audit_chain.citizen_rows(citizen_id)
    entry_id = record(
        AuditAction.ERASE,
        "citizen",
        citizen_id=citizen_id,
        record_id=citizen_id,
        purpose=purpose,
        detail=json.dumps([list(r) for r in removed], separators=(",", ":")),
        now=now,
    )
    if removed:
        audit_chain.remove_citizen_rows(citizen_id)
    return entry_id


def entries(citizen_id: int | None = None) -> list[AuditView]:
    """The log in the order written; only one citizen's rows when ``citizen_id``."""
    from .covering import covering_names
    from .entry_view import AuditView  # pydantic: not on the start path

    query = models.AuditEntry.select().order_by(models.AuditEntry.id)
    if citizen_id is not None:
        query = query.where(models.AuditEntry.citizen_id == citizen_id)
    views = [AuditView.model_validate(row) for row in query]
    covering = covering_names((v.id, v.at, v.citizen_id, v.mentor_id) for v in views)
    return [
        v.model_copy(update={"covering_for": covering[v.id]}) if v.id in covering else v
        for v in views
    ]


def count() -> int:
    return models.AuditEntry.select().count()
