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

The chain alone cannot show that its last rows were cut off (with the
counter in ``sqlite_sequence`` lowered to match): what is left is a valid,
shorter chain. So the head of the chain (last id, its hash, the number of
rows) is also kept *outside the database file*, in ``<db>.audit-anchor``
beside it (owner-only, replaced atomically after every commit that appended
rows). A table in the same file would not do: whoever edits the file edits
that table too. The anchor only ever moves forward: when it no longer
matches the log (the log ends before it, or its entry has another hash), it
is left as it is, so the evidence stays until ``verify`` reports it. A kill
between the commit and the anchor's write leaves the anchor one commit
behind, which ``verify`` accepts (the log may be ahead of its anchor, never
behind it). Every backup carries an anchor of its own (``<backup>.audit-
anchor``), and ``verify`` also checks the backups beside the database: a
backup's last entry must still be in the live log. Someone who deletes the
anchor and every backup, or rewrites the anchor as well, is not caught: the
anchor raises the bar from one file to several, it is not a signature.

Rows hold ids, kinds, actions and purposes only, never names or note text:
they outlive every record they mention except the citizen's erasure.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    "weekly_review": "weekly review",
    "draft": "unsaved draft",
    "kept_drafts": "list of kept unsaved texts",
    "agenda": "agenda",
    "caseload": "caseload list",
    "agreements": "agreements list",
    "retention": "retention list",
    "demo": "demo caseload",
    "database": "database",
}


# Views that show citizens without opening their record (logged as open_record
# rows, one per citizen per view), as the citizen's access export words them.
VIEW_LABELS = {
    "caseload": "Listed in the caseload",
    "weekly_review": "Shown in the weekly review",
    "agenda": "Listed in the agenda",
    "agreements": "Listed among the agreements of the caseload",
    "retention": "Listed as due for erasure",
    "draft": "An unsaved draft was restored",
    "kept_drafts": "Named among the unsaved texts offered back at start",
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


_COLUMNS = (
    "id, at, action, what, record_id, citizen_id, mentor_id, purpose, detail, prev_hash, hash"
)


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


def _mentor_id() -> int | None:
    # The mentor this per-user database belongs to is the one at the keyboard.
    row = db.execute_sql(
        "SELECT id FROM mentor WHERE is_default = 1 ORDER BY id LIMIT 1"
    ).fetchone()
    return row[0] if row else None


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
    seq, prev = db.execute_sql(
        "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'), "
        "(SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1)"
    ).fetchone()
    row = dict(
        id=(seq or 0) + 1,
        at=now or utcnow(),
        action=AuditAction(action).value,
        what=what,
        record_id=record_id,
        citizen_id=citizen_id,
        mentor_id=_mentor_id(),
        purpose=purpose,
        detail=detail,
    )
    prev = prev or GENESIS
    AuditEntry.insert(**row, prev_hash=prev, hash=digest(prev, **row)).execute()
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
    purpose: str = "corrected",
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


def open_record(citizen_id: int, purpose: str = "", now: datetime | None = None) -> int:
    """Log that the citizen's record was opened (the screen calls this on opening)."""
    return record(
        AuditAction.OPEN_RECORD,
        "citizen",
        citizen_id=citizen_id,
        record_id=citizen_id,
        purpose=purpose or "opened the record",
        now=now,
    )


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
        "WHERE citizen_id = ? AND action != 'erase' ORDER BY id",
        (citizen_id,),
    ).fetchall()
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
        db.execute_sql("INSERT INTO erasure_in_progress (citizen_id) VALUES (?)", (citizen_id,))
        db.execute_sql(
            "DELETE FROM audit_entry WHERE citizen_id = ? AND action != 'erase'", (citizen_id,)
        )
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
        (citizen_id,),
    ).fetchall()
    events = []
    for at, action, what, purpose, mentor in rows:
        kind = _(WHAT_LABELS.get(what, what))
        text = f"{AuditAction(action).label}: {kind}"
        if action == AuditAction.OPEN_RECORD.value and what in VIEW_LABELS:
            text = _(VIEW_LABELS[what])
        elif purpose and _(purpose) != kind:
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
            problems.append(
                _(
                    "Entry {id} (an erasure) has an unreadable list of the entries it removed."
                ).format(id=row[0])
            )
            continue
        for removed_id, prev_hash, hash_ in listed:
            if removed_id in present:
                problems.append(
                    _(
                        "Entry {removed} is listed as removed by the erasure in entry "
                        "{erase}, but it is still in the log."
                    ).format(removed=removed_id, erase=row[0])
                )
            elif removed_id >= row[0] or removed_id in erased:
                problems.append(
                    _(
                        "The erasure in entry {erase} lists entry {removed}, which it "
                        "cannot have removed."
                    ).format(erase=row[0], removed=removed_id)
                )
            else:
                erased[removed_id] = (prev_hash, hash_, row[0])

    expected_prev, last_id = GENESIS, 0
    for entry_id in sorted(present.keys() | erased.keys()):
        if entry_id != last_id + 1:
            first, last = last_id + 1, entry_id - 1
            problems.append(
                _(
                    "Entries {first}–{last} are missing: they were removed without an erasure."
                ).format(first=first, last=last)
                if first != last
                else _("Entry {id} is missing: it was removed without an erasure.").format(id=first)
            )
            # The gap is the problem; do not also report the broken link after it.
            expected_prev = present[entry_id][9] if entry_id in present else erased[entry_id][0]
        if entry_id in present:
            (
                _id,
                at,
                action,
                what,
                record_id,
                citizen_id,
                mentor_id,
                purpose,
                detail,
                prev_hash,
                hash_,
            ) = present[entry_id]
            fields = dict(
                id=entry_id,
                at=at,
                action=action,
                what=what,
                record_id=record_id,
                citizen_id=citizen_id,
                mentor_id=mentor_id,
                purpose=purpose,
                detail=detail,
            )
            if digest(prev_hash, **fields) != hash_:
                problems.append(
                    _(
                        "Entry {id} ({action} {what}) was changed after it was "
                        "written: its hash does not match."
                    ).format(id=entry_id, action=action, what=what)
                )
            if prev_hash != expected_prev:
                problems.append(
                    _(
                        "Entry {id} does not follow the entry before it: an entry "
                        "was changed or removed."
                    ).format(id=entry_id)
                )
            expected_prev = hash_
        else:
            prev_hash, hash_, erase_id = erased[entry_id]
            if prev_hash != expected_prev:
                problems.append(
                    _(
                        "Entry {id}, removed by the erasure in entry {erase}, does "
                        "not follow the entry before it."
                    ).format(id=entry_id, erase=erase_id)
                )
            expected_prev = hash_
        last_id = entry_id

    seq = db.execute_sql("SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'").fetchone()
    if seq is not None and seq[0] > last_id:
        problems.append(
            _(
                "The last entries ({first}–{last}) are missing: they were removed "
                "without an erasure."
            ).format(first=last_id + 1, last=seq[0])
            if seq[0] > last_id + 1
            else _("The last entry ({id}) is missing: it was removed without an erasure.").format(
                id=seq[0]
            )
        )
    return problems


# --- the anchor: the chain's head kept outside the database file ----------------

ANCHOR_SUFFIX = ".audit-anchor"
ANCHOR_FORMAT = "mentorterm-audit-anchor"
_anchor_lock = threading.Lock()
_part_numbers = itertools.count()


def anchor_path(database: Any = None) -> Path | None:
    """``<db>.audit-anchor`` beside the open (or given) database file; None in memory."""
    database = database if database is not None else db.obj
    name = str(getattr(database, "database", "") or "")
    if not name or name == ":memory:" or name.startswith("file:"):
        return None
    path = Path(name)
    return path.with_name(path.name + ANCHOR_SUFFIX)


def _head(execute) -> tuple[int, str, int] | None:
    """(last id, its hash, number of rows) in one statement, so one snapshot."""
    row = execute(
        "SELECT id, hash, (SELECT COUNT(*) FROM audit_entry) FROM audit_entry "
        "ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return (int(row[0]), str(row[1]), int(row[2])) if row else None


def _erase_lists(execute, after_id: int) -> list[list[tuple[int, str, str]]]:
    """What the erase rows after ``after_id`` removed: [[(id, prev_hash, hash), ...], ...]."""
    lists = []
    for (detail,) in execute(
        "SELECT detail FROM audit_entry WHERE action = ? AND id > ?",
        (AuditAction.ERASE.value, after_id),
    ).fetchall():
        try:
            lists.append([(int(i), str(p), str(h)) for i, p, h in json.loads(detail or "[]")])
        except (ValueError, TypeError):
            lists.append([])
    return lists


def _hash_at(execute, entry_id: int) -> str | None:
    """The hash of entry ``entry_id``: its row's, or the one an erasure listed for it."""
    row = execute("SELECT hash FROM audit_entry WHERE id = ?", (entry_id,)).fetchone()
    if row:
        return str(row[0])
    for listed in _erase_lists(execute, entry_id):
        for removed_id, _prev, hash_ in listed:
            if removed_id == entry_id:
                return hash_
    return None


def read_anchor(path: Path) -> tuple[str, dict[str, Any] | None]:
    """("missing" | "unreadable" | "ok", the anchor's fields)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(64 * 1024)
    except FileNotFoundError:
        return "missing", None
    except OSError:
        return "unreadable", None
    try:
        data = json.loads(raw.decode("utf-8"))
        ok = (
            isinstance(data, dict)
            and data.get("format") == ANCHOR_FORMAT
            and isinstance(data.get("last_id"), int)
            and isinstance(data.get("count"), int)
            and isinstance(data.get("hash"), str)
            and len(data["hash"]) == 64
        )
    except (ValueError, UnicodeDecodeError):
        ok = False
    return ("ok", data) if ok else ("unreadable", None)


def _write_anchor(path: Path, data: dict[str, Any]) -> None:
    """Replace the anchor whole: an owner-only file made new beside it, then renamed."""
    part = path.with_name(f".{path.name}.{os.getpid()}.{next(_part_numbers)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(part, flags, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(data, sort_keys=True, indent=1).encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise


def _stamp_now(now: datetime | None) -> str:
    return (now or utcnow()).replace(microsecond=0).isoformat()


def _matches(execute, anchor: dict[str, Any], head: tuple[int, str, int] | None) -> bool:
    """Does the log still hold the anchor's entry, with the anchor's hash?"""
    if head is None or anchor["last_id"] > head[0]:
        return False
    return _hash_at(execute, anchor["last_id"]) == anchor["hash"]


def _advance(path: Path, execute, now: datetime | None = None) -> str:
    """Move the anchor at ``path`` to the log's head.

    "made" (there was none), "moved", "kept" (already there), "empty" (no
    rows yet), or "held": the anchor does not match the log, and is left as
    it is so that ``verify`` can report it.
    """
    with _anchor_lock:
        head = _head(execute)
        if head is None:
            return "empty"
        state, anchor = read_anchor(path)
        if state == "unreadable":
            return "held"
        if anchor is not None:
            if not _matches(execute, anchor, head):
                return "held"
            if (anchor["last_id"], anchor["count"]) == (head[0], head[2]):
                return "kept"
            _write_anchor(
                path,
                {
                    **anchor,
                    "last_id": head[0],
                    "hash": head[1],
                    "count": head[2],
                    "updated_at": _stamp_now(now),
                },
            )
            return "moved"
        stamp = _stamp_now(now)
        _write_anchor(
            path,
            {
                "format": ANCHOR_FORMAT,
                "version": 1,
                "log": os.urandom(8).hex(),
                "last_id": head[0],
                "hash": head[1],
                "count": head[2],
                "since_id": head[0],
                "made_at": stamp,
                "updated_at": stamp,
            },
        )
        return "made"


def _after_commit() -> None:
    # Runs right after COMMIT: the rows are safe, so nothing here may raise
    # (peewee would try to roll back a committed transaction). A failure
    # leaves the anchor behind the log, which verify accepts.
    try:
        path = anchor_path()
        if path is not None:
            _advance(path, db.execute_sql)
    except Exception:  # noqa: BLE001 - the commit stands; the anchor catches up next time
        pass


def anchor_backup(connection: Any, dest: Path) -> None:
    """Give a new backup its own anchor (storage.backup_to calls this with the copy open).

    The head is read from the copy itself, so it is exactly the backup's;
    the live anchor's ``log`` id is carried over so that ``verify`` knows the
    backup is a copy of this log.
    """
    has_log = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_entry'"
    ).fetchone()
    head = _head(connection.execute) if has_log else None  # schema 1 had no log
    if head is None:
        return
    live = anchor_path()
    _state, live_anchor = read_anchor(live) if live is not None else ("missing", None)
    stamp = _stamp_now(None)
    _write_anchor(
        Path(str(dest) + ANCHOR_SUFFIX),
        {
            "format": ANCHOR_FORMAT,
            "version": 1,
            "log": (live_anchor or {}).get("log"),
            "backup": True,
            "last_id": head[0],
            "hash": head[1],
            "count": head[2],
            "since_id": (live_anchor or {}).get("since_id", head[0]),
            "made_at": stamp,
            "updated_at": stamp,
        },
    )


def _register_backup_hook() -> None:
    from .. import storage

    if anchor_backup not in storage.BACKUP_HOOKS:
        storage.BACKUP_HOOKS.append(anchor_backup)


_register_backup_hook()


def _show_day(stamp: Any) -> str:
    try:
        return local_time(datetime.fromisoformat(str(stamp))).strftime("%d-%m-%Y %H:%M")
    except ValueError:
        return "?"


def _accounted_end(execute) -> int:
    """The highest id the log accounts for: a row, or one an erasure listed."""
    row = execute("SELECT MAX(id) FROM audit_entry").fetchone()
    end = int(row[0] or 0)
    for listed in _erase_lists(execute, 0):
        end = max([end, *(i for i, _p, _h in listed)])
    return end


def _anchor_problems(execute, anchor: dict[str, Any], where: str) -> list[str]:
    """How the log disagrees with ``anchor`` (empty: the log reaches it intact)."""
    last_id, when = anchor["last_id"], _show_day(anchor.get("updated_at"))
    end = _accounted_end(execute)
    if last_id > end:
        first = end + 1
        gap = (
            _("entries {first}–{last}").format(first=first, last=last_id)
            if first < last_id
            else _("entry {id}").format(id=last_id)
        )
        return [
            _(
                "The log ends at entry {end}, but {where} recorded entry {last} on {when}: "
                "{gap} were removed without an erasure (or an older copy of the database "
                "was put back)."
            ).format(end=end, where=where, last=last_id, when=when, gap=gap)
        ]
    if _hash_at(execute, last_id) != anchor["hash"]:
        return [
            _(
                "Entry {id} is not the entry {where} recorded on {when}: the log was "
                "rewritten from there on (or the anchor is left from another "
                "database)."
            ).format(id=last_id, where=where, when=when)
        ]
    present = execute("SELECT COUNT(*) FROM audit_entry WHERE id <= ?", (last_id,)).fetchone()[0]
    erased_since = sum(
        1 for listed in _erase_lists(execute, last_id) for i, _p, _h in listed if i <= last_id
    )
    if present + erased_since != anchor["count"]:
        return [
            _(
                "{where} counted {count} entries up to entry {id} on {when}; the log now "
                "accounts for {found}: entries were removed without an erasure."
            ).format(
                where=where,
                count=anchor["count"],
                id=last_id,
                when=when,
                found=present + erased_since,
            )
        ]
    return []


def verify_anchor(now: datetime | None = None) -> tuple[list[str], list[str]]:
    """Check the log against its anchor and the anchors of the backups beside it.

    Returns (problems, notes). A missing anchor (an older database, a copy
    without it) is made now and noted, not reported as a problem; an anchor
    the log does not reach is a problem. On a clean check the anchor moves up
    to the log's head.
    """
    path = anchor_path()
    if path is None:
        return [], []
    execute = db.execute_sql
    problems: list[str] = []
    notes: list[str] = []
    state, anchor = read_anchor(path)
    where = _("the anchor {path}").format(path=path.name)
    if state == "unreadable":
        problems.append(
            _(
                "The audit anchor {path} cannot be read: it was damaged or edited. "
                "If no one can explain it, treat the log as tampered with; to start "
                "a new anchor, remove the file."
            ).format(path=path)
        )
    elif state == "missing":
        try:
            made = _advance(path, execute, now)
        except OSError as exc:
            made = ""
            notes.append(
                _(
                    "There is no audit anchor beside this database, and none could be "
                    "made in {folder} ({reason}): removing the last entries cannot be "
                    "detected."
                ).format(folder=path.parent, reason=exc.strerror or exc)
            )
        if made == "made":
            _s, anchor = read_anchor(path)
            notes.append(
                _(
                    "There was no audit anchor beside this database yet (an older "
                    "database, or a copy made without it); one was made now at entry "
                    "{id}. From now on, removing the last entries is detected."
                ).format(id=(anchor or {}).get("last_id", "?"))
            )
    else:
        assert anchor is not None
        problems += _anchor_problems(execute, anchor, where)
        if anchor.get("since_id", 1) > 1 and not problems:
            notes.append(
                _(
                    "The anchor has been kept since entry {id} ({when}); entries "
                    "removed from the end before then could not be seen."
                ).format(id=anchor["since_id"], when=_show_day(anchor.get("made_at")))
            )
    problems += _backup_problems(path, anchor, execute)
    if not problems and state == "ok":
        with contextlib.suppress(OSError):  # behind is accepted; it catches up next time
            _advance(path, execute, now)
    return problems, notes


def _backup_problems(path: Path, anchor: dict[str, Any] | None, execute) -> list[str]:
    """A backup of this log (same ``log`` id) must still find its last entry in the log."""
    from .. import storage

    log_id = (anchor or {}).get("log")
    if not log_id:
        return []
    database = path.with_name(path.name[: -len(ANCHOR_SUFFIX)])
    problems = []
    for backup in storage.backups_of(database):
        state, theirs = read_anchor(Path(str(backup) + ANCHOR_SUFFIX))
        if state != "ok" or theirs is None or theirs.get("log") != log_id:
            continue
        where = _("the backup {name}").format(name=backup.name)
        problems += _anchor_problems(execute, theirs, where)
    return problems


def check() -> tuple[list[str], list[str]]:
    """``verify`` and ``verify_anchor`` together: (problems, notes)."""
    problems, notes = verify_anchor()
    return verify() + problems, notes


def viewed(
    citizen_ids: Iterable[int | None],
    what: str,
    purpose: str,
    action: AuditAction | str = AuditAction.OPEN_RECORD,
    now: datetime | None = None,
) -> list[int]:
    """Log that a view (or an export) showed these citizens' data: one row each.

    Each citizen once however often they are listed; in one transaction. With
    no citizen at all, one row without a citizen, so the view is logged still.
    """
    seen = list(dict.fromkeys(c for c in citizen_ids if c is not None))
    with db.atomic():
        if not seen:
            return [record(action, what, purpose=purpose, now=now)]
        return [
            record(action, what, citizen_id=c, record_id=c, purpose=purpose, now=now) for c in seen
        ]


class ViewLog:
    """The reads one view has logged: each citizen once per view, not per refresh.

    A screen keeps one for as long as it is shown and calls ``saw`` whenever
    it (re)loads; only citizens it has not logged yet get a row.
    """

    def __init__(self, what: str, purpose: str) -> None:
        self.what, self.purpose = what, purpose
        self.logged: set[int] = set()

    def saw(self, citizen_ids: Iterable[int | None], now: datetime | None = None) -> int:
        """Log the citizens not logged yet by this view; how many rows were written."""
        new = [c for c in dict.fromkeys(citizen_ids) if c is not None and c not in self.logged]
        if not new:
            return 0
        viewed(new, self.what, self.purpose, now=now)
        self.logged.update(new)
        return len(new)
