"""The settings file: where it is, reading it with plain errors, writing a section."""

from __future__ import annotations

import textwrap
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import private
from ..i18n import N_, _
from .peek import settings_path
from .sections import SECTIONS, ReviewThresholds, Settings, SettingsError


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
    extra = (field.json_schema_extra or {}) if field else {}
    must_be = _(extra.get("must_be") or N_("a valid value")).format(**extra)
    return _("{path}: {key} must be {must_be} (you wrote {value}).").format(
        path=path, key=key, must_be=must_be, value=_shown(error["input"])
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


# Each section's comment in the file (its model's first docstring line), for the catalogue.
_TITLES = {
    "mentor": N_("Who keeps this database: shown in notes, reports and handouts."),
    "review": N_("When the weekly review raises a signal (defaults from issue 7 and DOMAIN.md)."),
    "security": N_("Protecting the notes on a laptop left on a table."),
    "retention": N_("How long a citizen's records are kept after their last course ended."),
    "calendar": N_("What the .ics calendar export of planned meetings holds."),
}


def _title(section: str) -> str:
    return _(_TITLES.get(section) or SECTIONS[section].__doc__.splitlines()[0])


def default_settings_text() -> str:
    """The default file, every setting commented with what it means."""
    lines = [
        "# " + _("mentorterm settings (TOML). Delete a line to use its default."),
        "# " + _("'mentorterm settings' shows the settings in force."),
        "",
    ]
    for section, model in SECTIONS.items():
        lines += ["", f"[{section}]", f"# {_title(section)}"]
        defaults = model()
        for name, field in model.model_fields.items():
            lines.append("")
            lines += textwrap.wrap(
                _(field.description), 86, initial_indent="# ", subsequent_indent="# "
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
    if section not in SECTIONS:
        raise KeyError(section)
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
        table.add(tomlkit.comment(_title(section)))
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
