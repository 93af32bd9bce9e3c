"""Corrections (old → new), openings of a record and unlocks, as rows of the log."""

from __future__ import annotations

import json
from datetime import datetime

from ...enums import AuditAction
from ...i18n import N_
from .chain import record


def changes(old: dict, new: dict, *, private: frozenset[str] | set[str] = frozenset()) -> str:
    """The ``detail`` of a correction: each changed field, old → new, as JSON.

    Dates, numbers, enum values and times are kept old and new (they are what
    a correction puts right and what an auditor asks about); a field named in
    ``private`` (free text, names) is listed as changed without its words,
    since audit rows outlive the records. Unchanged fields are left out.
    """

    def plain(value: object) -> object:
        if value is None or isinstance(value, (bool, int, float, str)):
            return value
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if hasattr(value, "value"):  # an enum
            return value.value
        return str(value)

    out: dict[str, object] = {}
    for key in sorted(set(old) | set(new)):
        before, after = plain(old.get(key)), plain(new.get(key))
        if before == after:
            continue
        out[key] = "changed" if key in private else [before, after]
    return json.dumps(out, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def correction(
    what: str,
    *,
    citizen_id: int,
    record_id: int,
    old: dict,
    new: dict,
    private: frozenset[str] | set[str] = frozenset(),
    purpose: str = N_("corrected"),
    now: datetime | None = None,
) -> int | None:
    """Log a correction of a saved record with its old → new values; nothing if nothing changed.

    Call inside the transaction of the change, like ``record``.
    """
    detail = changes(old, new, private=private)
    if detail == "{}":
        return None
    return record(
        AuditAction.UPDATE,
        what,
        citizen_id=citizen_id,
        record_id=record_id,
        purpose=purpose,
        detail=detail,
        now=now,
    )


def apply_correction(
    row,
    what: str,
    *,
    citizen_id: int,
    old: dict,
    new: dict,
    private: frozenset[str] | set[str] = frozenset(),
    purpose: str = N_("corrected"),
) -> int | None:
    """Write ``new`` onto the saved ``row``, save it and log the correction old → new.

    The one way a correction form's values reach a record: every field of
    ``new`` is set, the row is saved, and the audit row (``correction``) is
    written in the same transaction, which the caller holds.
    """
    for name, value in new.items():
        setattr(row, name, value)
    row.save()
    return correction(
        what,
        citizen_id=citizen_id,
        record_id=row.id,
        old=old,
        new=new,
        private=private,
        purpose=purpose,
    )


def open_record(citizen_id: int, purpose: str = "", now: datetime | None = None) -> int:
    """Log that the citizen's record was opened (the screen calls this on opening)."""
    return record(
        AuditAction.OPEN_RECORD,
        "citizen",
        citizen_id=citizen_id,
        record_id=citizen_id,
        purpose=purpose or N_("opened the record"),
        now=now,
    )


def unlocked(now: datetime | None = None) -> int:
    """Log that the app was unlocked (the lock screen calls this once the key is back)."""
    return record(AuditAction.UNLOCK, "database", purpose=N_("unlocked"), now=now)
