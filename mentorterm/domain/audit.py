"""The audit log: one row per operation, append-only, each row chained to the last.

Every create, update, delete, export, import, erase, unlock and every opening
of a citizen's record writes exactly one row, inside the transaction of the
change it records (``record``), so the log and the data cannot disagree.

Tamper evidence: a row's ``hash`` is the SHA-256 of the previous row's hash
and a canonical JSON of the row's own fields (id included), so changing,
removing or reordering a row breaks the chain (``verify``). Triggers
(storage.py) refuse UPDATE always and DELETE except while the row's citizen
is being erased. Erasure removes the citizen's rows (they name the records
kept about them) and leaves one ``erase`` row that lists the ids and hashes
of the rows it removed, which lets ``verify`` bridge exactly that gap.

A chain without a secret key shows tampering by anyone who does not rewrite
every row after the one they change; someone who can run SQLite on the
decrypted file can rebuild the whole chain. The encryption keeps that
someone out; the chain catches edits behind the app's back.

Rows hold ids, kinds, actions and purposes only, never names or note text:
they outlive every record they mention except the citizen's erasure.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from ..enums import AuditAction
from ..i18n import _
from ..models import AuditEntry, db, utcnow
from .views import View

if TYPE_CHECKING:  # access.py imports transfer.py, which records exports here
    from .access import AccessEvent

#: The ``prev_hash`` of the first row.
GENESIS = "0" * 64

# The kinds of record, as a person reads them (the access export, the CLI).
WHAT_LABELS = {
    "citizen": "citizen's details",
    "course": "course",
    "course_extension": "course extension",
    "sub_goal": "sub-goal",
    "alliance_score": "sub-goal score",
    "placement": "placement",
    "hours_step": "hours step",
    "logbook_entry": "logbook day",
    "meeting": "meeting",
    "action_item": "agreement",
    "review_note": "case review note",
    "report": "progression report",
    "interchange": "data (JSON)",
    "access_export": "access export",
    "calendar": "calendar",
    "absence_overview": "absence overview",
    "review_handout": "weekly review handout",
    "demo": "demo caseload",
    "database": "database",
}


class AuditView(View):
    id: int
    at: datetime  # UTC
    action: AuditAction
    what: str
    record_id: int | None
    citizen_id: int | None
    mentor_id: int | None
    purpose: str

    @property
    def what_label(self) -> str:
        return _(WHAT_LABELS.get(self.what, self.what))


_COLUMNS = ("id, at, action, what, record_id, citizen_id, mentor_id, purpose, detail, "
            "prev_hash, hash")


def _stamp(at: datetime | str) -> str:
    """The time as hashed: ISO with microseconds, whichever way it was stored."""
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    return at.isoformat(timespec="microseconds")


def digest(prev_hash: str, *, id: int, at: datetime | str, action: str, what: str,
           record_id: int | None, citizen_id: int | None, mentor_id: int | None,
           purpose: str, detail: str) -> str:
    """The hash of a row: SHA-256 of the previous hash and the row's canonical JSON."""
    body = json.dumps(
        {"id": id, "at": _stamp(at), "action": str(action), "what": what,
         "record_id": record_id, "citizen_id": citizen_id, "mentor_id": mentor_id,
         "purpose": purpose, "detail": detail},
        sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _mentor_id() -> int | None:
    # The mentor this per-user database belongs to is the one at the keyboard.
    row = db.execute_sql(
        "SELECT id FROM mentor WHERE is_default = 1 ORDER BY id LIMIT 1").fetchone()
    return row[0] if row else None


def _append(action: AuditAction, what: str, citizen_id: int | None, record_id: int | None,
            purpose: str, detail: str, now: datetime | None) -> int:
    # Inside a write transaction (IMMEDIATE: the write lock is held from
    # BEGIN), so no other connection can append between this read and the insert.
    seq, prev = db.execute_sql(
        "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'), "
        "(SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1)").fetchone()
    row = dict(id=(seq or 0) + 1, at=now or utcnow(), action=AuditAction(action).value,
               what=what, record_id=record_id, citizen_id=citizen_id,
               mentor_id=_mentor_id(), purpose=purpose, detail=detail)
    prev = prev or GENESIS
    AuditEntry.insert(**row, prev_hash=prev, hash=digest(prev, **row)).execute()
    return row["id"]


def record(action: AuditAction | str, what: str, *, citizen_id: int | None = None,
           record_id: int | None = None, purpose: str = "", detail: str = "",
           now: datetime | None = None) -> int:
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


def correction(what: str, *, citizen_id: int, record_id: int, old: dict, new: dict,
               private: frozenset[str] | set[str] = frozenset(), purpose: str = "corrected",
               now: datetime | None = None) -> int | None:
    """Log a correction of a saved record with its old → new values; nothing if nothing changed.

    Call inside the transaction of the change, like ``record``.
    """
    detail = changes(old, new, private=private)
    if detail == "{}":
        return None
    return record(AuditAction.UPDATE, what, citizen_id=citizen_id, record_id=record_id,
                  purpose=purpose, detail=detail, now=now)


def open_record(citizen_id: int, purpose: str = "", now: datetime | None = None) -> int:
    """Log that the citizen's record was opened (the screen calls this on opening)."""
    return record(AuditAction.OPEN_RECORD, "citizen", citizen_id=citizen_id,
                  record_id=citizen_id, purpose=purpose or "opened the record", now=now)


def unlocked(now: datetime | None = None) -> int:
    """Log that the app was unlocked (the lock screen calls this once the key is back)."""
    return record(AuditAction.UNLOCK, "database", purpose="unlocked", now=now)


def erase_trail(citizen_id: int, purpose: str = "erased", now: datetime | None = None) -> int:
    """Remove the citizen's rows and leave the one ``erase`` row that accounts for them.

    Call inside the erasing transaction, before or after the records go. The
    erase row is written first (chained to the current last row, which may be
    one of the citizen's), listing [id, prev_hash, hash] of every row it
    removes; then the rows go, the trigger allowing it only while the
    citizen's id is in ``erasure_in_progress``. Earlier erase rows stay.
    """
    removed = db.execute_sql(
        "SELECT id, prev_hash, hash FROM audit_entry "
        "WHERE citizen_id = ? AND action != 'erase' ORDER BY id", (citizen_id,)).fetchall()
    entry_id = record(AuditAction.ERASE, "citizen", citizen_id=citizen_id,
                      record_id=citizen_id, purpose=purpose,
                      detail=json.dumps([list(r) for r in removed], separators=(",", ":")),
                      now=now)
    if removed:
        db.execute_sql("INSERT INTO erasure_in_progress (citizen_id) VALUES (?)", (citizen_id,))
        db.execute_sql("DELETE FROM audit_entry WHERE citizen_id = ? AND action != 'erase'",
                       (citizen_id,))
        db.execute_sql("DELETE FROM erasure_in_progress WHERE citizen_id = ?", (citizen_id,))
    return entry_id


def entries(citizen_id: int | None = None) -> list[AuditView]:
    """The log in the order written; only one citizen's rows when ``citizen_id``."""
    query = AuditEntry.select().order_by(AuditEntry.id)
    if citizen_id is not None:
        query = query.where(AuditEntry.citizen_id == citizen_id)
    return [AuditView.model_validate(row) for row in query]


def count() -> int:
    return AuditEntry.select().count()


def local_time(at: datetime) -> datetime:
    """A stored UTC time as the mentor's local wall-clock time (naive)."""
    return at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def accesses_of(citizen_id: int) -> list[AccessEvent]:
    """Every logged access to the citizen's record, for their access export (art. 15).

    When (local time), who (the mentor's name) and for what: opening the
    record, each change, each export. Oldest first.
    """
    from .access import AccessEvent

    rows = db.execute_sql(
        "SELECT a.at, a.action, a.what, a.purpose, m.name FROM audit_entry a "
        "LEFT JOIN mentor m ON m.id = a.mentor_id WHERE a.citizen_id = ? ORDER BY a.id",
        (citizen_id,)).fetchall()
    events = []
    for at, action, what, purpose, mentor in rows:
        kind = _(WHAT_LABELS.get(what, what))
        text = f"{AuditAction(action).label}: {kind}"
        if purpose and _(purpose) != kind:
            text += f" ({_(purpose)})"
        stamp = datetime.fromisoformat(at) if isinstance(at, str) else at
        events.append(AccessEvent(at=local_time(stamp), who=mentor or "–", purpose=text))
    return events


def verify() -> list[str]:
    """Check the whole chain; the problems in plain words (empty: the log holds).

    Each row's hash must match its fields and its ``prev_hash`` the hash of
    the row before it. A run of missing ids is accepted only when erase rows
    list exactly those rows (their ids and hashes), and then the chain must
    run through the listed hashes too.
    """
    problems: list[str] = []
    rows = db.execute_sql(f"SELECT {_COLUMNS} FROM audit_entry ORDER BY id").fetchall()
    present = {row[0]: row for row in rows}
    # id -> (prev_hash, hash, id of the erase row that listed it)
    erased: dict[int, tuple[str, str, int]] = {}
    for row in rows:
        if row[2] != AuditAction.ERASE.value or not row[8]:
            continue
        try:
            listed = [(int(i), str(p), str(h)) for i, p, h in json.loads(row[8])]
        except (ValueError, TypeError):
            problems.append(_("Entry {id} (an erasure) has an unreadable list of the entries "
                              "it removed.").format(id=row[0]))
            continue
        for removed_id, prev_hash, hash_ in listed:
            if removed_id in present:
                problems.append(_("Entry {removed} is listed as removed by the erasure in entry "
                                  "{erase}, but it is still in the log.").format(
                                      removed=removed_id, erase=row[0]))
            elif removed_id >= row[0] or removed_id in erased:
                problems.append(_("The erasure in entry {erase} lists entry {removed}, which it "
                                  "cannot have removed.").format(erase=row[0],
                                                                 removed=removed_id))
            else:
                erased[removed_id] = (prev_hash, hash_, row[0])

    expected_prev, last_id = GENESIS, 0
    for entry_id in sorted(present.keys() | erased.keys()):
        if entry_id != last_id + 1:
            first, last = last_id + 1, entry_id - 1
            problems.append(_("Entries {first}–{last} are missing: they were removed without "
                              "an erasure.").format(first=first, last=last) if first != last
                            else _("Entry {id} is missing: it was removed without an erasure.")
                            .format(id=first))
            # The gap is the problem; do not also report the broken link after it.
            expected_prev = (present[entry_id][9] if entry_id in present
                             else erased[entry_id][0])
        if entry_id in present:
            (_id, at, action, what, record_id, citizen_id, mentor_id, purpose, detail,
             prev_hash, hash_) = present[entry_id]
            fields = dict(id=entry_id, at=at, action=action, what=what, record_id=record_id,
                          citizen_id=citizen_id, mentor_id=mentor_id, purpose=purpose,
                          detail=detail)
            if digest(prev_hash, **fields) != hash_:
                problems.append(_("Entry {id} ({action} {what}) was changed after it was "
                                  "written: its hash does not match.").format(
                                      id=entry_id, action=action, what=what))
            if prev_hash != expected_prev:
                problems.append(_("Entry {id} does not follow the entry before it: an entry "
                                  "was changed or removed.").format(id=entry_id))
            expected_prev = hash_
        else:
            prev_hash, hash_, erase_id = erased[entry_id]
            if prev_hash != expected_prev:
                problems.append(_("Entry {id}, removed by the erasure in entry {erase}, does "
                                  "not follow the entry before it.").format(
                                      id=entry_id, erase=erase_id))
            expected_prev = hash_
        last_id = entry_id

    seq = db.execute_sql(
        "SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'").fetchone()
    if seq is not None and seq[0] > last_id:
        problems.append(_("The last entries ({first}–{last}) are missing: they were removed "
                          "without an erasure.").format(first=last_id + 1, last=seq[0])
                        if seq[0] > last_id + 1 else
                        _("The last entry ({id}) is missing: it was removed without an "
                          "erasure.").format(id=seq[0]))
    return problems
