"""The user's settings: one TOML file in platformdirs' config folder.

``$MENTORTERM_SETTINGS`` may name another file (tests use it). A missing file
means the defaults. A file that is not valid TOML, names a setting mentorterm
does not know, or holds a value out of range raises ``SettingsError`` with one
plain line naming the file and the key; nothing is read at import time.

The file holds who the mentor is (``[mentor]``: name and organisation, asked
at the first start), the weekly review's thresholds (``[review]``), the lock
time, how long records are kept and what the calendar export holds.
"""

from __future__ import annotations

import os
import textwrap
import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import private
from .i18n import _

ENV_VAR = "MENTORTERM_SETTINGS"
FILE_NAME = "settings.toml"


class SettingsError(Exception):
    """The settings file cannot be used; the message says which file and key, and why."""


def _days(default: int, description: str, low: int = 1, high: int = 365) -> Any:
    return Field(
        default,
        ge=low,
        le=high,
        strict=True,
        description=description,
        json_schema_extra={"must_be": f"a whole number of days from {low} to {high}"},
    )


def _percent(default: int, description: str) -> Any:
    return Field(
        default,
        ge=1,
        le=100,
        strict=True,
        description=description,
        json_schema_extra={"must_be": "a percentage from 1 to 100"},
    )


class ReviewThresholds(BaseModel):
    """When the weekly review raises a signal (defaults from issue 7 and DOMAIN.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    attendance_below: Annotated[
        int, _percent(75, "Attendance over the recent period below this percentage is a signal.")
    ]
    attendance_days: Annotated[
        int, _days(14, "The recent attendance period, in days (today included).", high=90)
    ]
    attendance_drop_points: Annotated[
        int,
        _percent(
            20,
            "A fall of this many percentage points or more against the period of the same "
            "length just before is a signal.",
        ),
    ]
    no_notice_days: Annotated[
        int,
        _days(
            7,
            "An absence without notice within this many days (today included) is a signal.",
            high=90,
        ),
    ]
    sub_goal_unscored_days: Annotated[
        int, _days(28, "An active sub-goal not scored for this many days or more is a signal.")
    ]
    course_ending_days: Annotated[
        int,
        _days(
            28,
            "A course ending within this many days, with no extension or end decided, is a signal.",
        ),
    ]
    placement_transition_days: Annotated[
        int, _days(14, "A placement starting or ending within this many days is a signal.")
    ]
    hours_step_days: Annotated[
        int,
        _days(
            28,
            "An hours step in force this many days or more without a three-party follow-up "
            "since is a signal.",
        ),
    ]
    aftercare_days: Annotated[
        int, _days(90, "Aftercare is due this many days after a job or flexjob started.", high=730)
    ]
    aftercare_window_days: Annotated[
        int,
        _days(
            14,
            "The aftercare signal shows from this many days before the due day to this many "
            "days after it, unless a meeting was held in that time.",
            low=0,
            high=90,
        ),
    ]
    missed_in_a_row: Annotated[
        int,
        Field(
            2,
            ge=1,
            le=10,
            strict=True,
            description="This many cancellations or no-shows in a row (no held meeting between) "
            "is a signal.",
            json_schema_extra={"must_be": "a whole number of meetings from 1 to 10"},
        ),
    ]


class SecuritySettings(BaseModel):
    """Protecting the notes on a laptop left on a table."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lock_after_minutes: Annotated[
        int,
        Field(
            5,
            ge=1,
            le=240,
            strict=True,
            description="Lock the app after this many minutes without a key pressed (ctrl+l locks "
            "at once).",
            json_schema_extra={"must_be": "a whole number of minutes from 1 to 240"},
        ),
    ]


class RetentionSettings(BaseModel):
    """How long a citizen's records are kept after their last course ended."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    years: Annotated[
        int,
        Field(
            5,
            ge=1,
            le=30,
            strict=True,
            description="Years after a citizen's last course ended before they are due for "
            "erasure.",
            json_schema_extra={"must_be": "a whole number of years from 1 to 30"},
        ),
    ]


class MentorSettings(BaseModel):
    """Who keeps this database: shown in notes, reports and handouts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[
        str,
        Field(
            "",
            max_length=200,
            strict=True,
            description="Your name as it stands in meeting notes, reports and handouts.",
            json_schema_extra={"must_be": "a text in quotes"},
        ),
    ]
    organisation: Annotated[
        str,
        Field(
            "",
            max_length=200,
            strict=True,
            description="The provider you work for, as it stands on reports and handouts.",
            json_schema_extra={"must_be": "a text in quotes"},
        ),
    ]


class CalendarSettings(BaseModel):
    """What the .ics calendar export of planned meetings holds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    include_place: Annotated[
        bool,
        Field(
            False,
            strict=True,
            description="Also put each meeting's place in the calendar. Off: an event holds only "
            "the citizen's initials, the kind of meeting and the time, because a "
            "calendar is synced to phones and shown where others can see it (a place "
            "such as a clinic or a home address can tell who the citizen is).",
            json_schema_extra={"must_be": "true or false"},
        ),
    ]


SECTIONS: dict[str, type[BaseModel]] = {
    "mentor": MentorSettings,
    "review": ReviewThresholds,
    "security": SecuritySettings,
    "retention": RetentionSettings,
    "calendar": CalendarSettings,
}


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    mentor: MentorSettings = Field(default_factory=MentorSettings)
    review: ReviewThresholds = Field(default_factory=ReviewThresholds)
    security: SecuritySettings = Field(default_factory=SecuritySettings)
    retention: RetentionSettings = Field(default_factory=RetentionSettings)
    calendar: CalendarSettings = Field(default_factory=CalendarSettings)

    @property
    def retention_years(self) -> int:
        return self.retention.years


def settings_path(environ: dict[str, str] | None = None) -> Path:
    """The settings file: ``$MENTORTERM_SETTINGS``, else the per-user config folder's."""
    environ = os.environ if environ is None else environ
    if override := environ.get(ENV_VAR):
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("mentorterm", appauthor=False)) / FILE_NAME


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return _("a table")
    if isinstance(value, list):
        return _("a list")
    return str(value)


def _problem(path: Path, error: dict, data: dict) -> str:
    loc = [str(part) for part in error["loc"]]
    key = ".".join(loc)
    if error["type"] == "extra_forbidden":
        if len(loc) == 1:
            return _("{path}: [{key}] is not a section mentorterm knows (known: {known}).").format(
                path=path, key=key, known=", ".join(f"[{name}]" for name in SECTIONS)
            )
        known = ", ".join(SECTIONS.get(loc[0], ReviewThresholds).model_fields)
        return _("{path}: {key} is not a setting mentorterm knows (known: {known}).").format(
            path=path, key=key, known=known
        )
    if len(loc) == 1:  # [review] written as something other than a table
        return _("{path}: {key} must be a table ([{key}]) (you wrote {value}).").format(
            path=path, key=key, value=_shown(data.get(loc[0]))
        )
    field = SECTIONS.get(loc[0], ReviewThresholds).model_fields.get(loc[-1])
    must_be = (field.json_schema_extra or {}).get("must_be") if field else None
    return _("{path}: {key} must be {must_be} (you wrote {value}).").format(
        path=path, key=key, must_be=_(must_be or "a valid value"), value=_shown(error["input"])
    )


def load_settings(path: Path | None = None) -> Settings:
    """The settings in force: the file's values over the defaults (no file: the defaults)."""
    path = path or settings_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings()
    except IsADirectoryError:
        raise SettingsError(
            _("{path} is a folder, not a settings file.").format(path=path)
        ) from None
    except OSError as exc:
        raise SettingsError(
            _("Could not read {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(
            _(
                "{path} is not a text (UTF-8) file; fix it, or delete it to use the defaults."
            ).format(path=path)
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(
            _(
                "{path} is not valid TOML: {detail}. Fix it, or delete it to use the defaults."
            ).format(path=path, detail=exc)
        ) from None
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise SettingsError(_problem(path, exc.errors()[0], data)) from None


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        import json

        return json.dumps(value, ensure_ascii=False)  # a TOML basic string
    return str(value)


def default_settings_text() -> str:
    """The default file, every setting commented with what it means."""
    lines = [
        "# mentorterm settings (TOML). Delete a line to use its default.",
        "# 'mentorterm settings' shows the settings in force.",
        "",
    ]
    for section, model in SECTIONS.items():
        lines += ["", f"[{section}]", f"# {model.__doc__.splitlines()[0]}"]
        defaults = model()
        for name, field in model.model_fields.items():
            lines.append("")
            lines += textwrap.wrap(
                field.description, 86, initial_indent="# ", subsequent_indent="# "
            )
            lines.append(f"{name} = {_toml_value(getattr(defaults, name))}")
    return "\n".join(lines) + "\n"


def write_default_settings(path: Path | None = None) -> Path:
    """Write the commented default file; an existing file is never overwritten."""
    path = path or settings_path()
    if path.exists():
        raise SettingsError(
            _(
                "{path} already exists; it was not changed (delete or rename it "
                "first to write the defaults)."
            ).format(path=path)
        )
    try:
        private.make_folder(path.parent)
        private.write_atomically(path, default_settings_text().encode("utf-8"))
    except FileExistsError:
        raise SettingsError(
            _("{path} already exists; it was not changed.").format(path=path)
        ) from None
    except OSError as exc:
        raise SettingsError(
            _("Could not write {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    return path


def save_section(section: str, values: dict[str, Any], path: Path | None = None) -> Path:
    """Set ``values`` in ``[section]`` of the file, keeping everything else as written.

    The new file is validated before it replaces the old one (written beside
    it, then renamed), so a refused value or a full disk leaves the file as it was.
    """
    import tomlkit

    path = path or settings_path()
    model = SECTIONS[section]
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(
            _("Could not read {path}: {reason}.").format(
                path=path, reason=getattr(exc, "strerror", None) or exc
            )
        ) from None
    try:
        document = tomlkit.parse(text)
    except tomlkit.exceptions.TOMLKitError as exc:
        raise SettingsError(
            _(
                "{path} is not valid TOML: {detail}. Fix it, or delete it to use the defaults."
            ).format(path=path, detail=exc)
        ) from None
    table = document.get(section)
    if table is None:
        table = tomlkit.table()
        table.add(tomlkit.comment(model.__doc__.splitlines()[0]))
        document.add(section, table)
    for key, value in values.items():
        table[key] = value
    new_text = tomlkit.dumps(document)
    try:
        Settings.model_validate(tomllib.loads(new_text))
    except ValidationError as exc:
        raise SettingsError(_problem(path, exc.errors()[0], tomllib.loads(new_text))) from None
    try:
        # Owner-only (it holds the mentor's name), whole or not at all.
        private.make_folder(path.parent)
        private.write_atomically(path, new_text.encode("utf-8"), overwrite=True)
    except OSError as exc:
        raise SettingsError(
            _("Could not write {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
        ) from None
    return path


def describe_settings(settings: Settings) -> list[str]:
    """``key = value`` lines of the settings in force, as the file spells them."""
    lines: list[str] = []
    for section in SECTIONS:
        lines.append(f"[{section}]")
        lines += [
            f"{name} = {_toml_value(value)}"
            for name, value in getattr(settings, section).model_dump().items()
        ]
    return lines
