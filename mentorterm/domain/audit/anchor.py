"""The anchor: the chain's head kept beside the database file, so a cut tail shows."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from ... import storage
from ...i18n import _
from ...models import db, utcnow
from ...storage import audit_chain
from . import anchor_file
from .anchor_file import ANCHOR_FORMAT, ANCHOR_SUFFIX, read_anchor
from .labels import _show_day

_anchor_lock = threading.Lock()


def anchor_path(database: Any = None) -> Path | None:
    """``<db>.audit-anchor`` beside the open (or given) database file; None in
    memory and for the team database (no file here: its server keeps the log)."""
    database = database if database is not None else db.obj
    name = str(getattr(database, "database", "") or "")
    if not name or name == ":memory:" or name.startswith("file:") or storage.is_postgres(database):
        return None
    path = Path(name)
    return path.with_name(path.name + ANCHOR_SUFFIX)


def _erase_lists(execute, after_id: int) -> list[list[tuple[int, str, str]]]:
    """What the erase rows after ``after_id`` removed: [[(id, prev_hash, hash), ...], ...]."""
    lists = []
    for detail in audit_chain.erase_details(execute, after_id):
        try:
            lists.append([(int(i), str(p), str(h)) for i, p, h in json.loads(detail)])
        except (ValueError, TypeError):
            lists.append([])
    return lists


def _hash_at(execute, entry_id: int) -> str | None:
    """The hash of entry ``entry_id``: its row's, or the one an erasure listed for it."""
    found = audit_chain.hash_of(execute, entry_id)
    if found is not None:
        return found
    for listed in _erase_lists(execute, entry_id):
        for removed_id, _prev, hash_ in listed:
            if removed_id == entry_id:
                return hash_
    return None


def _stamp_now(now: datetime | None) -> str:
    return (now or utcnow()).replace(microsecond=0).isoformat()


def _matches(execute, anchor: dict[str, Any], head: tuple[int, str, int] | None) -> bool:
    """Does the log still hold the anchor's entry, with the anchor's hash?"""
    if head is None or anchor["last_id"] > head[0]:
        return False
    return _hash_at(execute, anchor["last_id"]) == anchor["hash"]


def _advance(path: Path, execute, now: datetime | None = None, *, later: bool = False) -> str:
    """Move the anchor at ``path`` to the log's head.

    "made" (there was none), "moved", "kept" (already there), "empty" (no
    rows yet), or "held": the anchor does not match the log, and is left as
    it is so that ``verify`` can report it. ``later``: the writer thread
    writes the file (after a commit); else it is written before this returns.
    """
    write = anchor_file.write_later if later else anchor_file._write_anchor
    with _anchor_lock:
        state, anchor = anchor_file.current(path)
        # From an anchor, only the rows after it are counted (not the whole log).
        since = (anchor["last_id"], anchor["count"]) if anchor is not None else None
        head = audit_chain.head(execute, since)
        if head is None:
            return "empty"
        if state == "unreadable":
            return "held"
        if anchor is not None:
            if not _matches(execute, anchor, head):
                return "held"
            if (anchor["last_id"], anchor["count"]) == (head[0], head[2]):
                return "kept"
            write(
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
        write(
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
            _advance(path, db.execute_sql, later=True)
    except Exception:  # noqa: BLE001 - the commit stands; the anchor catches up next time
        pass


def anchor_backup(connection: Any, dest: Path) -> None:
    """Give a new backup its own anchor (storage.backup_to calls this with the copy open).

    The head is read from the copy itself, so it is exactly the backup's;
    the live anchor's ``log`` id is carried over so that ``verify`` knows the
    backup is a copy of this log.
    """
    execute = connection.execute
    head = audit_chain.head(execute) if audit_chain.has_log(execute) else None  # schema 1-3

    if head is None:
        return
    live = anchor_path()
    _state, live_anchor = anchor_file.current(live) if live is not None else ("missing", None)
    stamp = _stamp_now(None)
    anchor_file._write_anchor(
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
    from ... import storage

    if anchor_backup not in storage.BACKUP_HOOKS:
        storage.BACKUP_HOOKS.append(anchor_backup)
    # Closing the database (or locking the app) first puts every anchor on disk.
    if anchor_file.flush not in storage.CLOSE_HOOKS:
        storage.CLOSE_HOOKS.append(anchor_file.flush)


def _accounted_end(execute) -> int:
    """The highest id the log accounts for: a row, or one an erasure listed."""
    end = audit_chain.max_id(execute)
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
    present = audit_chain.count_up_to(execute, last_id)
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
    anchor_file.flush()  # the check reads the file as it is on disk
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
    from ... import storage

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
