"""The anchor file: reading it, replacing it whole, and writing it off the save's path.

After a commit the anchor moves to the new head, but the save does not wait
for it: the new anchor is handed to one writer thread (``write_later``),
which replaces the file (written, fsynced, renamed) while the mentor goes on.
Until it is on disk, ``current`` answers with it, so the next commit builds
on it. A kill before the write leaves the anchor behind the log, which
``verify`` accepts (the log may be ahead of its anchor, never behind it), as
a kill between the commit and a synchronous write always could. ``flush``
waits for the writer: closing the database and leaving the process do.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import json
import os
import threading
from pathlib import Path
from typing import Any

ANCHOR_SUFFIX = ".audit-anchor"
ANCHOR_FORMAT = "mentorterm-audit-anchor"
_part_numbers = itertools.count()

# path -> the newest anchor not yet on disk; an entry goes once it is written.
_pending: dict[Path, dict[str, Any]] = {}
_wake = threading.Condition()
_writer: threading.Thread | None = None


def read_anchor(path: Path) -> tuple[str, dict[str, Any] | None]:
    """("missing" | "unreadable" | "ok", the anchor's fields), from the file."""
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


def current(path: Path) -> tuple[str, dict[str, Any] | None]:
    """The anchor as it will be once the writer is done: the pending one, else the file's."""
    with _wake:
        pending = _pending.get(path)
    return ("ok", pending) if pending is not None else read_anchor(path)


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


def write_later(path: Path, data: dict[str, Any]) -> None:
    """Hand ``data`` to the writer thread; a newer anchor for ``path`` replaces an unwritten one."""
    global _writer
    with _wake:
        _pending[path] = data
        if _writer is None or not _writer.is_alive():
            _writer = threading.Thread(target=_write_loop, name="audit-anchor", daemon=True)
            _writer.start()
        _wake.notify_all()


def _write_loop() -> None:
    while True:
        with _wake:
            while not _pending:
                _wake.wait()
            path, data = next(iter(_pending.items()))
        # A failure (a full disk, a read-only folder) leaves the anchor behind
        # the log, which verify accepts; the next commit or check moves it up.
        with contextlib.suppress(Exception):
            _write_anchor(path, data)
        with _wake:
            if _pending.get(path) is data:
                del _pending[path]
            _wake.notify_all()


def flush(timeout: float = 30.0) -> bool:
    """Wait until every handed-over anchor is on disk; False if ``timeout`` ran out first."""
    with _wake:
        return _wake.wait_for(lambda: not _pending, timeout)


atexit.register(flush)
