"""The user's settings: one TOML file in platformdirs' config folder.

``$MENTORTERM_SETTINGS`` may name another file (tests use it). A missing file
means the defaults. A file that is not valid TOML, names a setting mentorterm
does not know, or holds a value out of range raises ``SettingsError`` with one
plain line naming the file and the key; nothing is read at import time.

The file holds who the mentor is (``[mentor]``: name and organisation, asked
at the first start), the weekly review's thresholds (``[review]``), the lock
time, how long records are kept and what the calendar export holds.

Importing this package loads no pydantic: ``peek`` reads one value as the
file has it (the app's first seconds), and the rest is loaded on first use.
"""

from .peek import ENV_VAR, FILE_NAME, LOCK_MINUTES, lock_minutes, peek, settings_path

_FILES = {
    "default_settings_text",
    "describe_settings",
    "load_settings",
    "save_section",
    "write_default_settings",
}
_SECTIONS = {
    "SECTIONS",
    "CalendarSettings",
    "MentorSettings",
    "RetentionSettings",
    "ReviewThresholds",
    "SecuritySettings",
    "Settings",
    "SettingsError",
}


def __getattr__(name: str) -> object:
    if name in _FILES:
        from . import files as room
    elif name in _SECTIONS:
        from . import sections as room
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(room, name)
    globals()[name] = value
    return value


__all__ = [
    "CalendarSettings",
    "ENV_VAR",
    "FILE_NAME",
    "LOCK_MINUTES",
    "MentorSettings",
    "RetentionSettings",
    "ReviewThresholds",
    "SECTIONS",
    "SecuritySettings",
    "Settings",
    "SettingsError",
    "default_settings_text",
    "describe_settings",
    "load_settings",
    "lock_minutes",
    "peek",
    "save_section",
    "settings_path",
    "write_default_settings",
]
