"""The language of this run, chosen before the parser and any screen exist.

Cheap on purpose (the first frame is measured): the settings file is read
with the standard library's tomllib for its one ``[mentor] language`` key,
not through pydantic; a file that cannot be read leaves the choice to the
environment (the command that needs the settings says what is wrong).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from .. import i18n
from ..i18n import _
from .common import EXIT_USAGE, CliError

#: The settings file's variable and name (the same as mentorterm.settings').
SETTINGS_ENV_VAR = "MENTORTERM_SETTINGS"
SETTINGS_FILE = "settings.toml"
FLAG = "--lang"


def _settings_file(environ: Mapping[str, str]) -> Path:
    if override := environ.get(SETTINGS_ENV_VAR):
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("mentorterm", appauthor=False)) / SETTINGS_FILE


def setting(environ: Mapping[str, str] | None = None) -> str | None:
    """``language`` in the settings file's ``[mentor]`` section, if it names one."""
    environ = os.environ if environ is None else environ
    try:
        text = _settings_file(environ).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if "language" not in text:
        return None  # no need to parse it (nor to import tomllib)
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    mentor = data.get("mentor")
    value = mentor.get("language") if isinstance(mentor, dict) else None
    return value if isinstance(value, str) and value in i18n.LANGUAGES else None


def flag(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` on the command line (the last one given), if any.

    A value mentorterm does not speak is a usage error, said plainly.
    """
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == FLAG and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith(FLAG + "="):
            found = arg[len(FLAG) + 1 :]
    if found is not None and found not in i18n.LANGUAGES:
        raise CliError(
            _(
                '--lang takes "da" (Danish) or "en" (English), not "{value}" '
                "(see 'mentorterm --help')"
            ).format(value=found),
            EXIT_USAGE,
        )
    return found


def install(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """Choose this run's language and speak it from here on; the language chosen."""
    environ = os.environ if environ is None else environ
    given = flag(argv)
    decided = given or environ.get(i18n.ENV_VAR) in i18n.LANGUAGES
    chosen = i18n.choose(given, None if decided else setting(environ), environ)
    i18n.use(chosen)
    return chosen
