"""The mentor's name and organisation: kept in settings.toml, naming the database's mentor."""

from __future__ import annotations

import json

import pytest

from mentorterm.domain import audit
from mentorterm.domain.errors import DomainError
from mentorterm.domain.identity import mentor_identity, save_mentor_identity
from mentorterm.models import Mentor
from mentorterm.settings import (
    SettingsError,
    describe_settings,
    load_settings,
    save_section,
    settings_path,
    write_default_settings,
)
from mentorterm.storage import ensure_default_mentor

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def test_unknown_until_told():
    assert mentor_identity().name == ""
    assert not mentor_identity().known


def test_saved_identity_is_in_settings_and_names_the_mentor(database):
    ensure_default_mentor()
    save_mentor_identity("  Anna Holm ", "Jobvejen ApS")
    assert mentor_identity().name == "Anna Holm"
    assert mentor_identity().organisation == "Jobvejen ApS"
    assert Mentor.get(Mentor.is_default == True).name == "Anna Holm"
    assert 'name = "Anna Holm"' in describe_settings(load_settings())


def test_saving_keeps_the_comments_and_other_values():
    path = write_default_settings(settings_path())
    text = path.read_text().replace("lock_after_minutes = 5", "lock_after_minutes = 9")
    path.write_text(text + "\n# my own note\n")
    save_mentor_identity("Bo", "")
    after = path.read_text()
    assert "# my own note" in after
    assert load_settings().security.lock_after_minutes == 9
    assert load_settings().mentor.name == "Bo"


def test_an_empty_name_is_refused_and_nothing_written():
    with pytest.raises(DomainError):
        save_mentor_identity("   ", "Jobvejen")
    assert not settings_path().exists()


def test_a_broken_file_is_not_overwritten():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[review\nbroken")
    with pytest.raises(SettingsError):
        save_section("mentor", {"name": "Anna"})
    assert path.read_text() == "[review\nbroken"


def test_a_value_out_of_range_is_refused_before_writing():
    path = write_default_settings(settings_path())
    before = path.read_text()
    with pytest.raises(SettingsError):
        save_section("security", {"lock_after_minutes": 0})
    assert path.read_text() == before


def test_changes_lists_old_and_new_and_hides_private_text():
    from datetime import date

    detail = json.loads(
        audit.changes(
            {"start_date": date(2026, 1, 5), "note": "old words", "weeks": 13},
            {"start_date": date(2026, 1, 12), "note": "new words", "weeks": 13},
            private={"note"},
        )
    )
    assert detail == {"start_date": ["2026-01-05", "2026-01-12"], "note": "changed"}
