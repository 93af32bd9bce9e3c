"""Where the settings file is, and one value read from it without the models.

The full check (``load_settings``) builds pydantic models: about 10 MiB and
40 ms, which the first seconds after start do not need. The app's start asks
two things of the file (who the mentor is, when to lock) and reads them here
as the file has them; anything it cannot use there it asks ``load_settings``,
which checks the whole file and says what is wrong.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

ENV_VAR = "MENTORTERM_SETTINGS"
FILE_NAME = "settings.toml"

#: The lock's minutes: the default, and the range the settings allow.
LOCK_MINUTES, LOCK_MINUTES_MIN, LOCK_MINUTES_MAX = 5, 1, 240


def settings_path(environ: dict[str, str] | None = None) -> Path:
    """The settings file: ``$MENTORTERM_SETTINGS``, else the per-user config folder's."""
    environ = os.environ if environ is None else environ
    if override := environ.get(ENV_VAR):
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("mentorterm", appauthor=False)) / FILE_NAME


def peek(section: str, key: str, path: Path | None = None) -> object | None:
    """``key`` of ``[section]`` as the file has it, unchecked; None when the file,
    the section or the key is missing, or the file cannot be read as TOML."""
    try:
        data = tomllib.loads((path or settings_path()).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    table = data.get(section)
    return table.get(key) if isinstance(table, dict) else None


def lock_minutes(path: Path | None = None) -> int | None:
    """The lock's minutes when the file gives a usable number or none at all (the
    default); None when it gives something else (``load_settings`` says what)."""
    value = peek("security", "lock_after_minutes", path)
    if value is None:
        return LOCK_MINUTES
    usable = type(value) is int and LOCK_MINUTES_MIN <= value <= LOCK_MINUTES_MAX
    return value if usable else None
