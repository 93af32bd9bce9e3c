"""Owner-only files: every file mentorterm writes is readable by its owner only.

The database, its -wal/-shm, backups, exports and the error log hold health
and family details. Under the usual umask 022 they would be readable by every
account on the laptop, so the process runs with umask 077, files are created
0600 and folders 0700, and files left by an older version are tightened when
mentorterm starts.

A file written for the mentor appears whole or not at all: it is written to a
temporary ``.part`` file beside its final name, created with O_EXCL|O_NOFOLLOW
(a symlink planted at that name is refused, never followed), fsynced, then
renamed into place.

No Textual, no database here: storage, the domain and the CLI all use it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
UMASK = 0o077

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


class PlantedLink(OSError):
    """A symlink (or another non-file) sits where a temporary file is made."""


def restrict_umask() -> int:
    """Give the process umask 077 (new files 0600, folders 0700); returns the old one."""
    return os.umask(UMASK)


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Umask 077 for the block: for files another library (SQLite) creates."""
    old = os.umask(UMASK)
    try:
        yield
    finally:
        os.umask(old)


def make_private(path: Path, *, folder: bool = False) -> None:
    """Set ``path`` to 0600 (a folder: 0700) if it is ours; a symlink is left alone."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
        return
    wanted = FOLDER_MODE if folder else FILE_MODE
    if stat.S_ISDIR(info.st_mode) != folder:
        return
    if stat.S_IMODE(info.st_mode) & ~wanted:
        with contextlib.suppress(OSError):
            os.chmod(path, stat.S_IMODE(info.st_mode) & wanted)


def make_all_private(paths: Iterable[Path]) -> None:
    for path in paths:
        make_private(Path(path))


def make_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) owner-only; an existing one is kept as it is."""
    folder = Path(folder)
    if folder.is_dir():
        return
    with private_umask():
        folder.mkdir(parents=True, exist_ok=True)


def create_exclusive(path: Path) -> int:
    """A new file at ``path``, 0600, opened for writing; never through a symlink.

    A regular file left at ``path`` (a ``.part`` from an interrupted write) is
    removed first; a symlink or anything else there raises PlantedLink.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
    for attempt in (1, 2):
        try:
            return os.open(path, flags, FILE_MODE)
        except FileExistsError:
            info = os.lstat(path)
            if attempt == 2 or not stat.S_ISREG(info.st_mode):
                raise PlantedLink(
                    errno.EEXIST, "something other than a file is in the way", str(path)
                ) from None
            os.unlink(path)
    raise AssertionError("unreachable")  # pragma: no cover


def part_path(target: Path) -> Path:
    """The temporary file beside ``target`` that becomes it."""
    return target.with_name(f".{target.name}.part")


def write_atomically(target: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``target`` (0600), whole or not at all.

    Raises FileExistsError when ``target`` exists and ``overwrite`` is false
    (checked atomically where the file system can: a hard link never replaces
    a file), PlantedLink for a symlink at the temporary name, and OSError for
    anything the operating system refuses. Nothing is left behind on failure.
    """
    target = Path(target)
    tmp = part_path(target)
    created = False
    try:
        if not overwrite and os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "the file exists", str(target))
        fd = create_exclusive(tmp)
        created = True
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target, follow_symlinks=False)
            except FileExistsError:
                raise
            except OSError:
                # File systems without hard links (a FAT USB stick): the
                # check above is as close as it gets there.
                if os.path.lexists(target):
                    raise FileExistsError(errno.EEXIST, "the file exists", str(target)) from None
                os.replace(tmp, target)
            else:
                os.unlink(tmp)
        created = False
        _sync_folder(target.parent)
    finally:
        if created:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every file system allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def append_private(path: Path, text: str) -> None:
    """Append ``text`` to the owner-only file ``path`` (made 0600; never through a symlink)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | _NOFOLLOW | _CLOEXEC, FILE_MODE)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        make_private(Path(path))
        handle.write(text)
