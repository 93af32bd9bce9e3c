"""The -wal file: checking its frames, keeping a damaged one, checkpointing it."""

from __future__ import annotations

import contextlib
import os
import time
from datetime import datetime
from pathlib import Path

import peewee

from ..i18n import _, ngettext
from ..models import db
from .errors import DatabaseCorrupt, driver_errors

WAL_MAGIC = (0x377F0682, 0x377F0683)


def _wal_checksum(data: bytes, big_endian: bool, s0: int = 0, s1: int = 0) -> tuple[int, int]:
    import struct

    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[i + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def wal_path(path: Path) -> Path:
    return Path(str(path) + "-wal")


def _has_wal(path: Path) -> bool:
    wal = wal_path(path)
    return wal.is_file() and wal.stat().st_size > 0


#: Reads of a -wal that looks damaged before it counts as damaged: a file
#: another window is writing changes between two reads.
WAL_READS = 3
WAL_REREAD_PAUSE = 0.05  # seconds


def wal_problems(path: Path) -> list[str]:
    """What SQLite would silently drop from the -wal beside ``path``: frames
    after a damaged one that belong to saved changes. [] when sound (or none).

    A -wal that another connection is writing at this moment can be read
    torn (a frame's header already new, its page still old), which looks like
    damage but is not: that connection's SQLite reads it through its index.
    So a -wal that looks damaged is read again; only the same bytes, damaged
    both times, are damage. One that changes at every read is in use, and a
    connection has already recovered it: nothing is reported.
    """
    wal = wal_path(Path(path))
    seen: bytes | None = None
    problems: list[str] = []
    for attempt in range(WAL_READS):
        if attempt:
            time.sleep(WAL_REREAD_PAUSE)
        try:
            data = wal.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as exc:
            return [
                _("The -wal file {wal} could not be read: {reason}").format(
                    wal=wal, reason=exc.strerror or exc
                )
            ]
        if data == seen:
            return problems
        problems = _frame_problems(wal, data)
        if not problems:
            return []
        seen = data
    return []


def _frame_problems(wal: Path, data: bytes) -> list[str]:
    """The damage in one read of the -wal's bytes (see wal_problems)."""
    import struct

    if len(data) < 32:
        return []
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:32])
    frame = 24 + page_size
    frames = (len(data) - 32) // frame if page_size else 0
    big = bool(magic & 1)
    if (
        magic not in WAL_MAGIC
        or not 512 <= page_size <= 65536
        or _wal_checksum(data[:24], big) != (c1, c2)
    ):
        if frames and any(data[32:]):
            return [
                _(
                    "The header of the -wal file {wal} is damaged: SQLite ignores all of "
                    "it, so the changes saved in it since the last checkpoint are lost "
                    "unless a backup has them."
                ).format(wal=wal)
            ]
        return []
    s0, s1 = c1, c2
    broken_at = None
    lost = 0
    for index in range(frames):
        start = 32 + index * frame
        head = data[start : start + 24]
        _page, size_after, f1, f2, k1, k2 = struct.unpack(">6I", head)
        ours = (f1, f2) == (salt1, salt2)
        if broken_at is None:
            if ours:
                s0, s1 = _wal_checksum(head[:8] + data[start + 24 : start + frame], big, s0, s1)
                if (s0, s1) == (k1, k2):
                    continue
            # SQLite writes a frame's header and its page in two writes: a
            # process killed between them leaves a commit frame whose page is
            # not there. That commit never finished (it was never reported as
            # saved), so the broken frame itself is not counted; only commits
            # after it are changes that were saved and cannot be read back.
            broken_at = index
            continue
        if ours and size_after:
            lost += 1  # a commit SQLite will not replay
    if broken_at is None or not lost:
        # The end of this generation's frames (older ones follow), or an
        # interrupted write that was never committed: nothing saved is lost.
        return []
    return [
        ngettext(
            "The -wal file {wal} is damaged at frame {frame}: {count} saved change after it "
            "cannot be read back and is lost unless a backup has it.",
            "The -wal file {wal} is damaged at frame {frame}: {count} saved changes after it "
            "cannot be read back and are lost unless a backup has them.",
            lost,
        ).format(wal=wal, frame=broken_at + 1, count=lost)
    ]


def keep_damaged_wal(path: Path) -> Path:
    """A copy of the -wal as it is, before opening the database replays and
    removes it: the frames SQLite drops stay for someone to recover."""
    import shutil

    wal = wal_path(path)
    info = wal.stat()
    seen = (str(wal.resolve()), info.st_size, info.st_mtime_ns)
    if seen in kept_wal_copies:
        return kept_wal_copies[seen]
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = Path(path).with_name(f"{Path(path).name}-wal.damaged-{stamp}-{os.getpid()}.bak")
    shutil.copy2(wal, dest)
    with contextlib.suppress(OSError):
        os.chmod(dest, 0o600)
    kept_wal_copies[seen] = dest
    return dest


#: The copies of damaged -wal files kept in this process, by (file, size, mtime).
kept_wal_copies: dict[tuple[str, int, int], Path] = {}


def kept_copies_of(path: Path) -> list[Path]:
    """The copies kept in this process of the -wal beside ``path`` (not of
    another database's: a process that opened several tells each its own)."""
    wal = str(wal_path(Path(path)).resolve())
    return [copy for (name, _size, _mtime), copy in kept_wal_copies.items() if name == wal]


def _look_at_wal(path: Path, where: str, *, refuse: bool) -> None:
    problems = wal_problems(path)
    if not problems:
        return
    if refuse:
        raise DatabaseCorrupt(
            _(
                "{path} was not touched: {problem} Run 'mentorterm check' to keep a copy of the "
                "-wal file and see what else is wrong."
            ).format(path=where, problem=problems[0])
        )
    keep_damaged_wal(path)


def checkpoint(database: peewee.SqliteDatabase | None = None) -> bool:
    """Copy every committed change from the -wal into the database file and
    empty the -wal (TRUNCATE), so saved work does not live only in the -wal.
    False when another connection kept it from finishing (it is tried again)."""
    database = database if database is not None else db.obj
    if (
        not isinstance(database, peewee.SqliteDatabase)  # the team's server keeps its own
        or database.is_closed()
        or database.in_transaction()
    ):
        return False
    try:
        row = database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except (peewee.DatabaseError, *driver_errors()):
        return False
    return bool(row) and row[0] == 0


def compact(vacuum: bool = False) -> bool:
    """Move every committed page into the database file and empty the -wal; with
    ``vacuum``, rebuild the file too (no free pages left). True when the -wal was
    emptied; False when another connection was reading (its snapshot still needs
    the old pages): the next checkpoint clears them. Errors are raised.

    The team's PostgreSQL server has no -wal of ours and reclaims deleted rows
    itself (autovacuum): nothing to do there."""
    if not isinstance(db.obj, peewee.SqliteDatabase):
        return True
    busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if vacuum:
        db.execute_sql("VACUUM")
        busy = db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    return busy == 0
