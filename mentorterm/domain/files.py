"""Writing a document the mentor exports (an overview, a calendar) to a file.

Exports hold sensitive details about a citizen, so a file is readable by its
owner only, and it appears whole or not at all: it is written beside its
final name and renamed into place, so a full disk or a pulled USB stick
never leaves half a document that looks complete.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from platformdirs import user_documents_dir

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


def write_export(path: str | Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` (owner-only), whole or not at all.

    Raises DomainError (field "path") in plain words when the place cannot
    take the file; nothing is left behind then.
    """
    target = Path(path).expanduser()
    if not str(path).strip():
        raise DomainError(_("Write where the file should go."), field="path")
    if target.is_dir():
        raise DomainError(_("{path} is a folder; add a file name.").format(path=target),
                          field="path")
    if target.exists() and not overwrite:
        raise DomainError(_("{path} already exists; choose another name.").format(path=target),
                          field="path")
    folder = target.parent
    if not folder.is_dir():
        raise DomainError(_("The folder {folder} does not exist.").format(folder=folder),
                          field="path")
    tmp = folder / f".{target.name}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, PermissionError) or exc.errno in (13, 30):  # EACCES, EROFS
            message = _("mentorterm may not write in {folder}; choose another folder.")
        elif exc.errno == 28:  # ENOSPC
            message = _("The disk with {folder} is full; nothing was written.")
        else:
            message = _("The file could not be written in {folder} ({reason}).")
        raise DomainError(message.format(folder=folder, reason=exc.strerror or exc),
                          field="path") from exc
    return target
