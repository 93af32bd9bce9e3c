"""Where the database is: the default file, --db and $MENTORTERM_DB, and the backups beside it."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..i18n import _
from .errors import StorageError

APP_NAME = "mentorterm"


ENV_VAR = "MENTORTERM_DB"


def default_database_path() -> Path:
    """The per-user database file (platformdirs' user data dir)."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "mentorterm.db"


def resolve_target(flag: str | None, environ: dict[str, str] | None = None) -> str:
    """Which database to open: ``--db``, else ``$MENTORTERM_DB``, else the default."""
    environ = os.environ if environ is None else environ
    if flag:
        return flag
    if environ.get(ENV_VAR):
        return environ[ENV_VAR]
    return str(default_database_path())


def target_path(target: str | Path) -> Path | None:
    """The file behind a target (a path or ``sqlite:///path``); None for memory."""
    text = str(target)
    if text == ":memory:":
        return None
    if "://" in text:
        url = urlparse(text)
        if url.scheme in ("postgresql", "postgres"):
            return None  # a team database: no file on this computer
        if url.scheme in ("sqlite", "file"):
            return Path(unquote(url.path))
        raise StorageError(
            _("Only SQLite databases are supported so far (got a '{scheme}' address).").format(
                scheme=url.scheme
            )
        )
    return Path(text).expanduser()


def label(target: str | Path) -> str:
    """The database as a title bar names it: the file's name, a team
    database's "name · server", or ":memory:"."""
    text = str(target)
    if text.lower().startswith(("postgresql://", "postgres://")):
        from .postgres import short_label

        return short_label(text)
    path = target_path(target)
    return path.name if path is not None else ":memory:"


def describe(target: str | Path) -> str:
    text = str(target)
    if text.lower().startswith(("postgresql://", "postgres://")):
        from .postgres import redacted

        return redacted(text)
    path = target_path(target)
    return ":memory:" if path is None else str(path)


def backups_of(path: Path) -> list[Path]:
    """The backups lying beside the database at ``path``, by name.

    The copies made before a schema upgrade or encryption
    (``<name>.schema<N>-<stamp>.bak``, ``<name>.plaintext-<stamp>.bak``), other
    ``<name>…bak`` files, and ``mentorterm backup FOLDER`` copies
    (``mentorterm-<stamp>.db``) in the same folder. Another database's backups
    in a shared folder are not copies of these records; backups elsewhere (a
    USB stick) cannot be found.
    """
    import glob

    path = Path(path).expanduser()
    if not path.parent.is_dir():
        return []
    patterns = (f"{glob.escape(path.name)}*.bak", "mentorterm-*.db")
    found = {
        p
        for pattern in patterns
        for p in path.parent.glob(pattern)
        if p.is_file() and p.resolve() != path.resolve()
    }
    return sorted(found, key=lambda p: p.name)


def latest_backup(path: Path) -> Path | None:
    """The newest of ``backups_of(path)``."""
    return max(backups_of(path), key=lambda p: p.stat().st_mtime, default=None)
