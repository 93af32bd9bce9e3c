"""Writing a document the mentor exports (an overview, a calendar) to a file.

Exports hold sensitive details about a citizen, so a file is readable by its
owner only, and it appears whole or not at all: it is written beside its
final name and renamed into place, so a full disk or a pulled USB stick
never leaves half a document that looks complete.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from platformdirs import user_documents_dir

from .. import private
from ..i18n import _
from .errors import DomainError


def documents_folder() -> Path:
    """Where an export goes unless the mentor says otherwise: Documents, or home."""
    folder = Path(user_documents_dir())
    return folder if folder.is_dir() else Path.home()


def safe_file_name(text: str) -> str:
    """A file name part with only letters, digits and dashes ("Ali Hassan" -> "Ali-Hassan")."""
    kept = "".join(c if c.isalnum() else "-" for c in text.strip())
    return "-".join(part for part in kept.split("-") if part) or "export"


def export_exists(path: str | Path) -> bool:
    """Is there a file (or anything else) at ``path`` already? False when it cannot be told."""
    try:
        return os.path.lexists(Path(path).expanduser())
    except (OSError, ValueError):
        return False


def write_export(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` (owner-only), whole or not at all.

    Raises DomainError (field "path") in plain words when the place cannot
    take the file; nothing is left behind then. Every look at the file system
    happens inside the guard: a folder without access or a name too long is
    a message, never a traceback.
    """
    if not str(path).strip():
        raise DomainError(_("Write where the file should go."), field="path")
    target = Path(path).expanduser()
    folder = target.parent
    try:
        if target.is_dir():
            raise DomainError(
                _("{path} is a folder; add a file name.").format(path=target), field="path"
            )
        if not folder.is_dir():
            raise DomainError(
                _("The folder {folder} does not exist.").format(folder=folder), field="path"
            )
        private.write_atomically(target, data, overwrite=overwrite)
    except DomainError:
        raise
    except FileExistsError as exc:
        if not overwrite and os.path.lexists(target):
            raise DomainError(
                _("{path} already exists; choose another name.").format(path=target), field="path"
            ) from exc
        raise DomainError(
            _("{part} is in the way of the file; nothing was written.").format(
                part=private.part_path(target)
            ),
            field="path",
        ) from exc
    except private.PlantedLink as exc:
        raise DomainError(
            _("{part} is in the way of the file; nothing was written.").format(
                part=private.part_path(target)
            ),
            field="path",
        ) from exc
    except (OSError, ValueError) as exc:
        raise DomainError(_file_problem(exc, folder), field="path") from exc
    return target


def _file_problem(exc: OSError | ValueError, folder: Path) -> str:
    """Why the operating system refused, in the mentor's words."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, ValueError):  # e.g. a NUL character in the name
        return _("That is not a file name mentorterm can use; choose another.")
    if code == errno.ENAMETOOLONG:
        return _("The file name is too long; choose a shorter one.")
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("mentorterm may not write in {folder}; choose another folder.").format(
            folder=folder
        )
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("The disk with {folder} is full; nothing was written.").format(folder=folder)
    if code in (errno.ENOTDIR, errno.ENOENT):
        return _("The folder {folder} does not exist.").format(folder=folder)
    return _("The file could not be written in {folder} ({reason}).").format(
        folder=folder, reason=getattr(exc, "strerror", None) or exc
    )
