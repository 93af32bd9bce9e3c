"""Who keeps this database: the mentor's name and organisation.

Kept in the settings file's ``[mentor]`` section (asked at the first start,
shown by ``mentorterm settings``); the name is also the default mentor's name
in the database, so audit rows and access exports say who it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..models import Mentor, db
from ..settings import peek
from .errors import DomainError

# The placeholder name a new database's mentor gets until the mentor says theirs.
_PLACEHOLDER = ("Me", "Mig")


@dataclass(frozen=True)
class MentorIdentity:
    name: str = ""
    organisation: str = ""

    @property
    def known(self) -> bool:
        return bool(self.name)


def mentor_identity(path: Path | None = None) -> MentorIdentity:
    """The mentor's name and organisation (empty where not yet told).

    Read as the file has them (``settings.peek``: the start asks this before
    anything needs the whole file checked); a value that is no text counts
    as not told, so the mentor is asked again and the save says what is wrong.
    """

    def text(key: str) -> str:
        value = peek("mentor", key, path)
        return value.strip() if isinstance(value, str) else ""

    return MentorIdentity(name=text("name"), organisation=text("organisation"))


def save_mentor_identity(name: str, organisation: str, path: Path | None = None) -> MentorIdentity:
    """Keep the name and organisation in the settings, and name the database's mentor."""
    name, organisation = name.strip(), organisation.strip()
    if not name:
        from ..i18n import _

        raise DomainError(_("Write your name: it stands in your notes and reports."), field="name")
    from ..settings import SettingsError, save_section

    try:
        save_section("mentor", {"name": name, "organisation": organisation}, path)
    except SettingsError as exc:
        raise DomainError(str(exc)) from None
    if db.obj is not None and not db.is_closed():  # the CLI saves with no database
        name_default_mentor(name)
    return MentorIdentity(name=name, organisation=organisation)


def name_default_mentor(name: str) -> None:
    """Give the database's own mentor the mentor's real name (once it is known)."""
    with db.atomic():
        (
            Mentor.update(name=name, version=Mentor.version + 1)
            .where((Mentor.is_default == True) & (Mentor.name != name))
            .execute()
        )
