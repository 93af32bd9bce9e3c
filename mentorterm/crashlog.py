"""The error log: where an unexpected failure's traceback goes instead of the screen.

A traceback on the terminal stays in the scrollback, in front of the citizen,
and Textual's own one shows every local variable (names, absence reasons,
note text). Here a failure is written to an owner-only ``errors.log`` as a
plain traceback, without local values, and the mentor gets one line.
"""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

from . import private
from .i18n import _

APP_NAME = "mentorterm"


def log_path() -> Path:
    """The per-user errors.log (platformdirs' user log folder)."""
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False) / "errors.log"


def write(error: BaseException) -> Path | None:
    """Append ``error``'s traceback (no local values) to the log; its path, or None."""
    try:
        log = log_path()
        private.make_folder(log.parent)
        private.make_private(log.parent, folder=True)
        # format_exception prints the frames' source lines and the error,
        # never the values of local variables.
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        stamp = datetime.now().isoformat(timespec="seconds")
        private.append_private(log, f"--- {stamp}\n{text}\n")
        return log
    except Exception:  # noqa: BLE001 - the log must never cause a second failure
        return None


def one_line(error: BaseException, log: Path | None) -> str:
    """What the mentor is told: the kind of failure and where the details are."""
    where = _(" Details are in {log}.").format(log=log) if log else ""
    return _(
        "mentorterm stopped: something unexpected went wrong ({kind}); everything "
        "saved before is kept.{where}"
    ).format(kind=type(error).__name__, where=where)


def secure_log_folder() -> None:
    """Tighten a log folder and log an older mentorterm left readable to others."""
    try:
        log = log_path()
    except Exception:  # noqa: BLE001 - platformdirs could not name a folder
        return
    private.make_private(log.parent, folder=True)
    private.make_private(log)
