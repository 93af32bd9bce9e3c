"""The user's settings: one TOML file in platformdirs' config folder.

``$MENTORTERM_SETTINGS`` may name another file (tests use it). A missing file
means the defaults. A file that is not valid TOML, names a setting mentorterm
does not know, or holds a value out of range raises ``SettingsError`` with one
plain line naming the file and the key; nothing is read at import time.

The file holds who the mentor is (``[mentor]``: name and organisation, asked
at the first start), the weekly review's thresholds (``[review]``), the lock
time, how long records are kept and what the calendar export holds.
"""

from .files import (
    default_settings_text,
    describe_settings,
    load_settings,
    save_section,
    settings_path,
    write_default_settings,
)
from .sections import (
    ENV_VAR,
    FILE_NAME,
    SECTIONS,
    CalendarSettings,
    MentorSettings,
    RetentionSettings,
    ReviewThresholds,
    SecuritySettings,
    Settings,
    SettingsError,
)

__all__ = [
    "CalendarSettings",
    "ENV_VAR",
    "FILE_NAME",
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
    "save_section",
    "settings_path",
    "write_default_settings",
]
