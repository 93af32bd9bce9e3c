"""Who keeps this database: the mentor's name and organisation.

Kept in the settings file's ``[mentor]`` section (asked at the first start,
shown by ``mentorterm settings``); the name is also the default mentor's name
in the database, so audit rows and access exports say who it was.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from ..models import Mentor, db
from ..settings import SettingsError, load_settings, save_section
from .errors import DomainError

# The placeholder name a new database's mentor gets until the mentor says theirs.
_PLACEHOLDER = ("Me", "Mig")


class MentorIdentity(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str = ""
    organisation: str = ""

    @property
    def known(self) -> bool:
        return bool(self.name)


def mentor_identity(path: Path | None = None) -> MentorIdentity:
    """The mentor's name and organisation (empty where not yet told)."""
    try:
        mentor = load_settings(path).mentor
    except SettingsError:
        return MentorIdentity()
    return MentorIdentity(name=mentor.name.strip(), organisation=mentor.organisation.strip())


def save_mentor_identity(name: str, organisation: str, path: Path | None = None) -> MentorIdentity:
    """Keep the name and organisation in the settings, and name the database's mentor."""
    name, organisation = name.strip(), organisation.strip()
    if not name:
        from ..i18n import _

        raise DomainError(_("Write your name: it stands in your notes and reports."), field="name")
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
